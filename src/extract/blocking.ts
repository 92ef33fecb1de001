import { negatedAt, wholeWord, wordPattern } from './vocabulary.js';

/**
 * Blocking markers (docs/rules.md, "Blocking"): `BLOCKING`/`BLOCKER` in
 * capitals, `(blocking)` or `[blocker]` tags, `blocker`, `Blocks Everything`,
 * `🚫 blocker`, plus the configured `extra` markers; negated by `not`/`non`.
 * Returns a test of an item's text.
 */
export function createBlockingMatcher(extra: readonly string[]): (text: string) => boolean {
  const patterns = [
    /(?<![\p{L}\p{N}_])(?:BLOCKING|BLOCKER|BLOCKS EVERYTHING)(?![\p{L}\p{N}_])/u,
    /[[(]\s*(?:blocking|blocker)\s*[\])]/iu,
    /(?<![\p{L}\p{N}_])(?:blocker|blocks\s+everything)(?![\p{L}\p{N}_])/iu,
    ...extra.map((word) => wholeWord(wordPattern(word))),
  ];
  const global = patterns.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));
  return (text) =>
    global.some((pattern) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (!negatedAt(text, m.index)) return true;
      }
      return false;
    });
}
