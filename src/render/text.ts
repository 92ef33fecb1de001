import stringWidth from 'string-width';
import { sanitizeText } from '../extract/text.js';

/**
 * Terminal text helpers shared by the text renderers: display width (emoji
 * and CJK count two columns, measured by string-width), truncation with `…`
 * and padding by display width, and the sanitising every string that came
 * from a file goes through before it is printed (SPEC.md §10, last paragraph).
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string occupies in a terminal (ANSI escapes count zero). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/**
 * Text that came from a file (a title, a path, a claim as written, a
 * diagnostic) made safe for a terminal or a markdown document: whole escape
 * sequences (CSI, OSC) and every other control character removed, whitespace
 * collapsed to single spaces. Idempotent.
 */
export function safe(text: string): string {
  // Vertical tab and form feed separate words like a space; the other controls are dropped.
  return sanitizeText(text.replace(/[\v\f]/g, ' '));
}

/**
 * Cuts `text` to at most `max` display columns, ending with `…` when
 * anything was cut. Cuts between grapheme clusters, so an emoji or a CJK
 * character is never split. `max < 1` gives the empty string.
 */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max < 1) return '';
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > max - 1) break;
    out += segment;
    used += w;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Like {@link truncate}, but keeps the end: `…/seeds/001_68c6.md`. For paths,
 * whose file name matters more than their first directories.
 */
export function truncateStart(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max < 1) return '';
  const segments = [...segmenter.segment(text)].map((s) => s.segment);
  let out = '';
  let used = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const w = displayWidth(segments[i]!);
    if (used + w > max - 1) break;
    out = segments[i]! + out;
    used += w;
  }
  return `…${out}`;
}

/** Pads `text` with spaces to `width` display columns, on the right (`left` alignment) or the left. */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const room = Math.max(0, width - displayWidth(text));
  return align === 'left' ? text + ' '.repeat(room) : ' '.repeat(room) + text;
}

/** `1 item`, `2 items`. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
