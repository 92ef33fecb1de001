import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { CLAIM_TRIGGERS } from './claims.js';
import { RECOGNISERS } from './recognisers/index.js';
import { closesFence, htmlBlockEnd, opensFence } from '../parse/chunks.js';
import { GAP } from './recognisers/triggers.js';
import type { Recogniser, ScanView, Trigger, Triggers } from './recognisers/types.js';
import type { Vocabulary } from './vocabulary.js';
import { withoutInvisible } from '../text/sanitize.js';

/**
 * The scan (docs/architecture.md#the-scan): a cheap look at a decoded text
 * that decides whether it could hold an item or a claim. It is the union of
 * the triggers every recogniser declares and the claim finder's, so a
 * recogniser added later is never skipped unseen. Conservative: a text the
 * scan rejects gives no item and no claim when parsed in full (the property
 * test in test/scan.test.ts and every fixture prove it).
 */
export interface Scan {
  /**
   * Whether `text` could hold an item or a claim; `path` is the document's
   * (relative, `/` separators), for recognisers that read files by where
   * they are. Pure; linear in the text's length.
   */
  isCandidate(text: string, path?: string): boolean;
  /**
   * Whether `text` could hold a claim: the claim finder's triggers alone.
   * Where it says no, the claim search can be left out (the claim patterns
   * are costly to compile: docs/architecture.md#start-up). Pure; linear.
   */
  mayHoldClaims(text: string): boolean;
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
    isCandidate(text, path = '') {
      const views = new ScanViews(text, path);
      return all.some((allOf) => allOf.every((trigger) => matches(trigger, views)));
    },
    mayHoldClaims(text) {
      const views = new ScanViews(text, '');
      return CLAIM_TRIGGERS.some((allOf) => allOf.every((trigger) => matches(trigger, views)));
    },
  };
}

function matches(trigger: Trigger, views: ScanViews): boolean {
  const test = (text: string): boolean => (typeof trigger.test === 'function' ? trigger.test(text) : trigger.test.test(text));
  if (trigger.view === 'source') return test(views.source);
  if (trigger.view === 'path') return test(views.path);
  if (trigger.view === 'headings') return test(views.headings);
  if (trigger.view === 'markedHeadings') return test(views.markedHeadings);
  // A word split by markup reads whole in the plain view; one that only looks split (`x](Tasks)` is no link) in the source view.
  return test(views.plain) || test(views.source);
}

/** The views of one text, each made on first use. */
class ScanViews {
  #source: string | undefined;
  #plain: string | undefined;
  #headings: string | undefined;
  #markedHeadings: string | undefined;
  constructor(
    private readonly text: string,
    readonly path: string,
  ) {}

  get headings(): string {
    if (this.#headings === undefined) {
      // Plain text keeps every line break, so the heading lines of the plain view are those of the source view, made plain.
      const lines = headingLines(this.source);
      this.#headings = lines === '' ? '' : `${plainView(lines)}\n${lines}`;
    }
    return this.#headings;
  }

  get markedHeadings(): string {
    return (this.#markedHeadings ??= markedHeadingLines(this.text));
  }

  get source(): string {
    return (this.#source ??= sourceView(this.text));
  }

  get plain(): string {
    return (this.#plain ??= plainView(this.source));
  }
}

const CHARACTER_REFERENCE = /&(?:#[xX]([\da-fA-F]{1,6});|#(\d{1,7});|([A-Za-z][A-Za-z\d]{0,31});)/g;

/**
 * {@link ScanView} `source`: the lines inside top-level fenced code blocks
 * blanked ({@link withoutTopLevelFences}), character references decoded,
 * backslashes and emphasis markers (`*`, `_`) removed — claims are matched
 * with emphasis removed, and the other triggers lose nothing by it.
 */
export function sourceView(text: string): string {
  let view = decodedView(text);
  if (/[\\*_]/.test(view)) view = view.replace(/[\\*_]+/g, '');
  return view;
}

/**
 * The text as every view starts from it: top-level fences blanked, what
 * sanitizing removes from titles and item texts removed (terminal escapes,
 * control characters, zero-width characters), character references decoded.
 */
function decodedView(text: string): string {
  const view = withoutInvisible(withoutTopLevelFences(text));
  return view.includes('&') ? view.replace(CHARACTER_REFERENCE, decodeReference) : view;
}

/**
 * {@link ScanView} `markedHeadings`: the heading lines of the text as the
 * `plain` view reads them, but with each removed piece of markup (`*`, `_`,
 * `\\`, code span and strike-through markers, brackets, link destinations,
 * HTML tags) replaced by {@link GAP}, so that a trigger can tell a word
 * joined by removing markup (`Ta**sks**`) from one that stands alone.
 */
export function markedHeadingLines(text: string): string {
  const marked = decodedView(text).replace(/[\\*_]/g, GAP);
  const lines = headingLines(marked);
  return /[`~[\]<]/.test(lines) ? lines.replace(INLINE_MARKUP, GAP) : lines;
}

const HTML_OTHER = /^ {0,3}<\/?[A-Za-z]/;

/**
 * `text` with the lines inside fenced code blocks blanked (line breaks
 * kept), as long as every fence is certain to stand at the top level:
 * opened with at most one space of indentation (a list item's content is
 * indented two or more, and a fence is never a lazy line), outside front
 * matter and where no HTML block may be open. At the first fence line that
 * is not certain (indented two or three spaces, or inside front matter or a
 * possible HTML block) the blanking stops: the rest of the text is kept as
 * it is, so the views hold at least what a parse reads outside code. One
 * pass over the lines.
 */
export function withoutTopLevelFences(text: string): string {
  if (!text.includes('```') && !text.includes('~~~')) return text;
  const kept: string[] = [];
  let fence: { char: string; length: number } | null = null;
  let fenceStart = 0;
  let htmlEnd: RegExp | null = null;
  let htmlOpen = false;
  let frontMatter: string | null = null;
  let copied = 0;
  for (let start = 0, first = true; start <= text.length; first = false) {
    const end = lineEnd(text, start);
    const line = text.slice(start, end);
    if (fence !== null) {
      if (closesFence(line, fence)) {
        // Blank what lies between the fence lines: their line breaks stay, the rest goes.
        kept.push(text.slice(copied, fenceStart), text.slice(fenceStart, start).replace(/[^\n\r]+/g, ''));
        copied = start;
        fence = null;
      }
    } else {
      const opened = opensFence(line);
      const htmlStart = opened === null ? htmlBlockEnd(line) : null;
      if (first && (line.trimEnd() === '---' || line.trimEnd() === '+++')) {
        frontMatter = line.trimEnd();
      } else if (opened !== null && (frontMatter !== null || htmlEnd !== null || htmlOpen || line.search(/\S/) > 1)) {
        break; // a fence that may or may not be one: nothing after it is certain
      } else if (frontMatter !== null) {
        if (line === frontMatter) frontMatter = null;
      } else if (htmlEnd !== null) {
        if (htmlEnd.test(line)) htmlEnd = null;
      } else if (opened !== null) {
        fence = opened;
        fenceStart = nextLine(text, end);
      } else if (htmlStart !== null) {
        htmlEnd = htmlStart.test(line.slice(line.indexOf('<') + 2)) ? null : htmlStart;
      } else if (HTML_OTHER.test(line)) {
        htmlOpen = true;
      }
      if (line.trim() === '') htmlOpen = false;
    }
    if (end >= text.length) break;
    start = nextLine(text, end);
  }
  // A fence open at the end runs to the end of the text.
  if (fence !== null) kept.push(text.slice(copied, fenceStart), text.slice(fenceStart).replace(/[^\n\r]+/g, ''));
  else kept.push(text.slice(copied));
  return kept.length === 1 ? text : kept.join('');
}

/** Where the line after the line break at `end` starts. */
function nextLine(text: string, end: number): number {
  return end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
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
const INLINE_MARKUP = /\]\[[^[\]\n\r]*\]|\[\^[^[\]\n\r]*\]|\]\([^()\n\r]*\)|<\/?[A-Za-z][A-Za-z\d-]*(?:[ \t][^<>\n\r]*)?\/?>|[`~[\]]/g;

/** {@link ScanView} `plain`: the source view without {@link INLINE_MARKUP}. */
export function plainView(source: string): string {
  return /[`~[\]<]/.test(source) ? source.replace(INLINE_MARKUP, '') : source;
}

const BLANK = /^[ \t>]*$/;

/** An ATX heading's start: `#`…`######` and a space, a tab or the line's end, after containers (the triggers' `LINE_LEAD`, where a {@link GAP} may stand for `*`). */
const ATX_START = /(?:[ \t>\u0001]|[-*+][ \t]|\d{1,9}[.)][ \t])*#{1,6}(?:[ \t]|$)/my;

/**
 * {@link ScanView} `headings` of one view: its ATX heading lines (`#` and a
 * space or tab where the line's text starts, after indentation, quote and
 * list markers), and the lines of each run that a setext underline ends,
 * joined by line breaks. Linear: each line is looked at a bounded number of
 * times.
 */
export function headingLines(view: string): string {
  const found: string[] = [];
  for (let at = 0; at < view.length; ) {
    const end = lineEnd(view, at);
    ATX_START.lastIndex = at;
    if (ATX_START.test(view)) found.push(view.slice(at, end));
    at = nextLine(view, end);
  }
  const underline = /^[ \t>]*(?:=+|-+)[ \t]*$/gm;
  let boundary = 0;
  for (let match = underline.exec(view); match; match = underline.exec(view)) {
    // The run above: the lines back to a blank one, or to the previous underline.
    const run: string[] = [];
    for (let end = match.index - 1; end >= boundary && end >= 0; ) {
      const start = Math.max(lineStart(view, end), boundary);
      const line = view.slice(start, end);
      if (BLANK.test(line)) break;
      run.push(line);
      end = start - 1;
      if (end >= 0 && view[end] === '\n' && view[end - 1] === '\r') end--;
    }
    found.push(...run);
    boundary = match.index + match[0].length;
    if (match[0].length === 0) underline.lastIndex++;
  }
  return found.join('\n');
}

/** Where the line holding `index` starts. */
function lineStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && text.charCodeAt(start - 1) !== 10 && text.charCodeAt(start - 1) !== 13) start--;
  return start;
}

/** Where the line holding `index` ends (its line break, or the end of the text). */
function lineEnd(text: string, index: number): number {
  const lf = text.indexOf('\n', index);
  const cr = nextCarriageReturn(text, index);
  if (cr >= 0 && (lf < 0 || cr < lf)) return cr;
  return lf < 0 ? text.length : lf;
}

/** The text whose next carriage return is remembered, from where it was searched, and where it is (-1: none). */
let crText: string | null = null;
let crFrom = 0;
let crAt = -1;

/**
 * The first carriage return at or after `index`, remembered between calls:
 * lines are visited in order, so a text without one is searched once, not
 * once per line.
 */
function nextCarriageReturn(text: string, index: number): number {
  if (text !== crText || index < crFrom || (crAt >= 0 && crAt < index)) {
    crText = text;
    crFrom = index;
    crAt = text.indexOf('\r', index);
  }
  return crAt;
}
