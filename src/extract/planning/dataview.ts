import type { PlanningFields } from '../types.js';
import { isoDate, refList } from './dates.js';
import type { PlanningUnit } from './types.js';

// `[key:: value]` or `(key:: value)`; the key is up to four words (Dataview allows spaces and dashes in it).
// Written so that no two parts can take the same space (no backtracking trade-offs; test/extract-regex-safety.test.ts).
const INLINE_FIELD = /[[(][ \t]*([A-Za-z][\w-]*(?: [\w-]+){0,3})[ \t]*::[ \t]*([^\s\])][^\])]*)?[\])]/g;

/**
 * Dataview inline fields (docs/rules.md#planning-formats), as the Tasks
 * plugin's Dataview format writes them: `[due:: 2026-01-31]`,
 * `[scheduled:: …]`, `[start:: …]`, `[completion:: …]`, `[id:: …]`,
 * `[dependsOn:: a,b]`, and `[owner:: ana]` (or `assignee`).
 */
export const dataviewUnit: PlanningUnit = {
  name: 'dataview',
  read({ title }) {
    const found: Partial<PlanningFields> = {};
    for (const match of title.matchAll(INLINE_FIELD)) {
      const key = match[1]!.toLowerCase().replace(/[\s_-]/g, '');
      const value = (match[2] ?? '').trim();
      if (value === '') continue;
      switch (key) {
        case 'due': case 'scheduled': case 'start': {
          const date = isoDate(value);
          if (date) found[key] = date;
          break;
        }
        case 'completion': {
          const date = isoDate(value);
          if (date) found.doneDate = date;
          break;
        }
        case 'id': found.ref = value; break;
        case 'dependson': found.dependsOn = refList(value); break;
        case 'owner': case 'assignee': found.owner = value.replace(/^@/, ''); break;
        default: break;
      }
    }
    return Object.keys(found).length > 0 ? found : null;
  },
};
