import type { Item, Priority, Report, Status } from '../model.js';
import { UsageError } from '../errors.js';
import { OPEN_STATUSES, PRIORITIES, STATUSES } from '../model.js';

/**
 * `shipready list` filters (README.md#command-line): which items of a report
 * are listed. Pure; parsing the option values lives here too so the CLI and
 * the tests share one grammar.
 */

/** An item with the path of the file it was found in (relative, `/` separators). */
export interface ListedItem extends Item {
  path: string;
}

/** What to keep. Every field narrows; an empty filter keeps everything. */
export interface ItemFilter {
  /** Statuses to keep (default: the open ones). */
  statuses: ReadonlySet<Status>;
  /** Priorities to keep (default: all). */
  priorities: ReadonlySet<Priority>;
  /** Keep only blocking items. */
  blocking: boolean;
  /** Case-insensitive text the title must contain. */
  grep?: string;
  /** Text the file path must contain. */
  file?: string;
  /** Owners to keep, lower-case without `@` (README.md#planning-formats). */
  owners?: ReadonlySet<string>;
  /** Keep only overdue items. */
  overdue?: boolean;
  /** Ids of the items to keep: `--ready` passes the items `next` would start now. */
  ids?: ReadonlySet<string>;
  /** Tags to keep (any of them), lower-case without `#`. */
  tags?: ReadonlySet<string>;
}

/** The default filter: open items of every priority. */
export const DEFAULT_FILTER: ItemFilter = { statuses: OPEN_STATUSES, priorities: new Set(PRIORITIES), blocking: false };

/** Every item of the report that passes `filter`, in report order (files by path, items by line). */
export function filterItems(report: Report, filter: ItemFilter): ListedItem[] {
  const grep = filter.grep?.toLocaleLowerCase();
  return report.files.flatMap((file) => {
    if (filter.file !== undefined && !file.path.includes(filter.file)) return [];
    return file.items
      .filter(
        (item) =>
          filter.statuses.has(item.status) &&
          filter.priorities.has(item.priority) &&
          (!filter.blocking || item.blocking) &&
          (grep === undefined || item.title.toLocaleLowerCase().includes(grep)) &&
          (filter.owners === undefined || (item.owner !== null && filter.owners.has(item.owner.toLowerCase()))) &&
          (!filter.overdue || item.overdue) &&
          (filter.ids === undefined || filter.ids.has(item.id)) &&
          (filter.tags === undefined || item.tags.some((tag) => filter.tags!.has(tag.toLowerCase()))),
      )
      .map((item) => ({ path: file.path, ...item }));
  });
}

/**
 * `--status`: comma-separated statuses (`todo`, `in_progress`, `blocked`,
 * `done`, `cancelled`), `open` (the three open ones) or `all`.
 *
 * @throws UsageError naming the first value that is none of these.
 */
export function parseStatuses(value: string): Set<Status> {
  const statuses = new Set<Status>();
  for (const part of splitList(value)) {
    if (part === 'all') STATUSES.forEach((s) => statuses.add(s));
    else if (part === 'open') OPEN_STATUSES.forEach((s) => statuses.add(s));
    else if ((STATUSES as readonly string[]).includes(part)) statuses.add(part as Status);
    else throw new UsageError(`Unexpected \`${part}\`, expected ${[...STATUSES, 'open', 'all'].join(', ')} (comma-separated)`);
  }
  return statuses;
}

/**
 * `--priority`: a level (`high`), a level and everything above it (`high+`),
 * or several, comma-separated (`critical,low`).
 *
 * @throws UsageError naming the first value that is none of these.
 */
export function parsePriorities(value: string): Set<Priority> {
  const priorities = new Set<Priority>();
  for (const part of splitList(value)) {
    const andAbove = part.endsWith('+');
    const level = andAbove ? part.slice(0, -1) : part;
    const rank = (PRIORITIES as readonly string[]).indexOf(level);
    if (rank < 0) {
      throw new UsageError(`Unexpected \`${part}\`, expected a priority (${PRIORITIES.join(', ')}), optionally followed by \`+\` for that level and above`);
    }
    for (const p of andAbove ? PRIORITIES.slice(0, rank + 1) : [PRIORITIES[rank]!]) priorities.add(p);
  }
  return priorities;
}

/**
 * `--owner` and `--tag`: comma-separated names, compared without case; a
 * leading `@` (owners) or `#` (tags) is dropped.
 *
 * @throws UsageError when no name is given.
 */
export function parseNames(value: string): Set<string> {
  return new Set(splitList(value).map((name) => name.replace(/^[@#]/, '')));
}

function splitList(value: string): string[] {
  const parts = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (parts.length === 0) throw new UsageError(`Unexpected \`${value}\`, expected at least one value`);
  return parts;
}
