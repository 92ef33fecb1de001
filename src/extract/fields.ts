import type { ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { phrasingLines, sanitizeText } from './text.js';

/**
 * Fields: `Name: value` at the start of a paragraph line or a list item,
 * with the name optionally bold or underlined (docs/rules.md, "Fields").
 * They are read from plain text, after markdown emphasis is gone, so every
 * written form is one. This module is the one reader of fields: items,
 * groups and headings all take theirs from here.
 */

/** A field as written: name lower-cased and trimmed, value trimmed. */
export interface Field {
  name: string;
  value: string;
  /** 1-based source line. */
  line: number;
}

// A name is a short phrase: starts with a letter, at most 40 characters, no sentence punctuation.
// It ends with a non-space (the spaces before the colon are `\s*`'s alone), and the value is the
// rest of the line, taken by slicing: spaces that two quantifiers could both take backtrack
// quadratically over a long run of them.
const FIELD_NAME = /^\s*(\p{L}(?:[\p{L}\p{N} _/&'’().-]{0,38}?[\p{L}\p{N}_/&'’().-])?)\s*:/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** Reads a field from one plain-text line, or null. Names of more than five words are prose. */
export function readField(text: string, line: number): Field | null {
  const match = FIELD_NAME.exec(text);
  if (!match) return null;
  const value = text.slice(match[0].length).trimStart();
  // After the spaces that follow the colon, one line only (what `.` up to `$` allowed).
  if (LINE_TERMINATOR.test(value)) return null;
  const name = match[1]!.trim().replace(/\s+/g, ' ');
  if (name.split(' ').length > 5 || /^https?$/i.test(name)) return null;
  return { name: name.toLowerCase(), value: value.trimEnd(), line };
}

/** The first field named one of `names` (lower-case), or undefined. */
export function findField(fields: readonly Field[], names: ReadonlySet<string> | readonly string[]): Field | undefined {
  const set = names instanceof Set ? names : new Set(names as readonly string[]);
  return fields.find((field) => set.has(field.name));
}

/** The fields of a paragraph, one per line that is one. */
export function paragraphFields(paragraph: Paragraph): Field[] {
  return phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1)
    .map((line) => readField(sanitizeText(line.text), line.line))
    .filter((field): field is Field => field !== null);
}

/** Fields of a list item: in its own paragraphs and the first line of its direct non-task sub-items. */
export function listItemFields(listItem: ListItem): Field[] {
  const fields: Field[] = [];
  for (const child of listItem.children) {
    if (child.type === 'paragraph') fields.push(...paragraphFields(child));
    if (child.type === 'list') {
      for (const sub of child.children) {
        const first = sub.children[0];
        if (typeof sub.checked !== 'boolean' && first?.type === 'paragraph') fields.push(...paragraphFields(first).slice(0, 1));
      }
    }
  }
  return fields;
}

/** Fields in a section's own content: paragraph lines and list items, but not inside task items. */
export function contentFields(content: readonly RootContent[]): Field[] {
  const fields: Field[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph') fields.push(...paragraphFields(node));
    else if (node.type === 'list') {
      for (const item of node.children) {
        if (typeof item.checked === 'boolean') continue;
        const first = item.children[0];
        if (first?.type === 'paragraph') fields.push(...paragraphFields(first));
        for (const child of item.children.slice(1)) visit(child);
      }
    } else if (node.type === 'blockquote') node.children.forEach(visit);
  };
  content.forEach(visit);
  return fields;
}
