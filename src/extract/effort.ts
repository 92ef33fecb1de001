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
/** `each` directly after a duration (`1-2 hours each`): the estimate is per item (docs/rules.md#effort). */
const EACH_AFTER = /^\s*(?:each|per item|per task|apiece)(?![\p{L}])/iu;
/** A duration and nothing else, but `~`, `approx.`, `est.` before it and `each` after it. */
const ONLY_DURATION = new RegExp(
  String.raw`^\s*(?:(?:approx\.?|approximately|est\.?|estimated|about|~)\s*)*${APPROX}${NUMBER}(?:${RANGE_SEPARATOR}${NUMBER})?\s*(?:${UNIT})(?:\s+(?:each|per item|per task|apiece))?\s*$`,
  'iu',
);
/** A T-shirt size as a whole value (`M`, `XL`) or in parentheses (`(L)`). */
const SIZE = /^\s*(XXS|XS|S|M|L|XL|XXL)\s*$/u;

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
    each: EACH_AFTER.test(text.slice(match.index + match[0].length)),
  };
}

/**
 * A parenthesised estimate in a heading or task title (docs/rules.md#effort):
 * parentheses that hold a duration and nothing else (`Quick Wins (15-30
 * minutes each)`, `Rotate keys (~2h)`), or an effort field (`(Effort: 4h)`,
 * `(Estimate: 1h)`; `effortNames` lower-case). `(1 week before)`, `(Weeks
 * 6-10)`, `(T+1h)` and `(200-250 lines)` are not estimates. With `strict`
 * off, any parentheses that start with a duration count (the rule before).
 */
export function parentheticalEffort(title: string, effortNames: ReadonlySet<string> = DEFAULT_NAMES, strict = true): Estimate | null {
  if (!strict) return looseParenthetical(title);
  for (let open = title.indexOf('('); open >= 0; open = title.indexOf('(', open + 1)) {
    const close = title.indexOf(')', open + 1);
    if (close < 0) return null;
    const inside = title.slice(open + 1, close);
    if (ONLY_DURATION.test(inside)) return parseEffort(inside);
    const colon = inside.indexOf(':');
    if (colon > 0 && effortNames.has(inside.slice(0, colon).trim().toLowerCase())) {
      const estimate = parseEffort(inside.slice(colon + 1));
      if (estimate) return estimate;
    }
  }
  return null;
}

const DEFAULT_NAMES: ReadonlySet<string> = new Set(['effort', 'estimated time', 'estimate', 'time', 'time estimate', 'duration', 'eta']);

function looseParenthetical(title: string): Estimate | null {
  const match = PARENTHESISED_START.exec(title);
  if (!match) return null;
  const end = match.index + match[0].length;
  const close = title.indexOf(')', end);
  return close < 0 ? null : parseEffort(title.slice(end - match[1]!.length, close));
}

/** The T-shirt size an effort value or a title's parentheses name (`M`, `(L)`), or null (docs/rules.md#effort). */
export function tShirtSize(text: string, inParentheses: boolean): string | null {
  if (!inParentheses) return SIZE.exec(text.replace(/[*_]/g, ''))?.[1] ?? null;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    const close = text.indexOf(')', open + 1);
    if (close < 0) return null;
    const size = SIZE.exec(text.slice(open + 1, close))?.[1];
    if (size) return size;
  }
  return null;
}
