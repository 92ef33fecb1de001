import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { ShipreadyError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { diagnosticShown, formatDiagnostic, type Verbosity } from '../render/diagnostics.js';
import type { RenderOutput } from '../render/index.js';
import type { RunContext } from './context.js';

/** Output that could not be written (README.md#exit-codes): exit 2 with one line, never 1 and never a stack. */
export class OutputError extends ShipreadyError {}

/** What an output failure's code means, in a few words. */
const FAILURES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EPIPE: 'the reading end of the pipe was closed',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is not a directory',
  EIO: 'input/output error',
};

/** The one line for an output that could not be written: `error: cannot write `x.json` (ENOSPC: no space left on the device)`. */
export function outputFailure(where: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'error';
  const meaning = FAILURES[code];
  return `error: cannot write ${where} (${meaning ? `${code}: ${meaning}` : code})`;
}

/**
 * The one writer of every command's output: a renderer's text, or its chunks
 * written in turn (a JSON report too big for one string), to `--output FILE`
 * when given (the only file a command writes for its output, and only where
 * the user asked; missing directories on the way are created), else to stdout.
 * A failing stdout is caught where the process's streams are (src/cli/main.ts).
 *
 * @throws OutputError when `--output FILE` cannot be created or written.
 */
export async function writeOutput(ctx: RunContext, output: RenderOutput, file: string | undefined): Promise<void> {
  const chunks = typeof output === 'string' ? [output] : output;
  if (file === undefined) {
    for (const chunk of chunks) ctx.stdout.write(chunk);
    return;
  }
  const absolute = path.resolve(ctx.cwd, file);
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    const handle = await open(absolute, 'w');
    try {
      for (const chunk of chunks) await handle.write(chunk, null, 'utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new OutputError(outputFailure(`\`${file}\``, error));
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
