import type { Nodes, PhrasingContent } from 'mdast';

/**
 * Plain-text helpers shared by the extractors: mdast → text, and the
 * sanitising every title goes through before it can reach a terminal
 * (docs/rules.md, "Items" and "Encodings").
 */

export { sanitizeText } from '../text/sanitize.js';

/**
 * The text of an mdast node as a reader sees it: text and inline code values,
 * image alt text; hard breaks become `\n`. Not sanitised.
 */
export function nodeText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    case 'html':
    case 'code':
    case 'yaml':
    case 'toml' as string:
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(nodeText).join('') : '';
  }
}

/** A line break as CommonMark counts one, the same as `SourceText` does (docs/architecture.md, "Text model"). */
const LINE_BREAK = /\r\n|\r|\n/;

/** One line of a paragraph or heading: its plain text and 1-based source line. */
export interface TextLine {
  text: string;
  line: number;
}

/**
 * Splits phrasing content into lines at hard breaks and line breaks, where a
 * line break is `\n`, `\r\n` or a lone `\r` (docs/rules.md, "Fields" and
 * "Lines and positions"). `startLine` is the 1-based line of the first child.
 */
export function phrasingLines(children: PhrasingContent[], startLine: number): TextLine[] {
  const lines: TextLine[] = [{ text: '', line: startLine }];
  const visit = (node: Nodes): void => {
    const current = lines[lines.length - 1]!;
    if (node.type === 'text' || node.type === 'inlineCode') {
      const parts = node.value.includes('\r') ? node.value.split(LINE_BREAK) : node.value.split('\n');
      current.text += parts[0];
      for (let i = 1; i < parts.length; i++) {
        const previous = lines[lines.length - 1]!;
        lines.push({ text: parts[i]!, line: previous.line + 1 });
      }
    } else if (node.type === 'break') {
      lines.push({ text: '', line: node.position?.end.line ?? current.line + 1 });
    } else if (node.type === 'image') {
      current.text += node.alt ?? '';
    } else if ('children' in node) {
      for (const child of node.children as Nodes[]) visit(child);
    }
  };
  for (const child of children) visit(child);
  return lines.filter((line) => line.text.trim() !== '');
}
