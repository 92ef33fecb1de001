/**
 * The engine: the one analysis path behind every command (docs/architecture.md
 * "Engine"). discover → analyse each file (from the cache, on worker threads,
 * or inline) → summarise. `report`, `check`, `list` and `fix` run it whole
 * ({@link analyze}); `watch` runs its steps ({@link analyzeFiles}, then the
 * summariser's per-file parts) on the files that changed.
 */
import type { AnalysisCache } from '../cache/cache.js';
import { buildVocabulary, type Vocabulary } from '../extract/vocabulary.js';
import { discover, displayPath, type UnreadableDirectory } from '../load/discover.js';
import { loadDocument } from '../load/load.js';
import { type MarkdownParser, markdownParser } from '../parse/parse.js';
import type { RemarkPluginSpec } from '../parse/plugins.js';
import type { Report, ReportOptions } from '../model.js';
import { DEFAULT_REPORT_OPTIONS } from '../model.js';
import { summarize } from '../summarize/summarize.js';
import { VERSION } from '../version.js';
import { analyzeInWorkers, workerCount } from '../workers/pool.js';
import { emptyDocument } from '../extract/extract.js';
import { analyzeLoadedDocument, analyzeWithinBudget, parserFor } from './file.js';
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
  const { files, unreadable } = await discover(engine.paths, { cwd: engine.cwd, ignore: engine.ignore });
  const results = await analyzeFiles(files, engine);
  const analyses = [...results.analyses, ...unreadable.map((dir) => unreadableDirectory(dir, engine.cwd))];
  const order = analyses.map((_, i) => i).sort((a, b) => byPath(analyses[a]!.document.path, analyses[b]!.document.path));
  const report = summarizeAnalyses(order.map((i) => analyses[i]!), engine.report);
  const documents = results.documents;
  return documents === null ? { report, warnings: results.warnings } : { report, warnings: results.warnings, documents: order.filter((i) => i < files.length).map((i) => documents[i]!) };
}

/** A directory that could not be searched, as a skipped entry with an error (docs/rules.md#exit-codes). */
function unreadableDirectory(dir: UnreadableDirectory, cwd: string): FileAnalysis {
  return {
    document: emptyDocument(`${displayPath(dir.absolutePath, cwd)}/`),
    skipped: true,
    diagnostics: [{ line: null, severity: 'error', message: dir.message }],
  };
}

/** Default parse budget per file, in seconds (README.md#scale). */
export const DEFAULT_FILE_TIMEOUT = 10;
/** Default size limit per file, in bytes: 64 MB (README.md#scale). */
export const DEFAULT_MAX_FILE_SIZE = 64 * 1024 * 1024;

/**
 * Applies every default to `options`. The one place the per-file analysis
 * settings are made ({@link fileAnalysisOptions}), so inline, worker and
 * cached analyses always agree. Reads nothing from the environment: the CLI
 * resolves its flags and switches first (src/cli/settings.ts).
 */
export function engineOptions(options: AnalyzeOptions): EngineOptions {
  const report: ReportOptions = { ...DEFAULT_REPORT_OPTIONS, ...options.report };
  const remarkPlugins = options.remarkPlugins ?? [];
  return {
    paths: options.paths,
    cwd: options.cwd,
    ignore: options.ignore ?? [],
    report,
    file: {
      ...fileAnalysisOptions(options.vocabulary ?? buildVocabulary(), remarkPlugins, options.chunking ?? true),
      scan: (options.scan ?? true) && remarkPlugins.length === 0,
      fileTimeoutMs: Math.max(0, (options.fileTimeout ?? DEFAULT_FILE_TIMEOUT) * 1000),
      maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    },
    cacheLocation: options.cacheLocation ?? null,
    concurrency: options.concurrency ?? 'auto',
    keepDocuments: options.keepDocuments ?? false,
    signal: options.signal,
    onProgress: options.onProgress,
  };
}

/** The per-file analysis settings of a run, with the scan on and the default budget. */
function fileAnalysisOptions(vocabulary: Vocabulary, remarkPlugins: readonly RemarkPluginSpec[], chunking: boolean): FileAnalysisOptions {
  return {
    vocabulary, remarkPlugins, chunking, scan: remarkPlugins.length === 0, fileTimeoutMs: DEFAULT_FILE_TIMEOUT * 1000, maxFileSize: DEFAULT_MAX_FILE_SIZE,
  };
}

/**
 * Files analysed inline between two turns of the event loop, which let an
 * abort, a signal or a worker's message through (README.md#scale).
 */
const FILES_PER_TURN = 32;

/**
 * Analyses `files` (absolute paths): each from the cache when it holds the
 * file's content, else loaded and analysed on worker threads or inline;
 * fresh analyses go into the cache. With `keepDocuments` every file is
 * loaded and analysed from that same read (the cache is written, not read),
 * so each document's text is exactly what its analysis saw.
 *
 * Inline, one file is read at a time (one descriptor open, however many
 * files) and analysed as it arrives; only its analysis is kept (and its
 * document, with `keepDocuments`). A `signal` is checked between files.
 *
 * @returns results in the order of `files`.
 * @throws the signal's reason when `engine.signal` aborts.
 */
export async function analyzeFiles(files: readonly string[], engine: EngineOptions): Promise<FileResults> {
  const { cwd, file: options, keepDocuments, signal } = engine;
  const warnings: string[] = [];
  const cache = engine.cacheLocation === null ? null : await openCache(engine.cacheLocation, cwd, options);
  const analyses: Array<FileAnalysis | undefined> = files.map((file) => (keepDocuments ? undefined : cache?.get(file, displayPath(file, cwd))));
  const missing: number[] = [];
  for (let i = 0; i < files.length; i++) if (analyses[i] === undefined) missing.push(i);
  const documents: Array<LoadedDocument | undefined> | null = keepDocuments ? new Array<LoadedDocument | undefined>(files.length) : null;

  const progress = { done: files.length - missing.length, total: files.length, withItems: 0 };
  for (const analysis of analyses) if (analysis && analysis.document.items.length > 0) progress.withItems++;
  const record = (index: number, analysis: FileAnalysis, document: LoadedDocument | undefined): void => {
    analyses[index] = analysis;
    if (documents !== null) documents[index] = document;
    cache?.set(files[index]!, analysis);
    progress.done++;
    if (analysis.document.items.length > 0) progress.withItems++;
    engine.onProgress?.({ ...progress });
  };

  const threads = workerCount(engine.concurrency, missing.length);
  if (threads > 0) {
    await analyzeInWorkers(missing.map((i) => files[i]!), {
      cwd, options, threads, keepDocuments, signal, onResult: (at, result) => record(missing[at]!, result.analysis, result.document),
    });
  } else {
    const parser = await parserFor(missing.map((i) => files[i]!), options);
    for (let k = 0; k < missing.length; k++) {
      // A run that can be aborted (watch, mcp) yields before every file, so the abort is heard within one file.
      if (signal !== undefined || k % FILES_PER_TURN === FILES_PER_TURN - 1) await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
      const index = missing[k]!;
      const document = await loadDocument(files[index]!, cwd, { maxFileSize: options.maxFileSize });
      record(index, await analyzeWithinBudget(document, options, parser), document);
    }
  }

  const failure = cache?.save() ?? null;
  if (failure !== null) warnings.push(`cannot write the cache in ${engine.cacheLocation} (${failure}); the next run reads every file again`);
  return { analyses: analyses as FileAnalysis[], documents: documents as LoadedDocument[] | null, warnings };
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
