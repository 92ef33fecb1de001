import type { Root, RootContent } from 'mdast';
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
import remarkParse from 'remark-parse';
import { type Pluggable, type Processor, unified } from 'unified';
import type { Diagnostic } from '../model.js';
import { SourceText } from '../text/source.js';
import { CHUNK_TARGET, endsOpen, joinLists, planChunks, plainTaskList } from './chunks.js';
import { guardNesting, mayNestDeeply } from './nesting.js';
import { importRemarkPlugin, type RemarkPluginSpec } from './plugins.js';
import { guardTables, MAX_TABLE_ROWS } from './tables.js';

/**
 * The syntax the model needs, as a unified plugin that registers itself on
 * the processor's data as remark-gfm does: CommonMark plus GFM task list
 * items, strikethrough (cancelled items), tables (never items, no claims
 * inside) and footnotes (items and claims inside definitions), and YAML/TOML
 * front matter. GFM autolink literals are left out: they only turn bare URLs
 * into links whose text is the same URL, so titles and counts do not change,
 * and they cost about a third of the tokenizer's time (`npm run bench`; the
 * fixtures and the seeds prove the results unchanged). Each micromark syntax
 * extension needs its mdast half, or task list items are not marked.
 */
function shipreadySyntax(this: Processor): undefined {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTaskListItem(), gfmStrikethrough(), gfmTable(), gfmFootnote(), frontmatter(['yaml', 'toml']));
  (data.fromMarkdownExtensions ??= []).push(
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    gfmTableFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    frontmatterFromMarkdown(['yaml', 'toml']),
  );
  return undefined;
}

/** A frozen processor that parses to mdast and runs the configured transforms. */
type MdastProcessor = Processor<Root, Root, Root>;

/** How a file is read: CommonMark with the built-in syntax, or MDX on top of it (`.mdx` files). */
export type DocumentFormat = 'markdown' | 'mdx';

/** The format of a file by its name: `.mdx` (any case) is MDX, anything else markdown. */
export function documentFormat(path: string): DocumentFormat {
  return /\.mdx$/i.test(path) ? 'mdx' : 'markdown';
}

/** How the parser may work; the results are the same either way (test/engine-modes.test.ts). */
export interface ParseOptions {
  /** Split big texts at top-level headings and parse the parts apart (default true). Markdown without plugins only. */
  chunking?: boolean;
  /** Smallest chunk, in UTF-16 code units (default {@link CHUNK_TARGET}); texts under twice this are parsed whole. Tests set it low. */
  chunkSize?: number;
  /** Markdown (default) or MDX; MDX needs a parser loaded with `mdx: true`. */
  format?: DocumentFormat;
}

/** A parsed document and what the parser had to do to it. */
export interface ParsedMarkdown {
  tree: Root;
  /**
   * Findings about the text (1-based lines): warnings when nesting was cut at
   * the guard's depth or a table shortened; an error when an MDX file could
   * not be read as MDX or a remark plugin failed on it (the tree is empty then).
   */
  diagnostics: Diagnostic[];
}

/** What a {@link MarkdownParser} can do beyond the built-in syntax. */
export interface ParserSetup {
  /** Plugins from the configuration's `remarkPlugins`, applied after the built-in syntax, in order. */
  remarkPlugins?: readonly RemarkPluginSpec[];
  /** Also read MDX (`.mdx` files, through remark-mdx; loaded only when asked for). */
  mdx?: boolean;
}

/**
 * Parses text into mdast through a unified processor: remark-parse with the
 * built-in syntax, then the configured remark plugins. Get one from
 * {@link loadMarkdownParser}, or use {@link markdownParser} (built-in syntax,
 * markdown only).
 */
export class MarkdownParser {
  readonly #markdown: MdastProcessor;
  readonly #mdx: MdastProcessor | null;
  /** Plugins are configured: run the transforms, and parse whole documents (a plugin may need the whole tree). */
  readonly #withPlugins: boolean;

  private constructor(markdown: MdastProcessor, mdx: MdastProcessor | null, withPlugins: boolean) {
    this.#markdown = markdown;
    this.#mdx = mdx;
    this.#withPlugins = withPlugins;
  }

  /** @internal Built by {@link loadMarkdownParser} and for {@link markdownParser}. */
  static create(plugins: readonly Pluggable[], mdx: Pluggable | null): MarkdownParser {
    const build = (extra: readonly Pluggable[]): MdastProcessor =>
      unified().use(remarkParse).use(shipreadySyntax).use([...extra, ...plugins]).freeze() as unknown as MdastProcessor;
    return new MarkdownParser(build([]), mdx === null ? null : build([mdx]), plugins.length > 0);
  }

  /** Whether this parser reads MDX. */
  get mdx(): boolean {
    return this.#mdx !== null;
  }

  /**
   * Parses text into an mdast tree with positions (1-based lines and
   * columns, 0-based offsets into `text`). Runs in time linear in the
   * text's length: big markdown texts are parsed in chunks, container
   * nesting deeper than {@link MAX_NESTING} is cut and tables longer than
   * {@link MAX_TABLE_ROWS} rows are shortened (each with a warning). Never
   * throws on any string: MDX that does not parse and plugins that fail give
   * an error diagnostic and an empty tree.
   *
   * @throws Error when asked for MDX and this parser was loaded without it (a programming error).
   */
  parse(text: string, options: ParseOptions = {}): ParsedMarkdown {
    const format = options.format ?? 'markdown';
    const processor = format === 'mdx' ? this.#mdx : this.#markdown;
    if (processor === null) throw new Error('this parser reads no MDX: load it with loadMarkdownParser({ mdx: true })');
    const nesting = guardNesting(text);
    const tables = guardTables(nesting.text);
    const source = tables.text;
    const diagnostics = [...nesting.diagnostics, ...tables.diagnostics];
    if (format === 'mdx' || this.#withPlugins) {
      const tree = this.#parseWhole(processor, source, format, diagnostics);
      return { tree, diagnostics };
    }
    const chunking = options.chunking ?? true;
    return { tree: parseInChunks(processor, source, chunking, options.chunkSize ?? CHUNK_TARGET), diagnostics };
  }

  /** One parse and the plugins' transforms; a failure becomes an error diagnostic (pushed to `diagnostics`) and an empty tree. */
  #parseWhole(processor: MdastProcessor, source: string, format: DocumentFormat, diagnostics: Diagnostic[]): Root {
    let stage: 'parse' | 'plugins' = 'parse';
    try {
      const tree = processor.parse(source);
      if (!this.#withPlugins) return tree;
      stage = 'plugins';
      return processor.runSync(tree, source);
    } catch (error) {
      diagnostics.push(failure(error, stage, format));
      return { type: 'root', children: [], position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(new SourceText(source)) } };
    }
  }
}

/** Why a file could not be read, as a diagnostic: MDX syntax (a VFileMessage with line and column) or a plugin that threw. */
function failure(error: unknown, stage: 'parse' | 'plugins', format: DocumentFormat): Diagnostic {
  const message = error as { reason?: unknown; message?: unknown; line?: unknown; column?: unknown };
  const reason = String(message.reason ?? message.message ?? error).replace(/\s+/g, ' ').trim();
  const line = typeof message.line === 'number' && message.line > 0 ? message.line : null;
  const column = typeof message.column === 'number' && message.column > 0 ? message.column : null;
  const where = line !== null && column !== null ? `column ${column}: ` : '';
  if (stage === 'parse' && format === 'mdx') {
    return { line, severity: 'error', message: `cannot read the file as MDX (${where}${reason}); fix the MDX syntax, or rename the file to .md` };
  }
  if (stage === 'parse') return { line, severity: 'error', message: `cannot parse the file (${where}${reason}); check the remark plugins of the configuration` };
  return { line, severity: 'error', message: `a remark plugin failed on the file (${where}${reason}); fix or remove it in the configuration's remarkPlugins` };
}

/** Loaded parsers by setup, so each thread imports a plugin once. */
const loaded = new Map<string, Promise<MarkdownParser>>();

/**
 * A parser with the configured remark plugins (imported from their resolved
 * paths) and, with `mdx`, remark-mdx. Loaded once per setup and thread.
 *
 * @throws Error when a plugin's module cannot be imported (the configuration
 *   loader has imported each one before, so this happens only if it changed meanwhile).
 */
export function loadMarkdownParser(setup: ParserSetup = {}): Promise<MarkdownParser> {
  const plugins = setup.remarkPlugins ?? [];
  const mdx = setup.mdx === true;
  if (plugins.length === 0 && !mdx) return Promise.resolve(markdownParser);
  const key = JSON.stringify([plugins, mdx]);
  let parser = loaded.get(key);
  if (parser === undefined) {
    parser = (async () => {
      const pluggables = await Promise.all(plugins.map(importRemarkPlugin));
      // remark-mdx (and acorn with it) loads only for runs that meet an .mdx file.
      const remarkMdx = mdx ? (await import('remark-mdx')).default : null;
      return MarkdownParser.create(pluggables, remarkMdx);
    })();
    parser.catch(() => loaded.delete(key));
    loaded.set(key, parser);
  }
  return parser;
}

/** The built-in syntax alone, markdown only: what every run uses without `remarkPlugins`. */
export const markdownParser: MarkdownParser = MarkdownParser.create([], null);

/** Parses markdown with {@link markdownParser}; see {@link MarkdownParser.parse}. */
export function parseMarkdownWithDiagnostics(text: string, options: ParseOptions = {}): ParsedMarkdown {
  return markdownParser.parse(text, options);
}

/** {@link parseMarkdownWithDiagnostics} without the diagnostics. */
export function parseMarkdown(text: string, options: ParseOptions = {}): Root {
  return parseMarkdownWithDiagnostics(text, options).tree;
}

export { MAX_NESTING } from './nesting.js';

/**
 * Whether parsing `text` may need a guard (deep nesting, a table over
 * {@link MAX_TABLE_ROWS} rows), which would give a warning: a cheap, linear
 * test that is true for every text the guards change, and for some others.
 */
export function mayNeedGuards(text: string): boolean {
  let pipes = 0;
  for (let i = text.indexOf('|'); i >= 0 && pipes <= MAX_TABLE_ROWS; i = text.indexOf('|', i + 1)) pipes++;
  return pipes > MAX_TABLE_ROWS || mayNestDeeply(text);
}
export { MAX_TABLE_ROWS } from './tables.js';
export type { RemarkPluginSpec } from './plugins.js';

/**
 * Markdown without plugins, big texts in parts split at top-level headings
 * and bullet lines, runs of plain task lines built without micromark (see
 * chunks.ts); the same tree as one parse (test/parse-chunks.test.ts).
 */
function parseInChunks(processor: MdastProcessor, source: string, chunking: boolean, chunkSize: number): Root {
  if (!chunking || source.length < 2 * chunkSize) return processor.parse(source);
  const { chunks, source: lines } = planChunks(source, chunkSize);
  if (chunks.length === 1) return processor.parse(source);

  const children: RootContent[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    const next = chunks[i + 1];
    if (chunk.plain) {
      // A plain run ends before the next chunk, or at the last line (not the empty one after a final line break).
      const to = next ? next.line - 1 : lines.lineCount > 1 && lines.line(lines.lineCount) === '' ? lines.lineCount - 1 : lines.lineCount;
      joinLists(children, [plainTaskList(lines, chunk.line, to)], source);
      continue;
    }
    const text = source.slice(chunk.offset, next ? next.offset : source.length);
    const part = processor.parse(text);
    const last = part.children.at(-1);
    if (next && last && endsOpen(last, text)) {
      // The split scan was wrong about a fence or an HTML block (e.g. one opened inside a list):
      // parse the whole text at once rather than risk a different tree.
      return processor.parse(source);
    }
    shiftPositions(part, chunk.offset, chunk.line - 1);
    joinLists(children, part.children, source);
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(lines) } };
}

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

/** The point after the last character of a text, as micromark reports a root's end. */
function endPoint(source: SourceText): { line: number; column: number; offset: number } {
  const line = source.lineCount;
  return { line, column: source.text.length - source.offsetOf(line) + 1, offset: source.text.length };
}
