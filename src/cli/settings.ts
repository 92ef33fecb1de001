import { configPaths, configVocabulary } from '../config/apply.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import type { AnalyzeOptions, PerformanceOptions } from '../pipeline.js';
import { DEFAULT_CACHE_LOCATION } from '../cache/constants.js';
import { buildVocabulary } from '../extract/vocabulary.js';
import type { ReportOptions } from '../model.js';
import { DEFAULT_REPORT_OPTIONS } from '../model.js';
import type { RenderOptions } from '../render/index.js';
import { resolveColor, resolveUnicode } from './color.js';
import type { RunContext } from './context.js';
import type { CommonOptions } from './options.js';

/**
 * Everything a command needs to analyse and render, resolved once from the
 * command line (and, where the configuration is read, from the config file:
 * command-line options win).
 */
export interface Settings {
  report: ReportOptions;
  vocabulary: Vocabulary;
  /** Extra ignore globs for discovery. */
  ignore: string[];
  /** Paths to analyse when the command line gives none (the config's `include`), else empty. */
  include: string[];
  render: RenderOptions;
  /** The configuration file that was read (SPEC.md §10), or null (none found, or `--no-config`). */
  config: LoadedConfig | null;
}

/**
 * Resolves the settings of one command run. `wantsColor` is false for
 * machine formats (json, junit, …), whose output never carries colour.
 */
export async function resolveSettings(ctx: RunContext, options: CommonOptions, wantsColor: boolean): Promise<Settings> {
  // Throws ConfigError (exit 2) for an unreadable or invalid configuration.
  const loaded = await loadConfig({ cwd: ctx.cwd, file: options.config });
  const config = loaded?.config ?? {};
  const paths = configPaths(loaded, ctx.cwd);
  const report: ReportOptions = {
    failOn: options.failOn ?? config.failOn ?? DEFAULT_REPORT_OPTIONS.failOn,
    hoursPerDay: options.hoursPerDay ?? config.hoursPerDay ?? DEFAULT_REPORT_OPTIONS.hoursPerDay,
  };
  const color =
    wantsColor &&
    resolveColor({ flag: options.color, env: ctx.env, isTTY: Boolean(ctx.stdout.isTTY) && options.output === undefined });
  return {
    report,
    vocabulary: buildVocabulary(configVocabulary(config)),
    ignore: paths.ignore,
    include: paths.include,
    config: loaded,
    render: { color, width: terminalWidth(ctx), unicode: resolveUnicode(ctx.env, ctx.platform ?? process.platform) },
  };
}

/** Columns of the terminal: the stream's, else `COLUMNS`, else 80 (never below 40). */
export function terminalWidth(ctx: RunContext): number {
  const fromEnv = Number(ctx.env.COLUMNS);
  const width = ctx.stdout.columns ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  return Math.max(40, width);
}

/**
 * What to hand `buildReport` (or `analyze`, `fixFiles`) for this run: the
 * paths given on the command line, else the config's `include`, with the
 * settings' options; `--cache`, `--no-cache`, `--cache-location` and
 * `--concurrency` when given (else `buildReport` decides).
 */
export function analysisOptions(
  ctx: RunContext,
  settings: Settings,
  paths: readonly string[],
  options: Pick<CommonOptions, 'cache' | 'cacheLocation' | 'concurrency'> = {},
): AnalyzeOptions & PerformanceOptions & { report: ReportOptions } {
  const useCache = options.cache ?? (options.cacheLocation !== undefined ? true : undefined);
  return {
    cacheLocation: useCache === undefined ? undefined : useCache ? (options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : null,
    concurrency: options.concurrency,
    paths: paths.length > 0 ? paths : settings.include,
    cwd: ctx.cwd,
    report: settings.report,
    vocabulary: settings.vocabulary,
    ignore: settings.ignore,
    remarkPlugins: settings.config?.remarkPlugins ?? [],
  };
}
