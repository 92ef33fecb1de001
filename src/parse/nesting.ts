import type { Diagnostic } from '../model.js';
import { SourceText } from '../text/source.js';
import { replaceLines } from './lines.js';

/**
 * The deepest container nesting (block quotes and list items) read as such.
 * micromark's cost per line grows with the square of the open containers, so
 * 10,000 nested `>` on one line take minutes; no real checklist nests more
 * than a handful of levels (markdown-it stops at 100 for the same reason).
 */
export const MAX_NESTING = 32;

/** A text with its too-deep container markers neutralised, and the warning that says so. */
export interface GuardedText {
  /** Same length as the input (offsets, lines and columns unchanged). */
  text: string;
  diagnostics: Diagnostic[];
}

/** U+00A0: not whitespace to markdown, so a marker replaced by it reads as text; one code unit, so offsets hold. */
const NO_BREAK_SPACE = '\u00a0';

/**
 * Cuts container nesting deeper than {@link MAX_NESTING}: the block-quote
 * markers, list markers and indentation that would open or continue deeper
 * levels are replaced one for one with no-break spaces, so the rest of the
 * line reads as text at the deepest allowed level. One linear pass; a text
 * within the limit is returned as it is. The depth is estimated from each
 * line's own markers plus the list items its indentation continues, which
 * may overestimate but never misses a line micromark would nest deeper.
 */
export function guardNesting(text: string): GuardedText {
  // Fast path: without a line holding several markers or deep indentation there is nothing to cut.
  if (!mayNestDeeply(text)) return { text, diagnostics: [] };

  const source = new SourceText(text);
  const lines = source.lines();
  let cutLines = 0;
  let firstCut = 0;
  /** Content columns of the list items open before the current line (innermost last). */
  const open: number[] = [];
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cut = guardLine(line, open, previousBlank);
    if (cut !== line) {
      cutLines++;
      if (firstCut === 0) firstCut = i + 1;
      lines[i] = cut;
    }
    previousBlank = line.trim() === '';
  }
  if (cutLines === 0) return { text, diagnostics: [] };
  return {
    text: replaceLines(source, lines),
    diagnostics: [{
      line: firstCut,
      severity: 'warning',
      message: `nesting deeper than ${MAX_NESTING} levels on ${cutLines} ${cutLines === 1 ? 'line' : 'lines'}: the deeper levels are read as plain text`,
    }],
  };
}

/** Cheap test: could any line be nested deeper than the limit? (Indentation or markers of at least the limit.) */
export function mayNestDeeply(text: string): boolean {
  let markers = 0;
  let indent = 0;
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      markers = 0;
      indent = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    if (code === 32 || code === 9) {
      if (++indent >= MAX_NESTING * 2) return true;
    } else if (code === 62 || code === 45 || code === 42 || code === 43) {
      if (++markers > MAX_NESTING) return true;
    } else if (!(code >= 48 && code <= 57) && code !== 46 && code !== 41) {
      atLineStart = false;
    }
  }
  return false;
}

/** One line through the guard; updates `open` (list content columns) as a container parser would, roughly. */
function guardLine(line: string, open: number[], previousBlank: boolean): string {
  let column = 0;
  let index = 0;
  // Indentation: which open list items does this line continue?
  while (index < line.length && (line[index] === ' ' || line[index] === '\t')) {
    column += line[index] === '\t' ? 4 - (column % 4) : 1;
    index++;
  }
  if (index === line.length) return line; // blank: lists stay open
  const startsWithMarker = markerLength(line, index) > 0 || line[index] === '>';
  if (startsWithMarker) {
    while (open.length > 0 && open[open.length - 1]! > column) open.pop();
  } else if (previousBlank && column === 0) {
    open.length = 0; // an unindented line after a blank line closes every list
  }
  let depth = 0;
  for (const contentColumn of open) if (column >= contentColumn) depth++;
  if (depth > MAX_NESTING) {
    // The indentation alone continues too many levels: read the line as unindented text.
    open.length = 0;
    return NO_BREAK_SPACE.repeat(index) + line.slice(index);
  }
  // The line's own markers, each one level deeper.
  let cutAt = -1;
  for (;;) {
    if (line[index] === '>') {
      depth++;
      if (depth > MAX_NESTING) { cutAt = index; break; }
      index++;
      column++;
    } else {
      const length = markerLength(line, index);
      if (length === 0) break;
      depth++;
      if (depth > MAX_NESTING) { cutAt = index; break; }
      index += length;
      column += length;
      open.push(column + 1);
    }
    while (index < line.length && (line[index] === ' ' || line[index] === '\t')) {
      index++;
      column++;
    }
  }
  if (cutAt < 0) return line;
  let prefixEnd = cutAt;
  for (;;) {
    while (prefixEnd < line.length && (line[prefixEnd] === ' ' || line[prefixEnd] === '\t' || line[prefixEnd] === '>')) prefixEnd++;
    const length = markerLength(line, prefixEnd);
    if (length === 0) break;
    prefixEnd += length;
  }
  return line.slice(0, cutAt) + NO_BREAK_SPACE.repeat(prefixEnd - cutAt) + line.slice(prefixEnd);
}

/** Length of a list marker (`-`, `*`, `+`, `1.`, `1)`) at `index` followed by a space, tab or the line's end; 0 when none. */
function markerLength(line: string, index: number): number {
  const char = line[index];
  let end = index;
  if (char === '-' || char === '*' || char === '+') {
    end = index + 1;
  } else {
    while (end < line.length && end - index < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    if (end === index || (line[end] !== '.' && line[end] !== ')')) return 0;
    end++;
  }
  const next = line[end];
  return next === undefined || next === ' ' || next === '\t' ? end - index : 0;
}
