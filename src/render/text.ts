import stringWidth from 'string-width';

/**
 * Terminal text helpers shared by the text renderers: display width (emoji
 * and CJK count two columns, measured by string-width), truncation with `…`,
 * borderless columns, word wrapping, and the sanitising every string
 * that came from a file goes through before it is printed (README.md#command-line, last
 * paragraph).
 */

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Columns a string occupies in a terminal (ANSI escapes count zero). */
export function displayWidth(text: string): number {
  return stringWidth(text);
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

/** The widest display width among `texts`, at least `min`. */
export function widest(texts: Iterable<string>, min = 0): number {
  let width = min;
  for (const text of texts) width = Math.max(width, displayWidth(text));
  return width;
}

/** One column of {@link layoutColumns}. */
export interface ColumnLayout {
  /** Width in display columns. Every cell must already fit it ({@link truncate}, {@link truncateMiddle}). */
  width: number;
  /** `left` (default) or `right`. */
  align?: 'left' | 'right';
}

/**
 * Rows of cells as aligned text lines, `gap` spaces between columns: the
 * one layout engine of every terminal format. Cells are fitted (cut to their
 * column) and coloured by the caller; they are padded here by their display
 * width as string-width measures it ({@link displayWidth}, SGR codes and OSC
 * 8 links count zero), the same measure every fitting step uses, so emoji
 * and CJK text align in any column. Each line is trimmed at its end.
 */
export function layoutColumns(rows: readonly (readonly string[])[], columns: readonly ColumnLayout[], gap = 2): string[] {
  const between = ' '.repeat(gap);
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const column = columns[i] ?? { width: 0 };
        const pad = ' '.repeat(Math.max(0, column.width - displayWidth(cell)));
        return column.align === 'right' ? pad + cell : cell + pad;
      })
      .join(between)
      .trimEnd(),
  );
}

/**
 * Cuts a path (or `path:line`) to at most `max` display columns from the
 * middle, the one way every format shortens paths: the file name and a
 * `:line` suffix are kept whole while they fit (`fixtures/…/input.md:7`),
 * then the file name is cut in its middle, `:line` still kept
 * (`001_68…f8.md:31`). `max < 1` gives the empty string.
 */
export function truncateMiddle(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max < 1) return '';
  const slash = text.lastIndexOf('/');
  const head = slash >= 0 ? text.slice(0, slash + 1) : '';
  const tail = slash >= 0 ? text.slice(slash + 1) : text;
  // The directories lose their middle: a third of the room keeps their start, the rest their end.
  const headRoom = max - displayWidth(tail) - 1;
  if (head !== '' && headRoom >= 6) {
    const front = Math.max(1, Math.floor(headRoom / 3));
    return `${keepStart(head, front)}…${keepEnd(head, headRoom - front)}${tail}`;
  }
  if (head !== '' && displayWidth(tail) + 2 <= max) return `…/${tail}`;
  const suffix = /:\d+(?::\d+)?$/.exec(tail)?.[0] ?? '';
  const name = tail.slice(0, tail.length - suffix.length);
  const room = max - displayWidth(suffix) - 1;
  if (room < 2) return truncateStart(text, max);
  const front = Math.ceil(room / 2);
  return `${keepStart(name, front)}…${keepEnd(name, room - front)}${suffix}`;
}

function keepStart(text: string, max: number): string {
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > max) break;
    out += segment;
    used += w;
  }
  return out;
}

function keepEnd(text: string, max: number): string {
  const segments = [...segmenter.segment(text)].map((s) => s.segment);
  let out = '';
  let used = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const w = displayWidth(segments[i]!);
    if (used + w > max) break;
    out = segments[i]! + out;
    used += w;
  }
  return out;
}

/**
 * Words of `text` wrapped at `width` display columns, continuation lines
 * indented by `indent` spaces; a word longer than a line is cut with `…`.
 * Splits at spaces only (`97–123 h` may break between its number and unit
 * only where a space is). For plain text: colour the lines afterwards.
 */
export function wrapWords(text: string, width: number, indent = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const prefix = lines.length === 0 ? '' : ' '.repeat(indent);
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(prefix + candidate) <= width || line === '') {
      line = candidate;
      continue;
    }
    lines.push(truncate(prefix + line, width));
    line = word;
  }
  if (line !== '') lines.push(truncate((lines.length === 0 ? '' : ' '.repeat(indent)) + line, width));
  return lines;
}

/**
 * Parts joined by `separator` on as few lines as fit `width`, a part never
 * split unless it alone is wider than a line (then it is word-wrapped):
 * `Remaining effort: 97–123 h (12–16 d at 8 h/day)` / `  · 21 open items unestimated`.
 */
export function wrapParts(parts: readonly string[], width: number, separator = ' · ', indent = 2): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line === '' ? part : `${line}${separator}${part}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    const next = lines.length === 0 ? part : `${' '.repeat(indent)}${separator.trimStart()}${part}`;
    if (displayWidth(next) <= width) line = next;
    else {
      const wrapped = wrapWords(next, width, indent);
      lines.push(...wrapped.slice(0, -1));
      line = wrapped.at(-1) ?? '';
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

export { plural } from '../words.js';
