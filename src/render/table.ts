import { Chalk, type ChalkInstance } from 'chalk';
import type { ClaimReport, FileReport, GateVerdict, Item, Report, SectionReport, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import { progressBar } from './bar.js';
import { blockingItemsByPriority, claimText, describeCounted, describeRemainingEffort, formatEffortRange, formatPercent } from './format.js';
import { planningLines } from './planning.js';
import { scannedSentence, verdictSentence } from './verdict.js';
import { type ColumnLayout, layoutColumns, plural, truncate, truncateMiddle, widest, wrapParts, wrapWords } from './text.js';
import { PRIORITY_COLOUR } from './palette.js';
import { fileLink } from './link.js';
import { sanitizeText } from '../text/sanitize.js';
import type { Renderer, RenderOptions } from './types.js';

/** How many open blocking items the terminal report lists before `… and N more`. */
export const BLOCKING_LIMIT = 10;

/** Narrowest layout the report is drawn for; narrower terminals get this width. */
const MIN_WIDTH = 40;
/** Bars never grow past this many cells, however wide the terminal. */
const MAX_BAR = 40;
const MIN_BAR = 6;
/** Beside a bar, labels and paths keep at least this many columns: a bar is worth less than a readable path. */
const BAR_LABEL = 36;
/** Section titles and paths shrink to this many columns before columns are dropped. */
const MIN_LABEL = 16;
const GAP = 2;

/**
 * `--format table` (the default): the terminal report — the verdict
 * sentence; overall and per-priority (or, with `by: 'section'`, per-section) progress with bars, percentages, remaining effort
 * and unestimated counts; a per-file table when there are several files; the
 * open blocking items as `path:line  title`; stale claims with what the file
 * says and what was counted.
 *
 * Every line fits `options.width` display columns (at least 40): titles
 * and paths shrink first (paths from the middle, keeping the file name),
 * then the bar, then the least needed columns; wider terminals get longer
 * bars and titles. Both tables put their bars at the same offset and
 * length. Open blocking items are grouped by file, as `line:column
 * priority title` under the file's path. Text from files is sanitised, so no
 * control character or escape sequence from a file reaches the terminal.
 */
export const renderTable: Renderer = ({ report, verdict, options }) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(MIN_WIDTH, Math.floor(options.width));
  const layout = sharedLayout(report, options, width);
  const blocks: string[][] = [
    wrapWords(verdictSentence(report, verdict), width).map((line) => (verdict.ready ? c.bold.green(line) : c.bold.red(line))),
    breakdown(report, options, layout, c),
    effortLines(report, width, c),
    report.files.length > 1 ? fileTable(report, options, layout, c) : [],
    blockingLines(report, options, width, c),
    planningLines(report, width, c),
    staleClaimLines(report, options, width, c),
    wrapWords(scannedSentence(report), width).map((line) => c.dim(line)),
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


/** Column layout both tables share, so their bars start at one offset and have one length. */
interface SharedLayout {
  width: number;
  /** Width of the breakdown's first column (labels). */
  label: number;
  /** Width of the file table's first column (paths): the label's when bars are drawn, so they line up. */
  fileLabel: number;
  /** Bar cells; 0 for no bar. */
  bar: number;
  /** Columns each table keeps, from its own list (dropped right to left as room runs out). */
  breakdownColumns: ReadonlySet<string>;
  fileColumns: ReadonlySet<string>;
}

/** A number column: its header and cells, right-aligned. */
interface FigureColumn {
  key: string;
  header: string;
  cells: string[];
  paint?: (s: string, row: number) => string;
}

/** Breakdown columns in the order they are given up when the terminal is narrow (first given up first). */
const BREAKDOWN_DROP = ['no est.', 'blocked', 'wip', 'remaining', 'done'] as const;
const FILE_DROP = ['remaining', 'done', 'blocking'] as const;

function columnWidth(column: FigureColumn): number {
  return widest(column.cells, column.header.length);
}

/** The figures of the breakdown's rows, one column per key. */
function breakdownFigures(rows: readonly BreakdownRow[], hoursPerDay: number): FigureColumn[] {
  return [
    { key: 'done', header: 'done', cells: rows.map((r) => String(r.totals.done)) },
    { key: 'open', header: 'open', cells: rows.map((r) => String(r.totals.open)) },
    { key: 'wip', header: 'wip', cells: rows.map((r) => String(r.totals.inProgress)) },
    { key: 'blocked', header: 'blocked', cells: rows.map((r) => String(r.totals.blocked)) },
    { key: '%', header: '%', cells: rows.map((r) => formatPercent(r.totals.percent, r.totals.items)) },
    { key: 'remaining', header: 'remaining', cells: rows.map((r) => formatEffortRange(r.totals.effort.minHours, r.totals.effort.maxHours, hoursPerDay)) },
    { key: 'no est.', header: 'no est.', cells: rows.map((r) => (r.totals.effort.unestimated > 0 ? String(r.totals.effort.unestimated) : '')) },
  ];
}

function fileFigures(report: Report): FigureColumn[] {
  const hoursPerDay = report.options.hoursPerDay;
  const files = report.files;
  return [
    { key: 'done', header: 'done', cells: files.map((f) => String(f.totals.done)) },
    { key: 'open', header: 'open', cells: files.map((f) => String(f.totals.open)) },
    { key: 'blocking', header: 'blocking', cells: files.map((f) => String(f.totals.blocking)) },
    { key: '%', header: '%', cells: files.map((f) => formatPercent(f.totals.percent, f.totals.items)) },
    { key: 'remaining', header: 'remaining', cells: files.map((f) => formatEffortRange(f.totals.effort.minHours, f.totals.effort.maxHours, hoursPerDay)) },
  ];
}

/** Width taken by the kept figure columns, each with the gap before it. */
function figuresWidth(columns: readonly FigureColumn[], kept: ReadonlySet<string>): number {
  return columns.filter((column) => kept.has(column.key)).reduce((sum, column) => sum + GAP + columnWidth(column), 0);
}

/**
 * One layout for both tables: when a bar of at least {@link MIN_BAR} cells
 * fits beside every column, both tables share the first column's width (the
 * widest label or path, down to {@link BAR_LABEL}) and the bar's, so the
 * bars line up. Otherwise no bar, and each table on its own shrinks its
 * first column to {@link MIN_LABEL}, then gives up columns in
 * {@link BREAKDOWN_DROP} / {@link FILE_DROP} order until it fits.
 */
function sharedLayout(report: Report, options: RenderOptions, width: number): SharedLayout {
  const rows = breakdownRows(report, options, new Chalk({ level: 0 }));
  const breakdownCols = breakdownFigures(rows, report.options.hoursPerDay);
  const fileCols = report.files.length > 1 ? fileFigures(report) : [];
  const all = (columns: readonly FigureColumn[]): Set<string> => new Set(columns.map((column) => column.key));
  const labelNeed = widest(rows.map((row) => row.label));
  const fileNeed = report.files.length > 1 ? widest(report.files.map((file) => sanitizeText(file.path)), 'file'.length) : 0;
  const figures = Math.max(figuresWidth(breakdownCols, all(breakdownCols)), figuresWidth(fileCols, all(fileCols)));
  const shared = Math.min(Math.max(labelNeed, fileNeed), Math.max(BAR_LABEL, width - figures - GAP - MIN_BAR));
  const spare = width - shared - figures - GAP;
  if (spare >= MIN_BAR) {
    return { width, label: shared, fileLabel: shared, bar: Math.min(MAX_BAR, spare), breakdownColumns: all(breakdownCols), fileColumns: all(fileCols) };
  }
  const fit = (columns: readonly FigureColumn[], drop: readonly string[], need: number): { label: number; kept: Set<string> } => {
    const kept = all(columns);
    for (const key of drop) {
      if (Math.min(need, MIN_LABEL) + figuresWidth(columns, kept) <= width) break;
      kept.delete(key);
    }
    return { label: Math.max(1, Math.min(need, width - figuresWidth(columns, kept))), kept };
  };
  const breakdownFit = fit(breakdownCols, BREAKDOWN_DROP, labelNeed);
  const fileFit = fit(fileCols, FILE_DROP, fileNeed);
  return { width, label: breakdownFit.label, fileLabel: fileFit.label, bar: 0, breakdownColumns: breakdownFit.kept, fileColumns: fileFit.kept };
}

/** The rows of the breakdown: overall, then each priority, or (`by: 'section'`) each section. */
function breakdownRows(report: Report, options: RenderOptions, c: ChalkInstance): BreakdownRow[] {
  const rows: BreakdownRow[] = [{ label: 'overall', totals: report.totals, paint: c.bold }];
  if (options.by === 'section') rows.push(...sectionRows(report, c));
  else {
    for (const level of PRIORITIES) {
      const totals = report.byPriority[level];
      const empty = totals.items + totals.cancelled === 0;
      rows.push({ label: level, totals, paint: empty ? c.dim : PRIORITY_COLOUR[level](c), empty });
    }
  }
  return rows;
}

/** The columns and header row both tables share: the label, the bar (when it fits), then the figures. */
function tableHead(
  labelWidth: number,
  labelHeader: string,
  figures: ReadonlyArray<Parameters<typeof columnWidth>[0] & { header: string }>,
  layout: SharedLayout,
  c: ChalkInstance,
): { columns: ColumnLayout[]; header: string[] } {
  const columns: ColumnLayout[] = [{ width: labelWidth }];
  const header = [labelHeader];
  if (layout.bar > 0) {
    columns.push({ width: layout.bar });
    header.push(c.dim(truncate('progress', layout.bar)));
  }
  for (const figure of figures) {
    columns.push({ width: columnWidth(figure), align: 'right' });
    header.push(c.dim(figure.header));
  }
  return { columns, header };
}

/** Overall and per-priority (or per-section) progress: label, bar, then the figures. */
function breakdown(report: Report, options: RenderOptions, layout: SharedLayout, c: ChalkInstance): string[] {
  const rows = breakdownRows(report, options, c);
  const figures = breakdownFigures(rows, report.options.hoursPerDay).filter((column) => layout.breakdownColumns.has(column.key));
  const { columns, header } = tableHead(layout.label, '', figures, layout, c);
  const body = rows.map((row, r) => {
    const dim = row.empty ? c.dim : (s: string): string => s;
    const label = row.cutStart ? linked(truncateMiddle(row.label, layout.label), row.label, options) : truncate(row.label, layout.label);
    const cells = [row.paint ? row.paint(label) : label];
    if (layout.bar > 0) cells.push(row.totals.items === 0 ? '' : bar(row.totals.percent, layout.bar, options.unicode, c));
    for (const figure of figures) cells.push(figure.key === 'no est.' ? c.dim(figure.cells[r]!) : dim(figure.cells[r]!));
    return cells;
  });
  return layoutColumns([header, ...body], columns, GAP);
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
    return several ? [{ label: sanitizeText(file.path), totals: file.totals, paint: c.underline, cutStart: true }, ...rows] : rows;
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

/** `Remaining effort: 97–123 h (12–16 d at 8 h/day) · 21 open items unestimated`, wrapped at ` · ` to fit; and cancelled items. */
function effortLines(report: Report, width: number, c: ChalkInstance): string[] {
  const parts = `Remaining effort: ${describeRemainingEffort(report.totals.effort, report.options.hoursPerDay)}`.split(' · ');
  const lines = wrapParts(parts, width);
  const cancelled = report.totals.cancelled;
  if (cancelled > 0) lines.push(...wrapWords(`${plural(cancelled, 'cancelled item')} not counted`, width).map((line) => c.dim(line)));
  return lines;
}

/** One row per file: path, bar (same offset and length as the breakdown's), then the kept figures. */
function fileTable(report: Report, options: RenderOptions, layout: SharedLayout, c: ChalkInstance): string[] {
  const figures = fileFigures(report).filter((column) => layout.fileColumns.has(column.key));
  const { columns, header } = tableHead(layout.fileLabel, c.dim('file'), figures, layout, c);
  const body = report.files.map((file, i) => {
    const path = sanitizeText(file.path);
    const cells = [linked(truncateMiddle(path, layout.fileLabel), path, options)];
    if (layout.bar > 0) cells.push(file.totals.items === 0 ? '' : bar(file.totals.percent, layout.bar, options.unicode, c));
    for (const figure of figures) {
      const cell = figure.cells[i]!;
      cells.push(figure.key === 'blocking' && file.totals.blocking > 0 ? c.bold.redBright(cell) : cell);
    }
    return cells;
  });
  return layoutColumns([header, ...body], columns, GAP);
}

/** A path cell as an OSC 8 link to its file when the terminal shows links ({@link RenderOptions.hyperlinkBase}). */
function linked(shown: string, path: string, options: RenderOptions, line?: number): string {
  return options.hyperlinkBase === undefined ? shown : fileLink(shown, options.hyperlinkBase, path, line);
}

/**
 * Open blocking items, highest priority first, capped at
 * {@link BLOCKING_LIMIT}, grouped by file: the path once, then
 * `line:column  priority  title` under it (the priority column goes below
 * 60 columns).
 */
function blockingLines(report: Report, options: RenderOptions, width: number, c: ChalkInstance): string[] {
  const blocking = blockingItemsByPriority(report);
  if (blocking.length === 0) return [];
  const shown = blocking.slice(0, BLOCKING_LIMIT);
  const groups = new Map<FileReport, Item[]>();
  for (const { file, item } of shown) groups.set(file, [...(groups.get(file) ?? []), item]);
  const positions = shown.map(({ item }) => `${item.line}:${item.column}`);
  const positionWidth = widest(positions);
  const showPriority = width >= 60;
  const priorityWidth = showPriority ? widest(shown.map(({ item }) => item.priority)) : 0;
  const titleWidth = Math.max(1, width - 4 - positionWidth - GAP - (showPriority ? priorityWidth + GAP : 0));
  const columns: ColumnLayout[] = [{ width: positionWidth, align: 'right' }];
  if (showPriority) columns.push({ width: priorityWidth });
  columns.push({ width: titleWidth });
  const lines = [c.bold.red(`Blocking items (${blocking.length})`)];
  for (const [file, items] of groups) {
    const path = sanitizeText(file.path);
    lines.push(`  ${c.underline(linked(truncateMiddle(path, width - 2), path, options))}`);
    const rows = items.map((item) => {
      const cells = [c.dim(`${item.line}:${item.column}`)];
      if (showPriority) cells.push(PRIORITY_COLOUR[item.priority](c)(item.priority));
      cells.push(truncate(`${sanitizeText(item.title)}${statusNote(item)}`, titleWidth));
      return cells;
    });
    lines.push(...layoutColumns(rows, columns, GAP).map((line) => `    ${line}`));
  }
  if (blocking.length > shown.length) {
    lines.push(...wrapWords(`… and ${blocking.length - shown.length} more: shipready list --blocking`, width - 2).map((line) => c.dim(`  ${line}`)));
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
 * Stale claims, grouped by file as blocking items are: the path once, then
 * `line:column`, what the file says (as written) and what was counted.
 * Claims that name a file outside the report are counted in one closing
 * line.
 */
function staleClaimLines(report: Report, options: RenderOptions, width: number, c: ChalkInstance): string[] {
  const stale = report.files.map((file) => ({ file, claims: file.claims.filter((claim) => claim.stale === true) }));
  const count = stale.reduce((sum, entry) => sum + entry.claims.length, 0);
  const unverifiable = report.files.reduce((sum, file) => sum + file.claims.filter((claim) => claim.stale === null).length, 0);
  if (count === 0 && unverifiable === 0) return [];
  const lines: string[] = [];
  if (count > 0) {
    const head = `Stale claims (${count})`;
    const note = ' — shipready fix rewrites them';
    lines.push(displayWidthFits(head + note, width) ? `${c.bold.magenta(head)}${c.dim(note)}` : c.bold.magenta(head));
    const all = stale.flatMap((entry) => entry.claims);
    const positionWidth = widest(all.map((claim) => `${claim.line}:${claim.column}`));
    const says = all.map(quoted);
    const counted = all.map(countedText);
    const countedWidth = widest(counted);
    const saysWidth = Math.max(8, Math.min(widest(says), width - 4 - positionWidth - GAP - GAP - countedWidth));
    const countedRoom = Math.max(1, width - 4 - positionWidth - saysWidth - 2 * GAP);
    const columns: ColumnLayout[] = [{ width: positionWidth, align: 'right' }, { width: saysWidth }, { width: countedRoom }];
    for (const { file, claims } of stale) {
      if (claims.length === 0) continue;
      const path = sanitizeText(file.path);
      lines.push(`  ${c.underline(linked(truncateMiddle(path, width - 2), path, options))}`);
      const rows = claims.map((claim) => [
        c.dim(`${claim.line}:${claim.column}`),
        truncate(quoted(claim), saysWidth),
        c.bold(truncate(countedText(claim), countedRoom)),
      ]);
      lines.push(...layoutColumns(rows, columns, GAP).map((line) => `    ${line}`));
    }
  }
  if (unverifiable > 0) {
    const what = unverifiable === 1 ? '1 claim names a file' : `${unverifiable} claims name files`;
    const indent = count > 0 ? '  ' : '';
    lines.push(...wrapWords(`${what} outside this report and could not be checked`, width - indent.length).map((line) => c.dim(`${indent}${line}`)));
  }
  return lines;
}

function displayWidthFits(text: string, width: number): boolean {
  return widest([text]) <= width;
}

function quoted(claim: ClaimReport): string {
  return `"${claimText(claim)}"`;
}

function countedText(claim: ClaimReport): string {
  return `counted ${describeCounted(claim.counted)}`;
}

export { PRIORITY_COLOUR } from './palette.js';
