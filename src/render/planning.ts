import type { ChalkInstance } from 'chalk';
import type { BlockContent, PhrasingContent, RootContent } from 'mdast';
import type { FileReport, Item, Report } from '../model.js';
import { PRIORITIES } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';
import { layoutColumns, truncate, truncateStart, widest } from './text.js';

/** How many items each planning list of the terminal report shows before `… and N more`. */
const PLANNING_LIMIT = 10;
const GAP = 2;

interface Placed {
  file: FileReport;
  item: Item;
}

/**
 * The planning facts the reports show (README.md#planning-formats): open
 * overdue items, earliest due date first; and open blocking items without
 * an owner, in the files that name an owner for some item (a checklist
 * that names no owners is not asked for them).
 */
export function planningFacts(report: Report): { overdue: Placed[]; unowned: Placed[] } {
  const all = report.files.flatMap((file) => file.items.map((item) => ({ file, item })));
  const overdue = all.filter(({ item }) => item.overdue).sort((a, b) => (a.item.due! < b.item.due! ? -1 : a.item.due! > b.item.due! ? 1 : 0));
  const owning = new Set(report.files.filter((file) => file.items.some((item) => item.owner !== null)));
  const unowned = all
    .filter(({ file, item }) => owning.has(file) && item.blocking && item.owner === null)
    .sort((a, b) => PRIORITIES.indexOf(a.item.priority) - PRIORITIES.indexOf(b.item.priority));
  return { overdue, unowned };
}

/** The terminal report's planning block: `Overdue (N)` and `Blocking items without an owner (N)`, each line within `width`. */
export function planningLines(report: Report, width: number, c: ChalkInstance): string[] {
  const { overdue, unowned } = planningFacts(report);
  const lines: string[] = [];
  const section = (title: string, items: Placed[], note: (item: Item) => string, more: string): void => {
    if (items.length === 0) return;
    const shown = items.slice(0, PLANNING_LIMIT);
    const locations = shown.map(({ file, item }) => `${sanitizeText(file.path)}:${item.line}`);
    const locationWidth = Math.min(widest(locations), Math.max(12, width - 2 - GAP - 16));
    const titleWidth = Math.max(1, width - 2 - GAP - locationWidth);
    const rows = shown.map(({ item }, i) => [c.cyan(truncateStart(locations[i]!, locationWidth)), truncate(`${sanitizeText(item.title)}${note(item)}`, titleWidth)]);
    if (lines.length > 0) lines.push('');
    lines.push(c.bold.yellow(`${title} (${items.length})`));
    lines.push(...layoutColumns(rows, [{ width: locationWidth }, { width: titleWidth }], GAP).map((line) => `  ${line}`));
    if (items.length > shown.length) lines.push(c.dim(`  … and ${items.length - shown.length} more: ${more}`));
  };
  section('Overdue', overdue, (item) => ` (due ${item.due}${item.owner ? `, ${sanitizeText(item.owner)}` : ''})`, 'shipready list --overdue');
  section('Blocking items without an owner', unowned, () => '', 'shipready list --blocking');
  return lines;
}

/**
 * The markdown report's planning sections, as mdast: `Overdue (N)` and
 * `Blocking items without an owner (N)`, each item linked by `link`.
 */
export function planningMarkdown(
  report: Report,
  depth: number,
  link: (filePath: string, line: number | null, children: PhrasingContent[]) => PhrasingContent,
): RootContent[] {
  const { overdue, unowned } = planningFacts(report);
  const out: RootContent[] = [];
  const section = (title: string, items: Placed[], note: (item: Item) => string): void => {
    if (items.length === 0) return;
    out.push({ type: 'heading', depth: depth as 1 | 2 | 3 | 4 | 5 | 6, children: [{ type: 'text', value: `${title} (${items.length})` }] });
    out.push({
      type: 'list', ordered: false, spread: false,
      children: items.map(({ file, item }) => ({
        type: 'listItem', spread: false,
        children: [{ type: 'paragraph', children: [link(file.path, item.line, [{ type: 'text', value: sanitizeText(item.title) }]), { type: 'text', value: note(item) }] } as BlockContent],
      })),
    });
  };
  section('Overdue', overdue, (item) => ` — due ${item.due}, ${item.priority}${item.owner ? `, ${sanitizeText(item.owner)}` : ''}`);
  section('Blocking items without an owner', unowned, (item) => ` — ${item.priority}`);
  return out;
}

/** An overdue item in one line: `title (due 2026-01-15, ana)`. */
export function overdueNote(item: Item): string {
  return `${sanitizeText(item.title)} (due ${item.due}${item.owner ? `, ${sanitizeText(item.owner)}` : ''})`;
}
