import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import { diagnosticShown, formatDiagnostic, type Verbosity } from '../render/diagnostics.js';
import type { RenderOutput } from '../render/index.js';
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
