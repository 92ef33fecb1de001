import type { Priority, Status } from '../model.js';

/**
 * The words and emoji the extractor recognises. Defaults are the built-in words of docs/rules.md;
 * the configuration (README.md#command-line: `priorityWords`, `effortFields`,
 * `blockingMarkers`) can add to them through {@link buildVocabulary}.
 */
export interface Vocabulary {
  /** Priority words per level, lower-case; a space or hyphen matches spaces or hyphens (docs/rules.md#priority). */
  priorityWords: Record<Exclude<Priority, 'none'>, string[]>;
  /** Field names whose value is an effort estimate, lower-case (docs/rules.md#effort). */
  effortFields: string[];
  /** Extra blocking markers, matched case-insensitively as whole words (docs/rules.md#blocking-and-readiness). */
  blockingMarkers: string[];
}

/** Priority words of docs/rules.md#priority. */
export const DEFAULT_PRIORITY_WORDS: Vocabulary['priorityWords'] = {
  critical: ['critical', 'blocker', 'blocking', 'highest', 'p0', 'must', 'must-have', 'must have', 'showstopper'],
  high: ['high', 'p1', 'should', 'should-have', 'should have', 'important', 'urgent'],
  medium: ['medium', 'moderate', 'normal', 'p2', 'could', 'could-have'],
  low: ['low', 'lowest', 'p3', 'p4', 'nice-to-have', 'nice to have', 'optional', 'someday', 'wishlist'],
};

/** Effort field names of docs/rules.md#effort. */
export const DEFAULT_EFFORT_FIELDS = ['effort', 'estimated time', 'estimate', 'time', 'time estimate', 'duration', 'eta'];

/** Names of task fields that make a numbered heading an item (docs/rules.md#items). */
export const TASK_FIELD_NAMES = new Set(['effort', 'time', 'estimated time', 'status', 'priority', 'owner', 'due']);

/** Colour emoji that set a priority (docs/rules.md#priority). */
export const PRIORITY_EMOJI: ReadonlyArray<readonly [string, Exclude<Priority, 'none'>]> = [
  ['🔴', 'critical'],
  ['🟠', 'high'],
  ['🟡', 'medium'],
  ['🟢', 'low'],
];

/**
 * Leading status emoji of marker and heading items (docs/rules.md#items,
 * §1.2). Variation selectors (U+FE0F) are optional in the text.
 */
export const STATUS_EMOJI: ReadonlyArray<readonly [string, Status]> = [
  ['✅', 'done'],
  ['✔', 'done'],
  ['☑', 'done'],
  ['❌', 'todo'],
  ['⬜', 'todo'],
  ['☐', 'todo'],
  ['🔄', 'in_progress'],
  ['⏳', 'in_progress'],
  ['🚧', 'in_progress'],
  ['⏸', 'blocked'],
  ['🚫', 'blocked'],
  ['⛔', 'blocked'],
];

/**
 * Status markers that refine an open item (docs/rules.md#status). Words are matched
 * case-insensitively as whole words; the first marker in the text wins.
 */
export const STATUS_MARKERS: ReadonlyArray<readonly [string, Exclude<Status, 'done' | 'cancelled'>]> = [
  ['not done', 'todo'],
  ['not started', 'todo'],
  ['❌', 'todo'],
  ['in progress', 'in_progress'],
  ['wip', 'in_progress'],
  ['partial', 'in_progress'],
  ['🔄', 'in_progress'],
  ['⏳', 'in_progress'],
  ['🚧', 'in_progress'],
  ['blocked', 'blocked'],
  ['on hold', 'blocked'],
  ['⏸', 'blocked'],
  ['🚫', 'blocked'],
  ['⛔', 'blocked'],
];

/** Marker-item texts that stand for "nothing here" (docs/rules.md#items). */
export const PLACEHOLDERS = new Set(['none', 'none currently', 'n/a', 'na', 'tbd', '-', '—', 'nothing', 'nothing yet']);

/** Heading words that make a section's numbered headings work items (docs/rules.md#items). */
export const WORK_HEADING_WORDS = ['tasks?', 'todos?', 'to-dos?', 'action items?', 'backlog', 'checklists?'];

/** Heading words under which status-emoji lines are marker items (docs/rules.md#items). */
export const MARKER_HEADING_WORDS = [
  ...WORK_HEADING_WORDS,
  'done',
  'completed?',
  'finished',
  'shipped',
  'in progress',
  'wip',
  'blocked',
  'on hold',
  'progress',
  'status',
];

/** Headings whose items are ruled out (docs/rules.md#status, MoSCoW). */
export const CANCELLING_HEADING = /\b(?:won['’]?t[\s-]+(?:have|do)|will\s+not\s+(?:have|do)|out[\s-]+of[\s-]+scope)\b/i;

/**
 * The full vocabulary: the built-in words plus configured additions.
 * Words are lower-cased and de-duplicated.
 */
export function buildVocabulary(extra: Partial<Vocabulary> = {}): Vocabulary {
  const merge = (a: readonly string[], b: readonly string[] = []): string[] => [
    ...new Set([...a, ...b].map((word) => word.toLowerCase().trim()).filter(Boolean)),
  ];
  return {
    priorityWords: {
      critical: merge(DEFAULT_PRIORITY_WORDS.critical, extra.priorityWords?.critical),
      high: merge(DEFAULT_PRIORITY_WORDS.high, extra.priorityWords?.high),
      medium: merge(DEFAULT_PRIORITY_WORDS.medium, extra.priorityWords?.medium),
      low: merge(DEFAULT_PRIORITY_WORDS.low, extra.priorityWords?.low),
    },
    effortFields: merge(DEFAULT_EFFORT_FIELDS, extra.effortFields),
    blockingMarkers: merge([], extra.blockingMarkers),
  };
}

/** Escapes a string for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for a vocabulary word: spaces and hyphens match any run of spaces or hyphens. */
export function wordPattern(word: string): string {
  return word
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s-]+');
}

/** Matches when `pattern` stands as a whole word: no letter, digit or underscore on either side. */
export function wholeWord(pattern: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${pattern})(?![\\p{L}\\p{N}_])`, flags);
}

const NEGATION_WORDS = new Set(['not', 'non', 'no', 'never']);
const WORD_CHARACTER = /^[\p{L}\p{N}_]$/u;

/** The code point that ends just before `index` (a whole surrogate pair when there is one). */
function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  const high = text.charCodeAt(index - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/**
 * Whether the word starting at `index` is negated (docs/rules.md#priority, #blocking-and-readiness): `not`,
 * `non`, `no` or `never` (any case, a whole word) followed by spaces or
 * hyphens right before it (`NOT BLOCKING`, `non-critical`). Looks back from
 * `index` only as far as those two runs go, so calling it for every match in
 * a line stays linear; the same as testing `text.slice(0, index)` against
 * `/(?:^|[^\p{L}\p{N}_])(?:not|non|no|never)[\s-]+$/iu`.
 */
export function negatedAt(text: string, index: number): boolean {
  let wordEnd = index;
  while (wordEnd > 0 && /[\s-]/.test(text.charAt(wordEnd - 1))) wordEnd--;
  if (wordEnd === index) return false;
  let wordStart = wordEnd;
  // The longest negation word has five letters: a longer word is not one.
  while (wordStart > 0 && wordEnd - wordStart <= 5) {
    const before = codePointBefore(text, wordStart);
    if (!WORD_CHARACTER.test(before)) break;
    wordStart -= before.length;
  }
  if (wordStart > 0 && WORD_CHARACTER.test(codePointBefore(text, wordStart))) return false;
  return NEGATION_WORDS.has(text.slice(wordStart, wordEnd).toLowerCase());
}
