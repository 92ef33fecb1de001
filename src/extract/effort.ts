/**
 * Effort estimates as written: a number or range followed by a unit
 * (docs/rules.md, "Effort"). Extraction keeps the unit the author wrote;
 * the summary converts to hours, where the length of a day is known.
 */

/** The unit an estimate is written in. */
export type EffortUnit = 'minutes' | 'hours' | 'days' | 'weeks';

/** An estimate in the unit written: `3-4 days of focused test writing` → `{min: 3, max: 4, unit: 'days'}`. */
export interface Estimate {
  /** Lower bound, in `unit` (≥ 0). */
  min: number;
  /** Upper bound, in `unit` (≥ min). */
  max: number;
  unit: EffortUnit;
  /** The source text of the estimate, trimmed. */
  text: string;
  /** True when the estimate is per item (`1-2 hours each`). */
  each: boolean;
}

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

function unitOf(written: string): EffortUnit {
  const u = written.toLowerCase();
  if (u.startsWith('m')) return 'minutes';
  if (u.startsWith('h')) return 'hours';
  if (u.startsWith('d')) return 'days';
  return 'weeks';
}

const toNumber = (text: string): number => Number(text.replace(',', '.'));

/**
 * Reads the first duration in `text` (`3-4 days of focused test writing` →
 * 3–4 days). Returns null when the text holds no duration (`Unknown until
 * Elixir fixed`). `text` of the result is the whole input, trimmed.
 */
export function parseEffort(text: string): Estimate | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const a = toNumber(match[1]!);
  const b = match[2] === undefined ? a : toNumber(match[2]);
  return {
    min: Math.min(a, b),
    max: Math.max(a, b),
    unit: unitOf(match[3]!),
    text: text.trim(),
    each: EACH.test(text.slice(match.index)),
  };
}

/**
 * A parenthesised duration in a heading or task title (`Quick Wins (15-30
 * minutes each)`, `Rotate keys (2h)`); `(200-250 lines)` is not one.
 */
export function parentheticalEffort(title: string): Estimate | null {
  const match = PARENTHESISED_START.exec(title);
  if (!match) return null;
  const end = match.index + match[0].length;
  const close = title.indexOf(')', end);
  // No `)` after the first start: none after any later start either.
  return close < 0 ? null : parseEffort(title.slice(end - match[1]!.length, close));
}
