import { extractDocument } from './extract/extract.js';
import { buildVocabulary, type Vocabulary } from './extract/vocabulary.js';
import { discoverFiles } from './load/discover.js';
import { loadDocument, type LoadedDocument } from './load/load.js';
import type { Report, ReportOptions } from './model.js';
import { DEFAULT_REPORT_OPTIONS } from './model.js';
import { parseMarkdownWithDiagnostics } from './parse/parse.js';
import { summarize, type SummarizeInput } from './summarize/summarize.js';
import { VERSION } from './version.js';

/** What to analyse and how. */
export interface AnalyzeOptions {
  /** Files, directories or globs (SPEC.md §10); empty means `cwd`. */
  paths: readonly string[];
  cwd: string;
  report?: Partial<ReportOptions>;
  vocabulary?: Vocabulary;
  /** Extra ignore globs. */
  ignore?: readonly string[];
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
  documents.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { report: reportFromDocuments(documents, reportOptions, vocabulary), documents };
}

/** One file's analysis: what extract found, plus load's diagnostics (the unit that is cached, sent to workers and kept by `watch`). */
export type FileAnalysis = SummarizeInput;

/** What the per-file analysis depends on besides the file's text. */
export interface FileAnalysisOptions {
  /** Hours in one day of effort (SPEC.md §4). */
  hoursPerDay: number;
  vocabulary: Vocabulary;
}

/** parse → extract for one loaded document. Pure; never throws on a loaded document. */
export function analyzeLoadedDocument(doc: LoadedDocument, options: FileAnalysisOptions): FileAnalysis {
  const parsed = parseMarkdownWithDiagnostics(doc.text);
  return {
    document: extractDocument(parsed.tree, doc.text, {
      path: doc.path,
      hoursPerDay: options.hoursPerDay,
      vocabulary: options.vocabulary,
    }),
    diagnostics: parsed.diagnostics.length > 0 ? [...doc.diagnostics, ...parsed.diagnostics] : doc.diagnostics,
  };
}

/** parse → extract → summarize for documents already loaded. Pure. */
export function reportFromDocuments(
  documents: readonly LoadedDocument[],
  reportOptions: ReportOptions,
  vocabulary: Vocabulary = buildVocabulary(),
): Report {
  const options = { hoursPerDay: reportOptions.hoursPerDay, vocabulary };
  return summarize(documents.map((doc) => analyzeLoadedDocument(doc, options)), reportOptions, VERSION);
}

/** True when any file could not be read: the run must exit 2 (SPEC.md §8). */
export function hasFileErrors(report: Report): boolean {
  return report.files.some((file) => file.diagnostics.some((d) => d.severity === 'error'));
}
