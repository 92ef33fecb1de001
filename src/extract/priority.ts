import type { Priority } from '../model.js';
import { negatedAt, PRIORITY_EMOJI, type Vocabulary, wordPattern } from './vocabulary.js';

type Level = Exclude<Priority, 'none'>;
const LEVELS: readonly Level[] = ['critical', 'high', 'medium', 'low'];

/** Compiled priority matchers for one vocabulary. */
export interface PriorityMatcher {
  /** Priority a heading sets, or null to inherit (docs/rules.md, "Priority"). */
  heading(text: string): Priority | null;
  /** An item's own explicit marker (tag, ⭐, leading colour emoji), or null. */
  itemMarker(text: string): Priority | null;
  /** The level a `Priority:` field value names, or null. */
  fieldValue(value: string): Priority | null;
}

/** Maps `(Priority 1)` … `(Priority 4)` and `Priority: 2` to levels; 1 is critical. */
const PRIORITY_NUMBER: Record<string, Level> = { '1': 'critical', '2': 'high', '3': 'medium', '4': 'low' };

/**
 * Builds the priority matchers: words per level from the vocabulary, longest
 * first so `must-have` wins over `must`.
 */
export function createPriorityMatcher(vocabulary: Vocabulary): PriorityMatcher {
  const entries = LEVELS.flatMap((level) => vocabulary.priorityWords[level].map((word) => ({ word, level })));
  entries.sort((a, b) => b.word.length - a.word.length);
  const levelOf = new Map<string, Level>();
  for (const { word, level } of entries) levelOf.set(normalise(word), level);
  const alternation = entries.map(({ word }) => wordPattern(word)).join('|');
  const anyWord = new RegExp(`(?<![\\p{L}\\p{N}_])(${alternation})(?![\\p{L}\\p{N}_])`, 'giu');
  const tag = new RegExp(
    // `\s*(?:[:=]\s*)?` rather than `\s*[:=]?\s*`, which backtracks quadratically over spaces.
    `[\\[(]\\s*(?:priority\\s*(?:[:=]\\s*)?)?(${alternation})(?:\\s+priority)?\\s*[\\])]`,
    'iu',
  );
  const star = new RegExp(`⭐\\uFE0F?\\s*(${alternation})(?![\\p{L}\\p{N}_])`, 'iu');
  const numberedTag = /[[(]\s*priority\s*(?:[:#]\s*)?([1-4])\s*[\])]/iu;

  /** The first non-negated priority word in `text`. */
  const firstWord = (text: string): Level | null => {
    anyWord.lastIndex = 0;
    for (let match = anyWord.exec(text); match; match = anyWord.exec(text)) {
      if (negatedAt(text, match.index)) continue;
      const level = levelOf.get(normalise(match[1]!));
      if (level) return level;
    }
    return null;
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

  return {
    heading(text) {
      return firstWord(text) ?? firstEmoji(text);
    },
    itemMarker(text) {
      const numbered = numberedTag.exec(text);
      if (numbered) return PRIORITY_NUMBER[numbered[1]!] ?? null;
      const tagged = tag.exec(text) ?? star.exec(text);
      if (tagged) return levelOf.get(normalise(tagged[1]!)) ?? null;
      const leading = /^\s*(\p{Extended_Pictographic})/u.exec(text);
      if (leading) return PRIORITY_EMOJI.find(([emoji]) => emoji === leading[1])?.[1] ?? null;
      return null;
    },
    fieldValue(value) {
      const number = /^\s*(?:priority\s*)?#?([1-4])\b/iu.exec(value);
      if (number) return PRIORITY_NUMBER[number[1]!] ?? null;
      if (/^\s*none\b/iu.test(value)) return 'none';
      // `CRITICAL → HIGH → MEDIUM → LOW` is a legend, not a level.
      if (new Set(allWords(value)).size > 1) return null;
      return firstWord(value) ?? firstEmoji(value);
    },
  };
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
