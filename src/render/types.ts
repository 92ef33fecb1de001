import type { Report } from '../model.js';

/** What every renderer is given besides the report. */
export interface RenderOptions {
  /** Emit ANSI colours (decided once, in cli/color.ts). */
  color: boolean;
  /** Terminal width in columns (80 when unknown). */
  width: number;
  /** Use Unicode block characters (█ ░) for bars; ASCII (# -) otherwise. */
  unicode: boolean;
}

/** A renderer turns a report into the text of one output format. Pure. */
export type Renderer = (report: Report, options: RenderOptions) => string;
