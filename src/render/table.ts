import { Chalk, type ChalkInstance } from 'chalk';
import type { ClaimReport, FileReport, GateVerdict, Item, Priority, Report, SectionReport, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import { progressBar } from './bar.js';
import { blockingItemsByPriority, claimText, describeCounted, describeRemainingEffort, formatEffortRange, formatPercent } from './format.js';
import { scannedSentence, verdictSentence } from './verdict.js';
import { type ColumnLayout, layoutColumns, plural, truncate, truncateStart, widest } from './text.js';
import { sanitizeText } from '../text/sanitize.js';
import type { Renderer, RenderOptions } from './types.js';

/** How many open blocking items the terminal report lists before `… and N more`. */
export const BLOCKING_LIMIT = 10;

/** Narrowest layout the report is drawn for; narrower terminals get this width. */
const MIN_WIDTH = 40;
/** Bars never grow past this many cells, however wide the terminal. */
const MAX_BAR = 40;
const MIN_BAR = 6;
/** A bar narrower than this says little; below it, section titles get the room. */
const USEFUL_BAR = 10;
/** Section titles keep at least this many columns when a bar is drawn beside them. */
const LABEL_FIRST = 36;
const GAP = 2;

/**
 * `--format table` (the default): the terminal report — the verdict
 * sentence; overall and per-priority (or, with `by: 'section'`, per-section) progress with bars, percentages, remaining effort
 * and unestimated counts; a per-file table when there are several files; the
 * open blocking items as `path:line  title`; stale claims with what the file
 * says and what was counted.
 *
 * Every line fits `options.width` display columns (at least 40); wider
 * terminals get longer bars and titles. Text from files is sanitised, so no
 * control character or escape sequence from a file reaches the terminal.
 */
export const renderTable: Renderer = ({ report, verdict, options }) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, Math.floor(options.width));
  const blocks: string[][] = [
    [verdictLine(report, verdict, c)],
    breakdown(report, options, width, c),
    effortLines(report, c),
    report.files.length > 1 ? fileTable(report, options, width, c) : [],
    blockingLines(report, width, c),
    staleClaimLines(report, width, c),
    [c.dim(scannedSentence(report))],
  ];
  return `${blocks.filter((block) => block.length > 0).map((block) => block.join('\n')).join('\n\n')}\n`;
};

/**
 * The verdict sentence (render/verdict.ts): `NOT READY — 24 blocking items
 * open (critical)` or `READY — no blocking items (4 open)`, bold red or green.
 */
export function verdictLine(report: Report, verdict: GateVerdict, c: ChalkInstance): string {
  const sentence = verdictSentence(report, verdict);
  return verdict.ready ? c.bold.green(sentence) : c.bold.red(sentence);
}

/** A row of the breakdown: a label, its totals and how to paint the label. */
interface BreakdownRow {
  label: string;
  totals: Totals;
  paint?: (s: string) => string;
  /** Rows without items are dimmed. */
  empty?: boolean;
  /** Cut the label at its start (a path) rather than its end. */
  cutStart?: boolean;
}

const NUMBER_HEADERS = ['done', 'open', 'wip', 'blocked', '%'] as const;

/** Overall and per-priority (or per-section) progress as an aligned table with bars. */
function breakdown(report: Report, options: RenderOptions, width: number, c: ChalkInstance): string[] {
  const hoursPerDay = report.options.hoursPerDay;
  const rows: BreakdownRow[] = [{ label: 'overall', totals: report.totals, paint: c.bold }];
  if (options.by === 'section') rows.push(...sectionRows(report, c));
  else {
    for (const level of PRIORITIES) {
      const totals = report.byPriority[level];
      const empty = totals.items + totals.cancelled === 0;
      rows.push({ label: level, totals, paint: empty ? c.dim : PRIORITY_COLOUR[level](c), empty });
    }
  }

  const numbers = rows.map((row) => [
    String(row.totals.done),
    String(row.totals.open),
    String(row.totals.inProgress),
    String(row.totals.blocked),
    formatPercent(row.totals.percent, row.totals.items),
  ]);
  const remaining = rows.map((row) => formatEffortRange(row.totals.effort.minHours, row.totals.effort.maxHours, hoursPerDay));
  const unestimated = rows.map((row) => (row.totals.effort.unestimated > 0 ? String(row.totals.effort.unestimated) : ''));
  const numberColumns: ColumnLayout[] = NUMBER_HEADERS.map((header, i) => ({
    width: widest(numbers.map((n) => n[i]!), header.length),
    align: 'right',
  }));
  const remainingColumn: ColumnLayout = { width: widest(remaining, 'remaining'.length), align: 'right' };
  const unestimatedColumn: ColumnLayout = { width: widest(unestimated, 'no est.'.length), align: 'right' };
  const fixed = [...numberColumns, remainingColumn, unestimatedColumn].reduce((sum, col) => sum + col.width + GAP, 0);

  // Whole labels and a bar when both fit; else a short bar if labels keep LABEL_FIRST
  // columns; else no bar, and labels take the room (section titles are cut with …).
  const labelNeed = widest(rows.map((row) => row.label));
  const room = width - fixed;
  let labelWidth: number;
  let barWidth: number;
  if (room - labelNeed - GAP >= MIN_BAR) {
    labelWidth = labelNeed;
    barWidth = Math.min(MAX_BAR, room - labelNeed - GAP);
  } else if (room - GAP - USEFUL_BAR >= LABEL_FIRST) {
    barWidth = USEFUL_BAR;
    labelWidth = room - GAP - USEFUL_BAR;
  } else {
    barWidth = 0;
    labelWidth = Math.max(8, room);
  }

  const figureColumns = [...numberColumns];
  if (barWidth > 0) figureColumns.push({ width: barWidth });
  figureColumns.push(remainingColumn, unestimatedColumn);
  // Section titles come from files and may hold emoji that cli-table3 measures
  // differently from string-width: their column goes last (see layoutColumns).
  const labelLast = options.by === 'section';
  const withLabel = <T>(label: T, rest: T[]): T[] => (labelLast ? [...rest, label] : [label, ...rest]);

  const header = NUMBER_HEADERS.map((h) => c.dim(h));
  if (barWidth > 0) header.push(c.dim(truncate('progress', barWidth)));
  header.push(c.dim('remaining'), c.dim('no est.'));

  const body = rows.map((row, r) => {
    const dim = row.empty ? c.dim : (s: string): string => s;
    const label = (row.cutStart ? truncateStart : truncate)(row.label, labelWidth);
    const cells = numbers[r]!.map((n) => dim(n));
    if (barWidth > 0) cells.push(row.totals.items === 0 ? '' : bar(row.totals.percent, barWidth, options.unicode, c));
    cells.push(dim(remaining[r]!), c.yellow(unestimated[r]!));
    return withLabel(row.paint ? row.paint(label) : label, cells);
  });
  return layoutColumns([withLabel('', header), ...body], withLabel({ width: labelWidth }, figureColumns), GAP);
}

/**
 * Per-section rows (`--by section`): each file (when several), then its
 * sections that hold items, indented by depth. A section that is itself a
 * heading item (`### 3. Fix X`) is left out: its item is the whole row.
 */
function sectionRows(report: Report, c: ChalkInstance): BreakdownRow[] {
  const several = report.files.length > 1;
  return report.files.flatMap((file) => {
    const sections = sectionsWithItems(file);
    const minDepth = Math.min(...sections.map((s) => s.depth));
    const indent = several ? 1 : 0;
    const rows: BreakdownRow[] = sections.map((s) => ({
      label: `${'  '.repeat(indent + s.depth - minDepth)}${sanitizeText(s.title)}`,
      totals: s.totals,
      paint: PRIORITY_COLOUR[s.priority](c),
    }));
    return several ? [{ label: sanitizeText(file.path), totals: file.totals, paint: c.cyan, cutStart: true }, ...rows] : rows;
  });
}

/** The sections of a file that hold items, without those that are heading items themselves. */
export function sectionsWithItems(file: FileReport): SectionReport[] {
  const headingItems = new Set(file.items.filter((item) => item.kind === 'heading').map((item) => item.line));
  return file.sections.filter((s) => s.totals.items + s.totals.cancelled > 0 && !headingItems.has(s.line));
}

/** A progress bar `width` cells wide, its done part green and the rest dim. */
function bar(percent: number, width: number, unicode: boolean, c: ChalkInstance): string {
  const { filled, empty } = progressBar(percent, width, unicode);
  return c.green(filled) + c.dim(empty);
}

/** `Remaining effort: 97–123 h (12–16 d at 8 h/day) · 21 open items unestimated`, and cancelled items. */
function effortLines(report: Report, c: ChalkInstance): string[] {
  const lines = [`Remaining effort: ${describeRemainingEffort(report.totals.effort, report.options.hoursPerDay)}`];
  const cancelled = report.totals.cancelled;
  if (cancelled > 0) lines.push(c.dim(`${plural(cancelled, 'cancelled item')} not counted`));
  return lines;
}

/** One row per file: done, open, blocking, percent, a bar when there is room, remaining effort. */
function fileTable(report: Report, options: RenderOptions, width: number, c: ChalkInstance): string[] {
  const hoursPerDay = report.options.hoursPerDay;
  const headers = ['done', 'open', 'blocking', '%'] as const;
  const values = report.files.map((file) => [
    String(file.totals.done),
    String(file.totals.open),
    String(file.totals.blocking),
    formatPercent(file.totals.percent, file.totals.items),
  ]);
  const remaining = report.files.map((file) => formatEffortRange(file.totals.effort.minHours, file.totals.effort.maxHours, hoursPerDay));
  const numberColumns: ColumnLayout[] = headers.map((h, i) => ({ width: widest(values.map((v) => v[i]!), h.length), align: 'right' }));
  const remainingColumn: ColumnLayout = { width: widest(remaining, 'remaining'.length), align: 'right' };
  const fixed = [...numberColumns, remainingColumn].reduce((sum, col) => sum + col.width + GAP, 0);
  const paths = report.files.map((file) => sanitizeText(file.path));
  const pathWidth = Math.min(widest(paths, 'file'.length), Math.max(12, width - fixed));
  const spare = width - pathWidth - fixed - GAP;
  const barWidth = spare >= MIN_BAR ? Math.min(MAX_BAR, spare) : 0;

  const columns: ColumnLayout[] = [{ width: pathWidth }, ...numberColumns];
  if (barWidth > 0) columns.push({ width: barWidth });
  columns.push(remainingColumn);
  const header = [c.dim('file'), ...headers.map((h) => c.dim(h))];
  if (barWidth > 0) header.push(c.dim(truncate('progress', barWidth)));
  header.push(c.dim('remaining'));

  const body = report.files.map((file, i) => {
    const [done, open, blocking, percent] = values[i]!;
    const cells = [c.cyan(truncateStart(paths[i]!, pathWidth)), done!, open!, file.totals.blocking > 0 ? c.red(blocking!) : blocking!, percent!];
    if (barWidth > 0) cells.push(file.totals.items === 0 ? '' : bar(file.totals.percent, barWidth, options.unicode, c));
    cells.push(remaining[i]!);
    return cells;
  });
  return layoutColumns([header, ...body], columns, GAP);
}

/** Open blocking items, highest priority first, as `path:line  title`, capped at {@link BLOCKING_LIMIT}. */
function blockingLines(report: Report, width: number, c: ChalkInstance): string[] {
  const blocking = blockingItemsByPriority(report);
  if (blocking.length === 0) return [];
  const shown = blocking.slice(0, BLOCKING_LIMIT);
  const locations = shown.map(({ file, item }) => location(file, item));
  const locationWidth = Math.min(widest(locations), Math.max(12, width - 2 - GAP - 16));
  const titleWidth = Math.max(1, width - 2 - GAP - locationWidth);
  const rows = shown.map(({ item }, i) => [c.cyan(truncateStart(locations[i]!, locationWidth)), truncate(`${sanitizeText(item.title)}${statusNote(item)}`, titleWidth)]);
  const lines = [c.bold.red(`Blocking items (${blocking.length})`)];
  lines.push(...layoutColumns(rows, [{ width: locationWidth }, { width: titleWidth }], GAP).map((line) => `  ${line}`));
  if (blocking.length > shown.length) {
    lines.push(c.dim(`  … and ${blocking.length - shown.length} more: shipready list --blocking`));
  }
  return lines;
}

/** ` (in progress)` or ` (blocked)` after a blocking item's title; nothing for `todo`. */
function statusNote(item: Item): string {
  if (item.status === 'in_progress') return ' (in progress)';
  if (item.status === 'blocked') return ' (blocked)';
  return '';
}

/**
 * Stale claims, grouped by file: the line, what the file says (as written)
 * and what was counted. Claims that name a file outside the report are
 * counted in one closing line.
 */
function staleClaimLines(report: Report, width: number, c: ChalkInstance): string[] {
  const stale = report.files.map((file) => ({ file, claims: file.claims.filter((claim) => claim.stale === true) }));
  const count = stale.reduce((sum, entry) => sum + entry.claims.length, 0);
  const unverifiable = report.files.reduce((sum, file) => sum + file.claims.filter((claim) => claim.stale === null).length, 0);
  if (count === 0 && unverifiable === 0) return [];
  const lines: string[] = [];
  if (count > 0) {
    lines.push(`${c.bold.yellow(`Stale claims (${count})`)}${c.dim(' — shipready fix rewrites them')}`);
    const all = stale.flatMap((entry) => entry.claims);
    const lineWidth = widest(all.map((claim) => `line ${claim.line}`));
    const says = all.map(quoted);
    const counted = all.map(countedText);
    const countedWidth = widest(counted);
    const saysWidth = Math.max(8, Math.min(widest(says), width - 4 - lineWidth - GAP - GAP - countedWidth));
    const countedRoom = Math.max(1, width - 4 - lineWidth - saysWidth - 2 * GAP);
    const columns: ColumnLayout[] = [{ width: lineWidth }, { width: saysWidth }, { width: countedRoom }];
    for (const { file, claims } of stale) {
      if (claims.length === 0) continue;
      lines.push(`  ${c.cyan(truncateStart(sanitizeText(file.path), width - 2))}`);
      const rows = claims.map((claim) => [
        c.dim(`line ${claim.line}`),
        truncate(quoted(claim), saysWidth),
        c.yellow(truncate(countedText(claim), countedRoom)),
      ]);
      lines.push(...layoutColumns(rows, columns, GAP).map((line) => `    ${line}`));
    }
  }
  if (unverifiable > 0) {
    const what = unverifiable === 1 ? '1 claim names a file' : `${unverifiable} claims name files`;
    lines.push(c.dim(`${count > 0 ? '  ' : ''}${what} outside this report and could not be checked`));
  }
  return lines;
}

function quoted(claim: ClaimReport): string {
  return `"${claimText(claim)}"`;
}

function countedText(claim: ClaimReport): string {
  return `counted ${describeCounted(claim.counted)}`;
}

function location(file: FileReport, item: Item): string {
  return `${sanitizeText(file.path)}:${item.line}`;
}

/** The colour of each priority level's label. */
export const PRIORITY_COLOUR: Record<Priority, (c: ChalkInstance) => (s: string) => string> = {
  critical: (c) => c.red,
  high: (c) => c.yellow,
  medium: (c) => c.blue,
  low: (c) => c.green,
  none: (c) => c.dim,
};
