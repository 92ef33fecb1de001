import { analyze } from '../engine/engine.js';
import type { Analysis, AnalyzeOptions, Progress } from '../engine/types.js';
import type { RunContext } from './context.js';

/** A run shows progress once it has taken this long (README.md#scale). */
export const PROGRESS_AFTER_MS = 1000;
/** At most one redraw per this many milliseconds. */
const REDRAW_MS = 100;

/**
 * {@link analyze} with progress on stderr (README.md#scale): when stderr is
 * a terminal, the run is not `--quiet`, and it has taken more than about a
 * second, one line (files read / total, files with items) redrawn in place
 * and erased at the end. Nothing otherwise; stdout is never touched.
 *
 * @throws what {@link analyze} throws.
 */
export async function analyzeWithProgress(ctx: RunContext, quiet: boolean | undefined, options: AnalyzeOptions): Promise<Analysis> {
  if (quiet === true || ctx.stderr.isTTY !== true) return analyze(options);
  const started = Date.now();
  let drawn = 0;
  let shown = false;
  const onProgress = (progress: Progress): void => {
    const now = Date.now();
    if (now - started < PROGRESS_AFTER_MS || now - drawn < REDRAW_MS) return;
    drawn = now;
    shown = true;
    ctx.stderr.write(`\r\u001b[Kshipready: ${progressLine(progress)}`);
  };
  try {
    return await analyze({ ...options, onProgress });
  } finally {
    if (shown) ctx.stderr.write('\r\u001b[K');
  }
}

/** `1,234/7,425 files read, 3 with items`. */
export function progressLine({ done, total, withItems }: Progress): string {
  const n = (value: number): string => value.toLocaleString('en-US');
  return `${n(done)}/${n(total)} files read, ${n(withItems)} with items`;
}
