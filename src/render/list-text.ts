import { Chalk, type ChalkInstance } from 'chalk';
import type { GroupKey, ItemGroup, ListedItem } from '../list/index.js';
import type { Status } from '../model.js';
import { formatItemEffort } from './format.js';
import { PRIORITY_COLOUR } from './palette.js';
import { type ColumnLayout, displayWidth, layoutColumns, truncate, truncateMiddle, widest } from './text.js';
import { sanitizeText } from '../text/sanitize.js';
import type { RenderContext, Renderer, RenderOptions } from './types.js';

/** The render options of `list`: the report's, and the `--group-by` key. */
export interface ListRenderOptions extends RenderOptions {
  /** The `--group-by` key, if any: its column is left out of the lines, the group heading says it. */
  groupBy?: GroupKey;
}

/** The render context of `list`: the common one (report, verdict, findings), and the items to show. */
export interface ListRenderContext extends RenderContext {
  /** The filtered items, sorted and grouped (list/). */
  groups: readonly ItemGroup[];
  options: ListRenderOptions;
}

/** A list renderer turns filtered, sorted, grouped items into the text of one `list --format`. Pure. */
export type ListRenderer = Renderer<ListRenderContext>;

const GAP = 2;
/** Titles keep at least this many columns, even when paths are long. */
const MIN_TITLE = 12;

/**
 * `list --format text` (the default): one item per line,
 * `status  priority  path:line  title  effort`, aligned by display width
 * (render/text.ts `layoutColumns`). Titles are cut with `…` to fit
 * `options.width` (pass `Infinity` for no limit, e.g. when stdout is a
 * pipe). When `path:line` would leave titles fewer than 12 columns, the
 * effort column goes first; past that, items are listed under their file's
 * path (cut from the middle, keeping the file name) as
 * `line:column  status  priority  title`, so no line is wider than the
 * terminal and every item still shows where it is. The `groupBy` column is
 * left out: the group heading names it. Groups get a `label (count)` line
 * and their items are indented. Text from files is sanitised.
 */
export const renderListText: ListRenderer = ({ report, groups, options }) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const items = groups.flatMap((group) => group.items);
  if (items.length === 0) return '';
  const width = Number.isFinite(options.width) ? Math.max(40, Math.floor(options.width)) : Number.POSITIVE_INFINITY;
  let showStatus = options.groupBy !== 'status';
  let showPriority = options.groupBy !== 'priority';
  const room = (w: number): number => (w > 0 ? w + GAP : 0);
  const grouped = groups.some((group) => group.label !== null);
  const locations = items.map((item) => `${sanitizeText(item.path)}:${item.line}`);
  const statusNeed = widest(items.map((item) => item.status));
  const priorityNeed = widest(items.map((item) => item.priority));
  // Too narrow for whole locations beside titles: list under file headings instead (unless grouped otherwise).
  const byFile = !grouped && widest(locations) + room(statusNeed) + room(priorityNeed) + GAP + MIN_TITLE > width;
  // Narrower still: the status column goes, then the priority column, before titles drop below MIN_TITLE.
  const positionNeed = byFile ? widest(items.map((item) => `${item.line}:${item.column}`)) : 0;
  if (byFile && 2 + positionNeed + room(showStatus ? statusNeed : 0) + room(showPriority ? priorityNeed : 0) + GAP + MIN_TITLE > width) showStatus = false;
  if (byFile && 2 + positionNeed + room(showPriority ? priorityNeed : 0) + GAP + MIN_TITLE > width) showPriority = false;
  const statusWidth = showStatus ? statusNeed : 0;
  const priorityWidth = showPriority ? priorityNeed : 0;
  const fixed = room(statusWidth) + room(priorityWidth) + GAP;
  const shownGroups: readonly ItemGroup[] = byFile ? fileRuns(items) : groups;
  const indent = byFile || grouped ? 2 : 0;
  const cells = byFile ? items.map((item) => `${item.line}:${item.column}`) : locations;
  const locationWidth = Math.min(widest(cells), Math.max(MIN_TITLE, width - indent - fixed - MIN_TITLE));

  const titles = items.map((item) => sanitizeText(item.title));
  const efforts = items.map((item) => formatItemEffort(item.effort, report.options.hoursPerDay));
  const titleRoom = (effort: number): number => width - indent - room(statusWidth) - room(priorityWidth) - room(effort) - locationWidth - GAP;
  // Long paths in a narrow terminal: the effort column goes before titles drop below MIN_TITLE.
  const effortWidth = titleRoom(widest(efforts)) < MIN_TITLE ? 0 : widest(efforts);
  const titleWidth = Math.max(1, Math.min(widest(titles), titleRoom(effortWidth)));

  const columns: ColumnLayout[] = [];
  if (byFile) columns.push({ width: locationWidth, align: 'right' });
  if (showStatus) columns.push({ width: statusWidth });
  if (showPriority) columns.push({ width: priorityWidth });
  if (!byFile) columns.push({ width: locationWidth });
  columns.push({ width: titleWidth + (effortWidth > 0 ? GAP + effortWidth : 0) });

  const lines: string[] = [];
  let index = 0;
  for (const group of shownGroups) {
    if (group.items.length === 0) continue;
    if (group.label !== null) {
      if (lines.length > 0 && !byFile) lines.push('');
      const label = byFile ? sanitizeText(group.label) : `${sanitizeText(group.label)} (${group.items.length})`;
      lines.push(byFile ? c.underline(truncateMiddle(label, width)) : c.bold(truncateMiddle(label, width)));
    }
    const rows = group.items.map((item) => {
      const row: string[] = [];
      const where = truncateMiddle(cells[index]!, locationWidth);
      if (byFile) row.push(c.dim(where));
      if (showStatus) row.push(STATUS_COLOUR[item.status](c)(item.status));
      if (showPriority) row.push(PRIORITY_COLOUR[item.priority](c)(item.priority));
      if (!byFile) row.push(where);
      const title = truncate(titles[index]!, titleWidth);
      const painted = item.blocking ? c.bold(title) : title;
      const effort = efforts[index]!;
      row.push(
        effortWidth > 0 && effort !== ''
          ? `${painted}${' '.repeat(titleWidth - displayWidth(title) + GAP + effortWidth - displayWidth(effort))}${c.dim(effort)}`
          : painted,
      );
      index++;
      return row;
    });
    lines.push(...layoutColumns(rows, columns, GAP).map((line) => ' '.repeat(indent) + line));
  }
  return `${lines.join('\n')}\n`;
};

/** Consecutive items of one file as a group labelled with its path (the narrow layout's headings). */
function fileRuns(items: readonly ListedItem[]): ItemGroup[] {
  const runs: ItemGroup[] = [];
  for (const item of items) {
    const last = runs.at(-1);
    if (last !== undefined && last.label === item.path) last.items.push(item);
    else runs.push({ label: item.path, items: [item] });
  }
  return runs;
}

/**
 * `list --format json`: one JSON document, `{schemaVersion, count, items}`,
 * each item as in the report (schema/report.schema.json) with its file's `path` first, in
 * listed order (groups flattened).
 */
export const renderListJson: ListRenderer = ({ groups }) => {
  const items: ListedItem[] = groups.flatMap((group) => group.items.map(({ path, ...item }) => ({ path, ...item })));
  return `${JSON.stringify({ schemaVersion: 2, count: items.length, items }, null, 2)}\n`;
};

const STATUS_COLOUR: Record<Status, (c: ChalkInstance) => (s: string) => string> = {
  todo: () => (s) => s,
  in_progress: (c) => c.bold,
  blocked: (c) => c.magenta,
  done: (c) => c.dim,
  cancelled: (c) => c.dim,
};
