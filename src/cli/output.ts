import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { ShipreadyError, UsageError } from '../errors.js';
import type { Diagnostic } from '../model.js';
import { diagnosticShown, formatDiagnostic, type Verbosity } from '../render/diagnostics.js';
import { chooseFormat, type CommandName, type FormatTraits, type RenderContext, type RenderOutput, type Renderer } from '../render/index.js';
import type { RunContext } from './context.js';
import type { FormatRequest } from './options.js';

/**
 * The outputs of one run: the format written to stdout (or `--output`),
 * and the formats written to their own files (`--format NAME:FILE`).
 */
export interface OutputPlan<Name extends string> {
  main: Name;
  /** `--output FILE`, else stdout. */
  mainFile: string | undefined;
  files: Array<{ name: Name; file: string }>;
}

/**
 * Decides the outputs of a run from its `--format` values (README.md#ci):
 * the one without a file goes to stdout (or `--output`) — the command's
 * default when none is given — and each `NAME:FILE` to its file.
 *
 * @throws UsageError (exit 2) when two formats are given without a file.
 */
export function planOutputs<Registry extends Record<string, FormatTraits>>(
  command: CommandName,
  registry: Registry,
  requests: readonly FormatRequest[] | undefined,
  output: string | undefined,
  githubActions: boolean,
): OutputPlan<keyof Registry & string> {
  const plain = (requests ?? []).filter((request) => request.file === undefined);
  if (plain.length > 1) {
    throw new UsageError(
      `Unexpected \`--format ${plain[1]!.name}\` after \`--format ${plain[0]!.name}\`, expected one format for stdout and NAME:FILE for the others`,
    );
  }
  const main = chooseFormat(command, registry, plain[0]?.name, githubActions);
  const files = (requests ?? []).flatMap((request) => (request.file === undefined ? [] : [{ name: request.name as keyof Registry & string, file: request.file }]));
  return { main, mainFile: output, files };
}

/**
 * Writes the `NAME:FILE` outputs of a plan, each rendered from the same
 * context (the report and the verdict are computed once), without colour.
 */
export async function writeFileOutputs(
  ctx: RunContext,
  files: ReadonlyArray<{ file: string; load: () => Promise<Renderer> }>,
  context: RenderContext,
): Promise<void> {
  for (const { file, load } of files) {
    const render = await load();
    await writeOutput(ctx, render({ ...context, options: { ...context.options, color: false } }), file);
  }
}

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

/** The message for an output that could not be written: `cannot write `x.json` (ENOSPC: no space left on the device)`. */
export function outputFailure(where: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'error';
  const meaning = FAILURES[code];
  return `cannot write ${where} (${meaning ? `${code}: ${meaning}` : code})`;
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
