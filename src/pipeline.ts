import { extractDocument } from './extract/extract.js';
import { buildVocabulary, type Vocabulary } from './extract/vocabulary.js';
import type { AnalysisCache } from './cache/cache.js';
import { discoverFiles, displayPath } from './load/discover.js';
import { loadDocument, type LoadedDocument } from './load/load.js';
import type { Report, ReportOptions } from './model.js';
import { DEFAULT_REPORT_OPTIONS } from './model.js';
import { documentFormat, loadMarkdownParser, type MarkdownParser, markdownParser, type RemarkPluginSpec } from './parse/parse.js';
import { summarize, type SummarizeInput } from './summarize/summarize.js';
import { VERSION } from './version.js';
import { type Concurrency, workerCount } from './workers/pool.js';

/** What to analyse and how. */
export interface AnalyzeOptions {
  /** Files, directories or globs (SPEC.md §10); empty means `cwd`. */
  paths: readonly string[];
  cwd: string;
  report?: Partial<ReportOptions>;
  vocabulary?: Vocabulary;
  /** Extra ignore globs. */
  ignore?: readonly string[];
  /** remark plugins from the configuration (`LoadedConfig.remarkPlugins`), applied after the built-in syntax. */
  remarkPlugins?: readonly RemarkPluginSpec[];
}

/** The report and the loaded documents it was made from (`fix` needs their text). */
export interface Analysis {
  report: Report;
  documents: LoadedDocument[];
}

/**
 * The whole pipeline: discover → load → parse → extract → summarize.
 * Unreadable files are kept as documents with an error diagnostic.
 *
 * @throws NoFilesMatchedError when a path matches no file.
 */
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const reportOptions: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...options.report };
  const vocabulary = options.vocabulary ?? buildVocabulary();
  const files = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore });
  const documents = await Promise.all(files.map((file) => loadDocument(file, options.cwd)));
  documents.sort((a, b) => byPath(a.path, b.path));
  const parser = await parserFor(files, options.remarkPlugins);
  return { report: reportFromDocuments(documents, reportOptions, vocabulary, parser), documents };
}

/** One file's analysis: what extract found, plus load's diagnostics (the unit that is cached, sent to workers and kept by `watch`). */
export type FileAnalysis = SummarizeInput;

/** What the per-file analysis depends on besides the file's text. */
export interface FileAnalysisOptions {
  /** Hours in one day of effort (SPEC.md §4). */
  hoursPerDay: number;
  vocabulary: Vocabulary;
  /** remark plugins from the configuration; plain data, so workers can load them too. */
  remarkPlugins?: readonly RemarkPluginSpec[];
}

/** The parser for these files: the configured plugins, and MDX when one of them is `.mdx`. */
export function parserFor(files: readonly string[], remarkPlugins: readonly RemarkPluginSpec[] = []): Promise<MarkdownParser> {
  return loadMarkdownParser({ remarkPlugins, mdx: files.some((file) => documentFormat(file) === 'mdx') });
}

/**
 * parse → extract for one loaded document, with `parser` (its format by the
 * file name). Pure; never throws on a loaded document, except for an `.mdx`
 * one given a parser loaded without MDX (see {@link parserFor}).
 */
export function analyzeLoadedDocument(doc: LoadedDocument, options: FileAnalysisOptions, parser: MarkdownParser = markdownParser): FileAnalysis {
  const parsed = parser.parse(doc.text, { format: documentFormat(doc.absolutePath) });
  return {
    document: extractDocument(parsed.tree, doc.text, { path: doc.path, vocabulary: options.vocabulary }),
    diagnostics: parsed.diagnostics.length > 0 ? [...doc.diagnostics, ...parsed.diagnostics] : doc.diagnostics,
  };
}

/** parse → extract → summarize for documents already loaded. Pure. */
export function reportFromDocuments(
  documents: readonly LoadedDocument[],
  reportOptions: ReportOptions,
  vocabulary: Vocabulary = buildVocabulary(),
  parser: MarkdownParser = markdownParser,
): Report {
  const options = { hoursPerDay: reportOptions.hoursPerDay, vocabulary };
  return summarize(documents.map((doc) => analyzeLoadedDocument(doc, options, parser)), reportOptions, VERSION);
}

/** Report order of files: by path, code unit by code unit (not locale-dependent). */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when any file could not be read: the run must exit 2 (SPEC.md §8). */
export function hasFileErrors(report: Report): boolean {
  return report.files.some((file) => file.diagnostics.some((d) => d.severity === 'error'));
}

/** How `buildReport` may go faster; the report is the same either way (test/modes.test.ts). */
export interface PerformanceOptions {
  /** Keep per-file results between runs, keyed by content hash: the cache directory, or null for none; default `SHIPREADY_CACHE_LOCATION`, else none. */
  cacheLocation?: string | null;
  /** Worker threads (`--concurrency`); default `auto`, or `SHIPREADY_CONCURRENCY`. */
  concurrency?: Concurrency;
}

/** Warnings about the run itself (e.g. a cache that could not be written), for stderr. */
export interface BuiltReport {
  report: Report;
  warnings: string[];
}

/**
 * The report alone, as fast as the options allow: unchanged files come from
 * the cache, the others are parsed on worker threads when there are enough of
 * them (SPEC.md §8 output either way). `fix` uses {@link analyze}, which keeps
 * the loaded text.
 *
 * @throws NoFilesMatchedError when a path matches no file.
 */
export async function buildReport(options: AnalyzeOptions & PerformanceOptions): Promise<BuiltReport> {
  const reportOptions: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...options.report };
  const fileOptions: FileAnalysisOptions = {
    hoursPerDay: reportOptions.hoursPerDay,
    vocabulary: options.vocabulary ?? buildVocabulary(),
    ...(options.remarkPlugins && options.remarkPlugins.length > 0 ? { remarkPlugins: options.remarkPlugins } : {}),
  };
  const files = await discoverFiles(options.paths, { cwd: options.cwd, ignore: options.ignore });
  const warnings: string[] = [];

  const cacheLocation = options.cacheLocation !== undefined ? options.cacheLocation : (process.env.SHIPREADY_CACHE_LOCATION ?? null);
  const cache = cacheLocation === null ? null : await openCache(cacheLocation, options.cwd, fileOptions);
  const results: Array<FileAnalysis | undefined> = files.map((file) => cache?.get(file, displayPath(file, options.cwd)));
  const missing = files.filter((_, i) => results[i] === undefined);

  const threads = workerCount(options.concurrency ?? concurrencyFromEnv(), missing.length);
  const fresh =
    threads > 0
      ? await (await import('./workers/pool.js')).analyzeInWorkers(missing, options.cwd, fileOptions, threads)
      : await analyzeHere(missing, options.cwd, fileOptions);
  let next = 0;
  for (let i = 0; i < results.length; i++) {
    if (results[i] !== undefined) continue;
    const analysis = fresh[next++]!;
    results[i] = analysis;
    cache?.set(files[i]!, analysis);
  }
  const failure = cache?.save() ?? null;
  if (failure !== null) warnings.push(`cannot write the cache in ${cacheLocation} (${failure}); the next run reads every file again`);

  const analyses = results as FileAnalysis[];
  analyses.sort((a, b) => byPath(a.document.path, b.document.path));
  return { report: summarize(analyses, reportOptions, VERSION), warnings };
}

/** Loads and analyses `files` on this thread. */
async function analyzeHere(files: readonly string[], cwd: string, options: FileAnalysisOptions): Promise<FileAnalysis[]> {
  const parser = await parserFor(files, options.remarkPlugins);
  return Promise.all(files.map(async (file) => analyzeLoadedDocument(await loadDocument(file, cwd), options, parser)));
}

async function openCache(location: string, cwd: string, options: FileAnalysisOptions): Promise<AnalysisCache> {
  // file-entry-cache loads only with --cache.
  const { AnalysisCache } = await import('./cache/cache.js');
  return new AnalysisCache(location, cwd, options);
}

/** `SHIPREADY_CONCURRENCY` (auto, off or a number), so the whole test suite can run in each mode. */
function concurrencyFromEnv(): Concurrency {
  const value = process.env.SHIPREADY_CONCURRENCY;
  if (value === 'off') return 'off';
  const threads = Number(value);
  return Number.isInteger(threads) && threads > 0 ? threads : 'auto';
}
