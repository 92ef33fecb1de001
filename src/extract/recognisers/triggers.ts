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
 * A test for `core` where a line's text starts: right after what `lead`
 * (sticky) takes from the line's start, by default {@link LINE_LEAD}
 * (indentation, quote and list markers). Finds `core` first and looks at
 * the lead of its line only then, once per line: the rest of a line whose
 * lead does not end at the match is passed over, so the test is linear and a
 * text without `core` costs one search.
 */
export function afterLineLead(core: string, flags = 'u', lead: RegExp = LEAD): (text: string) => boolean {
  const found = new RegExp(core, `${flags}g`);
  return (text) => {
    const cr = text.includes('\r');
    found.lastIndex = 0;
    for (let match = found.exec(text); match; match = found.exec(text)) {
      const at = match.index;
      const line = lineAround(text, at, cr);
      lead.lastIndex = line.start;
      lead.test(text);
      if (lead.lastIndex === at) return true;
      // No later match on this line starts where its text starts: go on from the next line.
      found.lastIndex = Math.max(line.end, at + 1);
    }
    return false;
  };
}

/**
 * The line holding `index`: where it starts and where its line break is (or
 * the text's end). `hasCr`: whether the text has a carriage return at all;
 * without one, none is searched for (each search would run to the text's
 * end). Costs the length of the line.
 */
export function lineAround(text: string, index: number, hasCr: boolean): { start: number; end: number } {
  const start = Math.max(text.lastIndexOf('\n', index - 1), hasCr ? text.lastIndexOf('\r', index - 1) : -1) + 1;
  const lf = text.indexOf('\n', index);
  let end = lf < 0 ? text.length : lf;
  if (hasCr) {
    const cr = text.indexOf('\r', index);
    if (cr >= 0 && cr < end) end = cr;
  }
  return { start, end };
}
