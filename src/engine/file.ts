import { emptyDocument, extractDocument } from '../extract/extract.js';
import { scanFor } from '../extract/scan.js';
import { documentFormat, loadMarkdownParser, type MarkdownParser, markdownParser, mayNeedGuards } from '../parse/parse.js';
import type { FileAnalysis, FileAnalysisOptions, LoadedDocument } from './types.js';

/**
 * Texts longer than this (UTF-16 code units) are parsed on a worker thread
 * that can be stopped when it runs past the file's budget; shorter ones on
 * the calling thread, so one small file does not pay for a worker's start
 * (README.md#scale), unless {@link mayParseSlowly}.
 */
export const INLINE_PARSE_LIMIT = 256 * 1024;

/** A line longer than this (code units) may make the parse slow: such texts go to the budget thread. */
export const LONG_LINE = 4096;
/** A run of this many lines without a blank one (one paragraph, one tight list) may too. */
export const LONG_BLOCK = 2000;

/**
 * Whether a text has a shape that can make micromark slow beyond its size
 * (README.md#scale): a very long line (runs of emphasis markers, nested
 * brackets, references) or a very long block (hard breaks or lazy lines in
 * one paragraph, one huge list). Real checklists have neither. One pass.
 */
export function mayParseSlowly(text: string): boolean {
  let lineStart = 0;
  let blockLines = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 10 && code !== 13) continue;
    if (i - lineStart > LONG_LINE) return true;
    blockLines = text.slice(lineStart, i).trim() === '' ? 0 : blockLines + 1;
    if (blockLines > LONG_BLOCK) return true;
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return false;
}

/**
 * One file's analysis: parse → extract for a loaded document, with load's
 * diagnostics and then parse's. The same function runs inline, on the
 * worker threads and in `watch` (docs/architecture.md "Engine"). `parser`
 * comes from {@link parserFor}; the file name picks markdown or MDX. With
 * `options.scan`, a markdown file the scan rejects is not parsed: its
 * analysis is the one a parse would give, no item and no claim
 * (docs/architecture.md#the-scan). Pure; never throws on a loaded document
 * (a skipped one has empty text), except for an `.mdx` one given a parser
 * loaded without MDX.
 */
export function analyzeLoadedDocument(doc: LoadedDocument, options: FileAnalysisOptions, parser: MarkdownParser = markdownParser): FileAnalysis {
  return holdsNothing(doc, options) ? nothingIn(doc) : analyzeParsed(doc, options, parser);
}

/** The analysis of a document the scan ruled out: the one a parse would give. */
function nothingIn(doc: LoadedDocument): FileAnalysis {
  return { document: emptyDocument(doc.path), skipped: doc.skipped, diagnostics: doc.diagnostics };
}

/** {@link analyzeLoadedDocument} past the scan: parse, then extract. */
function analyzeParsed(doc: LoadedDocument, options: FileAnalysisOptions, parser: MarkdownParser): FileAnalysis {
  const parsed = parser.parse(doc.text, { format: documentFormat(doc.absolutePath), chunking: options.chunking });
  // Claims are searched for only where the claim finder's own triggers accept the text.
  const claims = !scanApplies(doc, options) || scanFor(options.vocabulary).mayHoldClaims(doc.text);
  const document = extractDocument(parsed.tree, doc.text, { path: doc.path, vocabulary: options.vocabulary, claims });
  const extra = [...parsed.diagnostics, ...document.diagnostics];
  return {
    document,
    skipped: doc.skipped,
    diagnostics: extra.length > 0 ? [...doc.diagnostics, ...extra] : doc.diagnostics,
  };
}

/**
 * {@link analyzeLoadedDocument} within the file's budget (README.md#scale):
 * a text over {@link INLINE_PARSE_LIMIT}, or of a shape that
 * {@link mayParseSlowly}, that the scan does not rule out is parsed on a
 * worker thread, stopped after `options.fileTimeoutMs` or past
 * 1 GiB of memory; the file is then skipped with an error naming the
 * budget. Never rejects for a bad file.
 */
export async function analyzeWithinBudget(doc: LoadedDocument, options: FileAnalysisOptions, parser: MarkdownParser = markdownParser): Promise<FileAnalysis> {
  // The scan first (once): most files end there, before their shape is looked at.
  if (holdsNothing(doc, options)) return nothingIn(doc);
  if (doc.text.length <= INLINE_PARSE_LIMIT && !mayParseSlowly(doc.text)) return analyzeParsed(doc, options, parser);
  // The worker module loads only for runs that meet a big file.
  const { analyzeOnBudgetThread } = await import('../workers/budget.js');
  return analyzeOnBudgetThread(doc, options);
}

/** Whether the scan shows, without parsing, that a document gives no item, no claim and no parse warning. */
function holdsNothing(doc: LoadedDocument, options: FileAnalysisOptions): boolean {
  return scanApplies(doc, options) && !scanFor(options.vocabulary).isCandidate(doc.text, doc.path);
}

/**
 * Whether what the scan rules out holds for this document
 * (docs/architecture.md#the-scan): the scan is on, the file is markdown
 * without a warning, and its parse needs no guard.
 */
function scanApplies(doc: LoadedDocument, options: FileAnalysisOptions): boolean {
  if (!options.scan || doc.text === '' || documentFormat(doc.absolutePath) !== 'markdown') return false;
  // A file with a warning or an error is listed with its sections: those need the tree.
  if (doc.diagnostics.some((d) => d.severity !== 'info')) return false;
  return !mayNeedGuards(doc.text);
}

/** The parser for these files: the configured plugins, and MDX when one of them is `.mdx`. */
export function parserFor(files: readonly string[], options: Pick<FileAnalysisOptions, 'remarkPlugins'>): Promise<MarkdownParser> {
  return loadMarkdownParser({ remarkPlugins: options.remarkPlugins, mdx: files.some((file) => documentFormat(file) === 'mdx') });
}
