import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { CLAIM_TRIGGERS } from './claims.js';
import { RECOGNISERS } from './recognisers/index.js';
import type { Recogniser, ScanView, Trigger, Triggers } from './recognisers/types.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * The scan (docs/architecture.md#the-scan): a cheap look at a decoded text
 * that decides whether it could hold an item or a claim. It is the union of
 * the triggers every recogniser declares and the claim finder's, so a
 * recogniser added later is never skipped unseen. Conservative: a text the
 * scan rejects gives no item and no claim when parsed in full (the property
 * test in test/scan.test.ts and every fixture prove it).
 */
export interface Scan {
  /** Whether `text` could hold an item or a claim. Pure; linear in the text's length. */
  isCandidate(text: string): boolean;
}

const scans = new WeakMap<Vocabulary, Scan>();

/** The scan for a vocabulary (its words are triggers), built once per vocabulary. */
export function scanFor(vocabulary: Vocabulary, recognisers: readonly Recogniser[] = RECOGNISERS): Scan {
  if (recognisers !== RECOGNISERS) return buildScan(vocabulary, recognisers);
  let scan = scans.get(vocabulary);
  if (!scan) scans.set(vocabulary, (scan = buildScan(vocabulary, recognisers)));
  return scan;
}

function buildScan(vocabulary: Vocabulary, recognisers: readonly Recogniser[]): Scan {
  const all: Triggers = [...recognisers.flatMap((r) => r.triggers(vocabulary)), ...CLAIM_TRIGGERS];
  return {
    isCandidate(text) {
      const views = new ScanViews(text);
      return all.some((allOf) => allOf.every((trigger) => matches(trigger, views)));
    },
  };
}

function matches(trigger: Trigger, views: ScanViews): boolean {
  const test = (text: string): boolean => (typeof trigger.test === 'function' ? trigger.test(text) : trigger.test.test(text));
  if (trigger.view === 'source') return test(views.source);
  // A word split by markup reads whole in the plain view; one that only looks split (`x](Tasks)` is no link) in the source view.
  return test(views.plain) || test(views.source);
}

/** The views of one text, each made on first use. */
class ScanViews {
  #source: string | undefined;
  #plain: string | undefined;
  constructor(private readonly text: string) {}

  get source(): string {
    return (this.#source ??= sourceView(this.text));
  }

  get plain(): string {
    return (this.#plain ??= plainView(this.source));
  }
}

const CHARACTER_REFERENCE = /&(?:#[xX]([\da-fA-F]{1,6});|#(\d{1,7});|([A-Za-z][A-Za-z\d]{0,31});)/g;

/**
 * {@link ScanView} `source`: character references decoded, backslashes and
 * emphasis markers (`*`, `_`) removed — claims are matched with emphasis
 * removed, and the other triggers lose nothing by it.
 */
export function sourceView(text: string): string {
  let view = text.includes('&') ? text.replace(CHARACTER_REFERENCE, decodeReference) : text;
  if (/[\\*_]/.test(view)) view = view.replace(/[\\*_]+/g, '');
  return view;
}

function decodeReference(whole: string, hex: string | undefined, decimal: string | undefined, name: string | undefined): string {
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? whole : decoded;
  }
  const code = Number.parseInt(hex ?? decimal ?? '', hex !== undefined ? 16 : 10);
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}

/**
 * Inline markup that can split a word as a reader sees it: reference
 * labels and footnote references, link destinations, HTML tags, code span
 * and strike-through markers, brackets.
 */
const INLINE_MARKUP = /\]\[[^[\]\n]*\]|\[\^[^[\]\n]*\]|\]\([^()\n]*\)|<\/?[A-Za-z][A-Za-z\d-]*(?:\s[^<>]*)?\/?>|[`~[\]]+/g;

/** {@link ScanView} `plain`: the source view without {@link INLINE_MARKUP}. */
export function plainView(source: string): string {
  return /[`~[\]<]/.test(source) ? source.replace(INLINE_MARKUP, '') : source;
}
