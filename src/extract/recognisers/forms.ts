import type { Heading, ListItem, Paragraph } from 'mdast';
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

/** Whether a list item is a task item: a GFM checkbox, or an Obsidian `[/]`/`[-]` marker. */
export function isTaskListItem(listItem: ListItem): boolean {
  if (typeof listItem.checked === 'boolean') return true;
  const paragraph = leadParagraph(listItem);
  return paragraph !== null && obsidianMarker(paragraph) !== null;
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
