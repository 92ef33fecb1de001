import type { Priority, Status } from '../model.js';

import { LANGUAGES } from './vocabularies/index.js';

type Level = Exclude<Priority, 'none'>;
type LevelWords = Record<Level, string[]>;

/**
 * Rules that tests can switch off one by one, to show that a fixture tests
 * its rule (docs/rules.md). Never set by the configuration.
 */
export type RuleSwitch =
  | 'adjectives'
  | 'obsidian-priority'
  | 'handwritten-boxes'
  | 'marker-walk-up'
  | 'group-status-stays'
  | 'strict-parentheses'
  | 'group-vs-item-effort'
  | 'claim-word-before';

/**
 * The words and emoji the extractor recognises. Defaults are the built-in
 * words of docs/rules.md and the language files in `./vocabularies/`; the
 * configuration (README.md#command-line: `priorityWords`, `effortFields`,
 * `blockingMarkers`, `effortSizes`) can add to them through {@link buildVocabulary}.
 */
export interface Vocabulary {
  /** Priority words per level that count wherever they stand as whole words, lower-case (docs/rules.md#priority). */
  priorityWords: LevelWords;
  /** Level words that are adjectives: levels only alone or next to a priority noun (docs/rules.md#priority). */
  adjectiveWords: LevelWords;
  /**
   * Adjectives of the other spaced languages (`hoch`, `alta`, `높음`): levels
   * only next to a priority noun (`hohe Priorität`, `prioridad alta`) or as a
   * `Priority:` value or tag, since many are everyday words elsewhere (`Social media`).
   */
  nounBoundWords: LevelWords;
  /** Level words of unspaced scripts (Chinese, Japanese): levels only in a priority form (docs/rules.md#other-languages). */
  unspacedWords: LevelWords;
  /** Nouns for "priority", lower-case: `priority`, `priorität`, `우선순위`, `优先级`. */
  priorityNouns: string[];
  /** Field names whose value is an effort estimate, lower-case (docs/rules.md#effort). */
  effortFields: string[];
  /** Extra blocking markers, matched case-insensitively as whole words (docs/rules.md#blocking-and-readiness). */
  blockingMarkers: string[];
  /** T-shirt sizes and the durations they stand for (`{"M": "1-2d"}`), sizes upper-case (docs/rules.md#effort). */
  effortSizes: Record<string, string>;
  /** Rules switched off, for tests only (see {@link RuleSwitch}). */
  rulesOff?: RuleSwitch[];
}

const levelWords = (pick: (language: (typeof LANGUAGES)[number]) => Readonly<Record<Level, readonly string[]>>, unspaced: boolean): LevelWords => {
  const out: LevelWords = { critical: [], high: [], medium: [], low: [] };
  for (const language of LANGUAGES) {
    if (language.unspaced !== unspaced) continue;
    for (const level of LEVELS) out[level].push(...pick(language)[level]);
  }
  return out;
};

const LEVELS: readonly Level[] = ['critical', 'high', 'medium', 'low'];
const NO_WORDS: Readonly<Record<Level, readonly string[]>> = { critical: [], high: [], medium: [], low: [] };

/** Level words that count wherever they stand, every language with word boundaries (docs/rules.md#priority). */
export const DEFAULT_PRIORITY_WORDS: LevelWords = levelWords((l) => l.levels, false);

/** Adjective-class level words of English (docs/rules.md#priority). */
export const DEFAULT_ADJECTIVE_WORDS: LevelWords = levelWords((l) => (l.language === 'en' ? l.adjectives : NO_WORDS), false);

/** Adjective-class level words of the other languages with word boundaries: levels only next to a priority noun. */
export const DEFAULT_NOUN_BOUND_WORDS: LevelWords = levelWords((l) => (l.language === 'en' ? NO_WORDS : l.adjectives), false);

/** Level words of Chinese and Japanese, counted only in a priority form. */
export const DEFAULT_UNSPACED_WORDS: LevelWords = (() => {
  const anywhere = levelWords((l) => l.levels, true);
  const adjectives = levelWords((l) => l.adjectives, true);
  return Object.fromEntries(LEVELS.map((level) => [level, [...anywhere[level], ...adjectives[level]]])) as LevelWords;
})();

/** Nouns for "priority" in every language. */
export const PRIORITY_NOUNS: string[] = LANGUAGES.flatMap((l) => l.priorityNouns);

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
  ['✓', 'done'],
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

/** Words that say a thing is done, every language (`Status: erledigt`, `~~Wire the API~~ DONE`): docs/rules.md#status. */
export const DONE_WORDS: string[] = [...new Set(['done', 'complete', 'completed', 'finished', 'shipped', ...LANGUAGES.flatMap((l) => l.doneWords)])].filter((w) => w !== 'ready' && w !== 'checked' && w !== 'closed');

/** Marker-item texts that stand for "nothing here" (docs/rules.md#items). */
export const PLACEHOLDERS = new Set(['none', 'none currently', 'n/a', 'na', 'tbd', '-', '—', 'nothing', 'nothing yet']);

/** Heading words that make a section's numbered headings work items, every language (docs/rules.md#items). */
export const WORK_HEADING_WORDS: string[] = LANGUAGES.filter((l) => !l.unspaced).flatMap((l) => l.workWords);

/** Heading words under which status-emoji lines are marker items, every language (docs/rules.md#items). */
export const MARKER_HEADING_WORDS: string[] = [...WORK_HEADING_WORDS, ...LANGUAGES.filter((l) => !l.unspaced).flatMap((l) => l.progressWords)];

/** Work and progress words of Chinese and Japanese, found inside longer runs of text. */
export const UNSPACED_WORK: string[] = LANGUAGES.filter((l) => l.unspaced).flatMap((l) => l.workWords);
export const UNSPACED_MARKER: string[] = [...UNSPACED_WORK, ...LANGUAGES.filter((l) => l.unspaced).flatMap((l) => l.progressWords)];

const headingMatcher = (words: readonly string[], unspaced: readonly string[]): RegExp =>
  new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${words.map(wordPattern).join('|')})(?![\\p{L}\\p{N}_])|${unspaced.map(escapeRegExp).join('|')}`,
    'iu',
  );

/** Whether a heading names work (`Tasks`, `Aufgaben`, `할 일`, `任务`): docs/rules.md#items. */
export const NAMES_WORK: RegExp = headingMatcher(WORK_HEADING_WORDS, UNSPACED_WORK);

/** Whether a heading names work or progress (`Done`, `Status`, `진행 중`, `完了`): docs/rules.md#items. */
export const NAMES_WORK_OR_PROGRESS: RegExp = headingMatcher(MARKER_HEADING_WORDS, UNSPACED_MARKER);

/**
 * Headings that name analysis or documentation rather than work: the walk up
 * to a work heading stops there (docs/rules.md#marker-items). Beyond the
 * documented analysis words: `reference`, `legend`, `glossary`, `syntax`,
 * `template(s)`, `example(s)` (a `Task Syntax Reference` lists markers, not work).
 */
export const NAMES_ANALYSIS = /(?<![\p{L}\p{N}_])(?:risks?|analysis|analyses|overview|summary|notes|background|context|lessons(?:\s+learned)?|reference|legend|glossary|syntax|templates?|examples?)(?![\p{L}\p{N}_])/iu;

/** Headings whose items are ruled out (docs/rules.md#status, MoSCoW). */
export const CANCELLING_HEADING = /\b(?:won['’]?t[\s-]+(?:have|do)|will\s+not\s+(?:have|do)|out[\s-]+of[\s-]+scope)\b/i;

/**
 * The full vocabulary: the built-in words plus configured additions.
 * Words are lower-cased and de-duplicated; size names upper-cased.
 */
export function buildVocabulary(extra: Partial<Vocabulary> = {}): Vocabulary {
  const merge = (a: readonly string[], b: readonly string[] = []): string[] => [
    ...new Set([...a, ...b].map((word) => word.toLowerCase().trim()).filter(Boolean)),
  ];
  const perLevel = (base: LevelWords, added?: Partial<LevelWords>): LevelWords =>
    Object.fromEntries(LEVELS.map((level) => [level, merge(base[level], added?.[level])])) as LevelWords;
  const vocabulary: Vocabulary = {
    priorityWords: perLevel(DEFAULT_PRIORITY_WORDS, extra.priorityWords),
    adjectiveWords: perLevel(DEFAULT_ADJECTIVE_WORDS, extra.adjectiveWords),
    nounBoundWords: perLevel(DEFAULT_NOUN_BOUND_WORDS, extra.nounBoundWords),
    unspacedWords: perLevel(DEFAULT_UNSPACED_WORDS, extra.unspacedWords),
    priorityNouns: merge(PRIORITY_NOUNS, extra.priorityNouns),
    effortFields: merge(DEFAULT_EFFORT_FIELDS, extra.effortFields),
    blockingMarkers: merge([], extra.blockingMarkers),
    effortSizes: Object.fromEntries(Object.entries(extra.effortSizes ?? {}).map(([size, value]) => [size.trim().toUpperCase(), value])),
  };
  if (extra.rulesOff && extra.rulesOff.length > 0) vocabulary.rulesOff = [...extra.rulesOff];
  return vocabulary;
}

/** Whether a rule is on for this vocabulary (every rule is, unless a test switched it off). */
export function ruleOn(vocabulary: Pick<Vocabulary, 'rulesOff'>, rule: RuleSwitch): boolean {
  return !vocabulary.rulesOff?.includes(rule);
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
