import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Severity } from '../model.js';
import type { RenderOutput } from '../render/index.js';
import { sanitizeText } from '../text/sanitize.js';
import type { RunContext } from './context.js';

/**
 * The one writer of every command's output: a renderer's text, or its chunks
 * written in turn (a JSON report too big for one string), to `--output FILE`
 * when given (the only file a command writes for its output, and only where
 * the user asked), else to stdout.
 */
export async function writeOutput(ctx: RunContext, output: RenderOutput, file: string | undefined): Promise<void> {
  const chunks = typeof output === 'string' ? [output] : output;
  if (file === undefined) {
    for (const chunk of chunks) ctx.stdout.write(chunk);
    return;
  }
  const handle = await open(path.resolve(ctx.cwd, file), 'w');
  try {
    for (const chunk of chunks) await handle.write(chunk, null, 'utf8');
  } finally {
    await handle.close();
  }
}

/**
 * How many diagnostics a run shows on stderr. Errors always show; warnings
 * unless `quiet`; infos (a repaired encoding) only at `verbose`.
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/** The verbosity of `--quiet` and `--verbose`; `quiet` wins, and `verbose` is the default of commands without `--verbose`. */
export function verbosityOf(options: { quiet?: boolean; verbose?: boolean }, fallback: Verbosity = 'normal'): Verbosity {
  if (options.quiet) return 'quiet';
  return options.verbose ? 'verbose' : fallback;
}

const SHOWN: Record<Verbosity, ReadonlySet<Severity>> = {
  quiet: new Set(['error']),
  normal: new Set(['error', 'warning']),
  verbose: new Set(['error', 'warning', 'info']),
};

/** Whether a diagnostic of `severity` shows at `verbosity`. */
export function diagnosticShown(severity: Severity, verbosity: Verbosity): boolean {
  return SHOWN[verbosity].has(severity);
}

/** The diagnostics of one file, as the printer takes them. */
export interface FileDiagnostics {
  /** Relative to the working directory, `/` separators. */
  path: string;
  diagnostics: readonly Diagnostic[];
}

/** The one diagnostics printer: `path:line: severity message` on stderr, one line each, those shown at `verbosity`. */
export function printDiagnostics(ctx: RunContext, files: Iterable<FileDiagnostics>, verbosity: Verbosity): void {
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      if (diagnosticShown(diagnostic.severity, verbosity)) ctx.stderr.write(`${formatDiagnostic(file.path, diagnostic)}\n`);
    }
  }
}

/** `path:line: severity message` (line omitted when it concerns the whole file). */
export function formatDiagnostic(filePath: string, diagnostic: Diagnostic): string {
  // Sanitised like every path on a terminal: a file name with a newline must not start a line (`::error::…` in CI).
  const where = diagnostic.line === null ? sanitizeText(filePath) : `${sanitizeText(filePath)}:${diagnostic.line}`;
  return `${where}: ${diagnostic.severity} ${sanitizeText(diagnostic.message)}`;
}
