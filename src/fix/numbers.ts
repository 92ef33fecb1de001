/**
 * Numbers rewritten in the author's form (docs/rules.md#claims): a stale `68` becomes
 * `100`, `45.5` becomes `13.6` (one decimal, like the original), `1,234`
 * keeps its thousands separators and `07` its width. Signs, `~` and `%` lie
 * outside the number and are never touched.
 */

/** A number as `fix` reads it from a claim: digits, optional thousands commas, optional decimals. */
const NUMBER = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Whether `text` is a number `fix` knows how to rewrite. */
export function isRewritableNumber(text: string): boolean {
  return NUMBER.test(text);
}

/** The value `text` stands for (`1,234` → 1234); NaN when it is not a number. */
export function numberValue(text: string): number {
  return isRewritableNumber(text) ? Number(text.replace(/,/g, '')) : Number.NaN;
}

/**
 * `value` written like `original`: as many decimals (an integer stays an
 * integer, rounded half away from zero), thousands separators when the
 * original has them, and zero-padded to the original's width when the
 * original starts with a `0` (`07`).
 *
 * @param original a number as written, e.g. `68`, `45.5`, `1,234`.
 * @param value the number to write, ≥ 0 (a count or a percent 0–100).
 * @throws RangeError when `original` is not a number or `value` is negative or not finite.
 */
export function formatLike(original: string, value: number): string {
  if (!isRewritableNumber(original)) throw new RangeError(`Unexpected number \`${original}\`, expected digits with optional decimals`);
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Unexpected value \`${value}\`, expected a finite number ≥ 0`);
  const dot = original.indexOf('.');
  const decimals = dot === -1 ? 0 : original.length - dot - 1;
  const scale = 10 ** decimals;
  // Round on the decimal digits, not on the binary value (1.005 → 1.01).
  const shifted = Number(`${value}e${decimals}`);
  const rounded = Math.round(Number.isNaN(shifted) ? value * scale : shifted) / scale;
  let [whole = '0', fraction] = rounded.toFixed(decimals).split('.');
  const originalWhole = dot === -1 ? original : original.slice(0, dot);
  if (originalWhole.includes(',')) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  else if (originalWhole.length > 1 && originalWhole.startsWith('0')) whole = whole.padStart(originalWhole.length, '0');
  return fraction === undefined ? whole : `${whole}.${fraction}`;
}
