import Table from 'cli-table3';
import stringWidth from 'string-width';

/**
 * Terminal text helpers shared by the text renderers: display width (emoji
 * and CJK count two columns, measured by string-width), truncation with `…`,
 * borderless columns laid out by cli-table3, and the sanitising every string
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
  /** Width in display columns. Every cell must already fit it ({@link truncate}, {@link truncateStart}). */
  width: number;
  /** `left` (default) or `right`. */
  align?: 'left' | 'right';
}

// Borderless: cli-table3 draws no lines, only the gap between columns (`middle`).
const NO_BORDER = {
  top: '',
  'top-mid': '',
  'top-left': '',
  'top-right': '',
  bottom: '',
  'bottom-mid': '',
  'bottom-left': '',
  'bottom-right': '',
  left: '',
  'left-mid': '',
  mid: '',
  'mid-mid': '',
  right: '',
  'right-mid': '',
} as const;

/**
 * Rows of cells as aligned text lines, `gap` spaces between columns, laid out
 * by cli-table3 without borders, padding or colours of its own. Cells are
 * fitted (cut to their column by display width) and coloured by the caller
 * before they come here, so cli-table3 only pads; it ignores SGR colour codes
 * when it measures. Each line is trimmed at its end.
 *
 * cli-table3 measures with string-width 4, which agrees with {@link
 * displayWidth} on ASCII, CJK and emoji up to Emoji 12, but not on newer
 * emoji and ZWJ sequences (`🪲`, `🫠`, `🧑‍🚀`), so text from files that may
 * hold them (titles) belongs in the last column: a left-aligned last column
 * gets no fixed width here, so cli-table3 never cuts it, its padding is
 * trimmed, and however it is measured the columns before it stay aligned.
 */
export function layoutColumns(rows: readonly (readonly string[])[], columns: readonly ColumnLayout[], gap = 2): string[] {
  if (rows.length === 0) return [];
  const last = columns.length - 1;
  const table = new Table({
    chars: { ...NO_BORDER, middle: ' '.repeat(gap) },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
    colWidths: columns.map((column, i) => (i === last && column.align !== 'right' ? null : column.width)),
    colAligns: columns.map((column) => column.align ?? 'left'),
  });
  table.push(...rows.map((row) => [...row]));
  return table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd());
}

export { plural } from '../words.js';
