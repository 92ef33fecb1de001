/**
 * Unified diffs of what `fix` changes (`--diff`), made by the `diff`
 * package: `--- a/path` / `+++ b/path` headers, three lines of context,
 * appliable with `git apply` or `patch -p1`. Pure.
 */
import { Chalk } from 'chalk';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { escapeControls } from '../text/sanitize.js';

/** Options of {@link unifiedDiff}. */
export interface DiffOptions {
  /** Colour added lines green, removed lines red and hunk headers cyan. */
  color: boolean;
  /**
   * The diff goes to a terminal: control characters from the file (other
   * than tab and line endings) are shown as `\xNN` so they cannot drive it.
   */
  terminal: boolean;
}

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The unified diff between two versions of a UTF-8 file, '' when they are
 * equal. `filePath` is the path as reported (relative, `/` separators).
 */
export function unifiedDiff(filePath: string, before: Uint8Array, after: Uint8Array, options: DiffOptions): string {
  const oldText = utf8.decode(before);
  const newText = utf8.decode(after);
  if (oldText === newText) return '';
  let patch = createTwoFilesPatch(`a/${filePath}`, `b/${filePath}`, oldText, newText, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
  if (options.terminal) patch = escapeControls(patch);
  if (!options.color) return patch;
  const c = new Chalk({ level: 1 });
  return patch
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
