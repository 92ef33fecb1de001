import { extractDocument } from '../extract/extract.js';
import { documentFormat, loadMarkdownParser, type MarkdownParser, markdownParser } from '../parse/parse.js';
import type { FileAnalysis, FileAnalysisOptions, LoadedDocument } from './types.js';

/**
 * One file's analysis: parse → extract for a loaded document, with load's
 * diagnostics and then parse's. The same function runs inline, on the
 * worker threads and in `watch` (docs/architecture.md "Engine"). `parser`
 * comes from {@link parserFor}; the file name picks markdown or MDX. Pure;
 * never throws on a loaded document (a skipped one has empty text), except
 * for an `.mdx` one given a parser loaded without MDX.
 */
export function analyzeLoadedDocument(doc: LoadedDocument, options: FileAnalysisOptions, parser: MarkdownParser = markdownParser): FileAnalysis {
  const parsed = parser.parse(doc.text, { format: documentFormat(doc.absolutePath), chunking: options.chunking });
  const document = extractDocument(parsed.tree, doc.text, { path: doc.path, vocabulary: options.vocabulary });
  const extra = [...parsed.diagnostics, ...document.diagnostics];
  return {
    document,
    skipped: doc.skipped,
    diagnostics: extra.length > 0 ? [...doc.diagnostics, ...extra] : doc.diagnostics,
  };
}

/** The parser for these files: the configured plugins, and MDX when one of them is `.mdx`. */
export function parserFor(files: readonly string[], options: Pick<FileAnalysisOptions, 'remarkPlugins'>): Promise<MarkdownParser> {
  return loadMarkdownParser({ remarkPlugins: options.remarkPlugins, mdx: files.some((file) => documentFormat(file) === 'mdx') });
}
