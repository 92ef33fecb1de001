import { type Command, InvalidArgumentError, Option } from 'commander';
import { ShipreadyError } from '../../errors.js';
import {
  DEFAULT_FILTER,
  filterItems,
  GROUP_KEYS,
  type GroupKey,
  groupItems,
  type ItemFilter,
  parseNames,
  parsePriorities,
  parseStatuses,
  SORT_KEYS,
  type SortKey,
  sortItems,
} from '../../list/index.js';
import type { Priority, Status } from '../../model.js';
import { localDate } from '../../summarize/summarize.js';
import { gateOutcome } from '../../gate/evaluate.js';
import { chooseFormat, formatsFor } from '../../render/index.js';
import { listFormats } from '../../render/list.js';
import { hasFileErrors } from '../../engine/engine.js';
import { analyzeInput, printConfig } from '../input.js';
import { warningLine } from '../messages.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions, stdinOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { lineWidth, resolveSettings } from '../settings.js';

/** The options of `shipready list`, as commander parses them. */
interface ListOptions extends CommonOptions {
  status?: Set<Status>;
  priority?: Set<Priority>;
  blocking?: boolean;
  grep?: string;
  file?: string;
  sort?: SortKey;
  groupBy?: GroupKey;
  owner?: Set<string>;
  overdue?: boolean;
  ready?: boolean;
  tag?: Set<string>;
}

/** Turns a filter parser's UsageError into commander's, so the message names the option. */
function asArgParser<T>(parse: (value: string) => T): (value: string) => T {
  return (value) => {
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof ShipreadyError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };
}

/**
 * `shipready list [paths…]`: the items themselves, one per line, filtered,
 * sorted and grouped. Exit 0, or 2 when a file could
 * not be read.
 */
export function registerList(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('list')
    .description('list the items, filtered and sorted (default: open items)')
    .argument('[paths...]', 'markdown files, directories, globs (`!glob` leaves out), or - for stdin (default: the current directory)');
  command
    .addOption(new Option('--status <list>', 'statuses to show, comma-separated: todo, in_progress, blocked, done, cancelled, open, all (default: open)').argParser(asArgParser(parseStatuses)))
    .addOption(new Option('--priority <level>', 'a priority, or `high+` for that level and above; comma-separated for several').argParser(asArgParser(parsePriorities)))
    .addOption(new Option('--blocking', 'only items that block readiness'))
    .addOption(new Option('--grep <text>', 'only items whose title contains the text (case-insensitive)'))
    .addOption(new Option('--file <text>', 'only items in files whose path contains the text'))
    .addOption(new Option('--owner <names>', 'only items owned by one of these (comma-separated; @ optional)').argParser(asArgParser(parseNames)))
    .addOption(new Option('--overdue', 'only open items whose due date has passed (see --today)'))
    .addOption(new Option('--ready', 'only items that can be started now, as `shipready next` lists them'))
    .addOption(new Option('--tag <names>', 'only items with one of these tags (comma-separated; # optional)').argParser(asArgParser(parseNames)))
    .addOption(new Option('--sort <key>', 'order of the items').choices(SORT_KEYS).default('file'))
    .addOption(new Option('--group-by <key>', 'group the items under headings').choices(GROUP_KEYS));
  for (const option of [...commonOptions(formatsFor('list', listFormats)), ...performanceOptions(), ...stdinOptions()]) command.addOption(option);
  command.action(async (paths: string[], options: ListOptions) => {
    const format = listFormats[chooseFormat('list', listFormats, options.format)];
    const settings = await resolveSettings(ctx, options, format.color);
    if (options.printConfig !== undefined) return done(await printConfig(ctx, settings, options, paths).then(() => 0));
    const { report, warnings } = await analyzeInput(ctx, settings, paths, options);
    for (const warning of warnings) ctx.stderr.write(warningLine(warning));
    // The dependency graph is loaded for --ready only (docs/architecture.md#start-up).
    const ready = options.ready ? (await import('../../plan/next.js')).planNext(report, { today: settings.report.today ?? localDate(new Date()), waves: false }).ready : null;
    const filter: ItemFilter = {
      statuses: options.status ?? DEFAULT_FILTER.statuses,
      priorities: options.priority ?? DEFAULT_FILTER.priorities,
      blocking: Boolean(options.blocking),
      ...(options.grep !== undefined ? { grep: options.grep } : {}),
      ...(options.file !== undefined ? { file: options.file } : {}),
      ...(options.owner !== undefined ? { owners: options.owner } : {}),
      ...(options.overdue ? { overdue: true } : {}),
      ...(ready !== null ? { ids: new Set(ready.map((i) => i.id)) } : {}),
      ...(options.tag !== undefined ? { tags: options.tag } : {}),
    };
    const items = sortItems(filterItems(report, filter), options.sort ?? 'file');
    const groups = groupItems(items, options.groupBy ?? null);
    const render = await format.load();
    const output = render({
      report,
      ...gateOutcome(report),
      groups,
      options: {
        ...settings.render,
        width: lineWidth(ctx, options),
        ...(options.groupBy !== undefined ? { groupBy: options.groupBy } : {}),
      },
    });
    await writeOutput(ctx, output, options.output);
    if (items.length === 0 && format.human && !options.quiet) ctx.stderr.write('shipready: info: no items match the filters\n');
    printDiagnostics(ctx, report.files, verbosityOf(options, 'verbose'));
    done(hasFileErrors(report) ? 2 : 0);
  });
}
