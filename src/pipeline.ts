import { extractDocument } from './extract/extract.js';
import { buildVocabulary, type Vocabulary } from './extract/vocabulary.js';
import { discoverFiles } from './load/discover.js';
import { loadDocument, type LoadedDocument } from './load/load.js';
import type { Report, ReportOptions } from './model.js';
import { DEFAULT_REPORT_OPTIONS } from './model.js';
import { parseMarkdown } from './parse/parse.js';
import { summarize } from './summarize/summarize.js';
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

/** parse → extract → summarize for documents already loaded. Pure. */
export function reportFromDocuments(
  documents: readonly LoadedDocument[],
  reportOptions: ReportOptions,
  vocabulary: Vocabulary = buildVocabulary(),
): Report {
  const inputs = documents.map((doc) => ({
    document: extractDocument(parseMarkdown(doc.text), doc.text, {
      path: doc.path,
      hoursPerDay: reportOptions.hoursPerDay,
      vocabulary,
    }),
    diagnostics: doc.diagnostics,
  }));
  return summarize(inputs, reportOptions, VERSION);
}

/** True when any file could not be read: the run must exit 2 (SPEC.md §8). */
export function hasFileErrors(report: Report): boolean {
  return report.files.some((file) => file.diagnostics.some((d) => d.severity === 'error'));
}
