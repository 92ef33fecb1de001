import type { Diagnostic } from '../model.js';
import { SourceText } from '../text/source.js';
import { replaceLines } from './lines.js';

/**
 * Rows of one GFM table parsed as such; the rest are blanked. micromark's
 * table extension needs about 120 KB of memory per 10-cell row, so a
 * 100,000-row table (a data dump) would exhaust the heap, while tables hold
 * no items and no claims (docs/rules.md, "Items" and "Claims"): their rows cannot change a result.
 */
export const MAX_TABLE_ROWS = 1000;

/** A text with the rows of oversized tables blanked, and the warnings that say so. */
export interface GuardedTables {
  /** Same length and line breaks as the input. */
  text: string;
  diagnostics: Diagnostic[];
}

/** A delimiter row once spaces and tabs are removed (`|:--|--:|`); matched that way so no two quantifiers compete for a space. */
const DELIMITER_CELLS = /^\|?:?-+:?(?:\|:?-+:?)*\|?$/;
const TABLE_ROW = /^ {0,3}\|/;

/**
 * Blanks (replaces with spaces) the rows after the first
 * {@link MAX_TABLE_ROWS} of any table: a header row with a pipe, a delimiter
 * row with as many cells, then consecutive lines starting with `|`, each of
 * which GFM reads as a row of that table. Blank lines end the table early,
 * so the parse stays linear in time and memory. One linear pass; a text
 * without such a table is returned as it is.
 */
export function guardTables(text: string): GuardedTables {
  if (text.length < MAX_TABLE_ROWS * 2) return { text, diagnostics: [] }; // too short to hold such a table
  const source = new SourceText(text);
  const lines = source.lines();
  const diagnostics: Diagnostic[] = [];
  // `i` is the delimiter row's index (0-based), the header the line before it.
  for (let i = 1; i < lines.length; i++) {
    const header = lines[i - 1]!;
    if (!isDelimiterRow(lines[i]!) || !header.includes('|') || cellCount(header) !== cellCount(lines[i]!)) continue;
    let end = i + 1;
    while (end < lines.length && TABLE_ROW.test(lines[end]!)) end++;
    const rows = end - i - 1;
    if (rows > MAX_TABLE_ROWS) {
      const firstCut = i + 1 + MAX_TABLE_ROWS;
      for (let row = firstCut; row < end; row++) lines[row] = ' '.repeat(lines[row]!.length);
      diagnostics.push({
        line: firstCut + 1,
        severity: 'warning',
        message: `table of ${rows} rows: rows after the first ${MAX_TABLE_ROWS} are not read (tables hold no items or claims)`,
      });
    }
    i = end; // the line after the table may head the next one
  }
  return diagnostics.length === 0 ? { text, diagnostics } : { text: replaceLines(source, lines), diagnostics };
}

/** A GFM delimiter row: at most three spaces in, then cells of dashes with optional colons. */
function isDelimiterRow(line: string): boolean {
  return /^ {0,3}[|:-]/.test(line) && DELIMITER_CELLS.test(line.replace(/[ \t]+/g, ''));
}

/** Cells of a table row: pipes that separate, not the leading or trailing one, nor an escaped `\|`. */
function cellCount(row: string): number {
  const trimmed = row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '');
  return trimmed.split(/(?<!\\)\|/).length;
}
