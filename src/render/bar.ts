/**
 * A progress bar as two runs of characters: `█` done and `░` to do, or the
 * ASCII fallback `#` and `-` where the terminal cannot show block characters
 * (decided once, in cli/color.ts `resolveUnicode`).
 */
export interface BarParts {
  /** The filled run (done share). */
  filled: string;
  /** The empty run (open share). */
  empty: string;
}

/**
 * Splits `width` columns between done and open for `percent` (0–100). Any
 * progress above 0 shows at least one filled cell, and anything short of 100
 * leaves at least one empty cell, so 0.4% and 99.6% never look like 0 and 100.
 */
export function progressBar(percent: number, width: number, unicode: boolean): BarParts {
  const cells = Math.max(0, Math.floor(width));
  let filled = Math.round((Math.min(100, Math.max(0, percent)) / 100) * cells);
  if (percent > 0 && filled === 0 && cells > 0) filled = 1;
  if (percent < 100 && filled === cells && cells > 0) filled = cells - 1;
  const [full, empty] = unicode ? ['█', '░'] : ['#', '-'];
  return { filled: full.repeat(filled), empty: empty.repeat(cells - filled) };
}
