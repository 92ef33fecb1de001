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
 * An alternation of `words` (literal vocabulary words) as the views read
 * them: spaces and hyphens match any run of spaces or hyphens; '' when
 * there is none.
 */
export function wordsAlternation(words: readonly string[]): string {
  return words
    .map(viewWord)
    .filter((word) => word.trim() !== '')
    .map((word) => word.split(/[\s-]+/).map(escapeRegExp).join('[\\s-]+'))
    .join('|');
}

/**
 * A trigger for any of `words` (literal vocabulary words), anywhere, in any
 * case, on the plain view. No word boundaries: it matches more than the
 * recognisers do, never less.
 */
export function anyWord(words: readonly string[]): Trigger {
  const alternation = wordsAlternation(words);
  return { view: 'plain', test: alternation === '' ? () => false : new RegExp(alternation, 'iu') };
}

/** A trigger for any of these characters or strings, anywhere, on the source view. */
export function anyOf(strings: readonly string[]): Trigger {
  return { view: 'source', test: new RegExp(strings.map(escapeRegExp).join('|'), 'u') };
}

/** Where the `markedHeadings` view removed markup (docs/architecture.md#the-scan). */
export const GAP = '\u0001';

/**
 * What may stand before a block's text at the start of a line: indentation,
 * block quote markers and list markers (`-`, `*`, `+`, `1.`, `1)`), in any
 * number and order. As a regex fragment.
 */
export const LINE_LEAD = String.raw`(?:[ \t>]|[-*+][ \t]|\d{1,9}[.)][ \t])*`;

const LEAD = new RegExp(LINE_LEAD, 'y');

/**
 * A test for `core` where a line's text starts, after {@link LINE_LEAD}
 * (indentation, quote and list markers). Finds `core` first and then looks
 * at its line's lead, once per line, so a text without `core` costs one
 * search and the whole test is linear.
 */
export function afterLineLead(core: string, flags = 'u'): (text: string) => boolean {
  const found = new RegExp(core, `${flags}g`);
  return (text) => {
    let lineStart = 0;
    let seen = 0;
    let leadEnd = -1;
    found.lastIndex = 0;
    for (let match = found.exec(text); match; match = found.exec(text)) {
      // Line breaks between the last match and this one move the line's start.
      for (; seen < match.index; seen++) {
        const code = text.charCodeAt(seen);
        if (code === 10 || code === 13) {
          lineStart = seen + 1;
          leadEnd = -1;
        }
      }
      if (leadEnd < 0) {
        LEAD.lastIndex = lineStart;
        LEAD.test(text);
        leadEnd = LEAD.lastIndex;
      }
      if (match.index === leadEnd) return true;
      if (match[0].length === 0) found.lastIndex++;
    }
    return false;
  };
}

/**
 * A test of `pattern` at the start of every line (after nothing: put
 * {@link LINE_LEAD} in the pattern to allow containers). Tried once per
 * line, sticky, so linear for patterns that cannot run past their line.
 */
export function atLineStart(pattern: string, flags = 'u'): (text: string) => boolean {
  const regex = new RegExp(pattern, `${flags}y`);
  const lineEnd = /[\n\r]/g;
  return (text) => {
    for (let at = 0; ; ) {
      regex.lastIndex = at;
      if (regex.test(text)) return true;
      lineEnd.lastIndex = at;
      if (!lineEnd.exec(text)) return false;
      at = lineEnd.lastIndex;
    }
  };
}
