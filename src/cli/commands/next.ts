import { type Command, Option } from 'commander';
import { analyze, hasFileErrors } from '../../engine/engine.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { NEXT_FORMATS, type NextFormat, renderNext } from '../../render/next.js';
import { localDate } from '../../summarize/summarize.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions } from '../options.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';

/**
 * `shipready next [paths…]` (README.md#shipready-next): the open items that
 * can be started now; `--waves` adds the waves and the critical path. Exit
 * 0; 2 for a dependency cycle (named on stderr) or a file that could not be read.
 */
export function registerNext(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('next')
    .description('what can be started now: open items whose dependencies are done; --waves for a plan')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  command.addOption(new Option('--waves', 'group every open item into waves that can run in parallel, with the critical path'));
  for (const option of [...commonOptions(NEXT_FORMATS), ...performanceOptions()]) command.addOption(option);
  command.action(async (paths: string[], options: CommonOptions & { waves?: boolean }) => {
    const format = (options.format ?? 'table') as NextFormat;
    const settings = await resolveSettings(ctx, options, false);
    const { report, warnings } = await analyze(analysisOptions(ctx, settings, paths));
    for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}\n`);
    // The dependency graph is loaded by this command only (docs/architecture.md#start-up).
    const { planNext } = await import('../../plan/next.js');
    const doc = planNext(report, { today: settings.report.today ?? localDate(new Date()), waves: Boolean(options.waves) || format === 'mermaid' });
    await writeOutput(ctx, renderNext(doc, format), options.output);
    printDiagnostics(ctx, report.files, verbosityOf(options, 'verbose'));
    if (doc.cycles.length > 0) {
      ctx.stderr.write(`shipready: ${doc.cycles.length === 1 ? 'a dependency cycle' : `${doc.cycles.length} dependency cycles`}: no waves can be planned until it is broken (see the warnings above)\n`);
      return done(2);
    }
    done(hasFileErrors(report) ? 2 : 0);
  });
}
