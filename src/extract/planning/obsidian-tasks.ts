import type { PlanningFields } from '../types.js';
import { isoDate } from './dates.js';
import type { PlanningUnit } from './types.js';

const DATE_FIELDS: ReadonlyArray<[RegExp, 'due' | 'scheduled' | 'start' | 'doneDate']> = [
  [/📅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u, 'due'],
  [/⏳\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u, 'scheduled'],
  [/🛫\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u, 'start'],
  [/✅\uFE0F?\s*(\d{4}-\d{2}-\d{2})/u, 'doneDate'],
];
const ID = /🆔\uFE0F?\s*([A-Za-z0-9_-]+)/u;
const DEPENDS = /⛔\uFE0F?\s*([A-Za-z0-9_-]+(?:\s*,\s*[A-Za-z0-9_-]+)*)/u;

/**
 * Obsidian Tasks' emoji fields (docs/rules.md#planning-formats): 📅 due,
 * ⏳ scheduled, 🛫 start, ✅ done date (each followed by a `YYYY-MM-DD`
 * date), 🆔 the ref and ⛔ the refs it depends on (comma-separated).
 */
export const obsidianTasksUnit: PlanningUnit = {
  name: 'obsidian-tasks',
  read({ title }) {
    const found: Partial<PlanningFields> = {};
    for (const [pattern, key] of DATE_FIELDS) {
      const date = pattern.exec(title)?.[1];
      if (date && isoDate(date)) found[key] = date;
    }
    const id = ID.exec(title);
    if (id) found.ref = id[1]!;
    const depends = DEPENDS.exec(title);
    if (depends) found.dependsOn = depends[1]!.split(',').map((r) => r.trim());
    return Object.keys(found).length > 0 ? found : null;
  },
};
