import type { DiffItem, DiffReport } from '../history/diff.js';
import type { GateCheck } from '../model.js';

/**
 * The items a change made worse (README.md#check---since): blocking items
 * added, and items reopened (a done item unticked, whatever its priority).
 * In path, then line order. Pure.
 */
export function worsenedItems(diff: DiffReport): DiffItem[] {
  return [...diff.added.filter((item) => item.blocking), ...diff.reopened].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/**
 * The ratchet's gate check: passed when nothing was made worse since `ref`.
 * Blocking items already open there are counted in `since.alreadyOpen`, and
 * do not fail it.
 */
export function ratchetCheck(diff: DiffReport, ref: string): GateCheck {
  const worse = worsenedItems(diff).length;
  return { rule: 'since', scope: null, passed: worse === 0, actual: worse, limit: null, since: { ref, alreadyOpen: diff.stillBlocking.length } };
}
