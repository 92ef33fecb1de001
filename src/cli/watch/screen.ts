import type { OutputStream } from '../context.js';
import { displayWidth } from '../../render/text.js';

/** Clears the screen and its scrollback and moves the cursor home. */
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Where `watch` draws the table report. On a terminal each report replaces
 * the last one (clear + home, cursor hidden while watching and shown again
 * by {@link LiveScreen.close}); a report taller than the terminal is cut to
 * its first rows, so the status line and the verdict stay in view — lines
 * wider than the terminal count for the rows they wrap onto. Anywhere
 * else (a pipe, a file, a CI log) reports are appended, a blank line
 * between them.
 */
export class LiveScreen {
  readonly #stream: OutputStream;
  #shown = false;

  constructor(stream: OutputStream) {
    this.#stream = stream;
  }

  /** True when reports are redrawn in place. */
  get redraws(): boolean {
    return this.#stream.isTTY === true;
  }

  /** Shows one report; `lines` hold no newline and each fits the terminal width. `more` renders the note for cut lines. */
  show(lines: readonly string[], more: (hidden: number) => string): void {
    if (!this.redraws) {
      this.#stream.write(`${this.#shown ? '\n' : ''}${lines.join('\n')}\n`);
      this.#shown = true;
      return;
    }
    // One row stays free for the cursor: a full screen plus a newline would scroll the first line away.
    const room = Math.max(3, (this.#stream.rows ?? Infinity) - 1);
    const columns = this.#stream.columns ?? Infinity;
    const rowsOf = (line: string): number => Math.max(1, Math.ceil(displayWidth(line) / columns));
    let shown = lines;
    if (lines.reduce((sum, line) => sum + rowsOf(line), 0) > room) {
      let used = 1; // the note about the cut lines
      let count = 0;
      while (count < lines.length && used + rowsOf(lines[count]!) <= room) used += rowsOf(lines[count++]!);
      shown = [...lines.slice(0, count), more(lines.length - count)];
    }
    this.#stream.write(`${this.#shown ? '' : HIDE_CURSOR}${CLEAR_SCREEN}${shown.join('\n')}\n`);
    this.#shown = true;
  }

  /**
   * Gives the terminal back as it was: the cursor shown again, on a line of
   * its own after the `^C` the terminal echoed. The last report stays on screen.
   */
  close(): void {
    if (this.redraws && this.#shown) this.#stream.write(`${SHOW_CURSOR}\n`);
  }
}
