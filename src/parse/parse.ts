import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Diagnostic } from '../model.js';
import { guardNesting } from './nesting.js';
import { guardTables } from './tables.js';
import { CHUNK_TARGET, endsOpen, splitAtTopLevelHeadings } from './chunks.js';

/**
 * The syntax the model needs: CommonMark plus GFM task list items,
 * strikethrough (cancelled items), tables (never items, no claims inside) and
 * footnotes (items and claims inside definitions), and YAML/TOML front matter.
 * GFM autolink literals are left out: they only turn bare URLs into links whose
 * text is the same URL, so titles and counts do not change, and they cost
 * about a third of the tokenizer's time (`npm run bench`; the fixtures and the
 * seeds prove the results unchanged). Each micromark syntax extension needs
 * its mdast half, or task list items are not marked (STYLE.md).
 */
const PARSE_OPTIONS = {
  extensions: [gfmTaskListItem(), gfmStrikethrough(), gfmTable(), gfmFootnote(), frontmatter(['yaml', 'toml'])],
  mdastExtensions: [
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    frontmatterFromMarkdown(['yaml', 'toml']),
  ],
};


/** How the parser may work; the results are the same either way (test/modes.test.ts). */
export interface ParseOptions {
  /** Split big texts at top-level headings and parse the parts apart (default true). */
  chunking?: boolean;
  /** Smallest chunk, in UTF-16 code units (default {@link CHUNK_TARGET}); texts under twice this are parsed whole. Tests set it low. */
  chunkSize?: number;
}

/** A parsed document and what the parser had to do to it. */
export interface ParsedMarkdown {
  tree: Root;
  /** Warnings about the text, e.g. nesting cut at the guard's depth (1-based lines). */
  diagnostics: Diagnostic[];
}

/**
 * Parses markdown text into an mdast tree with positions (1-based lines and
 * columns, 0-based offsets into `text`). Never throws on any string; runs in
 * time linear in the text's length: big texts are parsed in chunks,
 * container nesting deeper than {@link MAX_NESTING} is cut and tables longer
 * than {@link MAX_TABLE_ROWS} rows are shortened (each with a warning).
 */
export function parseMarkdownWithDiagnostics(text: string, options: ParseOptions = {}): ParsedMarkdown {
  const nesting = guardNesting(text);
  const tables = guardTables(nesting.text);
  const guarded = { text: tables.text, diagnostics: [...nesting.diagnostics, ...tables.diagnostics] };
  const source = guarded.text;
  const chunking = options.chunking ?? true;
  const chunkSize = options.chunkSize ?? CHUNK_TARGET;
  const chunks = chunking && source.length >= 2 * chunkSize ? splitAtTopLevelHeadings(source, chunkSize) : [{ offset: 0, line: 1 }];
  if (chunks.length === 1) return { tree: fromMarkdown(source, PARSE_OPTIONS), diagnostics: guarded.diagnostics };

  const children: RootContent[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const end = i + 1 < chunks.length ? chunks[i + 1]!.offset : source.length;
    const part = fromMarkdown(source.slice(chunk.offset, end), PARSE_OPTIONS);
    const last = part.children.at(-1);
    if (i + 1 < chunks.length && last && endsOpen(last, source.slice(chunk.offset, end))) {
      // The split scan was wrong about a fence or an HTML block (e.g. one opened inside a list):
      // parse the whole text at once rather than risk a different tree.
      return { tree: fromMarkdown(source, PARSE_OPTIONS), diagnostics: guarded.diagnostics };
    }
    shiftPositions(part, chunk.offset, chunk.line - 1);
    children.push(...part.children);
  }
  const tree: Root = {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(source) },
  };
  return { tree, diagnostics: guarded.diagnostics };
}

/** {@link parseMarkdownWithDiagnostics} without the diagnostics. */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  return parseMarkdownWithDiagnostics(text, options).tree;
}

export { MAX_NESTING } from './nesting.js';
export { MAX_TABLE_ROWS } from './tables.js';

/** Moves every node's position by `offset` code units and `lines` lines (columns stay: chunks start at a line start). */
function shiftPositions(node: Root | RootContent, offset: number, lines: number): void {
  const stack: Array<Root | RootContent> = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    const position = current.position;
    if (position) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    if ('children' in current) for (const child of current.children) stack.push(child);
  }
}

/** The point after the last character of `text`, as micromark reports a root's end. */
function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
