import type { ClaimKind, ClaimNumbers } from '../model.js';

/**
 * Hand-written claims (SPEC.md §6): numbers tied to a completion word, found
 * in one source line of a heading or paragraph. Matching runs on the line with
 * emphasis markers (`*`, `_`) removed — "bold and emphasis around any part" —
 * and positions are mapped back to the source line.
 */

/** A claim found in one line, before it is checked. Columns are 0-based indices into the line. */
export interface LineClaim {
  kind: ClaimKind;
  /** 0-based index of the claim's first character in the source line. */
  start: number;
  /** 0-based index just past the claim's last character in the source line. */
  end: number;
  claimed: ClaimNumbers;
  /** Allowed distance, in percentage points, for percentages: 0.5, or 2 when written with `~`. */
  tolerance: number;
  /** Source ranges of the claimed numbers, 0-based `[start, end)` into the line, in `claimed` key order. */
  numbers: Array<{ key: keyof ClaimNumbers; start: number; end: number }>;
}

const OPEN = 'incomplete|open|remaining|outstanding|left|pending|unfinished';
const DONE = 'done|complete|completed|finished|closed|checked';
const NOUN = String.raw`(?:(?:items?|tasks?|checks?|checkboxes|boxes|todos?)\s+)`;
const PCT = String.raw`(?<approx>~\s*)?(?<p>\d{1,3}(?:\.\d+)?)\s*%`;
const END = String.raw`(?![\p{L}\p{N}_])`;
const BEGIN = String.raw`(?<![\p{L}\p{N}_./])`;

type Share = 'open' | 'done';

interface Pattern {
  kind: ClaimKind;
  regex: RegExp;
  /** Which side the completion word names; fixed for label forms. */
  share?: Share;
}

const PATTERNS: Pattern[] = [
  // 7/10 incomplete, 15/22 items incomplete, 3/5 tasks done
  { kind: 'ratio', regex: new RegExp(String.raw`${BEGIN}(?<a>\d+)\s*/\s*(?<b>\d+)\s+${NOUN}?(?<w>${OPEN}|${DONE})${END}`, 'dgiu') },
  // 3 of 5 tasks done, 4 of 9 remaining
  { kind: 'ratio', regex: new RegExp(String.raw`${BEGIN}(?<a>\d+)\s+of\s+(?<b>\d+)\s+${NOUN}?(?<w>${OPEN}|${DONE})${END}`, 'dgiu') },
  // Done: 5 of 5, Progress: 3/10, Remaining: 2 of 9
  { kind: 'ratio', regex: new RegExp(String.raw`(?<![\p{L}])(?<w>${DONE}|progress|${OPEN})\s*:\s*(?<a>\d+)\s*(?:/|of)\s*(?<b>\d+)${END}`, 'dgiu') },
  // 61 incomplete tasks, Total: 25 Incomplete Items, 3 completed tasks
  { kind: 'count', regex: new RegExp(String.raw`${BEGIN}(?<a>\d+)\s+(?<w>${OPEN}|${DONE})\s+(?:items?|tasks?|checks?|todos?)${END}`, 'dgiu') },
  // 5 tasks remaining, 3 items done
  { kind: 'count', regex: new RegExp(String.raw`${BEGIN}(?<a>\d+)\s+(?:items?|tasks?|todos?)\s+(?<w>${OPEN}|${DONE})${END}`, 'dgiu') },
  // Done: 5, Remaining: 12
  { kind: 'count', regex: new RegExp(String.raw`(?<![\p{L}])(?<w>done|completed|remaining|incomplete|open)\s*:\s*(?<a>\d+)(?!\s*(?:/|of${END}|%|[.,]\d))${END}`, 'dgiu') },
  // Progress: 45%, Completion Rate: ~32%, Production Readiness: ~66%, Done: 80%
  { kind: 'percent', share: 'done', regex: new RegExp(String.raw`(?<![\p{L}])(?:progress|completion(?:\s+rate)?|completed?|done|(?:production\s+)?readiness)\s*:\s*${PCT}`, 'dgiu') },
  // ~32% of checklist completed, ~68% remaining, 45% complete
  { kind: 'percent', regex: new RegExp(String.raw`${BEGIN}${PCT}\s+(?:of\s+(?:the\s+)?(?:checklist|items|tasks|work|plan|list)\s+)?(?<w>${OPEN}|${DONE})${END}`, 'dgiu') },
];

// `(68%)` or `(68% of checklist)` right after a count or ratio claim states the same side's share.
const TRAILING_PERCENT = new RegExp(String.raw`^\s*\(\s*${PCT}(?:\s+[\p{L} ]{1,30})?\s*\)`, 'du');

const shareOf = (word: string): Share => (new RegExp(`^(?:${OPEN})$`, 'i').test(word) ? 'open' : 'done');

/**
 * Finds every claim in one source line. `maskedRanges` are 0-based `[start,
 * end)` ranges of the line to ignore (inline code). Overlapping matches keep
 * the earliest, then the longest. Pure.
 */
export function findLineClaims(line: string, maskedRanges: ReadonlyArray<readonly [number, number]> = []): LineClaim[] {
  // Build the stripped line and the map from its indices back to the source line.
  let stripped = '';
  const sourceIndex: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const masked = maskedRanges.some(([start, end]) => i >= start && i < end);
    const ch = line[i]!;
    if (!masked && (ch === '*' || ch === '_')) continue;
    stripped += masked ? '\u0001' : ch;
    sourceIndex.push(i);
  }
  sourceIndex.push(line.length);
  const toSource = (index: number): number => sourceIndex[index] ?? line.length;
  const toSourceEnd = (index: number): number => (index === 0 ? toSource(0) : toSource(index - 1) + 1);

  const found: LineClaim[] = [];
  for (const pattern of PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(stripped); m; m = pattern.regex.exec(stripped)) {
      const groups = m.groups ?? {};
      const claim = interpret(pattern, groups);
      if (!claim) continue;
      const numbers = numberRanges(m, claim.keys).map(({ key, start, end }) => ({
        key,
        start: toSource(start),
        end: toSourceEnd(end),
      }));
      found.push({
        kind: pattern.kind,
        start: toSource(m.index),
        end: toSourceEnd(m.index + m[0].length),
        claimed: claim.claimed,
        tolerance: groups.approx ? 2 : 0.5,
        numbers,
      });
      // A percentage in parentheses beside a count states that count's share.
      if (pattern.kind !== 'percent') {
        const rest = stripped.slice(m.index + m[0].length);
        const trailing = TRAILING_PERCENT.exec(rest);
        const p = trailing?.groups?.p;
        if (trailing && p !== undefined && Number(p) <= 100) {
          const offset = m.index + m[0].length;
          const pRange = trailing.indices?.groups?.p ?? [0, 0];
          const pStart = offset + pRange[0];
          const share = claim.share;
          const key = share === 'open' ? 'openPercent' : 'donePercent';
          found.push({
            kind: 'percent',
            start: toSource(offset + trailing[0].indexOf('(')),
            end: toSourceEnd(offset + trailing[0].length),
            claimed: { [key]: Number(p) },
            tolerance: trailing.groups?.approx ? 2 : 0.5,
            numbers: [{ key, start: toSource(pStart), end: toSourceEnd(pStart + p.length) }],
          });
        }
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LineClaim[] = [];
  for (const claim of found) {
    if (kept.some((k) => claim.start < k.end && k.start < claim.end)) continue;
    kept.push(claim);
  }
  return kept;
}

interface Interpretation {
  claimed: ClaimNumbers;
  share: Share;
  keys: Array<{ key: keyof ClaimNumbers; group: string }>;
}

function interpret(pattern: Pattern, groups: Record<string, string | undefined>): Interpretation | null {
  const share: Share = pattern.share ?? (groups.w && /^progress$/i.test(groups.w) ? 'done' : shareOf(groups.w ?? 'done'));
  if (pattern.kind === 'percent') {
    const p = Number(groups.p);
    if (!(p >= 0 && p <= 100)) return null;
    const key = share === 'open' ? 'openPercent' : 'donePercent';
    return { claimed: { [key]: p }, share, keys: [{ key, group: 'p' }] };
  }
  const a = Number(groups.a);
  if (pattern.kind === 'ratio') {
    const b = Number(groups.b);
    if (!(b > 0) || a > b) return null;
    return {
      claimed: { [share]: a, items: b },
      share,
      keys: [{ key: share, group: 'a' }, { key: 'items', group: 'b' }],
    };
  }
  return { claimed: { [share]: a }, share, keys: [{ key: share, group: 'a' }] };
}

/** Positions of the claimed numbers in the stripped line, from the regex `d` flag's group indices. */
function numberRanges(
  match: RegExpExecArray,
  keys: Interpretation['keys'],
): Array<{ key: keyof ClaimNumbers; start: number; end: number }> {
  return keys.flatMap(({ key, group }) => {
    const range = match.indices?.groups?.[group];
    return range ? [{ key, start: range[0], end: range[1] }] : [];
  });
}
