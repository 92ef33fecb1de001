import { type Command, Option } from 'commander';
import { analyze, hasFileErrors } from '../../engine/engine.js';
import { type FormatName, loadRenderer } from '../../render/index.js';
import { BREAKDOWNS, type Breakdown } from '../../render/types.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions } from '../options.js';
import { printDiagnostics, writePayload } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';
import { runWatch } from './watch.js';

/**
 * `shipready [report] [paths…]`, the default command: the readiness report.
 * Exit 0, or 2 when a file could not be read (SPEC.md §8).
 */
export function registerReport(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('report', { isDefault: true })
    .description('print the readiness report (the default command)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  for (const option of [...commonOptions(), ...performanceOptions()]) command.addOption(option);
  command.addOption(new Option('--by <rows>', 'progress rows of the table and markdown formats').choices(BREAKDOWNS));
  command.addOption(new Option('-w, --watch', 'keep the report on screen, updated as files change (as `shipready watch`)'));
  command.action(async (paths: string[], options: CommonOptions & { by?: Breakdown; watch?: boolean }) => {
    if (options.watch) {
      await runWatch(ctx, paths, options);
      return done(0);
    }
    const format = (options.format ?? 'table') as FormatName;
    const settings = await resolveSettings(ctx, options, format === 'table');
    const { report, warnings } = await analyze(analysisOptions(ctx, settings, paths));
    for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}
`);
    // JSON goes out file by file: 10,000 checklists make more text than one string can hold.
    const payload = format === 'json'
      ? (await import('../../render/json.js')).renderJsonChunks(report)
      : (await loadRenderer(format))(report, { ...settings.render, by: options.by });
    await writePayload(ctx, payload, options.output);
    printDiagnostics(ctx, report, Boolean(options.quiet));
    done(hasFileErrors(report) ? 2 : 0);
  });
}
