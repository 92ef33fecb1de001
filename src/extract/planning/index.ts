import type { Field } from '../fields.js';
import type { PlanningFields } from '../types.js';
import { dataviewUnit } from './dataview.js';
import { handWrittenUnit } from './hand-written.js';
import { kiroUnit } from './kiro.js';
import { obsidianTasksUnit } from './obsidian-tasks.js';
import { openSpecUnit } from './openspec.js';
import { specKitUnit } from './spec-kit.js';
import type { PlanningUnit } from './types.js';

export type { PlanningInput, PlanningUnit } from './types.js';
export { isoDate } from './dates.js';

/**
 * The planning formats, in the order their values win: a format's own
 * notation before the hand-written forms (docs/rules.md#planning-formats).
 * A new format is one more entry.
 */
export const PLANNING_UNITS: readonly PlanningUnit[] = [specKitUnit, kiroUnit, openSpecUnit, obsidianTasksUnit, dataviewUnit, handWrittenUnit];

/**
 * The planning fields of one item: for ref, owner and dates the first unit
 * that reads one wins; dependencies and tags are the union, in order.
 * Returns undefined when no unit reads anything (the defaults apply). Pure.
 */
export function readPlanning(title: string, fields: readonly Field[], units: readonly PlanningUnit[] = PLANNING_UNITS): Partial<PlanningFields> | undefined {
  const merged: Partial<PlanningFields> = {};
  let any = false;
  for (const unit of units) {
    const found = unit.read({ title, fields });
    if (!found) continue;
    any = true;
    for (const key of ['ref', 'owner', 'due', 'scheduled', 'start', 'doneDate'] as const) {
      if (merged[key] == null && found[key] != null) merged[key] = found[key];
    }
    if (found.optional) merged.optional = true;
    if (found.dependsOn) merged.dependsOn = union(merged.dependsOn, found.dependsOn);
    if (found.tags) merged.tags = union(merged.tags, found.tags);
  }
  return any ? merged : undefined;
}

/**
 * What a section's own fields say for every item in it (docs/rules.md#planning-formats):
 * an owner (`**Owner**: ana`, `Assignee:`) and a due date (`Due:`), from
 * fields only, never from the heading's text. Pure.
 */
export function groupPlanning(fields: readonly Field[]): Partial<PlanningFields> {
  if (fields.length === 0) return {};
  const found = handWrittenUnit.read({ title: '', fields }) ?? {};
  return {
    ...(found.owner ? { owner: found.owner } : {}),
    ...(found.due ? { due: found.due } : {}),
  };
}

function union(a: readonly string[] = [], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
