import type { Nodes, Paragraph, Root } from 'mdast';
import type { SourceText } from '../text/source.js';
import { findLineClaims } from './claims.js';
import { isTaskListItem } from './recognisers/forms.js';
import type { Section } from './sections.js';
import type { ExtractedClaim } from './types.js';

const FILE = String.raw`((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown))(?![\w])`;
/**
 * A markdown file the claim speaks of: after `in`, `of`, `from`, `for`,
 * `see` (as a name, in code or as a link's destination), or naming the line
 * itself at its start (`TODO.md: 3/5 done`). A file mentioned elsewhere on
 * the line (`Rewrote guide.md (100% done)`) is not what the claim counts.
 */
const OTHER_MARKDOWN_FILE = new RegExp(
  String.raw`(?:(?<![\p{L}])(?:in|of|from|for|see|within)\s+(?:the\s+)?(?:\[[^\]]{0,80}\]\(|[\x60*_]{0,2})|^\s*(?:[-*+]\s+)?(?:\[[^\]]{0,80}\]\(|[\x60*_]{0,2}))(?<![\w./-])${FILE}`,
  'iu',
);

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
  wordBefore = true,
): ExtractedClaim[] {
  const masks = maskedRanges(tree);
  const mathLines = new Set<number>();
  const candidates: Array<{ line: number; section: Section }> = [];
  for (const section of sections) {
    if (section.heading) candidates.push({ line: section.line, section });
    for (const node of section.content) {
      for (const paragraph of claimParagraphs(node)) {
        const start = paragraph.position?.start.line;
        const end = paragraph.position?.end.line;
        if (start === undefined || end === undefined) continue;
        // Display math (`$$ … $$`) written as a paragraph holds no claims.
        if (source.line(start).trimStart().startsWith('$$')) for (let line = start; line <= end; line++) mathLines.add(line);
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
    if (mathLines.has(line)) continue;
    const masked = [...(masks.get(line) ?? []).map(([s, e]) => [s - 1, e - 1] as const), ...inlineMath(raw)];
    const lineClaims = findLineClaims(raw, masked, wordBefore);
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
    if ((node.type === 'link' || node.type === 'linkReference') && position) {
      // Autolinks and bare URLs: the text is the address. Otherwise the destination and title after the text.
      const children = node.children as Nodes[];
      const last = children[children.length - 1]?.position;
      const isAddress = children.length === 1 && children[0]!.type === 'text' && node.type === 'link' && (children[0].value === node.url || `mailto:${children[0].value}` === node.url || /^(?:https?|ftp|www\.)/i.test(children[0].value));
      const from = isAddress || !last ? start(position) : last.end;
      const { end } = position;
      for (let line = from.line; line <= end.line; line++) {
        add(line, line === from.line ? from.column : 1, line === end.line ? end.column : Number.POSITIVE_INFINITY);
      }
      if (!isAddress) children.forEach(visit);
      return;
    }
    if ((node.type === 'inlineCode' || node.type === 'delete' || node.type === 'html' || (node.type as string) === 'inlineMath') && position) {
      const { start, end } = position;
      for (let line = start.line; line <= end.line; line++) {
        add(line, line === start.line ? start.column : 1, line === end.line ? end.column : Number.POSITIVE_INFINITY);
      }
      return;
    }
    if ('children' in node) {
      const children = node.children as Nodes[];
      maskInlineElements(children, add);
      children.forEach(visit);
    }
  };
  visit(tree);
  return ranges;
}

const OPENING_TAG = /^<([a-z][\w-]*)(?:\s[^>]*)?(?<!\/)>$/i;

/** Text between an inline opening tag and its closing tag (`<span>2/5 done</span>`) is raw HTML: masked. */
function maskInlineElements(children: readonly Nodes[], add: (line: number, start: number, end: number) => void): void {
  for (let i = 0; i < children.length; i++) {
    const open = children[i]!;
    const name = open.type === 'html' ? OPENING_TAG.exec(open.value.trim())?.[1] : undefined;
    if (!name || !open.position) continue;
    const closing = children.findIndex((c, j) => j > i && c.type === 'html' && c.value.trim().toLowerCase() === `</${name.toLowerCase()}>`);
    const end = closing >= 0 ? children[closing]!.position?.end : undefined;
    if (!end) continue;
    const from = open.position.start;
    for (let line = from.line; line <= end.line; line++) {
      add(line, line === from.line ? from.column : 1, line === end.line ? end.column : Number.POSITIVE_INFINITY);
    }
    i = closing;
  }
}

const start = (position: NonNullable<Nodes['position']>): { line: number; column: number } => position.start;

/** `$…$` spans of a line (inline math), 0-based `[start, end)`: never claims (docs/rules.md#claims). */
function inlineMath(line: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  if (!line.includes('$')) return ranges;
  const pattern = /\$\$[^$]*\$\$|\$[^$\s][^$]*\$/g;
  for (let m = pattern.exec(line); m; m = pattern.exec(line)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}
