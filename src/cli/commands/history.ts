import { type Command, InvalidArgumentError, Option } from 'commander';
import { PRIORITIES } from '../../model.js';
import type { ExitCode, RunContext } from '../context.js';
import type { CommonOptions } from '../options.js';
import { writeOutput } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';

/** `history`'s `--format` names; `chart` is the default. */
export const HISTORY_FORMATS = ['chart', 'json', 'csv', 'svg', 'html'] as const;

interface HistoryOptions extends Pick<CommonOptions, 'output' | 'config' | 'failOn' | 'hoursPerDay' | 'color' | 'cache' | 'cacheLocation'> {
  format: (typeof HISTORY_FORMATS)[number];
  since?: string;
  maxCount?: number;
}

/**
 * `shipready history [paths…]` (README.md#history): readiness at each commit
 * on the first-parent line that changed a matched file, with a forecast.
 * Exit 0; 2 for a git problem (no repository, a shallow clone).
 */
export function registerHistory(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  program
    .command('history')
    .description('readiness over the git history of the checklists: charts, json, csv, svg, html, and a forecast')
    .argument('[paths...]', 'markdown files, directories or globs (default: the config\'s include, else the current directory)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(HISTORY_FORMATS).default('chart'))
    .addOption(new Option('--since <date>', 'only commits since this date, as git log takes it (`8w`, `2026-01-01`)'))
    .addOption(new Option('--max-count <n>', 'only the newest N commits').argParser(parseCount))
    .addOption(new Option('-o, --output <file>', 'write the output to a file instead of stdout'))
    .addOption(new Option('--fail-on <level>', 'lowest priority whose open items block readiness').choices(PRIORITIES))
    .addOption(new Option('--config <file>', 'read the configuration from this file instead of searching for one'))
    .addOption(new Option('--no-config', 'ignore configuration files'))
    .addOption(new Option('--no-color', 'disable colour output (also NO_COLOR=1)'))
    .addOption(new Option('--cache', 'keep each file version\'s analysis between runs, keyed by its blob id'))
    .addOption(new Option('--no-cache', 'analyse every file version (the default)').hideHelp())
    .addOption(new Option('--cache-location <dir>', 'where --cache keeps its files (implies --cache)').default(undefined, 'node_modules/.cache/shipready'))
    .action(async (paths: string[], options: HistoryOptions) => {
      // git, the history series and its forecast are loaded by this command only (docs/architecture.md#start-up).
      const [{ default: picomatch }, { analyze, engineOptions }, { gateOutcome }, { readHistory }, { GitRepository }, { RevisionAnalyzer }, { historyPoint, historyReport }, { historyTextFormats }] =
        await Promise.all([
          import('picomatch'),
          import('../../engine/engine.js'),
          import('../../gate/evaluate.js'),
          import('../../git/history.js'),
          import('../../git/repository.js'),
          import('../../git/revisions.js'),
          import('../../history/series.js'),
          import('../../render/history.js'),
        ]);
      const settings = await resolveSettings(ctx, options, options.format === 'chart');
      const repo = await GitRepository.open(ctx.cwd);
      const analysis = analysisOptions(ctx, settings, paths);
      const engine = engineOptions(analysis);
      const location = settings.performance.cacheLocation ?? null;
      const store = location === null ? null : new (await import('../../cache/cache.js')).BlobAnalysisCache(location, ctx.cwd, engine.file);
      const revisions = new RevisionAnalyzer(repo, engine.file, engine.report, store);
      const ignored = settings.ignore.length > 0 ? picomatch(settings.ignore, { dot: true }) : () => false;
      const series = await readHistory(repo, revisions, analysis.paths, {
        ...(options.since !== undefined ? { since: options.since } : {}),
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
        keep: (file) => !ignored(repo.displayPath(file)),
      });
      const failure = store?.save() ?? null;
      if (failure !== null) ctx.stderr.write(`shipready: warning: cannot write the cache in ${location} (${failure}); the next run analyses every version again\n`);
      const history = historyReport(series.map(({ commit, totals }) => historyPoint(commit, totals)));
      const renderOptions = { width: settings.render.width, color: settings.render.color };
      let output: string;
      if (options.format === 'svg') {
        output = (await import('../../render/svg.js')).renderHistorySvg({ history, options: renderOptions });
      } else if (options.format === 'html') {
        const { report } = await analyze(analysis);
        output = (await import('../../render/html.js')).htmlPage({ report, ...gateOutcome(report), options: settings.render }, history);
      } else {
        output = historyTextFormats[options.format]({ history, options: renderOptions });
      }
      await writeOutput(ctx, output, options.output);
      done(0);
    });
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a whole number of commits from 1`);
  return count;
}
