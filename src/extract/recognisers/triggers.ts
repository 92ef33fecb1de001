import { escapeRegExp } from '../vocabulary.js';
import type { Trigger } from './types.js';

/**
 * Building blocks of the recognisers' triggers (docs/architecture.md#the-scan).
 * The views drop `*`, `_` and backslashes, so words are matched without them too.
 */

/** A word or regex fragment as the views read it: emphasis markers and backslashes removed from literal words. */
function viewWord(word: string): string {
  return word.replace(/[\\*_]+/g, '');
}

/**
 * A trigger for any of `words` (literal vocabulary words; spaces and hyphens
 * match any run of spaces or hyphens), anywhere, in any case, on the plain
 * view. No word boundaries: it matches more than the recognisers do, never less.
 */
export function anyWord(words: readonly string[]): Trigger {
  const alternation = words
    .map(viewWord)
    .filter((word) => word.trim() !== '')
    .map((word) => word.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+'))
    .join('|');
  return { view: 'plain', test: alternation === '' ? () => false : new RegExp(alternation, 'iu') };
}

/** A trigger for any of these regex fragments (in any case), on the plain view; a space matches any run of white space. */
export function anyPattern(fragments: readonly string[]): Trigger {
  return { view: 'plain', test: new RegExp(fragments.map((f) => f.replace(/ /g, '\\s+')).join('|'), 'iu') };
}

/** A trigger for any of these characters or strings, anywhere, on the source view. */
export function anyOf(strings: readonly string[]): Trigger {
  return { view: 'source', test: new RegExp(strings.map(escapeRegExp).join('|'), 'u') };
}
