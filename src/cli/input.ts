import path from 'node:path';
import { reportFromDocuments } from '../engine/engine.js';
import { parserFor } from '../engine/file.js';
import type { Analysis } from '../engine/types.js';
import { UsageError } from '../errors.js';
import { documentFromBytes } from '../load/load.js';
import { discoverFiles, displayPath, isNegation } from '../load/discover.js';
import { DEFAULT_REPORT_OPTIONS } from '../model.js';
import type { RunContext } from './context.js';
import type { CommonOptions } from './options.js';
import { analyzeWithProgress } from './progress.js';
import { analysisOptions, type Settings } from './settings.js';

/** The name text read from stdin is reported under when `--stdin-filename` is not given. */
export const STDIN_NAME = '<stdin>';

/** Whether this run reads stdin: a path `-`, or `--stdin-filename` with no paths. */
export function readsStdin(paths: readonly string[], options: Pick<CommonOptions, 'stdinFilename'>): boolean {
  return paths.includes('-') || (paths.length === 0 && options.stdinFilename !== undefined);
}

/**
 * The analysis of one run of report, check or list: the files the paths
 * name (through the engine), or the text on stdin for `-`
 * (docs/cli.md#stdin), reported under `--stdin-filename` (default
 * `<stdin>`). With `--debug`, the configuration file, the number of files
 * and the time taken go to stderr.
 *
 * @throws UsageError for `-` beside other paths, `--stdin-filename` beside
 *   paths without `-`, or `-` when stdin is a terminal; NoFilesMatchedError
 *   as the engine's `analyze`.
 */
export async function analyzeInput(ctx: RunContext, settings: Settings, paths: readonly string[], options: Omit<CommonOptions, 'format'>): Promise<Analysis> {
  const started = performance.now();
  const debug = (line: string): void => {
    if (options.debug) ctx.stderr.write(`shipready: debug: ${line}\n`);
  };
  debug(`config file: ${settings.config === null ? (options.config === false ? 'none (--no-config)' : 'none found') : settings.config.displayPath}`);
  let analysis: Analysis;
  if (readsStdin(paths, options)) {
    if (paths.length > 1) throw new UsageError('Unexpected `-` beside other paths; read stdin alone (`shipready -`), or name the files');
    analysis = { report: await stdinReport(ctx, settings, options.stdinFilename ?? STDIN_NAME), warnings: [] };
    debug(`input: stdin, reported as ${analysis.report.files[0]!.path}`);
  } else {
    if (options.stdinFilename !== undefined) throw new UsageError('Unexpected `--stdin-filename` without `-`; add `-` to read stdin');
    const resolved = analysisOptions(ctx, settings, paths);
    debug(`paths: ${resolved.paths.length > 0 ? resolved.paths.join(' ') : '.'}${settings.ignore.length > 0 ? `; ignore: ${settings.ignore.join(' ')}` : ''}`);
    analysis = await analyzeWithProgress(ctx, options.quiet, resolved);
    debug(`files: ${analysis.report.scanned.files} markdown file${analysis.report.scanned.files === 1 ? '' : 's'} read, ${analysis.report.files.length} listed`);
  }
  const t = analysis.report.totals;
  debug(`items: ${t.items} (${t.done} done, ${t.open} open); analysed in ${Math.round(performance.now() - started)} ms`);
  return analysis;
}

/** Reads all of stdin; a UsageError when it is a terminal (nothing piped). */
async function readStdin(ctx: RunContext): Promise<Uint8Array> {
  const stdin = ctx.stdin;
  if (stdin === undefined || stdin.isTTY) {
    throw new UsageError('`-` reads stdin, but nothing is piped to it; pipe a file (`cat TODO.md | shipready -`)');
  }
  const chunks: Uint8Array[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

/** The report of the text on stdin, as one file named `name` (relative to the working directory). */
async function stdinReport(ctx: RunContext, settings: Settings, name: string): Promise<import('../model.js').Report> {
  const absolutePath = path.resolve(ctx.cwd, name);
  const document = documentFromBytes(name === STDIN_NAME ? name : displayPath(absolutePath, ctx.cwd), absolutePath, await readStdin(ctx));
  const parser = await parserFor([name.endsWith('.mdx') ? name : `${name}.md`], { remarkPlugins: settings.config?.remarkPlugins ?? [] });
  return reportFromDocuments([document], settings.report ?? DEFAULT_REPORT_OPTIONS, settings.vocabulary, parser);
}

/** Where a value of the effective configuration came from. */
type Source = 'command line' | 'default' | `config file ${string}`;

/**
 * `--print-config [file]` (docs/cli.md#print-config): the effective
 * configuration of this run as JSON, each value beside where it came from;
 * with a file, also whether a run over the current directory reads it.
 */
export async function printConfig(ctx: RunContext, settings: Settings, options: Omit<CommonOptions, 'format'>, paths: readonly string[]): Promise<void> {
  const fromConfig: Source = `config file ${settings.config?.displayPath ?? ''}`;
  const config = settings.config?.config ?? {};
  const pick = <T>(cli: T | undefined, file: T | undefined, fallback: T): { value: T; source: Source } =>
    cli !== undefined ? { value: cli, source: 'command line' } : file !== undefined ? { value: file, source: fromConfig } : { value: fallback, source: 'default' };
  const output: Record<string, unknown> = {
    configFile: settings.config?.displayPath ?? null,
    failOn: pick(options.failOn, config.failOn, DEFAULT_REPORT_OPTIONS.failOn),
    hoursPerDay: pick(options.hoursPerDay, config.hoursPerDay, DEFAULT_REPORT_OPTIONS.hoursPerDay),
    paths: paths.length > 0 ? { value: paths, source: 'command line' } : config.include ? { value: settings.include, source: fromConfig } : { value: ['.'], source: 'default' },
    ignore: {
      value: settings.ignore,
      sources: [
        ...(config.ignore ? [{ value: config.ignore, source: fromConfig }] : []),
        ...(options.ignore ? [{ value: options.ignore, source: 'command line' }] : []),
        { value: ['**/node_modules/**', '**/.git/**', '.gitignore'], source: 'default' },
      ],
    },
    priorityWords: pick(undefined, config.priorityWords, {}),
    effortFields: pick(undefined, config.effortFields, []),
    blockingMarkers: pick(undefined, config.blockingMarkers, []),
    minPercent: pick(undefined, config.minPercent, null),
    maxOpen: pick(undefined, config.maxOpen, null),
    failOnStale: pick(undefined, config.failOnStale, false),
    warnOnly: pick(undefined, config.warnOnly, false),
    remarkPlugins: pick(undefined, config.remarkPlugins, []),
    color: { value: settings.render.color, source: options.color !== undefined ? 'command line' : 'environment' },
    width: { value: settings.render.width, source: ctx.stdout.columns !== undefined ? 'terminal' : ctx.env.COLUMNS ? 'environment' : 'default' },
    cache: { value: settings.performance.cacheLocation ?? null, source: options.cache !== undefined || options.cacheLocation !== undefined ? 'command line' : 'default' },
    concurrency: pick(options.concurrency, undefined, settings.performance.concurrency ?? 'auto'),
  };
  if (typeof options.printConfig === 'string') {
    const file = options.printConfig;
    const absolute = path.resolve(ctx.cwd, file);
    const ignore = ['**/node_modules/**', '**/.git/**', ...settings.ignore];
    const found = await discoverFiles(['.'], { cwd: ctx.cwd, ignore }).catch(() => [] as string[]);
    const named = paths.filter((one) => !isNegation(one));
    output.file = { path: displayPath(absolute, ctx.cwd), readByDefaultRun: found.includes(absolute), ...(named.length > 0 ? { paths: named } : {}) };
  }
  ctx.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}
