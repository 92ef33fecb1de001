import { Chalk } from 'chalk';
import { sanitizeText } from '../extract/text.js';
import type { Report } from '../model.js';
import { displayWidth, truncate } from '../render/text.js';
import { plural } from '../words.js';

/** The report-wide numbers whose changes the watch status line shows, in its order. */
export interface WatchCounts {
  done: number;
  open: number;
  blocking: number;
  items: number;
  /** Claims found stale (docs/rules.md#claims), over every file. */
  staleClaims: number;
}

/**
 * How each count is named in the status line (`+1 done`, `−2 items`), and
 * which way is progress (1: up is good, −1: down is good, 0: neither).
 */
const COUNTS: ReadonlyArray<{ key: keyof WatchCounts; one: string; many: string; good: 1 | -1 | 0 }> = [
  { key: 'done', one: 'done', many: 'done', good: 1 },
  { key: 'open', one: 'open', many: 'open', good: -1 },
  { key: 'blocking', one: 'blocking', many: 'blocking', good: -1 },
  { key: 'items', one: 'item', many: 'items', good: 0 },
  { key: 'staleClaims', one: 'stale claim', many: 'stale claims', good: -1 },
];

/** The counts of a report that the status line compares. */
export function watchCounts(report: Report): WatchCounts {
  let staleClaims = 0;
  for (const file of report.files) for (const claim of file.claims) if (claim.stale === true) staleClaims++;
  const { done, open, blocking, items } = report.totals;
  return { done, open, blocking, items, staleClaims };
}

/** Which files an update read or dropped, as reported (relative paths). */
export interface ChangedFiles {
  added: readonly string[];
  changed: readonly string[];
  removed: readonly string[];
}

/** How the status line is drawn: colours, and the real minus sign or ASCII (as the renderers decide for bars). */
export interface StatusStyle {
  color: boolean;
  unicode: boolean;
  /** Columns the line must fit in; the file names give way first. */
  width: number;
}

/** What the status line describes: the counts before and after an update, the files it touched, when. */
export interface StatusInput {
  /** The counts of the previous report; null for the first report. */
  previous: WatchCounts | null;
  next: WatchCounts;
  files: ChangedFiles;
  /** How many files the report holds. */
  fileCount: number;
  /** Wall-clock time of the update (shown as local time). */
  time: Date;
}

/**
 * The line shown above each report while watching, so the eye finds what
 * moved: `updated 14:03:22 · TODO.md changed · +1 done, −1 open`. Only the
 * counts that changed are listed (`no change in totals` when none did),
 * green when they move towards ready, red when away. The first report says
 * what is watched instead: `watching 3 files since 14:03:20 · Ctrl-C to stop`.
 */
export function statusLine(input: StatusInput, style: StatusStyle): string {
  const { previous, next, files, fileCount, time } = input;
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const clock = formatClock(time);
  if (previous === null) {
    return c.dim(`watching ${plural(fileCount, 'file')} since ${clock} · Ctrl-C to stop`);
  }
  const minus = style.unicode ? '\u2212' : '-';
  const deltas = COUNTS.flatMap(({ key, one, many, good }) => {
    const delta = next[key] - previous[key];
    if (delta === 0) return [];
    const text = `${delta > 0 ? '+' : minus}${plural(Math.abs(delta), one, many)}`;
    const paint = good === 0 ? (s: string): string => s : Math.sign(delta) === good ? c.green : c.red;
    return [paint(text)];
  });
  const updated = `updated ${clock}`;
  const changes = deltas.length > 0 ? deltas.join(', ') : c.dim('no change in totals');
  const separator = ' · ';
  const room = style.width - displayWidth(updated) - displayWidth(changes) - 2 * separator.length;
  const which = truncate(describeFiles(files), room);
  return [c.bold(updated), ...(which === '' || room < 8 ? [] : [c.cyan(which)]), changes].join(c.dim(separator));
}

/** `TODO.md changed`, `NEW.md added, 2 files removed`; '' when no file was read or dropped. File names are sanitised. */
export function describeFiles(files: ChangedFiles): string {
  const part = (paths: readonly string[], verb: string): string[] => {
    if (paths.length === 0) return [];
    return [paths.length === 1 ? `${sanitizeText(paths[0]!)} ${verb}` : `${plural(paths.length, 'file')} ${verb}`];
  };
  return [...part(files.changed, 'changed'), ...part(files.added, 'added'), ...part(files.removed, 'removed')].join(', ');
}

/** `HH:MM:SS`, 24-hour local time. */
export function formatClock(time: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}`;
}
