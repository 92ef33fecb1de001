import type { ChalkInstance } from 'chalk';
import type { Diagnostic } from '../../model.js';
import { type Command, Option } from 'commander';
import { sanitizeText } from '../../text/sanitize.js';
import type { FileFix, FixResult } from '../../fix/fix.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { analysisOptions, lineWidth, resolveSettings } from '../settings.js';
import { severityColour } from '../../render/palette.js';
import type * as TextMeasures from '../../render/text.js';
import { UsageError } from '../../errors.js';
import { printConfig } from '../input.js';
import { warningLine } from '../messages.js';
import { plural } from '../../words.js';

interface FixCommandOptions extends CommonOptions {
  check?: boolean;
  diff?: boolean;
}

/** Common options that make no sense for `fix`: it writes files, not a report. */
const NOT_FOR_FIX = new Set(['--format', '--output']);

/**
 * `shipready fix [paths…]` (docs/rules.md#claims, docs/rules.md#exit-codes, README.md#command-line): rewrites the numbers of
 * stale claims and regenerates summary blocks in place. `--check` changes
 * nothing and exits 1 when something would change; `--diff` changes
 * nothing and prints a unified diff. Exit 0 otherwise (also after
 * rewriting), 2 on usage, configuration or I/O errors.
 */
export function registerFix(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('fix')
    .description('rewrite stale hand-written counts and summary blocks in place')
    .argument('[paths...]', "markdown files, directories or globs (default: the config's include, else the current directory)");
  for (const option of commonOptions()) {
    if (!NOT_FOR_FIX.has(option.long ?? '')) command.addOption(option);
  }
  command
    .addOption(new Option('--check', 'change nothing: list what would change, exit 1 if anything would'))
    .addOption(new Option('--diff', 'change nothing: print a unified diff of what would change'));
  command.addOption(new Option('--verbose', 'also print info diagnostics (a repaired encoding)'));
  command.action(async (paths: string[], options: FixCommandOptions) => {
    if (paths.includes('-') || options.stdinFilename !== undefined) {
      throw new UsageError('Unexpected `-`: fix rewrites files in place and cannot rewrite stdin; name the file (`shipready fix TODO.md`), or use `shipready fix --diff`');
    }
    const settings = await resolveSettings(ctx, options, true);
    if (options.printConfig !== undefined) return done(await printConfig(ctx, settings, options, paths).then(() => 0));
    const check = Boolean(options.check);
    const diff = Boolean(options.diff);
    const quiet = Boolean(options.quiet);
    // The rewriting machinery (diff, atomic writes) and the text measures of its output load only when fix runs,
    // not on every shipready start (docs/architecture.md#start-up).
    const [{ fixFiles }, { unifiedDiff }, text, { Chalk }] = await Promise.all([
      import('../../fix/fix.js'),
      import('../../fix/diff.js'),
      import('../../render/text.js'),
      import('chalk'),
    ]);
    const result = await fixFiles({ ...analysisOptions(ctx, settings, paths), write: !check && !diff });
    for (const warning of result.warnings) ctx.stderr.write(warningLine(warning));
    const color = settings.render.color;
    if (diff) {
      const terminal = Boolean(ctx.stdout.isTTY);
      const patches = result.files.flatMap((file) => (file.before && file.after ? [unifiedDiff(file.path, file.before, file.after, { color, terminal })] : []));
      await writeOutput(ctx, patches, undefined);
      // stdout is the patch alone; the one-line summary goes to stderr.
      if (!quiet) ctx.stderr.write(`${summaryLine(result, true)}\n`);
    } else if (!quiet) {
      await writeOutput(ctx, listChanges(result, check, new Chalk({ level: color ? 1 : 0 }), lineWidth(ctx, {}), text), undefined);
    }
    // Loading's diagnostics, then fixing's, per file; infos (a repaired encoding) are not news here.
    const diagnostics = result.files.map((file) => ({ path: file.path, diagnostics: diagnosticsOf(result, file) }));
    printDiagnostics(ctx, diagnostics, verbosityOf(options));
    done(exitCode(result, check));
  });
}

/**
 * One line per rewritten claim and regenerated block, in the finding grammar
 * (docs/cli.md#messages), then the summary line. In a terminal (`width`
 * finite) each line is cut to it: the location from the middle, then the
 * message; `text` is render/text.ts, loaded by the caller.
 */
function listChanges(result: FixResult, check: boolean, c: ChalkInstance, width: number, text: typeof TextMeasures): string {
  const { displayWidth, truncate, truncateMiddle, wrapWords } = text;
  const lines: string[] = [];
  const fit = (position: string, severity: string, message: string): string => {
    const where = truncateMiddle(position, Math.max(12, width - severity.length - 4 - 12));
    return `${where}: ${severityColour(c, severity)}: ${truncate(message, width - displayWidth(where) - severity.length - 4)}`;
  };
  for (const file of result.files) {
    const where = sanitizeText(file.path);
    for (const fix of file.claims) {
      const position = `${where}:${fix.claim.line}:${fix.claim.column}`;
      lines.push(fit(position, check ? 'warning' : 'info', `stale claim ${sanitizeText(fix.before)} → ${sanitizeText(fix.after)}${notWritten(file)}`));
    }
    for (const summary of file.summaries) {
      const what = check ? 'summary block out of date' : 'summary block regenerated';
      lines.push(fit(`${where}:${summary.line}:1`, check ? 'warning' : 'info', `${what}${summary.paths ? ` (paths="${sanitizeText(summary.paths)}")` : ''}${notWritten(file)}`));
    }
  }
  lines.push(...(Number.isFinite(width) ? wrapWords(summaryLine(result, check), width) : [summaryLine(result, check)]));
  return `${lines.join('\n')}\n`;
}

/** A note after a change that was not written although it should have been. */
function notWritten(file: FileFix): string {
  return file.outcome === 'skipped' ? '  (not rewritten, see below)' : '';
}

/**
 * `Rewrote 9 stale claims in 1 file.`, `9 stale claims in 1 file would be
 * rewritten; run \`shipready fix\`.`, or `Nothing to fix: …`.
 */
function summaryLine(result: FixResult, dryRun: boolean): string {
  const claims = result.files.reduce((sum, f) => sum + f.claims.length, 0);
  const blocks = result.files.reduce((sum, f) => sum + f.summaries.length, 0);
  const files = result.files.filter((f) => f.claims.length > 0 || f.summaries.length > 0).length;
  if (claims + blocks === 0) return 'Nothing to fix: no stale claims, and every summary block is up to date.';
  const what = [claims > 0 ? plural(claims, 'stale claim') : '', blocks > 0 ? plural(blocks, 'summary block') : ''].filter(Boolean).join(' and ');
  if (dryRun) return `${what} in ${plural(files, 'file')} would be rewritten; run \`shipready fix\` to rewrite them.`;
  const written = result.files.filter((f) => f.outcome === 'written').length;
  return written === files ? `Rewrote ${what} in ${plural(files, 'file')}.` : `Rewrote ${plural(written, 'file')} of ${files}; see the warnings below.`;
}

const reportedDiagnostics = new WeakMap<FixResult, Map<string, Diagnostic[]>>();

/** A file's diagnostics from loading (its report, when it is listed), then from fixing. */
function diagnosticsOf(result: FixResult, file: FixResult['files'][number]): Diagnostic[] {
  let byPath = reportedDiagnostics.get(result);
  if (!byPath) reportedDiagnostics.set(result, (byPath = new Map(result.report.files.map((reported) => [reported.path, reported.diagnostics]))));
  return [...(byPath.get(file.path) ?? []), ...file.diagnostics];
}

/** 2 when a file could not be read or written, else 1 for `--check` with changes, else 0. */
function exitCode(result: FixResult, check: boolean): ExitCode {
  const errors = result.files.some((file) => diagnosticsOf(result, file).some((d) => d.severity === 'error'));
  if (errors) return 2;
  if (check && result.files.some((f) => f.claims.length > 0 || f.summaries.length > 0)) return 1;
  return 0;
}

