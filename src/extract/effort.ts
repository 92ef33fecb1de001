import type { Effort } from '../model.js';

/**
 * Effort estimates (SPEC.md §4): a number or range followed by a unit.
 * One day is `hoursPerDay` hours, one week 5 days.
 */

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const UNIT = String.raw`minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|wk|w`;
// `~` then spaces, as `(?:~\s*)?`: `~?\s*` after another `\s*` backtracks quadratically over spaces.
const APPROX = String.raw`(?:~\s*)?`;
const RANGE_SEPARATOR = String.raw`\s*(?:-|–|—|to)\s*${APPROX}`;
const DURATION = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.])${APPROX}(${NUMBER})(?:${RANGE_SEPARATOR}(${NUMBER}))?\s*(${UNIT})(?![\p{L}\p{N}_])`,
  'iu',
);
/** `(` and a duration; the closing `)` is found with indexOf, since `[^)]*\)` rescans the rest of the text from every `(`. */
const PARENTHESISED_START = new RegExp(String.raw`\(\s*(${APPROX}${NUMBER}(?:${RANGE_SEPARATOR}${NUMBER})?\s*(?:${UNIT})(?![\p{L}\p{N}_]))`, 'iu');
const EACH = /(?<![\p{L}])(?:each|per item|per task|apiece)(?![\p{L}])/iu;

function hoursPerUnit(unit: string, hoursPerDay: number): number {
  const u = unit.toLowerCase();
  if (u.startsWith('m')) return 1 / 60;
  if (u.startsWith('h')) return 1;
  if (u.startsWith('d')) return hoursPerDay;
  return hoursPerDay * 5;
}

const toNumber = (text: string): number => Number(text.replace(',', '.'));

/**
 * Reads the first duration in `text` (`3-4 days of focused test writing` →
 * 24–32 h at 8 h/day). Returns null when the text holds no duration
 * (`Unknown until Elixir fixed`). `text` of the result is the whole input, trimmed.
 */
export function parseEffort(text: string, hoursPerDay: number): Effort | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const factor = hoursPerUnit(match[3]!, hoursPerDay);
  const a = toNumber(match[1]!) * factor;
  const b = match[2] === undefined ? a : toNumber(match[2]) * factor;
  return {
    minHours: round(Math.min(a, b)),
    maxHours: round(Math.max(a, b)),
    text: text.trim(),
    each: EACH.test(text.slice(match.index)),
  };
}

/**
 * A parenthesised duration in a heading or task title (`Quick Wins (15-30
 * minutes each)`, `Rotate keys (2h)`); `(200-250 lines)` is not one.
 */
export function parentheticalEffort(title: string, hoursPerDay: number): Effort | null {
  const match = PARENTHESISED_START.exec(title);
  if (!match) return null;
  const end = match.index + match[0].length;
  const close = title.indexOf(')', end);
  // No `)` after the first start: none after any later start either.
  return close < 0 ? null : parseEffort(title.slice(end - match[1]!.length, close), hoursPerDay);
}

/** Rounds hours to 1/1000 so that minute arithmetic stays exact in JSON. */
export function round(hours: number): number {
  return Math.round(hours * 1000) / 1000;
}
