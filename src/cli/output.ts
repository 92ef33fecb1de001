import { open } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, Report } from '../model.js';
import { sanitizeText } from '../extract/text.js';
import type { RunContext } from './context.js';

/**
 * Writes the payload, a string or chunks written in turn (a JSON report too
 * big for one string): to `--output FILE` when given (the only file the
 * report command writes, and only where the user asked), else to stdout.
 */
export async function writePayload(ctx: RunContext, payload: string | readonly string[], output: string | undefined): Promise<void> {
  const chunks = typeof payload === 'string' ? [payload] : payload;
  if (output === undefined) {
    for (const chunk of chunks) ctx.stdout.write(chunk);
    return;
  }
  const file = await open(path.resolve(ctx.cwd, output), 'w');
  try {
    for (const chunk of chunks) await file.write(chunk, null, 'utf8');
  } finally {
    await file.close();
  }
}

/**
 * Diagnostics on stderr, one line each: `path:line: severity message`.
 * With `quiet`, only errors.
 */
export function printDiagnostics(ctx: RunContext, report: Report, quiet: boolean): void {
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) {
      if (quiet && diagnostic.severity !== 'error') continue;
      ctx.stderr.write(`${formatDiagnostic(file.path, diagnostic)}\n`);
    }
  }
}

/** `path:line: severity message` (line omitted when it concerns the whole file). */
export function formatDiagnostic(filePath: string, diagnostic: Diagnostic): string {
  // Sanitised like every path on a terminal: a file name with a newline must not start a line (`::error::…` in CI).
  const where = diagnostic.line === null ? sanitizeText(filePath) : `${sanitizeText(filePath)}:${diagnostic.line}`;
  return `${where}: ${diagnostic.severity} ${sanitizeText(diagnostic.message)}`;
}
