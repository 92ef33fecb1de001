import type { Diagnostic, Severity } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';

/**
 * The one rule for which diagnostics a run shows, and the one line they are
 * shown as; cli/output.ts prints them on stderr, `watch` lists them above
 * its table.
 */

/**
 * How many diagnostics a run shows on stderr. Errors always show; warnings
 * unless `quiet`; infos (a repaired encoding) only at `verbose`.
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

/**
 * The verbosity of `--quiet` and `--verbose` (`quiet` wins); `fallback` when
 * neither is given: `normal` for check and fix, `verbose` for report and
 * list, which show infos unless `--quiet`.
 */
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

/**
 * `path:line:column: severity: message`, the one finding grammar
 * (docs/cli.md#messages) that editors' problem matchers parse; a diagnostic
 * about the whole file is placed at `1:1`. Diagnostics carry no column: 1.
 */
export function formatDiagnostic(filePath: string, diagnostic: Diagnostic): string {
  return findingLine(filePath, diagnostic.line ?? 1, 1, diagnostic.severity, diagnostic.message);
}

/** `path:line:column: severity: message`, path and message sanitised (a file name with a newline must not start a line: `::error::…` in CI). */
export function findingLine(filePath: string, line: number, column: number, severity: string, message: string): string {
  return `${sanitizeText(filePath)}:${line}:${column}: ${severity}: ${sanitizeText(message)}`;
}
