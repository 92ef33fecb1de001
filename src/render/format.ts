import type { ClaimNumbers, ClaimReport, Effort, EffortTotals, FileReport, Item, Report } from '../model.js';
import { PRIORITIES } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';

/**
 * Number formats shared by every human-readable renderer (table, markdown,
 * list), so the terminal and the markdown summary say the same thing.
 */

/** A dash shown where a number would be meaningless (a percentage of no items). */
export const NONE = '–';

/** Hours as written: at most two decimals, no trailing zeros (`0.25`, `47.75`, `8`). */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/**
 * A remaining-effort range in the unit a person plans with (docs/rules.md#effort):
 * hours below three working days (`2–4 h`, `11–18 h`), else days, the lower
 * bound rounded down and the upper one up so the range always contains the
 * estimate — to half days below ten days (`28.5–41.5 h` → `3.5–5.5 d`),
 * whole days above (`96–128 h` → `12–16 d`). `hoursPerDay` is the length of
 * a day. Returns {@link NONE} for a zero range.
 */
export function formatEffortRange(minHours: number, maxHours: number, hoursPerDay: number): string {
  if (maxHours <= 0) return NONE;
  if (maxHours < hoursPerDay * 3) return formatHoursRange(minHours, maxHours);
  const step = maxHours / hoursPerDay < 10 ? 0.5 : 1;
  // Rounding is done on a slightly nudged value so 96/8 stays 12, not 12.000001 → 13.
  const low = Math.floor(minHours / hoursPerDay / step + 1e-9) * step;
  const high = Math.ceil(maxHours / hoursPerDay / step - 1e-9) * step;
  return low === high ? `${high} d` : `${low}–${high} d`;
}

/** The exact range in hours, as in the JSON report: `97–123 h`, `8 h`. */
export function formatHoursRange(minHours: number, maxHours: number): string {
  return minHours === maxHours ? `${formatHours(maxHours)} h` : `${formatHours(minHours)}–${formatHours(maxHours)} h`;
}

/** An item's own estimate in the compact unit, `''` when it has none. */
export function formatItemEffort(effort: Effort | null, hoursPerDay: number): string {
  if (effort === null) return '';
  const range = formatEffortRange(effort.minHours, effort.maxHours, hoursPerDay);
  return range === NONE ? '0 h' : range;
}

/**
 * The remaining effort of a set of items as one sentence fragment:
 * `97–123 h (12–16 d at 8 h/day) · 21 open items unestimated`,
 * `no estimates · 54 open items unestimated`, `none`.
 */
export function describeRemainingEffort(effort: EffortTotals, hoursPerDay: number, separator = ' · '): string {
  const unestimated = effort.unestimated > 0 ? `${separator}${effort.unestimated} open item${effort.unestimated === 1 ? '' : 's'} unestimated` : '';
  if (effort.maxHours <= 0) return effort.unestimated > 0 ? `no estimates${unestimated}` : 'none';
  const hours = formatHoursRange(effort.minHours, effort.maxHours);
  const compact = formatEffortRange(effort.minHours, effort.maxHours, hoursPerDay);
  const days = compact.endsWith(' d') ? ` (${compact} at ${formatHours(hoursPerDay)} h/day)` : '';
  return `${hours}${days}${unestimated}`;
}

/** A percentage 0–100 with one decimal: `13.6%`; {@link NONE} when there is nothing to count. */
export function formatPercent(percent: number, items = 1): string {
  return items === 0 ? NONE : `${percent.toFixed(1)}%`;
}

/**
 * A claim as the file wrote it, for display: sanitised, with the emphasis
 * and code markers that the claim's source text may still carry removed
 * (`Completion Rate**: **~32%` → `Completion Rate: ~32%`).
 */
export function claimText(claim: ClaimReport): string {
  return sanitizeText(claim.text.replace(/\*\*|__|`/g, ''));
}

/** What was counted for a claim, in the claim's own terms: `7 of 7 open`, `51 open`, `13.6% done`. */
export function describeCounted(counted: ClaimNumbers | null): string {
  if (counted === null) return 'not checked';
  const parts: string[] = [];
  const share = (n: number, word: string): string => (counted.items !== undefined ? `${n} of ${counted.items} ${word}` : `${n} ${word}`);
  if (counted.open !== undefined) parts.push(share(counted.open, 'open'));
  if (counted.done !== undefined) parts.push(share(counted.done, 'done'));
  if (counted.open === undefined && counted.done === undefined && counted.items !== undefined) parts.push(`${counted.items} items`);
  if (counted.donePercent !== undefined) parts.push(`${formatPercent(counted.donePercent)} done`);
  if (counted.openPercent !== undefined) parts.push(`${formatPercent(counted.openPercent)} open`);
  return parts.join(', ');
}

/**
 * The open blocking items of a report with their files, highest priority
 * first and in file and line order within a level — the order the table and
 * markdown reports list them in.
 */
export function blockingItemsByPriority(report: Report): Array<{ file: FileReport; item: Item }> {
  return report.files
    .flatMap((file) => file.items.filter((item) => item.blocking).map((item) => ({ file, item })))
    .sort((a, b) => PRIORITIES.indexOf(a.item.priority) - PRIORITIES.indexOf(b.item.priority));
}
