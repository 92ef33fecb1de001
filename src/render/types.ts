import type { Report } from '../model.js';

/** What the per-group rows of a report are: one per priority level (default) or one per section. */
export type Breakdown = 'priority' | 'section';

/** The `--by` choices, in help order. */
export const BREAKDOWNS = ['priority', 'section'] as const satisfies readonly Breakdown[];

/** What every renderer is given besides the report. */
export interface RenderOptions {
  /** Emit ANSI colours (decided once, in cli/color.ts). */
  color: boolean;
  /** Terminal width in columns (80 when unknown). */
  width: number;
  /** Use Unicode block characters (█ ░) for bars; ASCII (# -) otherwise. */
  unicode: boolean;
  /** Rows of the progress breakdown (`--by`): per priority (default) or per section. */
  by?: Breakdown;
  /**
   * Markdown only: the directory, relative to the working directory with `/`
   * separators, that links are written relative to (default `''`, the
   * working directory). A summary embedded in `docs/TODO.md` passes `docs`.
   */
  linkBase?: string;
  /** Markdown only: depth of the document's title heading, 1–5 (default 1); sections are one deeper. */
  headingDepth?: number;
}

/** A renderer turns a report into the text of one output format. Pure. */
export type Renderer = (report: Report, options: RenderOptions) => string;
