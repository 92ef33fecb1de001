import type { ListItem, Paragraph } from 'mdast';
import type { DocumentContext } from '../context.js';
import { listItemFields } from '../fields.js';
import type { Section } from '../sections.js';
import { leadingStatusEmoji } from '../status.js';
import { nodeText, phrasingLines, sanitizeText } from '../text.js';
import { DONE_WORDS, escapeRegExp, MARKER_HEADING_WORDS, NAMES_ANALYSIS, NAMES_WORK_OR_PROGRESS, STATUS_EMOJI, UNSPACED_MARKER } from '../vocabulary.js';
import { afterLineLead, anyOf, anyWord, wordsAlternation } from './triggers.js';
import { isPlaceholder, leadParagraph } from './forms.js';
import type { Candidate, Recogniser, Trigger } from './types.js';

/**
 * Whether status-emoji lines in `section` are marker items (docs/rules.md#marker-items):
 * its own heading names work or progress, or (with `walkUp`) the nearest
 * enclosing heading that does is further up, with no analysis heading on the
 * way and without reaching the document's title. A heading that starts with a
 * status emoji names progress.
 */
export function markerSection(section: Section, doc: DocumentContext, walkUp = true): boolean {
  if (section.heading === null) return false;
  const title = documentTitle(doc);
  if (NAMES_WORK_OR_PROGRESS.test(section.title) || (walkUp && leadingStatusEmoji(section.title) !== null)) return true;
  if (!walkUp || section === title) return false;
  for (let s: Section | null = section; s !== null && s.heading !== null && s !== title; s = s.parent) {
    if (NAMES_ANALYSIS.test(s.title)) return false;
    if (s !== section && (NAMES_WORK_OR_PROGRESS.test(s.title) || leadingStatusEmoji(s.title) !== null)) return true;
  }
  return false;
}

const titles = new WeakMap<readonly Section[], Section | null>();

/** The document's title: its first heading when that has depth 1 and no other depth-1 heading follows; else null. */
export function documentTitle(doc: Pick<DocumentContext, 'sections'>): Section | null {
  let title = titles.get(doc.sections);
  if (title === undefined) {
    const first = doc.sections[1];
    const depthOne = doc.sections.filter((s) => s.depth === 1);
    title = first && first.depth === 1 && depthOne.length === 1 ? first : null;
    titles.set(doc.sections, title);
  }
  return title;
}

/** A done word or emoji right after a struck-through title: `~~Wire the API~~ ✓ DONE`. */
const DONE_AFTER_STRIKE = new RegExp(`^\\s*(?:[-–—:]\\s*)?(?:[✅✔✓☑]|(?:${DONE_WORDS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_]))`, 'iu');

/**
 * Marker items (docs/rules.md, "Items"): under a heading that names work or
 * a state (`Tasks`, `Done`, `Blocked`, …), a list item or a paragraph line
 * that starts with a status emoji (`✅ Ship it`), unless the rest is a
 * placeholder (`❌ None`).
 */
export const markerRecogniser: Recogniser = {
  name: 'marker',
  // A status emoji, and a word that names work or a state for the heading.
  // A status emoji where a line's text starts, or a struck-through title with a done word after it;
  // and a heading that names work or a state, or starts with a status emoji.
  triggers: () => {
    const emoji = STATUS_EMOJI.map(([one]) => escapeRegExp(one)).join('|');
    const leadingEmoji: Trigger = { view: 'plain', test: afterLineLead(emoji) };
    const struck = anyOf(['~~']);
    const done = anyWord([...DONE_WORDS, '✅', '✔', '✓', '☑']);
    const heading = wordsAlternation([...MARKER_HEADING_WORDS, ...UNSPACED_MARKER]);
    const namingHeading: Trigger = { view: 'headings', test: new RegExp(`${heading}|${emoji}`, 'iu') };
    return [[leadingEmoji, namingHeading], [struck, done, namingHeading]];
  },
  content: (section, doc) =>
    markerSection(section, doc, doc.matchers.ruleOn('marker-walk-up'))
      ? {
          listItem: (node, parent) => markerListItem(node, section, parent),
          paragraph: (node, parent) => markerLines(node, section, parent, doc),
        }
      : null,
};

function markerListItem(listItem: ListItem, section: Section, parent: Candidate | null): Candidate | null {
  const paragraph = leadParagraph(listItem);
  // A status bullet inside a task or marker item describes its parent.
  if (!paragraph || parent !== null) return null;
  const struck = struckDone(paragraph);
  if (struck) {
    return marker({
      section, parent, markerText: struck.rest, title: struck.title, formStatus: 'done', fields: listItemFields(listItem),
      line: listItem.position?.start.line ?? 1, column: listItem.position?.start.column ?? 1,
    });
  }
  const firstLine = phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1)[0];
  if (!firstLine) return null;
  const markerText = sanitizeText(firstLine.text);
  const lead = leadingStatusEmoji(markerText);
  if (!lead || isPlaceholder(lead.rest)) return null;
  return marker({
    section, parent, markerText, title: lead.rest, formStatus: lead.status, fields: listItemFields(listItem),
    line: listItem.position?.start.line ?? firstLine.line, column: listItem.position?.start.column ?? 1,
  });
}

/** One marker item per paragraph line that starts with a status emoji; its column is the line's first non-space. */
function markerLines(paragraph: Paragraph, section: Section, parent: Candidate | null, doc: DocumentContext): Candidate[] {
  const found: Candidate[] = [];
  if (parent !== null) return found;
  for (const line of phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1)) {
    const markerText = sanitizeText(line.text);
    const lead = leadingStatusEmoji(markerText);
    if (!lead || isPlaceholder(lead.rest)) continue;
    const source = doc.source.line(line.line);
    found.push(marker({
      section, parent, markerText, title: lead.rest, formStatus: lead.status, fields: [],
      line: line.line, column: source.length - source.trimStart().length + 1,
    }));
  }
  return found;
}

/**
 * A list item's text that starts struck through and goes on with a done word
 * or emoji (`~~Wire the API~~ ✓ DONE (moved)`): the struck title and the
 * text after it, or null.
 */
function struckDone(paragraph: Paragraph): { title: string; rest: string } | null {
  const [first, ...rest] = paragraph.children;
  if (first?.type !== 'delete') return null;
  const after = sanitizeText(rest.map((node) => nodeText(node)).join(''));
  if (!DONE_AFTER_STRIKE.test(after)) return null;
  const title = sanitizeText(nodeText(first)).trim();
  return title === '' ? null : { title, rest: after };
}

function marker(found: Pick<Candidate, 'section' | 'parent' | 'markerText' | 'title' | 'formStatus' | 'fields' | 'line' | 'column'>): Candidate {
  // The priority marker is looked for after the status emoji, so `✅ 🔴 X` is critical.
  return { ...found, kind: 'marker', scope: found.section, priorityText: found.title, effortText: found.markerText, checked: null, statusRule: 'stated' };
}
