import type { Nodes, Paragraph, Root } from 'mdast';
import type { SourceText } from '../text/source.js';
import { findLineClaims } from './claims.js';
import { isTaskListItem } from './recognisers/forms.js';
import type { Section } from './sections.js';
import type { ExtractedClaim } from './types.js';

const OTHER_MARKDOWN_FILE = /(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown))(?![\w])/i;

/**
 * Claims in heading lines and paragraph lines (docs/rules.md, "Claims"):
 * not in the lines of items (`itemLines`, 1-based), task item text, code,
 * HTML, tables, inline code or struck-through text. `tree` is the tree
 * without summary blocks, cut into `sections`; `path` is the document's, to
 * tell a line that names another file from one that names this one.
 * Returns the claims in source order.
 */
export function findDocumentClaims(
  tree: Root,
  source: SourceText,
  sections: readonly Section[],
  itemLines: ReadonlySet<number>,
  path: string,
): ExtractedClaim[] {
  const masks = maskedRanges(tree);
  const candidates: Array<{ line: number; section: Section }> = [];
  for (const section of sections) {
    if (section.heading) candidates.push({ line: section.line, section });
    for (const node of section.content) {
      for (const paragraph of claimParagraphs(node)) {
        const start = paragraph.position?.start.line;
        const end = paragraph.position?.end.line;
        if (start === undefined || end === undefined) continue;
        for (let line = start; line <= end; line++) {
          if (!itemLines.has(line)) candidates.push({ line, section });
        }
      }
    }
  }
  const found: ExtractedClaim[] = [];
  const seen = new Set<number>();
  for (const { line, section } of candidates) {
    if (seen.has(line)) continue;
    seen.add(line);
    const raw = source.line(line);
    const masked = (masks.get(line) ?? []).map(([s, e]) => [s - 1, e - 1] as const);
    const lineClaims = findLineClaims(raw, masked);
    if (lineClaims.length === 0) continue;
    const other = OTHER_MARKDOWN_FILE.exec(raw)?.[1] ?? null;
    const otherFile = other && basename(other) !== basename(path) ? other : null;
    for (const claim of lineClaims) {
      found.push({
        kind: claim.kind,
        line,
        column: claim.start + 1,
        endLine: line,
        endColumn: claim.end + 1,
        text: raw.slice(claim.start, claim.end),
        claimed: claim.claimed,
        tolerance: claim.tolerance,
        sectionIndex: section.index,
        otherFile,
        numbers: claim.numbers.map((n) => ({ key: n.key, line, column: n.start + 1, endColumn: n.end + 1 })),
      });
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Paragraphs that may hold claims: not the text of a task item (GFM or
 * Obsidian `[/]`, `[-]`, lazy continuation lines included), not in code,
 * HTML or tables.
 */
function claimParagraphs(node: Nodes): Paragraph[] {
  switch (node.type) {
    case 'paragraph':
      return [node];
    case 'list':
      return node.children.flatMap((item) => {
        const isTask = isTaskListItem(item);
        return item.children.flatMap((child) => (isTask && child.type === 'paragraph' ? [] : claimParagraphs(child)));
      });
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.flatMap(claimParagraphs);
    default:
      return [];
  }
}

/**
 * 1-based `[startColumn, endColumn)` ranges per line of text that holds no
 * claim: inline code, struck-through text (`~~3/5 done~~` is history, not a
 * claim) and inline HTML. A range that spans lines covers the rest of its
 * first line, the whole of the lines between and the start of its last line.
 */
function maskedRanges(tree: Root): Map<number, Array<[number, number]>> {
  const ranges = new Map<number, Array<[number, number]>>();
  const add = (line: number, start: number, end: number): void => {
    const list = ranges.get(line) ?? [];
    list.push([start, end]);
    ranges.set(line, list);
  };
  const visit = (node: Nodes): void => {
    const position = node.position;
    if ((node.type === 'inlineCode' || node.type === 'delete' || node.type === 'html') && position) {
      const { start, end } = position;
      for (let line = start.line; line <= end.line; line++) {
        add(line, line === start.line ? start.column : 1, line === end.line ? end.column : Number.POSITIVE_INFINITY);
      }
      return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return ranges;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}
