import type { Command } from 'commander';
import { analyze, hasFileErrors } from '../../pipeline.js';
import { type FormatName, renderers } from '../../render/index.js';
import { resolveColor, resolveUnicode } from '../color.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions } from '../options.js';
import { printDiagnostics, writePayload } from '../output.js';

/**
 * `shipready [report] [paths…]`, the default command: the readiness report.
 * Exit 0, or 2 when a file could not be read (SPEC.md §8).
 */
export function registerReport(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('report', { isDefault: true })
    .description('print the readiness report (the default command)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  for (const option of commonOptions()) command.addOption(option);
  command.action(async (paths: string[], options: CommonOptions) => {
    const { report } = await analyze({
      paths,
      cwd: ctx.cwd,
      report: { ...(options.failOn && { failOn: options.failOn }), ...(options.hoursPerDay && { hoursPerDay: options.hoursPerDay }) },
    });
    const format = (options.format ?? 'table') as FormatName;
    const color = format === 'table' && resolveColor({ flag: options.color, env: ctx.env, isTTY: Boolean(ctx.stdout.isTTY) && !options.output });
    const text = renderers[format](report, {
      color,
      width: terminalWidth(ctx),
      unicode: resolveUnicode(ctx.env, ctx.platform ?? process.platform),
    });
    await writePayload(ctx, text, options.output);
    printDiagnostics(ctx, report, Boolean(options.quiet));
    done(hasFileErrors(report) ? 2 : 0);
  });
}

/** Columns of the terminal: the stream's, else `COLUMNS`, else 80. */
export function terminalWidth(ctx: RunContext): number {
  const fromEnv = Number(ctx.env.COLUMNS);
  const width = ctx.stdout.columns ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  return Math.max(40, width);
}
