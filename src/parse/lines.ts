import type { SourceText } from '../text/source.js';

/**
 * The text of `source` with its lines replaced by `lines` (one per line of
 * `source`, without breaks), each followed by the line break it had
 * (`\r\n`, `\r` or `\n`). The guards rewrite lines this way without moving
 * a line break; with lines of the same length no offset moves either.
 */
export function replaceLines(source: SourceText, lines: readonly string[]): string {
  let out = '';
  for (let n = 1; n <= source.lineCount; n++) out += lines[n - 1]! + source.lineBreak(n);
  return out;
}
