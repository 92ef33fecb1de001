import type { ClaimKind, ClaimNumbers } from '../model.js';
import { LANGUAGES } from './vocabularies/index.js';
import { escapeRegExp } from './vocabulary.js';
import { lineAround } from './recognisers/triggers.js';
import type { Triggers } from './recognisers/types.js';

/**
 * Hand-written claims (docs/rules.md, "Claims"): numbers tied to a completion word, found
 * in one source line of a heading or paragraph. Matching runs on the line with
 * emphasis markers (`*`, `_`) removed — "bold and emphasis around any part" —
 * and positions are mapped back to the source line.
 *
 * Forms (case-insensitive, emphasis anywhere):
 * - ratios: `7/10 incomplete`, `15/22 items incomplete`, `3 of 5 tasks done`,
 *   `3 out of 5 are complete`, `Done: 5 of 5`, `Progress: 3/10`;
 * - counts: `61 incomplete tasks`, `Total: 25 Incomplete Items`,
 *   `5 tasks remaining`, `Done: 5`, `Remaining: 3`;
 * - percentages: `45% complete`, `~32% of checklist completed`,
 *   `~68% remaining`, `Progress: 45%`, `Completion Rate: ~32%`,
 *   `Production Readiness: ~66%`, and `(68%)` beside a count or ratio, which
 *   states the same side's share.
 *
 * Not claims: numbers without a completion word (`99% ACCURATE`, `0% Applied`,
 * `(200-250 lines)`, `4,462 Lines`), ranges (`10-30% complete`), ordinals
 * (`Week 1`, `Phase 1 of 3 complete`, `Top 5 remaining tasks`), dates,
 * versions, times, and `Remaining: 3 hours` (a quantity of something else).
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

// ---- vocabulary ----

/** Words that name the open side. */
/** Completion words of the other built-in languages (docs/rules.md#other-languages), longest first. */
const translated = (pick: (l: (typeof LANGUAGES)[number]) => readonly string[]): string =>
  [...new Set(LANGUAGES.filter((l) => l.language !== 'en').flatMap(pick))].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, String.raw`\s+`)).join('|');
const OPEN_TRANSLATED = translated((l) => l.openWords);
const DONE_TRANSLATED = translated((l) => l.doneWords);
const PROGRESS_TRANSLATED = translated((l) => l.progressClaimWords);
const OPEN = String.raw`incomplete|open|remaining|outstanding|left|pending|unfinished|not\s+(?:yet\s+)?(?:done|started|completed?)|to\s+(?:do|go)|${OPEN_TRANSLATED}`;
/** Open words that can stand before a noun (`61 incomplete tasks`). */
const OPEN_ADJECTIVE = 'incomplete|open|remaining|outstanding|pending|unfinished';
/** Words that name the done side. */
const DONE = `done|complete|completed|finished|closed|checked|ready|${DONE_TRANSLATED}`;
/** Words that name progress as the done share. */
const PROGRESS = `progress|completion|readiness|${PROGRESS_TRANSLATED}`;
/** What is counted. */
const NOUN_WORD = String.raw`(?:items?|tasks?|sub-?tasks?|checks?|checkboxes|boxes|todos?|to-dos?|action\s+items?|steps|issues)`;
const NOUN = String.raw`(?:${NOUN_WORD}\s+)`;
/** Filler between a count and its word: `15/22 items are still incomplete`. */
const VERB = String.raw`(?:(?:are|is|were|was|have|has|been|now|still|currently|yet)\s+){0,3}`;
/** A count: `7`, `1,234`. */
const COUNT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/** A percentage; `approx` is `~` (or `≈`), which widens the tolerance. */
const PCT = String.raw`(?<approx>[~≈]\s*)?(?<p>\d{1,3}(?:\.\d+)?)\s*%`;
const END = String.raw`(?![\p{L}\p{N}_])`;
/**
 * Before a leading number: not part of a word, decimal, fraction, list, range,
 * issue number or currency amount (`v1`, `1.5`, `2/3`, `4,462`, `10-30%`,
 * `#3`, `$5`, `+3`). The lookahead comes first so that the lookbehinds (here
 * and in {@link NOT_A_COUNT}, which scans back over spaces) run only where a
 * number starts, not at every position of a long run of spaces.
 */
const BEGIN = String.raw`(?=[\d~≈])(?<![\p{L}\p{N}_./,#$€£+\-–])`;
/**
 * Words that make the following number an ordinal, a rank or an
 * approximation rather than a count of items: `Week 1`, `Phase 1 of 3
 * complete`, `Top 5 remaining tasks`, `over 60 open tasks`; and the second
 * number of a ratio (`0 of 0 tasks done`, `3 / 0 done`), which is never a
 * count of its own.
 */
const NOT_A_COUNT = String.raw`(?<!(?<![\p{L}])(?:phase|step|week|part|stage|sprint|day|month|year|milestone|chapter|section|level|round|iteration|page|item|task|issue|ticket|version|release|build|top|next|first|last|another|additional|extra|over|under|about|around|nearly|almost|approximately|roughly|of)\s+)(?<!\/\s*)`;
/** After a number: not followed by more of a number (decimal, fraction, date, time, range). */
const NUMBER_END = String.raw`(?![.,/:\-–]?\d)`;

/** Words that may lead a label and belong to the claim: `Production Readiness`, `Overall Progress`. */
const QUALIFIER = String.raw`(?:(?:overall|total|project|production|release|launch|current|checklist|task|tasks)\s+)?`;

type Share = 'open' | 'done';

interface Pattern {
  kind: ClaimKind;
  regex: RegExp;
  /** The word must not follow a number (`2/4 done (50%)`: the word belongs to the count before it). */
  wordFirst?: boolean;
}

const PATTERNS: Pattern[] = [
  // 7/10 incomplete, 15/22 items incomplete, 3/5 tasks are done
  {
    kind: 'ratio',
    regex: new RegExp(String.raw`${BEGIN}${NOT_A_COUNT}(?<a>${COUNT})\s*/\s*(?<b>${COUNT})${NUMBER_END}\s+${NOUN}?${VERB}(?<w>${OPEN}|${DONE})${END}`, 'dgiu'),
  },
  // 3 of 5 tasks done, 4 out of 9 remaining
  {
    kind: 'ratio',
    regex: new RegExp(String.raw`${BEGIN}${NOT_A_COUNT}(?<a>${COUNT})\s+(?:out\s+)?of\s+(?<b>${COUNT})${NUMBER_END}\s+${NOUN}?${VERB}(?<w>${OPEN}|${DONE})${END}`, 'dgiu'),
  },
  // Done: 5 of 5, Progress: 3/10, Tasks remaining: 2 of 9, Completion: 4/8
  {
    kind: 'ratio',
    regex: new RegExp(String.raw`(?<![\p{L}])(?<w>${DONE}|${OPEN}|${PROGRESS})(?:\s+(?:rate|status))?\s*:\s*(?<a>${COUNT})(?:\s*/\s*|\s+(?:out\s+)?of\s+)(?<b>${COUNT})${NUMBER_END}(?!\s*%)${END}`, 'dgiu'),
  },
  // 61 incomplete tasks, Total: 25 Incomplete Items, 3 completed tasks
  {
    kind: 'count',
    regex: new RegExp(String.raw`${BEGIN}${NOT_A_COUNT}(?<a>${COUNT})\s+(?<w>${OPEN_ADJECTIVE}|${DONE})\s+${NOUN_WORD}${END}`, 'dgiu'),
  },
  // 5 tasks remaining, 3 items are done, 2 tasks to go
  {
    kind: 'count',
    regex: new RegExp(String.raw`${BEGIN}${NOT_A_COUNT}(?<a>${COUNT})\s+${NOUN}${VERB}(?<w>${OPEN}|${DONE})${END}`, 'dgiu'),
  },
  // Done: 5, Remaining: 12, Tasks completed: 3, Open: 4 items — a label that
  // starts the line or follows punctuation or a noun (`Time remaining: 5` is not a count).
  // The lookbehind scans back over spaces, so it runs only where a word starts.
  {
    kind: 'count',
    regex: new RegExp(
      String.raw`(?=\p{L})(?<![\p{L}\p{N}]\s*)(?:${NOUN_WORD}\s+)?(?<w>done|completed?|finished|closed|${OPEN_ADJECTIVE}|left)\s*:\s*(?<a>${COUNT})(?:\s+${NOUN_WORD})?${NUMBER_END}(?!\s*(?:/|(?:out\s+)?of${END}|%))(?!\s*[\p{L}\p{N}])`,
      'dgiu',
    ),
  },
  // Progress: 45%, Completion Rate: ~32%, Production Readiness: ~66%, Done: 80%, Remaining: 20%
  {
    kind: 'percent',
    regex: new RegExp(String.raw`(?<![\p{L}])${QUALIFIER}(?<w>${PROGRESS}|${DONE}|${OPEN_ADJECTIVE}|left)(?:\s+(?:rate|status))?\s*[:：]\s*${PCT}`, 'dgiu'),
  },
  // ~32% of checklist completed, ~68% remaining, 45% complete, 40% of tasks are done
  {
    kind: 'percent',
    regex: new RegExp(
      String.raw`${BEGIN}${PCT}\s+(?:of\s+(?:the\s+)?(?:checklist|items|tasks|work|plan|list|project|scope|backlog|roadmap)\s+)?${VERB}(?<w>${OPEN}|${DONE})${END}`,
      'dgiu',
    ),
  },
  // Total Completed: 41 tasks, Total remaining: 12 items — a count that names work items.
  {
    kind: 'count',
    regex: new RegExp(
      String.raw`(?<![\p{L}])(?:total|overall)\s+(?<w>done|completed?|finished|${OPEN_ADJECTIVE}|left)\s*:\s*(?<a>${COUNT})\s+${NOUN_WORD}${END}`,
      'dgiu',
    ),
  },
];

/**
 * The word before the numbers (docs/rules.md#claims): `✅ ALL COMPLETE (9/9)`,
 * `ALL PHASES COMPLETE (9/9 token types)`, `Complete (85%)`, `완료 3/5`.
 */
const WORD_BEFORE: Pattern[] = [
  {
    kind: 'ratio',
    wordFirst: true,
    regex: new RegExp(
      String.raw`(?<![\p{L}])(?<w>${DONE}|${OPEN}|${PROGRESS})\s*(?:\(\s*)?${BEGIN}(?<a>${COUNT})\s*/\s*(?<b>${COUNT})${NUMBER_END}(?!\s*%)${END}(?:\s*\))?`,
      'dgiu',
    ),
  },
  {
    kind: 'percent',
    wordFirst: true,
    regex: new RegExp(String.raw`(?<![\p{L}])(?<w>${DONE}|${OPEN_ADJECTIVE}|${PROGRESS})\s*(?:\(\s*)?${BEGIN}${PCT}(?:\s*\))?`, 'dgiu'),
  },
];

/**
 * The claim finder's cheap trigger (docs/architecture.md#the-scan), built
 * from the same completion words as {@link PATTERNS} and {@link WORD_BEFORE}:
 * a completion word that stands alone among letters (every pattern has a
 * non-letter on both sides of it) with a number on its line
 * - right before it, or before only words that may stand between a number
 *   and its completion word (the nouns, the verbs, `of the checklist`):
 *   every form that starts with a count, a ratio or a percentage;
 * - or right after it, past white space, `rate`/`status`, a colon, a
 *   parenthesis or `~`: `Done: 5`, `Progress: ~45%`, `COMPLETE (9/9)`, `완료 3/5`.
 * Tested on the text with emphasis markers removed, as claims are matched,
 * and lower-cased line by line (the words are matched without the slow
 * case-insensitive flag); without the patterns' other conditions, so it
 * matches more than they do, never less.
 */
export const CLAIM_TRIGGERS: Triggers = [[{ view: 'source', test: completionWordWithNumber }]];

// Lower case: the patterns match in any case (`i`), and the text is lower-cased before the search.
// `ſ` is the one letter of these scripts that case-folds to another (s) without lower-casing to it.
const COMPLETION_WORDS = `${OPEN}|${DONE}|${PROGRESS}`.toLowerCase();
const COMPLETION_WORD = new RegExp(COMPLETION_WORDS, 'g');
const WHOLE_COMPLETION_WORD = new RegExp(`^(?:${COMPLETION_WORDS})$`);
const NUMBER_AFTER = /(?:[\s:：(~≈]|rate|status)*\d/y;
const LETTER = /\p{L}/u;

/**
 * Words that may stand between a number and its completion word in
 * {@link PATTERNS}: the counted nouns, the filler verbs, `out of`, and `of
 * the checklist` and its kin. Lower case, as whole runs without white space.
 */
const BETWEEN_WORDS = new Set([
  ...'item items task tasks subtask subtasks sub-task sub-tasks check checks checkboxes boxes todo todos to-do to-dos action steps issues'.split(' '),
  ...'are is were was have has been now still currently yet'.split(' '),
  ...'out of the checklist work plan list project scope backlog roadmap'.split(' '),
]);

/** Runs of text (without white space) looked at before a completion word: the number and the words between. */
const WORDS_BEFORE = 8;

/**
 * The trigger: some completion word has a number before it (as above) or
 * after it on its line. Only lines with a digit are searched (a claim never
 * spans lines). Linear.
 */
function completionWordWithNumber(text: string): boolean {
  DIGIT.lastIndex = 0;
  // Carriage returns are looked for only in texts that have one: each search runs to the text's end or start.
  const hasCr = text.includes('\r');
  for (let digit = DIGIT.exec(text); digit; digit = DIGIT.exec(text)) {
    const { start, end } = lineAround(text, digit.index, hasCr);
    if (lineHasClaimWord(text.slice(start, end).toLowerCase().replace(/ſ/g, 's'))) return true;
    DIGIT.lastIndex = Math.max(end, digit.index + 1);
  }
  return false;
}

const DIGIT = /\d/g;

/** Whether one lower-cased line has a completion word with a number before or after it. */
function lineHasClaimWord(line: string): boolean {
  COMPLETION_WORD.lastIndex = 0;
  for (let match = COMPLETION_WORD.exec(line); match; match = COMPLETION_WORD.exec(line)) {
    if (match.index > 0 && LETTER.test(line[match.index - 1]!)) continue;
    // The whole run of letters: the search takes the first word that fits (`complete`), the patterns the
    // longest (`completed`), and a word inside a longer one (`opencollective`) is none.
    let end = match.index + match[0].length;
    while (end < line.length && LETTER.test(line[end]!)) end++;
    if (end > match.index + match[0].length && !WHOLE_COMPLETION_WORD.test(line.slice(match.index, end))) continue;
    NUMBER_AFTER.lastIndex = end;
    if (NUMBER_AFTER.test(line) || numberBefore(line, match.index)) return true;
  }
  return false;
}

/**
 * Whether a run ending in a digit or `%` stands before `index` on its line
 * with only {@link BETWEEN_WORDS} in between. Each run is looked at by at
 * most {@link WORDS_BEFORE} completion words, so linear.
 */
function numberBefore(text: string, index: number): boolean {
  let end = index;
  for (let words = 0; words < WORDS_BEFORE && end > 0; words++) {
    // The run that ends at `end` (a word glued to the completion word is part of the first run).
    let start = end;
    while (start > 0 && !isBlank(text.charCodeAt(start - 1)) && !isLineBreak(text.charCodeAt(start - 1))) start--;
    if (start < end) {
      const last = text.charCodeAt(end - 1);
      if ((last >= 48 && last <= 57) || last === 37 /* % */) return true;
      if (!BETWEEN_WORDS.has(text.slice(start, end))) return false;
    }
    if (start === 0 || isLineBreak(text.charCodeAt(start - 1))) return false;
    end = start;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end === 0 || isLineBreak(text.charCodeAt(end - 1))) return false;
  }
  return false;
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** White space within a line (as `\s` matches it, line breaks left out). */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0xfeff || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * `(68%)`, `(68% of checklist)` or `(32% complete)` right after a count or
 * ratio claim: the share of the side the count names, unless the parentheses
 * name a side of their own.
 */
// Sticky, from the end of the claim (no slice of the rest of the line per claim); the words start
// with a letter, so that the spaces before them are not also tried as their start (quadratic).
const TRAILING_PERCENT = new RegExp(String.raw`\s*\(\s*${PCT}(?:\s+(?<rest>\p{L}[\p{L} ]{0,29}?))?\s*\)`, 'dyu');

const OPEN_WORD = new RegExp(String.raw`^(?:${OPEN})$`, 'iu');
const DONE_WORD = new RegExp(String.raw`(?<![\p{L}])(?:${DONE})(?![\p{L}])`, 'iu');
const OPEN_IN_TEXT = new RegExp(String.raw`(?<![\p{L}])(?:${OPEN})(?![\p{L}])`, 'iu');

/** The side a completion word names: `progress`, `completion`, `readiness` and the done words are the done side. */
const shareOf = (word: string): Share => (OPEN_WORD.test(word.replace(/\s+/g, ' ')) ? 'open' : 'done');

/** The number a count or percentage stands for (`1,234` → 1234). */
const numberOf = (text: string): number => Number(text.replace(/,/g, ''));

/** Counts above this are not item counts (phone numbers, ids). */
const MAX_COUNT = 100_000;

/**
 * Finds every claim in one source line. `maskedRanges` are 0-based `[start,
 * end)` ranges of the line to ignore (inline code, struck-through text,
 * inline HTML). Overlapping matches keep the earliest, then the longest.
 * Pure; never throws.
 */
export function findLineClaims(line: string, maskedRanges: ReadonlyArray<readonly [number, number]> = [], wordBefore = true): LineClaim[] {
  // Build the stripped line and the map from its indices back to the source line.
  let stripped = '';
  const sourceIndex: number[] = [];
  const isMasked = maskTester(maskedRanges);
  for (let i = 0; i < line.length; i++) {
    const masked = isMasked(i);
    const ch = line[i]!;
    if (!masked && (ch === '*' || ch === '_')) continue;
    stripped += masked ? '\u0001' : ch;
    sourceIndex.push(i);
  }
  sourceIndex.push(line.length);
  const toSource = (index: number): number => sourceIndex[index] ?? line.length;
  const toSourceEnd = (index: number): number => (index === 0 ? toSource(0) : toSource(index - 1) + 1);

  const found: LineClaim[] = [];
  for (const pattern of wordBefore ? [...PATTERNS, ...WORD_BEFORE] : PATTERNS) {
    pattern.regex.lastIndex = 0;
    for (let m = pattern.regex.exec(stripped); m; m = pattern.regex.exec(stripped)) {
      const groups = m.groups ?? {};
      if (pattern.wordFirst && followsNumber(stripped, m.index)) continue;
      const claim = interpret(pattern.kind, groups);
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
      if (pattern.kind !== 'percent') {
        const trailing = trailingPercent(stripped, m.index + m[0].length, claim.share);
        if (trailing) {
          found.push({
            ...trailing,
            start: toSource(trailing.start),
            end: toSourceEnd(trailing.end),
            numbers: trailing.numbers.map((n) => ({ key: n.key, start: toSource(n.start), end: toSourceEnd(n.end) })),
          });
        }
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: LineClaim[] = [];
  // Kept claims do not overlap and start no later than `claim`: it overlaps one of them exactly when it starts before the last end.
  let keptEnd = -Infinity;
  for (const claim of found) {
    if (claim.start < keptEnd) continue;
    kept.push(claim);
    keptEnd = Math.max(keptEnd, claim.end);
  }
  return kept;
}

/** Whether the last non-space before `index` ends a number, a percentage or a parenthesis. */
function followsNumber(text: string, index: number): boolean {
  let i = index;
  while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
  return i > 0 && /[\p{N}%)]/u.test(text.charAt(i - 1));
}

/**
 * Whether index `i` of a line lies in one of `ranges` (0-based `[start, end)`),
 * for `i` asked in increasing order: one pass over the sorted ranges instead
 * of a search of all of them per character.
 */
function maskTester(ranges: ReadonlyArray<readonly [number, number]>): (i: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  let next = 0; // ranges before `next` have started
  let coveredUntil = -Infinity; // the furthest end among them
  return (i) => {
    while (next < sorted.length && sorted[next]![0] <= i) coveredUntil = Math.max(coveredUntil, sorted[next++]![1]);
    return i < coveredUntil;
  };
}

/** A percentage in parentheses right after a count or ratio ending at `offset` (positions in the stripped line). */
function trailingPercent(stripped: string, offset: number, share: Share): LineClaim | null {
  TRAILING_PERCENT.lastIndex = offset;
  const trailing = TRAILING_PERCENT.exec(stripped);
  const p = trailing?.groups?.p;
  if (!trailing || p === undefined || !(Number(p) <= 100)) return null;
  // `(32% complete)` after `15/22 incomplete` states the done share.
  const rest = trailing.groups?.rest ?? '';
  const side: Share = DONE_WORD.test(rest) ? 'done' : OPEN_IN_TEXT.test(rest) ? 'open' : share;
  const key = side === 'open' ? 'openPercent' : 'donePercent';
  const pRange = trailing.indices?.groups?.p ?? [offset, offset];
  return {
    kind: 'percent',
    start: offset + trailing[0].indexOf('('),
    end: offset + trailing[0].length,
    claimed: { [key]: Number(p) },
    tolerance: trailing.groups?.approx ? 2 : 0.5,
    numbers: [{ key, start: pRange[0], end: pRange[1] }],
  };
}

interface Interpretation {
  claimed: ClaimNumbers;
  share: Share;
  keys: Array<{ key: keyof ClaimNumbers; group: string }>;
}

function interpret(kind: ClaimKind, groups: Record<string, string | undefined>): Interpretation | null {
  const share = shareOf(groups.w ?? 'done');
  if (kind === 'percent') {
    const p = Number(groups.p);
    if (!(p >= 0 && p <= 100)) return null;
    const key = share === 'open' ? 'openPercent' : 'donePercent';
    return { claimed: { [key]: p }, share, keys: [{ key, group: 'p' }] };
  }
  const a = numberOf(groups.a ?? '');
  if (!(a >= 0 && a <= MAX_COUNT)) return null;
  if (kind === 'ratio') {
    const b = numberOf(groups.b ?? '');
    if (!(b > 0 && b <= MAX_COUNT) || a > b) return null;
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
