import type { List, ListItem, RootContent } from 'mdast';
import { SourceText } from '../text/source.js';

/** Where a chunk of the text starts: 0-based offset and 1-based line. */
export interface ChunkStart {
  offset: number;
  line: number;
}

/** Chunks aim at this many code units: small enough that micromark's super-linear edits stay cheap. */
export const CHUNK_TARGET = 16 * 1024;

/**
 * Split points for parsing a big text in parts: lines that are top-level ATX
 * headings (`#`…`######`, at most three spaces in) after a blank line,
 * outside fenced code, HTML blocks of kinds 1–5 (script, comment, `<?`,
 * `<!X`, CDATA) and front matter; and lines that start a bullet list item
 * at column 0 (`- `, `* `, `+ ` and text) right after a line that is not
 * blank, outside those and outside HTML blocks of kinds 6 and 7, so one
 * giant list is parsed in parts too. A heading line closes every open block
 * and container, so the parts parse to the same mdast as the whole; a
 * bullet line closes every block but the list, whose parts
 * {@link joinLists} puts back together (micromark's
 * cost grows faster than the text: its edit map copies the event list once
 * per edit). The blank line before rules out HTML blocks of kinds 6 and 7,
 * which end at one. A text with link reference or footnote definitions is
 * not split: they resolve across the whole document. Chunks are at least
 * `chunkSize` code units (default {@link CHUNK_TARGET}). One linear pass over the lines.
 *
 * @returns the chunk starts, the first always `{offset: 0, line: 1}`.
 */
export function splitAtTopLevelHeadings(text: string, chunkSize: number = CHUNK_TARGET): ChunkStart[] {
  return planChunks(text, chunkSize, false).chunks.map(({ offset, line }) => ({ offset, line }));
}

/** A part of a text to parse apart: from its start to the next chunk's (or the text's end). */
export interface Chunk extends ChunkStart {
  /**
   * Every line of the chunk is a plain task item (see {@link planChunks}):
   * its nodes are built by {@link plainTaskList}, without running micromark.
   */
  plain: boolean;
}

/** How to parse a text in parts, and the text's lines (for positions). */
export interface ChunkPlan {
  chunks: Chunk[];
  source: SourceText;
}

/**
 * A task item line whose mdast is known without parsing it: a bullet at
 * column 0, a GFM checkbox, one space, and text of letters, digits, spaces
 * and punctuation that starts no inline construct (no emphasis, code,
 * links, HTML, entities, escapes, strikethrough or table cells), ending in
 * neither a space nor a tab. Its item holds one paragraph that holds one
 * text node (docs/architecture.md#stages: GFM task list items).
 */
const PLAIN_TASK = /^[-*+] \[[ xX]\] [\p{L}\p{N},.;:'"?/=+%@()-](?:[\p{L}\p{N} ,.;:'"?/=+%@()-]*[\p{L}\p{N},.;:'"?/=+%@()-])?$/u;

/** A surrogate code unit: columns are counted in UTF-16 code units, so astral letters are left to micromark. */
const SURROGATE = /[\ud800-\udfff]/;

/** Whether a line is a {@link PLAIN_TASK} item line. */
function isPlainTask(line: string): boolean {
  return PLAIN_TASK.test(line) && !SURROGATE.test(line);
}

/**
 * The chunks of {@link splitAtTopLevelHeadings}, and, with `plain`, runs of
 * plain task item lines cut out of them as chunks of their own: a line that
 * is a split point, a {@link PLAIN_TASK} item, and followed by another split
 * point (or nothing) parses, alone, to a list of that one item, so such runs
 * need no micromark (whose cost per list item is high: a tokenizer or more
 * per item) and {@link joinLists} joins them as it joins any chunk. Chunks
 * that are not plain are at least `chunkSize` code units, except where a
 * plain run cuts one short. One linear pass over the lines, then one over
 * the split points.
 */
export function planChunks(text: string, chunkSize: number = CHUNK_TARGET, plain = true): ChunkPlan {
  const source = new SourceText(text);
  const whole: ChunkPlan = { chunks: [{ offset: 0, line: 1, plain: false }], source };
  /** Per line (index = line): 1 a heading split point, 2 a bullet split point, 3 a bullet split point with a plain task. */
  const splits = new Uint8Array(source.lineCount + 2);
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let frontMatterEnd: string | null = null;
  let previousBlank = false;
  /** An HTML block of kind 6 or 7 may be open: it ends at a blank line. */
  let openHtml = false;
  for (let line = 1; line <= source.lineCount; line++) {
    const content = source.line(line);
    const blank = content.trim() === '';

    if (line === 1 && (content.trimEnd() === '---' || content.trimEnd() === '+++')) {
      frontMatterEnd = content.trimEnd();
    } else if (frontMatterEnd !== null) {
      if (content.trimEnd() === frontMatterEnd) frontMatterEnd = null;
    } else if (fence !== null) {
      if (closesFence(content, fence)) fence = null;
    } else if (htmlEnd !== null) {
      if (htmlEnd.test(content)) htmlEnd = null;
    } else if (/^ {0,3}\[[^\]]*\]:/.test(content)) {
      return whole; // a definition (link reference or footnote): resolved document-wide
    } else {
      const opened = opensFence(content);
      if (opened) {
        fence = opened;
      } else {
        htmlEnd = htmlBlockEnd(content);
        if (htmlEnd?.test(content.slice(content.indexOf('<') + 2))) htmlEnd = null; // closed on its own line
        if (htmlEnd === null && previousBlank && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(content)) {
          splits[line] = 1;
        } else if (htmlEnd === null && !openHtml && !previousBlank && line > 1 && /^[-*+][ \t]+\S/.test(content)) {
          splits[line] = plain && isPlainTask(content) ? 3 : 2;
        }
        if (htmlEnd === null && /^ {0,3}</.test(content)) openHtml = true;
      }
    }
    previousBlank = blank;
    if (blank) openHtml = false;
  }
  // Unclosed front matter is no front matter: then nothing before was certain, so do not split at all.
  if (frontMatterEnd !== null) return whole;

  const chunks = whole.chunks;
  // The text's last line, or the empty line after its final line break, ends a plain run as a split point does.
  const last = source.lineCount > 1 && source.line(source.lineCount) === '' ? source.lineCount - 1 : source.lineCount;
  for (let line = 2; line <= source.lineCount; line++) {
    const split = splits[line]!;
    if (split === 0) continue;
    const isPlain = split === 3 && (line === last || splits[line + 1]! >= 2);
    const current = chunks[chunks.length - 1]!;
    const offset = source.offsetOf(line);
    if (isPlain) {
      if (!current.plain) chunks.push({ offset, line, plain: true });
    } else if (current.plain || offset - current.offset >= chunkSize) {
      chunks.push({ offset, line, plain: false });
    }
  }
  // A plain run that ends at the last line leaves no empty chunk after it: the loop starts none there.
  return { chunks, source };
}

/**
 * The mdast of a run of {@link PLAIN_TASK} lines `from`…`to` (1-based, in
 * `source`): one list of one-paragraph task items with the positions, key
 * order and values micromark and mdast-util-gfm-task-list-item give them.
 */
export function plainTaskList(source: SourceText, from: number, to: number): List {
  const text = source.text;
  const items: ListItem[] = [];
  for (let line = from; line <= to; line++) {
    const start = source.offsetOf(line);
    const end = source.lineEnd(line);
    const column = end - start + 1;
    const value = text.slice(start + 6, end);
    items.push({
      type: 'listItem',
      spread: false,
      checked: text.charCodeAt(start + 3) !== 0x20,
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'text', value, position: { start: { line, column: 7, offset: start + 6 }, end: { line, column, offset: end } } }],
          position: { start: { line, column: 7, offset: start + 6 }, end: { line, column, offset: end } },
        },
      ],
      position: { start: { line, column: 1, offset: start }, end: { line, column, offset: end } },
    });
  }
  const first = items[0]!.position!;
  const final = items[items.length - 1]!.position!;
  return {
    type: 'list',
    ordered: false,
    start: null,
    spread: false,
    children: items,
    position: { start: { ...first.start }, end: { ...final.end } },
  };
}

/**
 * Whether a chunk's last top-level node, or the last node within it, is a
 * fenced code block or an HTML block of kind 1–5 still open at the chunk's
 * end: then the split was wrong or would move an end position. `chunk` is the chunk's
 * text (the node's offsets point into it).
 */
export function endsOpen(node: RootContent, chunk: string): boolean {
  // Only the last node of each level can still be open; a fence inside a list item counts too,
  // because at the chunk's end it takes in the trailing line ending that the heading would have left out.
  for (let current: RootContent | undefined = node; current; ) {
    if (isOpenBlock(current, chunk)) return true;
    current = 'children' in current ? (current.children.at(-1) as RootContent | undefined) : undefined;
  }
  return false;
}

function isOpenBlock(node: RootContent, chunk: string): boolean {
  if (node.type !== 'code' && node.type !== 'html') return false;
  const source = chunk.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? chunk.length);
  const lines = new SourceText(source).lines();
  const first = lines[0]!;
  if (node.type === 'code') {
    const fence = opensFence(first);
    return fence !== null && (lines.length < 2 || !closesFence(lines.at(-1)!, fence));
  }
  const end = htmlBlockEnd(first);
  return end !== null && !end.test(source.slice(first.indexOf('<') + 2));
}

/** A fence opening (``` or ~~~, at least three, at most three spaces in; a backtick fence's info has no backtick). */
export function opensFence(line: string): { char: string; length: number } | null {
  const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
  if (!match) return null;
  const run = match[1]!;
  if (run[0] === '`' && line.includes('`', match[0].length)) return null;
  return { char: run[0]!, length: run.length };
}

/** Whether `line` closes `fence`: the same character, at least as many, at most three spaces in, nothing after. */
export function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const trimmed = line.replace(/^ {0,3}/, '');
  let run = 0;
  while (trimmed[run] === fence.char) run++;
  return run >= fence.length && trimmed.slice(run).trim() === '';
}

/** For a line starting an HTML block of kind 1–5 (CommonMark 4.6), the pattern of its end; null otherwise. */
export function htmlBlockEnd(line: string): RegExp | null {
  const match = /^ {0,3}<(.{0,10})/.exec(line);
  if (!match) return null;
  const head = match[1]!;
  if (/^(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(head)) return /<\/(?:script|pre|style|textarea)>/i;
  if (head.startsWith('!--')) return /-->/;
  if (head.startsWith('?')) return /\?>/;
  if (head.startsWith('![CDATA[')) return /\]\]>/;
  if (/^![A-Za-z]/.test(head)) return />/;
  return null;
}

/**
 * Appends a chunk's top-level nodes to those before it; when the chunk was
 * split at a bullet line inside a list (the last node before is a bullet
 * list with the same marker as the chunk's first, a list too), the two are
 * one list, as a whole parse gives: its items are joined, its end moved.
 * No blank line comes before such a split, so the joined list is loose
 * exactly when either part is. `text` is the whole text (for the markers).
 */
export function joinLists(before: RootContent[], chunk: readonly RootContent[], text: string): void {
  const last = before.at(-1);
  const first = chunk[0];
  if (last?.type === 'list' && first?.type === 'list' && !last.ordered && !first.ordered && markerOf(last, text) === markerOf(first, text)) {
    // Loops, not push(...spread): a list of 100,000 items is more arguments than a call can take.
    for (const item of first.children) last.children.push(item);
    last.spread = Boolean(last.spread || first.spread);
    if (last.position && first.position) last.position.end = first.position.end;
    for (let i = 1; i < chunk.length; i++) before.push(chunk[i]!);
    return;
  }
  for (const node of chunk) before.push(node);
}

function markerOf(list: { position?: { start: { offset?: number } } }, text: string): string | undefined {
  const offset = list.position?.start.offset;
  return offset === undefined ? undefined : text[offset];
}
