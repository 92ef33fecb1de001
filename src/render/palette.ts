import type { ChalkInstance } from 'chalk';
import type { Priority } from '../model.js';

/**
 * The colours of the terminal formats, in one place (docs/cli.md#colours).
 * Text is painted only with colours that keep a contrast ratio of at least
 * 3:1 on both a black and a white background in xterm's default 16-colour
 * palette (the worst case; themes usually do better), plus bold and dim:
 * bright red, magenta and bright blue qualify; yellow, green, cyan and plain
 * blue do not, so they never carry text here (green stays on bars and on
 * the bold `READY`).
 */
export const XTERM_PALETTE: Readonly<Record<string, readonly [number, number, number]>> = {
  red: [205, 0, 0],
  green: [0, 205, 0],
  yellow: [205, 205, 0],
  blue: [0, 0, 238],
  magenta: [205, 0, 205],
  cyan: [0, 205, 205],
  redBright: [255, 0, 0],
  blueBright: [92, 92, 255],
  magentaBright: [255, 0, 255],
};

/** The palette colour each text role uses (null: the terminal's own foreground). */
export const TEXT_COLOURS: Readonly<Record<string, keyof typeof XTERM_PALETTE | null>> = {
  critical: 'redBright',
  high: 'magenta',
  medium: 'blueBright',
  low: null,
  error: 'redBright',
  warning: 'magenta',
};

/** The colour of each priority level's label. */
export const PRIORITY_COLOUR: Record<Priority, (c: ChalkInstance) => (s: string) => string> = {
  critical: (c) => c.bold.redBright,
  high: (c) => c.magenta,
  medium: (c) => c.blueBright,
  low: () => (s) => s,
  none: (c) => c.dim,
};

/** A severity word (`error`, `warning`, `info`) as the finding grammar prints it. */
export function severityColour(c: ChalkInstance, severity: string): string {
  if (severity === 'error') return c.bold.redBright(severity);
  if (severity === 'warning') return c.bold.magenta(severity);
  return c.dim(severity);
}

/** WCAG contrast ratio of two sRGB colours (1 to 21). */
export function contrastRatio(a: readonly [number, number, number], b: readonly [number, number, number]): number {
  const luminance = ([r, g, bl]: readonly [number, number, number]): number => {
    const lin = (v: number): number => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(bl);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
