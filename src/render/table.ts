import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Item, Priority, Report, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import type { Renderer } from './types.js';

/** How many open blocking items the terminal report lists before `… and N more`. */
const BLOCKING_LIMIT = 10;

/**
 * `--format table` (the default): the terminal report of SPEC.md §10 — a
 * verdict line, overall and per-priority progress, remaining effort, open
 * blocking items as `path:line`, stale claims. Fits `options.width` columns.
 */
export const renderTable: Renderer = (report, options) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  out.push(verdictLine(report, c), '');

  const table = new Table({
    head: ['', 'items', 'done', 'open', 'wip', 'blocked', '%', 'progress'],
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: EMPTY_BORDERS,
    colAligns: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  });
  const barWidth = Math.max(10, Math.min(30, options.width - 60));
  const row = (label: string, totals: Totals, paint = (s: string): string => s): string[] => [
    paint(label),
    String(totals.items),
    String(totals.done),
    String(totals.open),
    String(totals.inProgress),
    String(totals.blocked),
    formatPercent(totals.percent),
    bar(totals.percent, barWidth, options.unicode, c),
  ];
  table.push(row('overall', report.totals, c.bold));
  for (const level of PRIORITIES) {
    const totals = report.byPriority[level];
    if (totals.items + totals.cancelled === 0) continue;
    table.push(row(level, totals, PRIORITY_COLOUR[level](c)));
  }
  out.push(table.toString(), '');

  const effort = report.totals.effort;
  const unestimated = effort.unestimated > 0 ? ` · ${effort.unestimated} open item${effort.unestimated === 1 ? '' : 's'} unestimated` : '';
  out.push(`Remaining effort: ${formatEffort(effort.minHours, effort.maxHours, report.options.hoursPerDay)}${unestimated}`);
  if (report.totals.cancelled > 0) out.push(c.dim(`${report.totals.cancelled} cancelled item${report.totals.cancelled === 1 ? '' : 's'} not counted`));

  const blocking = report.files.flatMap((file) => file.items.filter((item) => item.blocking).map((item) => ({ file: file.path, item })));
  if (blocking.length > 0) {
    out.push('', c.bold.red(`Blocking (${blocking.length})`));
    for (const { file, item } of blocking.slice(0, BLOCKING_LIMIT)) out.push(itemLine(file, item, options.width, c));
    if (blocking.length > BLOCKING_LIMIT) {
      out.push(c.dim(`  … and ${blocking.length - BLOCKING_LIMIT} more`));
    }
  }

  const stale = report.files.flatMap((file) => file.claims.filter((claim) => claim.stale).map((claim) => ({ file: file.path, claim })));
  if (stale.length > 0) {
    out.push('', c.bold.yellow(`Stale claims (${stale.length})`));
    for (const { file, claim } of stale) {
      out.push(`  ${c.cyan(`${file}:${claim.line}`)}  ${truncate(`"${claim.text}"`, 40)}  ${c.dim('counted')} ${describeCounted({ ...claim.counted })}`);
    }
  }

  if (report.files.length > 1) out.push('', c.dim(`${report.files.length} files · ${report.totals.items} items`));
  return `${out.join('\n')}\n`;
};

/** `READY` or `NOT READY — 24 blocking items open (critical)`. */
export function verdictLine(report: Report, c: ChalkInstance): string {
  if (report.ready) {
    const note = report.totals.open > 0 ? ` — no blocking items (${report.totals.open} open below ${report.options.failOn})` : '';
    return c.bold.green(`READY${note}`);
  }
  const n = report.totals.blocking;
  const levels = PRIORITIES.filter((level) => report.byPriority[level].blocking > 0).join(', ');
  return c.bold.red(`NOT READY — ${n} blocking item${n === 1 ? '' : 's'} open (${levels})`);
}

/** Hours as a range, with days when long: `97–123 h (12.1–15.4 d)`. */
export function formatEffort(minHours: number, maxHours: number, hoursPerDay: number): string {
  const range = (a: number, b: number, unit: string): string => (a === b ? `${trim(a)} ${unit}` : `${trim(a)}–${trim(b)} ${unit}`);
  const hours = range(minHours, maxHours, 'h');
  if (maxHours < hoursPerDay * 2) return hours;
  return `${hours} (${range(round1(minHours / hoursPerDay), round1(maxHours / hoursPerDay), 'd')})`;
}

function describeCounted(counted: Record<string, number | undefined>): string {
  const parts: string[] = [];
  if (counted.open !== undefined) parts.push(`${counted.open} open`);
  if (counted.done !== undefined) parts.push(`${counted.done} done`);
  if (counted.items !== undefined) parts.push(`of ${counted.items}`);
  if (counted.donePercent !== undefined) parts.push(`${formatPercent(counted.donePercent)} done`);
  if (counted.openPercent !== undefined) parts.push(`${formatPercent(counted.openPercent)} open`);
  return parts.join(' ');
}

function itemLine(file: string, item: Item, width: number, c: ChalkInstance): string {
  const location = `${file}:${item.line}`;
  const room = Math.max(20, width - location.length - 4);
  return `  ${c.cyan(location)}  ${truncate(item.title, room)}`;
}

function bar(percent: number, width: number, unicode: boolean, c: ChalkInstance): string {
  const filled = Math.round((percent / 100) * width);
  const [full, empty] = unicode ? ['█', '░'] : ['#', '-'];
  return c.green(full.repeat(filled)) + c.dim(empty.repeat(width - filled));
}

function formatPercent(percent: number): string {
  return `${percent.toFixed(1)}%`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const trim = (n: number): string => String(Math.round(n * 100) / 100);
const round1 = (n: number): number => Math.round(n * 10) / 10;

const PRIORITY_COLOUR: Record<Priority, (c: ChalkInstance) => (s: string) => string> = {
  critical: (c) => c.red,
  high: (c) => c.yellow,
  medium: (c) => c.blue,
  low: (c) => c.green,
  none: (c) => c.dim,
};

const EMPTY_BORDERS = {
  top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '',
  'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '',
};
