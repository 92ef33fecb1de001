import { displayWidth, pad, truncate, truncateStart } from './text.js';

/**
 * Aligned text columns measured by display width. Colour is applied after
 * padding and truncation, so ANSI codes never disturb the layout (and
 * cli-table3, which measures with an old string-width, is not needed).
 */

/** One cell: plain text, and how to colour it once it has been fitted to its column. */
export interface Cell {
  text: string;
  paint?: (fitted: string) => string;
  /** Overrides the column's `cut` for this cell (a path in a column of titles). */
  cut?: 'end' | 'start';
}

/** A column: its width in display columns, alignment, and which end to cut when a cell is too wide. */
export interface Column {
  width: number;
  align?: 'left' | 'right';
  /** `end` (default) keeps the start: titles; `start` keeps the end: paths. */
  cut?: 'end' | 'start';
}

/** A cell from plain text and an optional painter. */
export function cell(text: string, paint?: (fitted: string) => string, cut?: 'end' | 'start'): Cell {
  return { text, ...(paint ? { paint } : {}), ...(cut ? { cut } : {}) };
}

/**
 * One line of cells, `gap` spaces apart, after `indent` spaces. Cells wider
 * than their column are truncated with `…`; the last cell is not padded, so
 * lines carry no trailing spaces.
 */
export function formatRow(cells: readonly Cell[], columns: readonly Column[], gap = 2, indent = 0): string {
  const parts = cells.map((c, i) => {
    const column = columns[i] ?? { width: displayWidth(c.text) };
    const fitted = (c.cut ?? column.cut) === 'start' ? truncateStart(c.text, column.width) : truncate(c.text, column.width);
    const last = i === cells.length - 1;
    const align = column.align ?? 'left';
    const padded = last && align === 'left' ? fitted : pad(fitted, column.width, align);
    if (!c.paint) return padded;
    // Paint the text, not the padding, so colour codes never trail into blank space.
    if (fitted === '') return padded;
    const start = align === 'left' ? 0 : padded.length - fitted.length;
    return padded.slice(0, start) + c.paint(fitted) + padded.slice(start + fitted.length);
  });
  return (' '.repeat(indent) + parts.join(' '.repeat(gap))).trimEnd();
}

/** The widest display width among `texts`, at least `min`. */
export function widest(texts: Iterable<string>, min = 0): number {
  let width = min;
  for (const text of texts) width = Math.max(width, displayWidth(text));
  return width;
}
