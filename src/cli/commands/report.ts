import { type Command, Option } from 'commander';
import { gateOutcome } from '../../gate/evaluate.js';
import { hasFileErrors } from '../../engine/engine.js';
import { analyzeWithProgress } from '../progress.js';
import { chooseFormat, formats, formatsFor } from '../../render/index.js';
import { BREAKDOWNS, type Breakdown } from '../../render/types.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';
import { runWatch } from './watch.js';

/**
 * `shipready [report] [paths…]`, the default command: the readiness report.
 * Exit 0, or 2 when a file could not be read.
 */
export function registerReport(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('report', { isDefault: true })
    .description('print the readiness report (the default command)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  for (const option of [...commonOptions(formatsFor('report', formats)), ...performanceOptions()]) command.addOption(option);
  command.addOption(new Option('--by <rows>', 'progress rows of the table and markdown formats').choices(BREAKDOWNS));
  command.addOption(new Option('-w, --watch', 'keep the report on screen, updated as files change (as `shipready watch`)'));
  command.action(async (paths: string[], options: CommonOptions & { by?: Breakdown; watch?: boolean }) => {
    if (options.watch) {
      await runWatch(ctx, paths, options);
      return done(0);
    }
    const format = formats[chooseFormat('report', formats, options.format)];
    const settings = await resolveSettings(ctx, options, format.color);
    const { report, warnings } = await analyzeWithProgress(ctx, options.quiet, analysisOptions(ctx, settings, paths));
    for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}
`);
    const render = await format.load();
    await writeOutput(ctx, render({ report, ...gateOutcome(report), options: { ...settings.render, by: options.by } }), options.output);
    // Without --verbose of its own, the report shows every diagnostic unless --quiet.
    printDiagnostics(ctx, report.files, verbosityOf(options, 'verbose'));
    done(hasFileErrors(report) ? 2 : 0);
  });
}
