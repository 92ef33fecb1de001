import type { RootContent } from 'mdast';
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
  const starts: ChunkStart[] = [{ offset: 0, line: 1 }];
  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let frontMatterEnd: string | null = null;
  let previousBlank = false;
  /** An HTML block of kind 6 or 7 may be open: it ends at a blank line. */
  let openHtml = false;
  const source = new SourceText(text);
  for (let line = 1; line <= source.lineCount; line++) {
    const start = source.offsetOf(line);
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
      return [{ offset: 0, line: 1 }]; // a definition (link reference or footnote): resolved document-wide
    } else {
      const opened = opensFence(content);
      if (opened) {
        fence = opened;
      } else {
        htmlEnd = htmlBlockEnd(content);
        if (htmlEnd?.test(content.slice(content.indexOf('<') + 2))) htmlEnd = null; // closed on its own line
        const farEnough = start - starts[starts.length - 1]!.offset >= chunkSize;
        if (htmlEnd === null && farEnough && previousBlank && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(content)) {
          starts.push({ offset: start, line });
        } else if (htmlEnd === null && farEnough && !openHtml && !previousBlank && line > 1 && /^[-*+][ \t]+\S/.test(content)) {
          starts.push({ offset: start, line });
        }
        if (htmlEnd === null && /^ {0,3}</.test(content)) openHtml = true;
      }
    }
    previousBlank = blank;
    if (blank) openHtml = false;
  }
  // Unclosed front matter is no front matter: then nothing before was certain, so do not split at all.
  return frontMatterEnd !== null ? [{ offset: 0, line: 1 }] : starts;
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
function opensFence(line: string): { char: string; length: number } | null {
  const match = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
  if (!match) return null;
  const run = match[1]!;
  if (run[0] === '`' && match[2]!.includes('`')) return null;
  return { char: run[0]!, length: run.length };
}

function closesFence(line: string, fence: { char: string; length: number }): boolean {
  const trimmed = line.replace(/^ {0,3}/, '');
  let run = 0;
  while (trimmed[run] === fence.char) run++;
  return run >= fence.length && trimmed.slice(run).trim() === '';
}

/** For a line starting an HTML block of kind 1–5 (CommonMark 4.6), the pattern of its end; null otherwise. */
function htmlBlockEnd(line: string): RegExp | null {
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
    last.children.push(...first.children);
    last.spread = Boolean(last.spread || first.spread);
    if (last.position && first.position) last.position.end = first.position.end;
    before.push(...chunk.slice(1));
    return;
  }
  before.push(...chunk);
}

function markerOf(list: { position?: { start: { offset?: number } } }, text: string): string | undefined {
  const offset = list.position?.start.offset;
  return offset === undefined ? undefined : text[offset];
}
