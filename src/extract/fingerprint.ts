import { hash } from 'node:crypto';
import type { ExtractedItem } from './types.js';

/**
 * Fingerprints of a document's items (docs/rules.md#item-identity): a hash
 * of the item's ref when it has one, else of its normalised title, with the
 * normalised titles of its enclosing headings and, when several items share
 * all of these, its occurrence number among them. The file path is no part
 * of it, so edits elsewhere, re-wrapping and moves within a section keep it.
 *
 * @param items the document's items in document order.
 * @returns one fingerprint (16 lower-case hex characters) per item, in the same order.
 */
export function itemFingerprints(items: ReadonlyArray<Pick<ExtractedItem, 'ref' | 'title' | 'sectionPath'>>): string[] {
  const seen = new Map<string, number>();
  // The headings' part of the key, by section path: many items share one, and normalising is the costly part.
  const headings = new Map<string, string>();
  return items.map((item) => {
    const path = JSON.stringify(item.sectionPath);
    let tail = headings.get(path);
    if (tail === undefined) {
      tail = item.sectionPath.map((title) => `,${JSON.stringify(normaliseTitle(title))}`).join('');
      headings.set(path, tail);
    }
    // The same text as JSON.stringify([own, ...normalised headings]).
    const key = `[${JSON.stringify(item.ref !== null ? `ref:${item.ref}` : `title:${normaliseTitle(item.title)}`)}${tail}]`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return hash('sha256', occurrence === 0 ? key : `${key}#${occurrence}`, 'hex').slice(0, 16);
  });
}

/**
 * A title as identity sees it: case and whitespace folded, leading
 * numbering (`3.`, `2.1`, `4)`, `22-25.`) and status emoji removed.
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(?:[\p{Extended_Pictographic}\u{FE0F}\u{200D}]\s*)+/u, '')
    .replace(/^\d+(?:\s*[-–]\s*\d+)?(?:\.\d+)*[.):]?\s+/u, '')
    .trim();
}
