import { configPaths, configVocabulary } from '../config/apply.js';
import { type LoadedConfig, loadConfig } from '../config/load.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import { DEFAULT_CACHE_LOCATION } from '../cache/constants.js';
import type { AnalyzeOptions, BudgetOptions, Concurrency, PerformanceOptions } from '../engine/types.js';
import { buildVocabulary } from '../extract/vocabulary.js';
import { isNegation } from '../load/discover.js';
import type { ReportOptions } from '../model.js';
import { DEFAULT_REPORT_OPTIONS } from '../model.js';
import type { RenderOptions } from '../render/index.js';
import { pathToFileURL } from 'node:url';
import { resolveColor, resolveHyperlinks, resolveUnicode } from './color.js';
import type { HostingLinks } from '../render/diff.js';
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
  /** The configuration file that was read, or null (none found, or `--no-config`). */
  config: LoadedConfig | null;
  /** How the engine runs: the command line's `--cache`, `--cache-location` and `--concurrency`, else the test switches, else the engine's defaults. */
  performance: PerformanceOptions;
  /** The budget per file: `--file-timeout`, else the configuration's `fileTimeout`; the configuration's `maxFileSize`. Unset: the engine's defaults. */
  budget: BudgetOptions;
}

/**
 * Resolves the settings of one command run. `wantsColor` is false for
 * machine formats (json, junit, …), whose output never carries colour.
 */
export async function resolveSettings(ctx: RunContext, options: Omit<CommonOptions, 'format'>, wantsColor: boolean): Promise<Settings> {
  // Throws ConfigError (exit 2) for an unreadable or invalid configuration.
  const loaded = await loadConfig({ cwd: ctx.cwd, file: options.config });
  const config = loaded?.config ?? {};
  const paths = configPaths(loaded, ctx.cwd);
  const report: ReportOptions = {
    failOn: options.failOn ?? config.failOn ?? DEFAULT_REPORT_OPTIONS.failOn,
    hoursPerDay: options.hoursPerDay ?? config.hoursPerDay ?? DEFAULT_REPORT_OPTIONS.hoursPerDay,
    ...(options.today !== undefined ? { today: options.today } : {}),
  };
  const color =
    wantsColor &&
    resolveColor({ flag: options.color, env: ctx.env, isTTY: Boolean(ctx.stdout.isTTY) && options.output === undefined });
  return {
    report,
    vocabulary: buildVocabulary(configVocabulary(config)),
    ignore: [...paths.ignore, ...(options.ignore ?? [])],
    include: paths.include,
    config: loaded,
    performance: resolvePerformance(options, ctx.env),
    budget: {
      ...((options.fileTimeout ?? config.fileTimeout) !== undefined ? { fileTimeout: options.fileTimeout ?? config.fileTimeout } : {}),
      ...(config.maxFileSize !== undefined ? { maxFileSize: config.maxFileSize } : {}),
    },
    render: {
      color,
      width: terminalWidth(ctx),
      unicode: resolveUnicode(ctx.env, ctx.platform ?? process.platform),
      ...(wantsColor && options.output === undefined && resolveHyperlinks(ctx.env, Boolean(ctx.stdout.isTTY), color)
        ? { hyperlinkBase: pathToFileURL(`${ctx.cwd.replace(/[\\/]$/, '')}/`).href }
        : {}),
    },
  };
}

/**
 * The width line-per-finding outputs (`list`, `check`) are cut to: the
 * terminal's when stdout is one (or `COLUMNS` says), else unlimited, so piped
 * and `--output` lines stay whole for grep and problem matchers.
 */
export function lineWidth(ctx: RunContext, options: Pick<CommonOptions, 'output'>): number {
  const sized = options.output === undefined && (Boolean(ctx.stdout.isTTY) || ctx.stdout.columns !== undefined || Boolean(ctx.env.COLUMNS));
  return sized ? terminalWidth(ctx) : Number.POSITIVE_INFINITY;
}

/** Columns of the terminal: the stream's, else `COLUMNS`, else 80 (never below 40). */
export function terminalWidth(ctx: RunContext): number {
  const fromEnv = Number(ctx.env.COLUMNS);
  const width = ctx.stdout.columns ?? (Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 80);
  return Math.max(40, width);
}

/**
 * What to hand the engine (`analyze`, `fixFiles`, `WatchSession`) for this
 * run: the paths given on the command line, else the config's `include`,
 * with the settings' options, every one of them resolved.
 */
export function analysisOptions(
  ctx: RunContext,
  settings: Settings,
  paths: readonly string[],
): AnalyzeOptions & { report: ReportOptions; vocabulary: Vocabulary; ignore: readonly string[] } {
  // Negations alone (`'!README.md'`) narrow the default paths rather than replace them.
  const negationsOnly = paths.length > 0 && paths.every(isNegation);
  return {
    ...settings.performance,
    ...settings.budget,
    paths: paths.length === 0 ? settings.include : negationsOnly && settings.include.length > 0 ? [...settings.include, ...paths] : paths,
    cwd: ctx.cwd,
    report: settings.report,
    vocabulary: settings.vocabulary,
    ignore: settings.ignore,
    remarkPlugins: settings.config?.remarkPlugins ?? [],
  };
}

/**
 * The engine's performance options for this run. The command line wins:
 * `--cache` (at the default location), `--cache-location` (implies
 * `--cache`), `--no-cache`, `--concurrency`. What it leaves open comes from
 * the {@link testSwitches}, else the engine's defaults (no cache, `auto`,
 * chunking on).
 */
export function resolvePerformance(
  options: Pick<CommonOptions, 'cache' | 'cacheLocation' | 'concurrency'>,
  env: RunContext['env'],
): PerformanceOptions {
  const switches = testSwitches(env);
  const useCache = options.cache ?? (options.cacheLocation !== undefined ? true : undefined);
  const cacheLocation = useCache === undefined ? switches.cacheLocation : useCache ? (options.cacheLocation ?? DEFAULT_CACHE_LOCATION) : null;
  const concurrency = options.concurrency ?? switches.concurrency;
  return {
    ...(cacheLocation !== undefined ? { cacheLocation } : {}),
    ...(concurrency !== undefined ? { concurrency } : {}),
    ...(switches.chunking !== undefined ? { chunking: switches.chunking } : {}),
    ...(switches.scan !== undefined ? { scan: switches.scan } : {}),
  };
}

/**
 * Switches that exist so that `npm run test:modes` can run the whole test
 * suite in each mode of the engine; they are not part of the command-line
 * interface, and this is the only place they are read (library code never
 * reads the environment):
 *
 * - `SHIPREADY_CACHE_LOCATION=<dir>`: use the cache in `<dir>` unless the
 *   command line says `--cache`, `--no-cache` or `--cache-location`;
 * - `SHIPREADY_CONCURRENCY=<n>|auto|off`: the default of `--concurrency`
 *   (anything else is `auto`);
 * - `SHIPREADY_CHUNKING=off`: parse big texts whole instead of in chunks;
 * - `SHIPREADY_SCAN=off`: parse every file, even those the scan rules out.
 *
 * Unset, they leave the engine's defaults.
 */
export function testSwitches(env: RunContext['env']): PerformanceOptions {
  const switches: PerformanceOptions = {};
  if (env.SHIPREADY_CACHE_LOCATION !== undefined) switches.cacheLocation = env.SHIPREADY_CACHE_LOCATION;
  if (env.SHIPREADY_CONCURRENCY !== undefined) switches.concurrency = concurrencySwitch(env.SHIPREADY_CONCURRENCY);
  if (env.SHIPREADY_CHUNKING === 'off') switches.chunking = false;
  if (env.SHIPREADY_SCAN === 'off') switches.scan = false;
  return switches;
}

function concurrencySwitch(value: string): Concurrency {
  if (value === 'off') return 'off';
  const threads = Number(value);
  return Number.isInteger(threads) && threads > 0 ? threads : 'auto';
}

/**
 * What the CI tells about the checkout, from its variables (GitHub Actions,
 * then GitLab CI); each field undefined when not set. The CLI turns it into
 * the renderers' repository context (cli/repository.ts).
 */
export interface CiCheckout {
  /** The checkout's root directory: `GITHUB_WORKSPACE` or `CI_PROJECT_DIR`. */
  workspace?: string;
  /** The repository's web URL: `GITHUB_SERVER_URL/GITHUB_REPOSITORY` or `CI_PROJECT_URL`. */
  webUrl?: string;
  /** How a file is opened at a commit under `webUrl`: `/blob/` (GitHub) or `/-/blob/` (GitLab). */
  blobPath?: string;
  /** The commit: `GITHUB_SHA` or `CI_COMMIT_SHA`. */
  revision?: string;
  /** The branch: `GITHUB_REF_NAME` when `GITHUB_REF_TYPE` is `branch`, or `CI_COMMIT_BRANCH`. */
  branch?: string;
}

/** Reads {@link CiCheckout} from the environment. */
export function ciCheckout(env: RunContext['env']): CiCheckout {
  const set = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);
  if (set(env.GITHUB_ACTIONS) === 'true' || set(env.GITHUB_WORKSPACE) !== undefined) {
    const server = set(env.GITHUB_SERVER_URL)?.replace(/\/+$/, '');
    const repository = set(env.GITHUB_REPOSITORY);
    return {
      workspace: set(env.GITHUB_WORKSPACE),
      webUrl: server !== undefined && repository !== undefined ? `${server}/${repository}` : undefined,
      blobPath: '/blob/',
      revision: set(env.GITHUB_SHA),
      branch: env.GITHUB_REF_TYPE === 'branch' ? set(env.GITHUB_REF_NAME) : undefined,
    };
  }
  if (set(env.GITLAB_CI) === 'true' || set(env.CI_PROJECT_DIR) !== undefined) {
    return {
      workspace: set(env.CI_PROJECT_DIR),
      webUrl: set(env.CI_PROJECT_URL)?.replace(/\/+$/, ''),
      blobPath: '/-/blob/',
      revision: set(env.CI_COMMIT_SHA),
      branch: set(env.CI_COMMIT_BRANCH),
    };
  }
  return {};
}

/**
 * Where `diff --format markdown` links items to: the hosting server, the
 * repository and the commit from GitHub Actions' `GITHUB_SERVER_URL`,
 * `GITHUB_REPOSITORY` and `GITHUB_SHA`; null unless all three are set.
 */
export function hostingLinks(env: RunContext['env'], prefix: string): HostingLinks | null {
  const server = env.GITHUB_SERVER_URL;
  const repository = env.GITHUB_REPOSITORY;
  const sha = env.GITHUB_SHA;
  if (!server || !repository || !sha) return null;
  return { server, repository, sha, prefix };
}
