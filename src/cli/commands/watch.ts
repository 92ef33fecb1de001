import { type Command, Option } from 'commander';
import { UsageError } from '../../errors.js';
import { chooseFormat, formats, formatsFor } from '../../render/index.js';
import { BREAKDOWNS, type Breakdown } from '../../render/types.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions } from '../options.js';
import { resolveSettings } from '../settings.js';
import type { LiveOptions } from '../watch/live.js';

/** The formats a live report can be shown in: the terminal table, redrawn, or one JSON report per line (NDJSON). */
export const WATCH_FORMATS = formatsFor('watch', formats);

/** Options of `watch` (and of `report --watch`). */
export type WatchOptions = CommonOptions & { by?: Breakdown };

/**
 * `shipready watch [paths…]`: the report, live (README.md#command-line) —
 * re-rendered whenever a markdown file under the watched paths is saved,
 * created, deleted or renamed, until Ctrl-C, then exit 0. A path that
 * matches nothing is reported and watched for, not fatal, since the file may
 * be about to appear.
 */
export function registerWatch(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('watch')
    .description('the report, live: re-rendered when a markdown file changes (Ctrl-C to stop)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  for (const option of commonOptions(WATCH_FORMATS)) {
    if (!['--output', '--print-config', '--debug'].includes(option.long ?? '')) command.addOption(option);
  }
  command.addOption(new Option('--by <rows>', 'progress rows of the table').choices(BREAKDOWNS));
  command.action(async (paths: string[], options: WatchOptions) => {
    await runWatch(ctx, paths, options);
    done(0);
  });
}

/**
 * Runs the live report for `watch` and `report --watch` until Ctrl-C.
 *
 * @throws UsageError for a format other than table or json, or `--output`;
 *   ConfigError for a bad configuration (both before anything is watched).
 */
export async function runWatch(ctx: RunContext, paths: readonly string[], options: WatchOptions): Promise<void> {
  const format = chooseFormat('watch', formats, options.format);
  if (!(WATCH_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`Unexpected \`--format ${format}\` with --watch, expected ${WATCH_FORMATS.join(' or ')}`);
  }
  if (options.output !== undefined) {
    throw new UsageError('Unexpected `--output` with --watch, expected the live report on stdout (redirect it to keep a log)');
  }
  const settings = await resolveSettings(ctx, options, formats[format].color);
  // The watch machinery (chokidar included) loads only when a run watches.
  const { watchReport } = await import('../watch/live.js');
  await watchReport(ctx, { paths, format: format as LiveOptions['format'], settings, by: options.by, quiet: Boolean(options.quiet) });
}
