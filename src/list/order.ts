import type { Priority, Status } from '../model.js';
import { PRIORITIES, STATUSES } from '../model.js';
import type { ListedItem } from './filter.js';

/**
 * Sorting and grouping of listed items (`list --sort`, `--group-by`). Pure;
 * every order is total and falls back to file path, then line, then column,
 * so output is deterministic.
 */

/** `--sort` keys. */
export const SORT_KEYS = ['file', 'priority', 'status', 'effort'] as const;
/** A `--sort` key; see {@link sortItems}. */
export type SortKey = (typeof SORT_KEYS)[number];

/** `--group-by` keys. */
export const GROUP_KEYS = ['priority', 'file', 'section', 'status'] as const;
/** A `--group-by` key; see {@link groupItems}. */
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Items under one heading of a grouped list. `label` is null for the single group of an ungrouped list. */
export interface ItemGroup {
  label: string | null;
  items: ListedItem[];
}

const byFile = (a: ListedItem, b: ListedItem): number =>
  (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || a.line - b.line || a.column - b.column;

const rankOf = <T>(order: readonly T[]) => (value: T): number => order.indexOf(value);
const priorityRank = rankOf<Priority>(PRIORITIES);
const statusRank = rankOf<Status>(STATUSES);

/** Effort order: smallest estimate first (quick wins), items without an estimate last. */
const byEffort = (a: ListedItem, b: ListedItem): number => {
  if (a.effort === null || b.effort === null) return (a.effort === null ? 1 : 0) - (b.effort === null ? 1 : 0);
  return a.effort.minHours - b.effort.minHours || a.effort.maxHours - b.effort.maxHours;
};

const COMPARATORS: Record<SortKey, (a: ListedItem, b: ListedItem) => number> = {
  file: byFile,
  priority: (a, b) => priorityRank(a.priority) - priorityRank(b.priority) || byFile(a, b),
  status: (a, b) => statusRank(a.status) - statusRank(b.status) || byFile(a, b),
  effort: (a, b) => byEffort(a, b) || byFile(a, b),
};

/**
 * Items in `key` order: `file` (path, line), `priority` (critical first),
 * `status` (todo, in progress, blocked, done, cancelled) or `effort`
 * (smallest own estimate first, unestimated last). Returns a new array.
 */
export function sortItems(items: readonly ListedItem[], key: SortKey): ListedItem[] {
  return [...items].sort(COMPARATORS[key]);
}

/**
 * Splits items, already sorted, into groups by `key`, keeping their order
 * within each group. Groups come in the key's natural order (priorities and
 * statuses highest first, files by path, sections in document order); empty
 * groups are left out. `null` gives one unlabelled group.
 */
export function groupItems(items: readonly ListedItem[], key: GroupKey | null): ItemGroup[] {
  if (key === null) return [{ label: null, items: [...items] }];
  const groups = new Map<string, { label: string; order: [number, string, number]; items: ListedItem[] }>();
  for (const item of items) {
    const [id, label, order] = groupOf(item, key);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { label, order, items: [] }));
    else if (key === 'section' && item.line < group.order[2]) group.order[2] = item.line;
    group.items.push(item);
  }
  return [...groups.values()]
    .sort((a, b) => a.order[0] - b.order[0] || (a.order[1] < b.order[1] ? -1 : a.order[1] > b.order[1] ? 1 : 0) || a.order[2] - b.order[2])
    .map(({ label, items: groupItemsList }) => ({ label, items: groupItemsList }));
}

/** A group's identity, its label and its sort position `[rank, path, line]`. */
function groupOf(item: ListedItem, key: GroupKey): [string, string, [number, string, number]] {
  switch (key) {
    case 'priority':
      return [item.priority, item.priority, [priorityRank(item.priority), '', 0]];
    case 'status':
      return [item.status, item.status, [statusRank(item.status), '', 0]];
    case 'file':
      return [item.path, item.path, [0, item.path, 0]];
    case 'section': {
      const section = item.sectionPath.length > 0 ? item.sectionPath.join(' › ') : '(no heading)';
      return [`${item.path}\u0000${section}`, `${item.path} › ${section}`, [0, item.path, item.line]];
    }
  }
}
