/**
 * Summary blocks: between `<!-- shipready:summary -->` and
 * `<!-- /shipready:summary -->` in any markdown file, `fix` writes the
 * readiness summary — the markdown renderer's output for that file, or for
 * the paths the marker names (`<!-- shipready:summary paths="docs/**\/*.md" -->`).
 * This module finds the blocks and lays out their content. Pure.
 */
import type { Root } from 'mdast';
import { summaryMarker } from '../text/summary-marker.js';
import type { Diagnostic } from '../model.js';
import type { TextEdit } from './bytes.js';

/** One summary block of a document. Offsets are in the analysed text. */
export interface SummaryBlock {
  /** 1-based line of the opening marker. */
  line: number;
  /** The marker's `paths` (relative to the file's directory), or null for the file itself. */
  paths: string | null;
  /** Offset just past the opening marker's line ending: where the content starts. */
  contentStart: number;
  /** Offset of the start of the closing marker's line: where the content ends. */
  contentEnd: number;
  /** Depth for the summary's title heading: one below the heading the block sits under (1 at the top), at most 5. */
  headingDepth: number;
  /** The line ending the block is written with: the opening marker's own (`\n` or `\r\n`). */
  eol: string;
}

/**
 * Finds the summary blocks of a document: top-level HTML nodes that are a
 * marker of their own, an opening marker followed by a closing one. An
 * opening marker that is malformed or never closed is reported (warning)
 * and its block left alone.
 *
 * @param tree the mdast of `text` (from `parseMarkdown`).
 * @param text the analysed text the tree was parsed from.
 */
export function findSummaryBlocks(tree: Root, text: string): { blocks: SummaryBlock[]; diagnostics: Diagnostic[] } {
  const blocks: SummaryBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let depth = 0;
  let open: { line: number; paths: string | null; contentStart: number; headingDepth: number; eol: string } | null = null;
  for (const node of tree.children) {
    if (node.type === 'heading' && open === null) depth = node.depth;
    if (node.type !== 'html' || !node.position) continue;
    const marker = summaryMarker(node.value);
    if (!marker) continue;
    const { start, end } = node.position;
    if (marker.kind === 'open') {
      if (open) {
        diagnostics.push({ line: open.line, severity: 'warning', message: unclosed });
        open = null;
      }
      if (marker.problem) {
        diagnostics.push({ line: start.line, severity: 'warning', message: `${marker.problem}; the summary block is left as it is` });
        continue;
      }
      const eol = /^\r\n|^\r|^\n/.exec(text.slice(end.offset ?? 0))?.[0] ?? '\n';
      open = {
        line: start.line,
        paths: marker.paths,
        contentStart: (end.offset ?? 0) + (text.startsWith(eol, end.offset ?? 0) ? eol.length : 0),
        headingDepth: Math.min(5, depth + 1),
        eol,
      };
    } else if (open) {
      const startOffset = start.offset ?? 0;
      const lineStart = Math.max(open.contentStart, lastLineStart(text, startOffset));
      blocks.push({ ...open, contentEnd: lineStart });
      open = null;
    }
  }
  if (open) diagnostics.push({ line: open.line, severity: 'warning', message: unclosed });
  return { blocks, diagnostics };
}

const unclosed = 'summary block is never closed; add `<!-- /shipready:summary -->` after it';

/** Offset of the start of the line holding `offset`. */
function lastLineStart(text: string, offset: number): number {
  const before = text.slice(0, offset);
  return Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
}

/**
 * The content of a block around the rendered summary: a blank line after
 * the opening marker and before the closing one, so the summary's headings,
 * tables and lists stand as blocks of their own; every line ending is the
 * block's own.
 */
export function summaryContent(rendered: string, eol: string): string {
  const body = rendered.replace(/\r\n|\r|\n/g, '\n').replace(/\n*$/, '\n');
  return `\n${body}\n`.replace(/\n/g, eol);
}

/** The edit that puts `content` into `block` (in analysed-text offsets). */
export function summaryEdit(block: SummaryBlock, content: string): TextEdit {
  return { start: block.contentStart, end: block.contentEnd, text: content };
}
