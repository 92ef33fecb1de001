import path from 'node:path';
import type { AlignType, BlockContent, Heading, List, PhrasingContent, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { type Options as ToMarkdownOptions, toMarkdown } from 'mdast-util-to-markdown';
import type { FileReport, GateVerdict, Item, Priority, Report, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import { sectionsWithItems } from './table.js';
import { planningMarkdown } from './planning.js';
import { blockingItemsByPriority, claimText, describeCounted, describeRemainingEffort, formatEffortRange, formatPercent } from './format.js';
import { scannedSentence, verdictHead, verdictReason } from './verdict.js';
import { displayWidth, plural } from './text.js';
import { sanitizeText } from '../text/sanitize.js';
import { blobLink } from './location.js';
import type { RenderContext, Renderer, RepositoryContext } from './types.js';

/**
 * `--format markdown`: a summary a team commits, pastes into a pull request
 * or appends to `$GITHUB_STEP_SUMMARY`. Built as an mdast tree and
 * serialised with mdast-util-to-markdown and GFM tables, never by string
 * concatenation, so text from files is escaped where markdown needs it.
 *
 * Sections: title, verdict, overall completion, a progress table per
 * priority (or per section with `by: 'section'`), a per-file table when there
 * are several files, the open blocking items grouped by priority and file
 * as `[title](path#Lline)` links, remaining effort, stale claims and
 * diagnostics — lists over {@link FOLD_OVER} folded in `<details>` — the
 * files-read line (not in an embedded summary) and a footer with the version (and, in one-off reports, commit and time). Pure; `fix` calls it
 * for a single file's report with `headingDepth` and `linkBase`.
 */
export const renderMarkdown: Renderer = (context) => toMarkdown(markdownTree(context), SERIALIZE);

/** Serialiser options: `-` bullets, GFM tables aligned by display width (emoji and CJK count two). */
const SERIALIZE: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  listItemIndent: 'one',
  extensions: [gfmToMarkdown({ stringLength: displayWidth })],
};

/** The mdast tree of the summary. Exported for tests and for callers that embed the nodes elsewhere. */
export function markdownTree({ report, verdict, options }: RenderContext): Root {
  const depth = Math.min(5, Math.max(1, Math.floor(options.headingDepth ?? 1)));
  const link = linkMaker(options.linkBase ?? '', options.repository);
  const children: RootContent[] = [heading(depth, [text('Readiness report')]), verdictParagraph(report, verdict), overview(report)];

  if (options.by === 'section') {
    children.push(heading(depth + 1, [text('Progress by section')]));
    for (const file of report.files) {
      if (report.files.length > 1) children.push(paragraph([link(file.path, null, [inlineCode(sanitizeText(file.path))])]));
      children.push(sectionTable(file, report.options.hoursPerDay));
    }
  } else {
    children.push(heading(depth + 1, [text('Progress by priority')]), priorityTable(report));
  }
  children.push(paragraph([strong([text('Remaining effort:')]), text(` ${describeRemainingEffort(report.totals.effort, report.options.hoursPerDay)}`)]));

  if (report.files.length > 1) children.push(heading(depth + 1, [text('Files')]), fileTable(report, link));

  const blocking = blockingItemsByPriority(report);
  if (blocking.length > 0) {
    children.push(heading(depth + 1, [text(`Blocking items (${blocking.length})`)]));
    children.push(...folded(blocking.length, plural(blocking.length, 'blocking item'), blockingGroups(blocking, link, report.options.hoursPerDay)));
  }

  children.push(...planningMarkdown(report, depth + 1, link));

  const stale = report.files.flatMap((file) => file.claims.filter((claim) => claim.stale === true).map((claim) => ({ file, claim })));
  const unverifiable = report.files.flatMap((file) => file.claims.filter((claim) => claim.stale === null));
  if (stale.length > 0 || unverifiable.length > 0) {
    children.push(heading(depth + 1, [text(`Stale claims (${stale.length})`)]));
    if (stale.length > 0) {
      children.push(
        ...folded(stale.length, plural(stale.length, 'stale claim'), [table(
          ['Where', 'The file says', 'Counted'],
          ['left', 'left', 'left'],
          stale.map(({ file, claim }) => [
            [link(file.path, claim.line, [text(`${sanitizeText(file.path)}:${claim.line}`)])],
            [inlineCode(claimText(claim))],
            [text(describeCounted(claim.counted))],
          ]),
        )]),
      );
    }
    if (unverifiable.length > 0) {
      const what = unverifiable.length === 1 ? '1 claim names a file' : `${unverifiable.length} claims name files`;
      children.push(paragraph([text(`${what} outside this report and could not be checked.`)]));
    }
  }

  const diagnostics = report.files.flatMap((file) => file.diagnostics.map((d) => ({ file, d })));
  if (diagnostics.length > 0) {
    children.push(heading(depth + 1, [text('Notes')]));
    children.push(
      ...folded(diagnostics.length, plural(diagnostics.length, 'note'), [list(
        diagnostics.map(({ file, d }) => [
          paragraph([
            link(file.path, d.line, [text(d.line === null ? sanitizeText(file.path) : `${sanitizeText(file.path)}:${d.line}`)]),
            text(` — ${d.severity}: ${sanitizeText(d.message)}`),
          ]),
        ]),
      )]),
    );
  }
  if (!options.embedded) children.push(paragraph([text(`${scannedSentence(report)}.`)]));
  children.push(footer(report, options));
  return { type: 'root', children };
}

/** Lists longer than this fold into `<details>` (GitHub and GitLab render it; elsewhere it reads as plain text). */
export const FOLD_OVER = 10;

/** `nodes` as they are, or, for more than {@link FOLD_OVER} entries, inside `<details><summary>N things</summary>`. */
function folded(count: number, summary: string, nodes: RootContent[]): RootContent[] {
  if (count <= FOLD_OVER) return nodes;
  return [{ type: 'html', value: `<details>\n<summary>${escapeHtml(summary)}</summary>` }, ...nodes, { type: 'html', value: '</details>' }];
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Blocking items grouped by priority (its name said once, in bold), then by
 * file (its path said once, as a link): `- [title](path#L31) (line 31, in
 * progress, 2–4 h)`.
 */
function blockingGroups(blocking: ReturnType<typeof blockingItemsByPriority>, link: LinkMaker, hoursPerDay: number): RootContent[] {
  const nodes: RootContent[] = [];
  for (const level of PRIORITIES) {
    const atLevel = blocking.filter(({ item }) => item.priority === level);
    if (atLevel.length === 0) continue;
    const files = new Map<FileReport, Item[]>();
    for (const { file, item } of atLevel) files.set(file, [...(files.get(file) ?? []), item]);
    nodes.push(paragraph([strong([text(`${PRIORITY_LABEL[level]} (${atLevel.length})`)])]));
    nodes.push(
      list(
        [...files].map(([file, items]) => [
          paragraph([link(file.path, null, [inlineCode(sanitizeText(file.path))])]),
          list(items.map((item) => blockingItem(file, item, link, hoursPerDay))),
        ]),
      ),
    );
  }
  return nodes;
}

/**
 * `<p><sub>shipready 0.1.0 · commit abc1234 · 2026-12-05 23:30 UTC</sub></p>`: the version
 * always; the commit and the time only when the caller gives them (a one-off
 * report). Summary blocks that `fix` writes get the version alone, so
 * running `fix` twice changes nothing.
 */
function footer(report: Report, options: RenderContext['options']): RootContent {
  const parts = [`shipready ${report.tool.version}`];
  if (options.commit) parts.push(`commit ${options.commit}`);
  if (options.generatedAt) parts.push(options.generatedAt);
  return { type: 'html', value: `<p><sub>${escapeHtml(parts.join(' · '))}</sub></p>` };
}

/** The verdict sentence (render/verdict.ts) with its head in bold: `🔴 **NOT READY** — 24 blocking items open (critical)` / `🟢 **READY** — …`. */
function verdictParagraph(report: Report, verdict: GateVerdict): RootContent {
  return paragraph([text(verdict.ready ? '🟢 ' : '🔴 '), strong([text(verdictHead(verdict))]), text(` — ${verdictReason(report, verdict)}`)]);
}

/** `**13.6%** complete: 8 of 59 items done, 51 open (2 in progress) in 5 files.` */
function overview(report: Report): RootContent {
  const t = report.totals;
  const states = [t.inProgress > 0 ? `${t.inProgress} in progress` : '', t.blocked > 0 ? `${t.blocked} blocked` : ''].filter(Boolean);
  const where: PhrasingContent[] =
    report.files.length === 1 ? [text(' in '), inlineCode(sanitizeText(report.files[0]!.path))] : [text(` in ${plural(report.files.length, 'file')}`)];
  const cancelled = t.cancelled > 0 ? ` ${plural(t.cancelled, 'cancelled item')} not counted.` : '';
  if (t.items === 0) return paragraph([text('No items found'), ...where, text(`.${cancelled}`)]);
  return paragraph([
    strong([text(formatPercent(t.percent, t.items))]),
    text(` complete: ${t.done} of ${plural(t.items, 'item')} done, ${t.open} open${states.length > 0 ? ` (${states.join(', ')})` : ''}`),
    ...where,
    text(`.${cancelled}`),
  ]);
}

const PROGRESS_HEADERS = ['Done', 'Open', 'In progress', 'Blocked', 'Complete', 'Remaining', 'Unestimated'];
const PROGRESS_ALIGN: AlignType[] = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'];

function progressCells(totals: Totals, hoursPerDay: number): PhrasingContent[][] {
  return [
    String(totals.done),
    String(totals.open),
    String(totals.inProgress),
    String(totals.blocked),
    formatPercent(totals.percent, totals.items),
    formatEffortRange(totals.effort.minHours, totals.effort.maxHours, hoursPerDay),
    String(totals.effort.unestimated),
  ].map((value) => [text(value)]);
}

/** One row per priority level, critical → none, and the overall row last in bold. */
function priorityTable(report: Report): Table {
  const hoursPerDay = report.options.hoursPerDay;
  const rows = PRIORITIES.map((level) => [[text(PRIORITY_LABEL[level])], ...progressCells(report.byPriority[level], hoursPerDay)]);
  rows.push([[strong([text('All')])], ...progressCells(report.totals, hoursPerDay).map((c) => [strong(c)])]);
  return table(['Priority', ...PROGRESS_HEADERS], PROGRESS_ALIGN, rows);
}

/** One row per section that holds items, titles indented by depth with non-breaking spaces. */
function sectionTable(file: FileReport, hoursPerDay: number): Table {
  const sections = sectionsWithItems(file);
  const minDepth = Math.min(...sections.map((s) => s.depth));
  const rows = sections.map((s) => [
    [text(`${'\u00a0\u00a0'.repeat(s.depth - minDepth)}${sanitizeText(s.title)}`)],
    ...progressCells(s.totals, hoursPerDay),
  ]);
  rows.push([[strong([text('All')])], ...progressCells(file.totals, hoursPerDay).map((c) => [strong(c)])]);
  return table(['Section', ...PROGRESS_HEADERS], PROGRESS_ALIGN, rows);
}

function fileTable(report: Report, link: LinkMaker): Table {
  const hoursPerDay = report.options.hoursPerDay;
  return table(
    ['File', 'Done', 'Open', 'Blocking', 'Complete', 'Remaining', 'Unestimated'],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    report.files.map((file) => [
      [link(file.path, null, [text(sanitizeText(file.path))])],
      ...[
        String(file.totals.done),
        String(file.totals.open),
        String(file.totals.blocking),
        formatPercent(file.totals.percent, file.totals.items),
        formatEffortRange(file.totals.effort.minHours, file.totals.effort.maxHours, hoursPerDay),
        String(file.totals.effort.unestimated),
      ].map((value) => [text(value)]),
    ]),
  );
}

/** `[title](path#L31) (line 31, in progress, 2–4 h)`: the priority and file are said by the group. */
function blockingItem(file: FileReport, item: Item, link: LinkMaker, hoursPerDay: number): BlockContent[] {
  const notes: string[] = [`line ${item.line}`];
  if (item.status === 'in_progress') notes.push('in progress');
  if (item.status === 'blocked') notes.push('blocked');
  if (item.effort) notes.push(formatEffortRange(item.effort.minHours, item.effort.maxHours, hoursPerDay));
  return [paragraph([link(file.path, item.line, [text(sanitizeText(item.title))]), text(` (${notes.join(', ')})`)])];
}

type LinkMaker = (filePath: string, line: number | null, children: PhrasingContent[]) => PhrasingContent;

/**
 * Links to `path#Lline`, relative to `linkBase`, each path segment URL-encoded;
 * absolute, at the commit, when the CLI knows the repository's blob URL (a
 * step summary is shown under the run's URL, where relative links break).
 */
function linkMaker(linkBase: string, repository: RepositoryContext | undefined): LinkMaker {
  return (filePath, line, children) => {
    const absolute = blobLink(filePath, line, repository);
    if (absolute !== undefined) return { type: 'link', url: absolute, children };
    const relative = path.posix.relative(linkBase, filePath) || path.posix.basename(filePath);
    const url = relative.split('/').map(encodeURIComponent).join('/') + (line === null ? '' : `#L${line}`);
    return { type: 'link', url, children };
  };
}

const PRIORITY_LABEL: Record<Priority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  none: 'None',
};

function heading(depth: number, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth: depth as Heading['depth'], children };
}

function paragraph(children: PhrasingContent[]): BlockContent & { type: 'paragraph' } {
  return { type: 'paragraph', children };
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function inlineCode(value: string): PhrasingContent {
  return { type: 'inlineCode', value };
}

function strong(children: PhrasingContent[]): PhrasingContent {
  return { type: 'strong', children };
}

function list(items: BlockContent[][]): List {
  return { type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, children })) };
}

function table(headers: string[], align: AlignType[], rows: PhrasingContent[][][]): Table {
  const row = (cells: PhrasingContent[][]): TableRow => ({
    type: 'tableRow',
    children: cells.map((children): TableCell => ({ type: 'tableCell', children })),
  });
  return { type: 'table', align, children: [row(headers.map((h) => [text(h)])), ...rows.map(row)] };
}
