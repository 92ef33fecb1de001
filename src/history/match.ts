import { distance } from 'fastest-levenshtein';
import { normaliseTitle } from '../extract/fingerprint.js';
import type { Item } from '../model.js';

/** The least normalised Levenshtein similarity at which an edited title still names the same item (docs/rules.md#item-identity). */
export const TITLE_SIMILARITY = 0.8;

/** Two versions of one item: `before` at the older revision, `after` at the newer. */
export interface ItemPair<T> {
  before: T;
  after: T;
  /** How they were paired: the same fingerprint, or the fallback for an edited title. */
  by: 'fingerprint' | 'similar-title';
}

/** What {@link matchItems} makes of two versions of one file's items. */
export interface ItemMatch<T> {
  pairs: Array<ItemPair<T>>;
  /** Items only in the older version. */
  removed: T[];
  /** Items only in the newer version. */
  added: T[];
}

/**
 * Similarity of two titles, 0–1: one minus the Levenshtein distance of
 * their normalised forms over the longer one's length (1 for two empty titles).
 */
export function titleSimilarity(a: string, b: string): number {
  const x = normaliseTitle(a);
  const y = normaliseTitle(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - distance(x, y) / longest;
}

/**
 * Pairs the items of two versions of one file (docs/rules.md#item-identity):
 * first by fingerprint; then each item left over is paired with the most
 * similar leftover title under the same headings, when the similarity is at
 * least {@link TITLE_SIMILARITY} (the best pairs first; ties in document
 * order). Items are given in document order; pairs come in the newer order.
 */
export function matchItems<T extends Pick<Item, 'fingerprint' | 'title' | 'sectionPath'>>(before: readonly T[], after: readonly T[]): ItemMatch<T> {
  const byFingerprint = new Map<string, T>();
  for (const item of before) if (!byFingerprint.has(item.fingerprint)) byFingerprint.set(item.fingerprint, item);
  const paired = new Map<T, ItemPair<T>>();
  const usedBefore = new Set<T>();
  for (const item of after) {
    const old = byFingerprint.get(item.fingerprint);
    if (old !== undefined && !usedBefore.has(old)) {
      usedBefore.add(old);
      paired.set(item, { before: old, after: item, by: 'fingerprint' });
    }
  }

  const leftBefore = before.filter((item) => !usedBefore.has(item));
  const leftAfter = after.filter((item) => !paired.has(item));
  const candidates: Array<{ score: number; i: number; j: number }> = [];
  leftAfter.forEach((item, j) => {
    leftBefore.forEach((old, i) => {
      if (!sameGroup(old.sectionPath, item.sectionPath)) return;
      const score = titleSimilarity(old.title, item.title);
      if (score >= TITLE_SIMILARITY) candidates.push({ score, i, j });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.j - b.j || a.i - b.i);
  const takenBefore = new Set<number>();
  const takenAfter = new Set<number>();
  for (const { i, j } of candidates) {
    if (takenBefore.has(i) || takenAfter.has(j)) continue;
    takenBefore.add(i);
    takenAfter.add(j);
    paired.set(leftAfter[j]!, { before: leftBefore[i]!, after: leftAfter[j]!, by: 'similar-title' });
  }

  return {
    pairs: after.flatMap((item) => paired.get(item) ?? []),
    removed: leftBefore.filter((_, i) => !takenBefore.has(i)),
    added: leftAfter.filter((_, j) => !takenAfter.has(j)),
  };
}

function sameGroup(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((title, i) => normaliseTitle(title) === normaliseTitle(b[i]!));
}
