import { type Command, Option } from 'commander';
import { gateOutcome } from '../../gate/evaluate.js';
import { hasFileErrors } from '../../engine/engine.js';
import { analyzeInput, printConfig } from '../input.js';
import { warningLine } from '../messages.js';
import { reportStamp } from '../stamp.js';
import { formats, formatsFor, type RenderContext } from '../../render/index.js';
import { BREAKDOWNS, type Breakdown } from '../../render/types.js';
import type { ExitCode, RunContext } from '../context.js';
import { commonOptions, type MultiFormatOptions, performanceOptions, stdinOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { planOutputs, printDiagnostics, writeFileOutputs, writeOutput } from '../output.js';
import { repositoryContext } from '../repository.js';
import { resolveSettings } from '../settings.js';
import { runWatch } from './watch.js';
import { UsageError } from '../../errors.js';

/**
 * `shipready [report] [paths…]`, the default command: the readiness report.
 * Exit 0, or 2 when a file could not be read.
 */
export function registerReport(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('report', { isDefault: true })
    .description('print the readiness report (the default command)')
    .argument('[paths...]', 'markdown files, directories, globs (`!glob` leaves out), or - for stdin (default: the current directory)');
  for (const option of [...commonOptions(formatsFor('report', formats), true), ...performanceOptions(), ...stdinOptions()]) command.addOption(option);
  command.addOption(new Option('--by <rows>', 'progress rows of the table and markdown formats').choices(BREAKDOWNS));
  command.addOption(new Option('-w, --watch', 'keep the report on screen, updated as files change (as `shipready watch`)'));
  command.action(async (paths: string[], options: MultiFormatOptions & { by?: Breakdown; watch?: boolean }) => {
    if (options.watch) {
      const requests = options.format ?? [];
      if (requests.length > 1 || requests.some((one) => one.file !== undefined)) {
        throw new UsageError('Unexpected `--format NAME:FILE` with `--watch`, expected one `--format` (watch writes to the terminal)');
      }
      await runWatch(ctx, paths, { ...options, format: requests[0]?.name });
      return done(0);
    }
    const plan = planOutputs('report', formats, options.format, options.output, false);
    const format = formats[plan.main];
    const settings = await resolveSettings(ctx, options, format.color);
    if (options.printConfig !== undefined) return done(await printConfig(ctx, settings, options, paths).then(() => 0));
    const { report, warnings } = await analyzeInput(ctx, settings, paths, options);
    for (const warning of warnings) ctx.stderr.write(warningLine(warning));
    const useGit = [format, ...plan.files.map((one) => formats[one.name])].some((one) => one.repository);
    const repository = await repositoryContext(ctx, useGit);
    // A one-off markdown report carries its commit and time in the footer.
    const stamp = plan.main === 'markdown' ? reportStamp(ctx) : {};
    const context: RenderContext = {
      report, ...gateOutcome(report), options: { ...settings.render, ...stamp, by: options.by, ...(repository ? { repository } : {}) },
    };
    const render = await format.load();
    await writeOutput(ctx, render(context), plan.mainFile);
    await writeFileOutputs(ctx, plan.files.map((one) => ({ file: one.file, load: formats[one.name].load })), context);
    // Without --verbose of its own, the report shows every diagnostic unless --quiet.
    printDiagnostics(ctx, report.files, verbosityOf(options, 'verbose'));
    done(hasFileErrors(report) ? 2 : 0);
  });
}
