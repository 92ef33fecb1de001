import type { Priority } from '../model.js';
import { escapeRegExp, negatedAt, PRIORITY_EMOJI, ruleOn, type Vocabulary, wordPattern } from './vocabulary.js';

type Level = Exclude<Priority, 'none'>;
const LEVELS: readonly Level[] = ['critical', 'high', 'medium', 'low'];

/** Compiled priority matchers for one vocabulary. */
export interface PriorityMatcher {
  /** Priority a heading sets, or null to inherit (docs/rules.md, "Priority"). */
  heading(text: string): Priority | null;
  /** An item's own explicit marker (tag, ⭐, leading colour emoji, Obsidian emoji, Dataview field), or null. */
  itemMarker(text: string): Priority | null;
  /** The level a `Priority:` field value names, or null. */
  fieldValue(value: string): Priority | null;
}

/** Maps `(Priority 0)` … `(Priority 4)` and `Priority: 2` to levels; 0 and 1 are critical. */
const PRIORITY_NUMBER: Record<string, Level> = { '0': 'critical', '1': 'critical', '2': 'high', '3': 'medium', '4': 'low' };

/** Obsidian Tasks priority emoji (docs/rules.md#priority): anywhere in an item's text. */
const OBSIDIAN_PRIORITY: ReadonlyArray<readonly [string, Level]> = [
  ['🔺', 'critical'],
  ['⏫', 'high'],
  ['🔼', 'medium'],
  ['🔽', 'low'],
  ['⏬', 'low'],
];

/** `blocking` that names dependency order, not severity: spec-kit's `(Blocking Prerequisites)`. */
const DEPENDENCY_ORDER = /^[\s-]+(?:prerequisites?|prereqs?|dependenc(?:y|ies)|foundations?)(?![\p{L}\p{N}_])/iu;

const BOUNDARY_BEFORE = '(?<![\\p{L}\\p{N}_])';
const BOUNDARY_AFTER = '(?![\\p{L}\\p{N}_])';

/**
 * Builds the priority matchers (docs/rules.md#priority): level words that
 * count anywhere, adjectives that count alone or next to a priority noun,
 * and unspaced-script level characters that count only in a priority form.
 * Longest words first so `must-have` wins over `must`.
 */
export function createPriorityMatcher(vocabulary: Vocabulary): PriorityMatcher {
  const adjectivesOn = ruleOn(vocabulary, 'adjectives');
  const levelOf = new Map<string, Level>();
  const adjective = new Set<string>();
  const nounBound = new Set<string>();
  const entries: string[] = [];
  for (const level of LEVELS) {
    for (const word of vocabulary.nounBoundWords[level]) {
      levelOf.set(normalise(word), level);
      nounBound.add(normalise(word));
      entries.push(word);
    }
    for (const word of vocabulary.adjectiveWords[level]) {
      levelOf.set(normalise(word), level);
      adjective.add(normalise(word));
      nounBound.delete(normalise(word));
      entries.push(word);
    }
  }
  for (const level of LEVELS) {
    for (const word of vocabulary.priorityWords[level]) {
      levelOf.set(normalise(word), level);
      adjective.delete(normalise(word));
      nounBound.delete(normalise(word));
      entries.push(word);
    }
  }
  entries.sort((a, b) => b.length - a.length);
  const alternation = entries.map(wordPattern).join('|');
  const anyWord = new RegExp(`${BOUNDARY_BEFORE}(${alternation})${BOUNDARY_AFTER}`, 'giu');
  const nouns = [...vocabulary.priorityNouns].sort((a, b) => b.length - a.length).map(wordPattern).join('|');
  const nounAfter = new RegExp(`^[\\s-]*(?:${nouns})${BOUNDARY_AFTER}`, 'iu');
  const nounBefore = new RegExp(`${BOUNDARY_BEFORE}(?:${nouns})\\s*(?:[:：=]\\s*)?$`, 'iu');
  const wordAfter = /^(?:\s+|-)[\p{L}\p{N}]/u;

  const unspacedLevel = new Map<string, Level>();
  for (const level of LEVELS) for (const word of vocabulary.unspacedWords[level]) unspacedLevel.set(word, level);
  const unspacedAlternation = [...unspacedLevel.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  const unspacedNouns = vocabulary.priorityNouns.filter((noun) => !/^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Hangul}\s]+$/u.test(noun));
  const unspacedNounAlternation = unspacedNouns.map(escapeRegExp).join('|');
  const unspacedForm =
    unspacedAlternation === ''
      ? null
      : new RegExp(
          [
            `(?:${unspacedNounAlternation})\\s*(?:[:：=]\\s*)?(${unspacedAlternation})`,
            `(${unspacedAlternation})\\s*(?:${unspacedNounAlternation})`,
            `[【\\[(（]\\s*(${unspacedAlternation})\\s*[】\\])）]`,
          ].join('|'),
          'gu',
        );

  /** Whether the word matched at `index`..`end` is next to a priority noun (`HIGH PRIORITY`, `prioridad alta`). */
  const besideNoun = (text: string, index: number, end: number): boolean =>
    nounAfter.test(text.slice(end, end + 40)) || nounBefore.test(text.slice(Math.max(0, index - 40), index));

  /** Whether the adjective-class word matched at `index`..`end` stands as a level here: alone or beside a priority noun. */
  const adjectiveStands = (text: string, index: number, end: number): boolean =>
    besideNoun(text, index, end) || !wordAfter.test(text.slice(end, end + 40));

  /** The first level word in `text` with its index, or null; `isValue`: `text` is a `Priority:` field's value. */
  const firstSpaced = (text: string, isValue = false): { index: number; level: Level } | null => {
    anyWord.lastIndex = 0;
    for (let match = anyWord.exec(text); match; match = anyWord.exec(text)) {
      if (negatedAt(text, match.index)) continue;
      const key = normalise(match[1]!);
      const level = levelOf.get(key);
      if (!level) continue;
      const end = match.index + match[0].length;
      if (adjectivesOn && adjective.has(key) && !adjectiveStands(text, match.index, end)) continue;
      if (nounBound.has(key) && !(isValue ? adjectiveStands(text, match.index, end) : besideNoun(text, match.index, end))) continue;
      if (key === 'blocking' && DEPENDENCY_ORDER.test(text.slice(end, end + 40))) continue;
      return { index: match.index, level };
    }
    return null;
  };

  const firstUnspaced = (text: string): { index: number; level: Level } | null => {
    if (!unspacedForm) return null;
    unspacedForm.lastIndex = 0;
    const match = unspacedForm.exec(text);
    const word = match?.slice(1).find((group) => group !== undefined);
    const level = word ? unspacedLevel.get(word) : undefined;
    return match && level ? { index: match.index, level } : null;
  };

  /** The first non-negated level in `text`, in either script. */
  const firstWord = (text: string, isValue = false): Level | null => {
    const spaced = firstSpaced(text, isValue);
    const unspaced = firstUnspaced(text);
    if (spaced && unspaced) return spaced.index <= unspaced.index ? spaced.level : unspaced.level;
    return (spaced ?? unspaced)?.level ?? null;
  };

  const allWords = (text: string): Level[] => {
    const levels: Level[] = [];
    anyWord.lastIndex = 0;
    for (let match = anyWord.exec(text); match; match = anyWord.exec(text)) {
      const level = levelOf.get(normalise(match[1]!));
      if (level) levels.push(level);
    }
    return levels;
  };

  const firstEmoji = (text: string): Level | null => {
    let best: { index: number; level: Level } | null = null;
    for (const [emoji, level] of PRIORITY_EMOJI) {
      const index = text.indexOf(emoji);
      if (index >= 0 && (!best || index < best.index)) best = { index, level };
    }
    return best?.level ?? null;
  };

  const tag = new RegExp(
    // `\s*(?:[:=]\s*)?` rather than `\s*[:=]?\s*`, which backtracks quadratically over spaces.
    `[\\[(（]\\s*(?:(?:${nouns})\\s*(?:[:：=]\\s*)?)?(${alternation})(?:\\s+(?:${nouns}))?\\s*[\\])）]`,
    'iu',
  );
  const star = new RegExp(`⭐\\uFE0F?\\s*(${alternation})${BOUNDARY_AFTER}`, 'iu');
  const numberedTag = /[[(]\s*priority\s*(?:[:#]\s*)?([0-4])\s*[\])]/iu;
  const dataview = new RegExp(`[\\[(]\\s*priority\\s*::\\s*(${alternation}|[0-4])\\s*[\\])]`, 'iu');
  const obsidianOn = ruleOn(vocabulary, 'obsidian-priority');

  return {
    heading(text) {
      return firstWord(text) ?? firstEmoji(text);
    },
    itemMarker(text) {
      // `::` and `⭐` are literal in their patterns: without them the pattern cannot match, and is not compiled.
      if (obsidianOn && text.includes('::')) {
        const field = dataview.exec(text);
        if (field) return PRIORITY_NUMBER[field[1]!] ?? levelOf.get(normalise(field[1]!)) ?? null;
      }
      const numbered = numberedTag.exec(text);
      if (numbered) return PRIORITY_NUMBER[numbered[1]!] ?? null;
      const tagged = tag.exec(text) ?? (text.includes('⭐') ? star.exec(text) : null);
      if (tagged) return levelOf.get(normalise(tagged[1]!)) ?? null;
      const unspaced = firstUnspaced(text);
      if (unspaced) return unspaced.level;
      const leading = /^\s*(\p{Extended_Pictographic})/u.exec(text);
      const colour = leading ? PRIORITY_EMOJI.find(([emoji]) => emoji === leading[1])?.[1] : undefined;
      if (colour) return colour;
      if (obsidianOn) {
        for (const [emoji, level] of OBSIDIAN_PRIORITY) if (text.includes(emoji)) return level;
      }
      return null;
    },
    fieldValue(value) {
      const number = /^\s*(?:priority\s*)?#?([0-4])\b/iu.exec(value);
      if (number) return PRIORITY_NUMBER[number[1]!] ?? null;
      if (/^\s*none\b/iu.test(value)) return 'none';
      // `CRITICAL → HIGH → MEDIUM → LOW` is a legend, not a level.
      if (new Set(allWords(value)).size > 1 && /→|->|>|<|,|\//u.test(value) && isLegend(value, allWords(value))) return null;
      return firstWord(value, true) ?? firstEmoji(value);
    },
  };
}

/** A value that lists levels in order, highest first or lowest first (`CRITICAL → HIGH → MEDIUM → LOW`). */
function isLegend(_value: string, levels: readonly Level[]): boolean {
  const ranks = levels.map((level) => LEVELS.indexOf(level));
  const ascending = ranks.every((rank, i) => i === 0 || rank > ranks[i - 1]!);
  const descending = ranks.every((rank, i) => i === 0 || rank < ranks[i - 1]!);
  return levels.length > 1 && (ascending || descending);
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/[\s-]+/g, ' ');
}

/**
 * Each section's priority as a value (docs/rules.md, "Priority"): the one it
 * sets itself (`own`), else its parent's; `none` at the top. `sections` in
 * document order, root first, so a parent's is known before its children's.
 * Returns the priorities by section index.
 */
export function sectionPriorities<S extends { index: number; parent: S | null }>(
  sections: readonly S[],
  own: (section: S) => Priority | null,
): Priority[] {
  const priorities: Priority[] = [];
  for (const section of sections) {
    priorities[section.index] = own(section) ?? (section.parent ? priorities[section.parent.index]! : 'none');
  }
  return priorities;
}
