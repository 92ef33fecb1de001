import type { Heading, ListItem, Paragraph } from 'mdast';
import type { Status } from '../../model.js';
import { PLACEHOLDERS } from '../vocabulary.js';

/** Written forms that more than one recogniser (and the claim finder) reads. */

/** An Obsidian task marker, `[/]` (in progress) or `[-]` (cancelled), with the spaces after it. */
export const OBSIDIAN_TASK = /^\[([/-])\][ \t]+/;

/** The Obsidian marker that starts a paragraph, or null. */
export function obsidianMarker(paragraph: Paragraph): '/' | '-' | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = OBSIDIAN_TASK.exec(first.value);
  return match ? (match[1] as '/' | '-') : null;
}

/** The paragraph that is a list item's own text (its first child), or null. */
export function leadParagraph(listItem: ListItem): Paragraph | null {
  const first = listItem.children[0];
  return first?.type === 'paragraph' ? first : null;
}

/** Whether a list item is a task item: a GFM checkbox, an Obsidian `[/]`/`[-]` marker, or a hand-written box. */
export function isTaskListItem(listItem: ListItem): boolean {
  if (typeof listItem.checked === 'boolean') return true;
  const paragraph = leadParagraph(listItem);
  return paragraph !== null && (obsidianMarker(paragraph) !== null || handwrittenBox(paragraph) !== null);
}

/**
 * A box written by hand at the start of a list item (docs/rules.md#task-items),
 * as remark leaves it in the text: `[]`, `[✓]`, `[⏳]`, `[~]`, `[!]`, any
 * other single symbol, and Kiro's optional `[ ]*` / `[x]*`. A letter or
 * digit in brackets (`[1] Smith 2020`, `[a]`) is a label, not a box.
 */
const HANDWRITTEN_BOX = /^\[(|[ xX]|[^\]\sA-Za-z0-9][\u{FE0F}\u{200D}\p{Extended_Pictographic}]*)\](\*?)(?:[ \t]+|$)/u;

/** What a hand-written box says; `unknown` is the character when it is none of the known ones. */
export interface HandwrittenBox {
  /** Length of the box and the spaces after it, in UTF-16 units. */
  length: number;
  checked: boolean;
  status: Status | null;
  optional: boolean;
  unknown: string | null;
}

const BOX_STATUS: Record<string, Status | null> = {
  '': null, ' ': null, x: 'done', X: 'done', '✓': 'done', '✔': 'done', '✔️': 'done', '⏳': 'in_progress', '~': 'cancelled',
  '!': null, '>': null, '<': null, '?': null,
};

/** The hand-written box that starts a paragraph, or null (GFM and Obsidian boxes are not hand-written). */
export function handwrittenBox(paragraph: Paragraph): HandwrittenBox | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = HANDWRITTEN_BOX.exec(first.value);
  if (!match) return null;
  const inside = match[1]!;
  const optional = match[2] === '*';
  // `[ ]` and `[x]` without the Kiro star are GFM's; remark already made them checkboxes.
  if ((inside === ' ' || inside.toLowerCase() === 'x') && !optional) return null;
  const known = Object.hasOwn(BOX_STATUS, inside);
  const status = known ? BOX_STATUS[inside]! : null;
  return { length: match[0].length, checked: status === 'done', status, optional, unknown: known ? null : inside };
}

/** True when the whole text of a paragraph or heading is struck through (`~~…~~`). */
export function isWhollyStruck(node: Paragraph | Heading): boolean {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const withoutMarker = meaningful.filter((child, i) => !(i === 0 && child.type === 'text' && OBSIDIAN_TASK.test(child.value) && child.value.replace(OBSIDIAN_TASK, '').trim() === ''));
  return withoutMarker.length > 0 && withoutMarker.every((child) => child.type === 'delete');
}

/** Whether a marker item's text stands for "nothing here" (`None`, `TBD.`, ``). */
export function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(withoutFinalStops(text.toLowerCase()).trim()) || text.trim() === '';
}

/** `text` without its trailing `.` and `!` (a loop: `/[.!]+$/` rescans a long run of them from every start). */
function withoutFinalStops(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
  return text.slice(0, end);
}
