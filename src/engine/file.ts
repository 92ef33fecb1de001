import { extractDocument } from '../extract/extract.js';
import { parseMarkdownWithDiagnostics } from '../parse/parse.js';
import type { FileAnalysis, FileAnalysisOptions, LoadedDocument } from './types.js';

/**
 * One file's analysis: parse → extract for a loaded document, with load's
 * diagnostics and then parse's. The same function runs inline, on the
 * worker threads and in `watch` (docs/architecture.md "Engine"). Pure;
 * never throws on a loaded document (a skipped one has empty text).
 */
export function analyzeLoadedDocument(doc: LoadedDocument, options: FileAnalysisOptions): FileAnalysis {
  const parsed = parseMarkdownWithDiagnostics(doc.text, { chunking: options.chunking });
  return {
    document: extractDocument(parsed.tree, doc.text, {
      path: doc.path,
      hoursPerDay: options.hoursPerDay,
      vocabulary: options.vocabulary,
    }),
    diagnostics: parsed.diagnostics.length > 0 ? [...doc.diagnostics, ...parsed.diagnostics] : doc.diagnostics,
  };
}
