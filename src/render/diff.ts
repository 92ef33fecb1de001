import type { List, PhrasingContent, Root, RootContent, TableRow } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { DiffItem, DiffReport } from '../history/diff.js';
import type { Totals } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';
import { plural } from '../words.js';
import type { DiffFormat } from './diff-formats.js';
import { formatEffortRange, formatPercent } from './format.js';

/** Where `path#Lline` links point on the hosting server (GitHub Actions' `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY`, `GITHUB_SHA`). */
export interface HostingLinks {
  server: string;
  repository: string;
  sha: string;
  /** The working directory relative to the repository's top (`''` at the top), prepended to the report's paths. */
  prefix: string;
}

/** What a `diff` format is given: the diff and the display options. */
export interface DiffRenderContext {
  diff: DiffReport;
  options: { hoursPerDay: number; links: HostingLinks | null };
}

/** `diff`'s formats, by `--format` name ({@link DiffFormat}). Each renderer is pure. */
export const diffFormats = {
  table: renderDiffTable,
  json: renderDiffJson,
  markdown: renderDiffMarkdown,
} satisfies Record<DiffFormat, (context: DiffRenderContext) => string>;

/** `--format json`: the {@link DiffReport} (schema/diff.schema.json), two-space indented. */
export function renderDiffJson({ diff }: DiffRenderContext): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}

/** Neutralises `@mentions` so a posted comment notifies nobody: a zero-width space after each `@` that starts a name. */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(?=[A-Za-z0-9_-])/g, '@\u200b');
}

function title(item: DiffItem): string {
  return sanitizeText(item.title);
}

function sideName(diff: DiffReport, side: 'base' | 'head'): string {
  const { ref, commit } = diff[side];
  if (ref === null) return 'working tree';
  return commit !== null && !ref.startsWith(commit.slice(0, 7)) ? `${ref} (${commit.slice(0, 7)})` : ref;
}

function doneText(totals: Totals): string {
  return `${totals.done}/${totals.items} (${formatPercent(totals.percent, totals.items)})`;
}

function effortText(totals: Totals, hoursPerDay: number): string {
  return formatEffortRange(totals.effort.minHours, totals.effort.maxHours, hoursPerDay);
}

/** The headline: `2 finished, 1 added, 1 reopened`, or `no checklist changes`. */
export function diffHeadline(diff: DiffReport): string {
  const parts = [
    diff.completed.length > 0 ? `${diff.completed.length} finished` : '',
    diff.added.length > 0 ? `${diff.added.length} added` : '',
    diff.reopened.length > 0 ? `${diff.reopened.length} reopened` : '',
    diff.removed.length > 0 ? `${diff.removed.length} removed` : '',
    diff.reprioritised.length > 0 ? `${diff.reprioritised.length} re-prioritised` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no checklist changes';
}

const SECTIONS = [
  ['completed', 'Finished'],
  ['added', 'Added'],
  ['reopened', 'Reopened'],
  ['newlyBlocking', 'Newly blocking'],
  ['reprioritised', 'Re-prioritised'],
  ['removed', 'Removed'],
] as const;

/** `--format table`: the comparison for the terminal. */
export function renderDiffTable({ diff, options }: DiffRenderContext): string {
  const { before, after } = diff.totals;
  const lines = [
    `shipready diff ${sideName(diff, 'base')} → ${sideName(diff, 'head')}: ${diffHeadline(diff)}`,
    '',
    `  ${'done'.padEnd(18)}${doneText(before).padEnd(20)}→ ${doneText(after)}`,
    `  ${'blocking'.padEnd(18)}${String(before.blocking).padEnd(20)}→ ${after.blocking}`,
    `  ${'remaining effort'.padEnd(18)}${effortText(before, options.hoursPerDay).padEnd(20)}→ ${effortText(after, options.hoursPerDay)}`,
  ];
  for (const [key, heading] of SECTIONS) {
    const items = diff[key];
    if (items.length === 0) continue;
    lines.push('', `${heading} (${items.length})`);
    for (const item of items) {
      const change = key === 'reprioritised' && item.before ? ` ${item.before.priority} → ${item.priority}` : ` ${item.priority}`;
      lines.push(`  ${item.path}:${item.line}  ${title(item)}  (${change.trim()})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `--format markdown`: a pull-request comment. What was finished, added,
 * reopened; blocking and remaining effort before and after; each item a
 * link to `path#Lline` on the hosting server when {@link HostingLinks} are
 * known. Built as mdast and serialised, so titles are escaped; `@mentions`
 * in titles are neutralised.
 */
export function renderDiffMarkdown({ diff, options }: DiffRenderContext): string {
  const { before, after } = diff.totals;
  const text = (value: string): PhrasingContent => ({ type: 'text', value });
  const cell = (value: string) => ({ type: 'tableCell' as const, children: [text(value)] });
  const row = (values: string[]): TableRow => ({ type: 'tableRow', children: values.map(cell) });
  const children: RootContent[] = [
    { type: 'heading', depth: 3, children: [text(`shipready: ${diffHeadline(diff)}`)] },
    { type: 'paragraph', children: [text(`Checklists at ${sideName(diff, 'head')} compared with ${sideName(diff, 'base')}.`)] },
    {
      type: 'table',
      align: ['left', 'right', 'right'],
      children: [
        row(['', 'before', 'after']),
        row(['done', doneText(before), doneText(after)]),
        row(['blocking', String(before.blocking), String(after.blocking)]),
        row(['remaining effort', effortText(before, options.hoursPerDay), effortText(after, options.hoursPerDay)]),
      ],
    },
  ];
  for (const [key, heading] of SECTIONS) {
    const items = diff[key];
    if (items.length === 0) continue;
    children.push({ type: 'heading', depth: 4, children: [text(`${heading} (${items.length})`)] });
    const list: List = {
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map((item) => {
        const label = neutraliseMentions(title(item));
        const where = `${item.path}:${item.line}`;
        const link: PhrasingContent = options.links === null || key === 'removed'
          ? text(label)
          : { type: 'link', url: hostingUrl(options.links, item), children: [text(label)] };
        const note = key === 'reprioritised' && item.before ? `${item.before.priority} → ${item.priority}` : item.priority;
        return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children: [link, text(' — '), { type: 'inlineCode', value: where }, text(` (${note})`)] }] };
      }),
    };
    children.push(list);
  }
  if (diff.stillBlocking.length > 0) {
    children.push({ type: 'paragraph', children: [text(`${plural(diff.stillBlocking.length, 'blocking item')} already open before this change.`)] });
  }
  const root: Root = { type: 'root', children };
  return toMarkdown(root, { bullet: '-', listItemIndent: 'one', extensions: [gfmToMarkdown()] });
}

/** `https://github.com/owner/repo/blob/SHA/path#L12`; path segments percent-encoded. */
export function hostingUrl(links: HostingLinks, item: Pick<DiffItem, 'path' | 'line'>): string {
  const file = (links.prefix === '' ? item.path : `${links.prefix}/${item.path}`).split('/').map(encodeURIComponent).join('/');
  return `${links.server.replace(/\/+$/, '')}/${links.repository}/blob/${links.sha}/${file}#L${item.line}`;
}
