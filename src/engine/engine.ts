/**
 * The engine: the one analysis path behind every command (docs/architecture.md
 * "Engine"). discover → analyse each file (from the cache, on worker threads,
 * or inline) → summarise. `report`, `check`, `list` and `fix` run it whole
 * ({@link analyze}); `watch` runs its steps ({@link analyzeFiles}, then the
 * summariser's per-file parts) on the files that changed.
 */
import type { AnalysisCache } from '../cache/cache.js';
import { buildVocabulary, type Vocabulary } from '../extract/vocabulary.js';
import { discoverFiles, displayPath } from '../load/discover.js';
import { loadDocument } from '../load/load.js';
import { type MarkdownParser, markdownParser } from '../parse/parse.js';
import type { RemarkPluginSpec } from '../parse/plugins.js';
import type { Report, ReportOptions } from '../model.js';
import { DEFAULT_REPORT_OPTIONS } from '../model.js';
import { summarize } from '../summarize/summarize.js';
import { VERSION } from '../version.js';
import { analyzeInWorkers, workerCount } from '../workers/pool.js';
import { analyzeLoadedDocument, parserFor } from './file.js';
import type {
  Analysis,
  AnalyzeOptions,
  EngineOptions,
  FileAnalysis,
  FileAnalysisOptions,
  FileResults,
  LoadedDocument,
} from './types.js';

/**
 * A whole run: discovers the files `paths` name, analyses each (unchanged
 * files from the cache, the others on worker threads when there are enough
 * of them, else inline) and summarises them into the report. Files are in
 * report order (by path). A file that cannot be read stays in the report
 * with an error diagnostic ({@link hasFileErrors}).
 *
 * @throws NoFilesMatchedError when a path matches no file; the signal's
 *   reason when `signal` aborts.
 */
export function analyze(options: AnalyzeOptions & { keepDocuments: true }): Promise<Analysis & { documents: LoadedDocument[] }>;
export function analyze(options: AnalyzeOptions): Promise<Analysis>;
export async function analyze(options: AnalyzeOptions): Promise<Analysis> {
  const engine = engineOptions(options);
  const files = await discoverFiles(engine.paths, { cwd: engine.cwd, ignore: engine.ignore });
  const results = await analyzeFiles(files, engine);
  const order = results.analyses.map((_, i) => i).sort((a, b) => byPath(results.analyses[a]!.document.path, results.analyses[b]!.document.path));
  const report = summarizeAnalyses(order.map((i) => results.analyses[i]!), engine.report);
  const documents = results.documents;
  return documents === null ? { report, warnings: results.warnings } : { report, warnings: results.warnings, documents: order.map((i) => documents[i]!) };
}

/**
 * Applies every default to `options`. The one place the per-file analysis
 * settings are made ({@link fileAnalysisOptions}), so inline, worker and
 * cached analyses always agree. Reads nothing from the environment: the CLI
 * resolves its flags and switches first (src/cli/settings.ts).
 */
export function engineOptions(options: AnalyzeOptions): EngineOptions {
  const report: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...options.report };
  return {
    paths: options.paths,
    cwd: options.cwd,
    ignore: options.ignore ?? [],
    report,
    file: fileAnalysisOptions(options.vocabulary ?? buildVocabulary(), options.remarkPlugins ?? [], options.chunking ?? true),
    cacheLocation: options.cacheLocation ?? null,
    concurrency: options.concurrency ?? 'auto',
    keepDocuments: options.keepDocuments ?? false,
    signal: options.signal,
  };
}

/** The per-file analysis settings of a run. */
function fileAnalysisOptions(vocabulary: Vocabulary, remarkPlugins: readonly RemarkPluginSpec[], chunking: boolean): FileAnalysisOptions {
  return { vocabulary, remarkPlugins, chunking };
}

/**
 * Analyses `files` (absolute paths): each from the cache when it holds the
 * file's content, else loaded and analysed on worker threads or inline;
 * fresh analyses go into the cache. With `keepDocuments` every file is
 * loaded and analysed from that same read (the cache is written, not read),
 * so each document's text is exactly what its analysis saw.
 *
 * Inline, a `signal` is checked between files, each analysed in its own turn
 * of the event loop so that the abort is heard.
 *
 * @returns results in the order of `files`.
 * @throws the signal's reason when `engine.signal` aborts.
 */
export async function analyzeFiles(files: readonly string[], engine: EngineOptions): Promise<FileResults> {
  const { cwd, file: options, keepDocuments, signal } = engine;
  const warnings: string[] = [];
  const cache = engine.cacheLocation === null ? null : await openCache(engine.cacheLocation, cwd, options);
  const analyses: Array<FileAnalysis | undefined> = files.map((file) => (keepDocuments ? undefined : cache?.get(file, displayPath(file, cwd))));
  const missing = files.filter((_, i) => analyses[i] === undefined);

  const threads = workerCount(engine.concurrency, missing.length);
  let fresh: Array<{ analysis: FileAnalysis; document?: LoadedDocument }>;
  if (threads > 0) {
    fresh = await analyzeInWorkers(missing, { cwd, options, threads, keepDocuments, signal });
  } else {
    // Reading is I/O and runs for all files at once; analysing is CPU work, one file after the other.
    const documents = await Promise.all(missing.map((file) => loadDocument(file, cwd)));
    const parser = await parserFor(missing, options);
    fresh = [];
    for (const document of documents) {
      if (signal !== undefined) {
        if (fresh.length > 0) await new Promise((resolve) => setImmediate(resolve));
        signal.throwIfAborted();
      }
      fresh.push({ analysis: analyzeLoadedDocument(document, options, parser), document });
    }
  }

  const documents: LoadedDocument[] | null = keepDocuments ? [] : null;
  let next = 0;
  for (let i = 0; i < analyses.length; i++) {
    if (analyses[i] !== undefined) continue;
    const result = fresh[next++]!;
    analyses[i] = result.analysis;
    documents?.push(result.document!);
    cache?.set(files[i]!, result.analysis);
  }
  const failure = cache?.save() ?? null;
  if (failure !== null) warnings.push(`cannot write the cache in ${engine.cacheLocation} (${failure}); the next run reads every file again`);
  return { analyses: analyses as FileAnalysis[], documents, warnings };
}

/** The report of analyses already in report order: the summarise step, stamped with this version. Pure. */
export function summarizeAnalyses(analyses: readonly FileAnalysis[], reportOptions: ReportOptions): Report {
  return summarize(analyses, reportOptions, VERSION);
}

/**
 * The report of documents already loaded (in memory, e.g. the text `fix`
 * is about to write), in the order given: each analysed inline, then
 * summarised. Pure.
 */
export function reportFromDocuments(
  documents: readonly LoadedDocument[],
  reportOptions: ReportOptions,
  vocabulary: Vocabulary = buildVocabulary(),
  parser: MarkdownParser = markdownParser,
): Report {
  const options = fileAnalysisOptions(vocabulary, [], true);
  return summarizeAnalyses(documents.map((doc) => analyzeLoadedDocument(doc, options, parser)), reportOptions);
}

/** True when any file could not be read: the run must exit 2. */
export function hasFileErrors(report: Report): boolean {
  return report.files.some((file) => file.diagnostics.some((d) => d.severity === 'error'));
}

/** Report order of files: by path, code unit by code unit (not locale-dependent). */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function openCache(location: string, cwd: string, options: FileAnalysisOptions): Promise<AnalysisCache> {
  // file-entry-cache loads only when a run uses the cache.
  const { AnalysisCache } = await import('../cache/cache.js');
  return new AnalysisCache(location, cwd, options);
}
