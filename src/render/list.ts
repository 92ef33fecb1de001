import { Chalk, type ChalkInstance } from 'chalk';
import type { GroupKey, ItemGroup, ListedItem } from '../list/index.js';
import type { Status } from '../model.js';
import { formatItemEffort } from './format.js';
import { PRIORITY_COLOUR } from './table.js';
import { type ColumnLayout, displayWidth, layoutColumns, truncate, truncateStart, widest } from './text.js';
import { sanitizeText } from '../text/sanitize.js';
import { defineFormat, type FormatEntry, type RenderContext, type Renderer, type RenderOptions } from './types.js';

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
 * `status  priority  path:line  title  effort`, aligned by display
 * width. cli-table3 lays out the status, priority and location columns; the
 * title and its effort form the last cell, the title padded by string-width
 * so that the effort column lines up even for emoji that cli-table3's older
 * string-width measures differently (see {@link layoutColumns}). Titles are
 * cut with `…` to fit `options.width` (pass `Infinity` for no limit, e.g.
 * when stdout is a pipe); `path:line` is never cut: when long paths leave
 * titles fewer than 12 columns the effort column is dropped, and past that a
 * line runs over the width rather than lose where the item is. The `groupBy`
 * column is left out: the group heading names it. Groups get a
 * `label (count)` line and their items are indented. Text from files is
 * sanitised.
 */
export const renderListText: ListRenderer = ({ report, groups, options }) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const items = groups.flatMap((group) => group.items);
  if (items.length === 0) return '';
  const grouped = groups.some((group) => group.label !== null);
  const indent = grouped ? 2 : 0;

  const locations = items.map((item) => `${sanitizeText(item.path)}:${item.line}`);
  const titles = items.map((item) => sanitizeText(item.title));
  const efforts = items.map((item) => formatItemEffort(item.effort, report.options.hoursPerDay));
  const showStatus = options.groupBy !== 'status';
  const showPriority = options.groupBy !== 'priority';
  const statusWidth = showStatus ? widest(items.map((item) => item.status)) : 0;
  const priorityWidth = showPriority ? widest(items.map((item) => item.priority)) : 0;
  const room = (w: number): number => (w > 0 ? w + GAP : 0);
  const width = Number.isFinite(options.width) ? Math.max(40, Math.floor(options.width)) : Number.POSITIVE_INFINITY;
  const locationWidth = widest(locations);
  const titleRoom = (effort: number): number => width - indent - room(statusWidth) - room(priorityWidth) - room(effort) - locationWidth - GAP;
  // Long paths in a narrow terminal: the effort column goes before titles drop below MIN_TITLE.
  const effortWidth = titleRoom(widest(efforts)) < MIN_TITLE ? 0 : widest(efforts);
  const titleWidth = Math.max(MIN_TITLE, Math.min(widest(titles), titleRoom(effortWidth)));

  const columns: ColumnLayout[] = [];
  if (showStatus) columns.push({ width: statusWidth });
  if (showPriority) columns.push({ width: priorityWidth });
  columns.push({ width: locationWidth });
  // The last cell, title then effort, is laid out by display width here, not by cli-table3.
  columns.push({ width: titleWidth + (effortWidth > 0 ? GAP + effortWidth : 0) });

  const lines: string[] = [];
  let index = 0;
  for (const group of groups) {
    if (group.items.length === 0) continue;
    if (group.label !== null) {
      if (lines.length > 0) lines.push('');
      const label = `${sanitizeText(group.label)} (${group.items.length})`;
      lines.push(c.bold(truncateStart(label, width)));
    }
    const rows = group.items.map((item) => {
      const cells: string[] = [];
      if (showStatus) cells.push(STATUS_COLOUR[item.status](c)(item.status));
      if (showPriority) cells.push(PRIORITY_COLOUR[item.priority](c)(item.priority));
      cells.push(c.cyan(locations[index]!));
      const title = truncate(titles[index]!, titleWidth);
      const painted = item.blocking ? c.bold(title) : title;
      const effort = efforts[index]!;
      cells.push(
        effortWidth > 0 && effort !== ''
          ? `${painted}${' '.repeat(titleWidth - displayWidth(title) + GAP + effortWidth - displayWidth(effort))}${c.dim(effort)}`
          : painted,
      );
      index++;
      return cells;
    });
    lines.push(...layoutColumns(rows, columns, GAP).map((line) => ' '.repeat(indent) + line));
  }
  return `${lines.join('\n')}\n`;
};

/**
 * `list --format json`: one JSON document, `{schemaVersion, count, items}`,
 * each item as in the report (schema/report.schema.json) with its file's `path` first, in
 * listed order (groups flattened).
 */
export const renderListJson: ListRenderer = ({ groups }) => {
  const items: ListedItem[] = groups.flatMap((group) => group.items.map(({ path, ...item }) => ({ path, ...item })));
  return `${JSON.stringify({ schemaVersion: 2, count: items.length, items }, null, 2)}\n`;
};

/**
 * Every `list --format`, by name, with its traits: the registry of
 * render/index.ts, for the list's own context. The option's choices, help
 * and default come from here.
 */
export const listFormats = {
  text: defineFormat<ListRenderContext>(async () => renderListText, { commands: ['list'], defaultFor: ['list'], color: true, human: true }),
  json: defineFormat<ListRenderContext>(async () => renderListJson, { commands: ['list'] }),
} satisfies Record<string, FormatEntry<ListRenderContext>>;

/** A `list --format` name. */
export type ListFormatName = keyof typeof listFormats;

/** The `list --format` names, in help order. */
export const LIST_FORMAT_NAMES = Object.keys(listFormats) as ListFormatName[];

const STATUS_COLOUR: Record<Status, (c: ChalkInstance) => (s: string) => string> = {
  todo: () => (s) => s,
  in_progress: (c) => c.yellow,
  blocked: (c) => c.magenta,
  done: (c) => c.green,
  cancelled: (c) => c.dim,
};
