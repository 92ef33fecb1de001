import type { ListItem, Paragraph } from 'mdast';
import type { DocumentContext } from '../context.js';
import { listItemFields } from '../fields.js';
import type { Section } from '../sections.js';
import { leadingStatusEmoji } from '../status.js';
import { phrasingLines, sanitizeText } from '../text.js';
import { MARKER_HEADING_WORDS, STATUS_EMOJI, wholeWord } from '../vocabulary.js';
import { anyOf, anyPattern } from './triggers.js';
import { isPlaceholder, leadParagraph } from './forms.js';
import type { Candidate, Recogniser } from './types.js';

const namesMarkerWork = wholeWord(MARKER_HEADING_WORDS.join('|'));

/**
 * Marker items (docs/rules.md, "Items"): under a heading that names work or
 * a state (`Tasks`, `Done`, `Blocked`, …), a list item or a paragraph line
 * that starts with a status emoji (`✅ Ship it`), unless the rest is a
 * placeholder (`❌ None`).
 */
export const markerRecogniser: Recogniser = {
  name: 'marker',
  // A status emoji, and a word that names work or a state for the heading.
  triggers: () => [[anyOf(STATUS_EMOJI.map(([emoji]) => emoji)), anyPattern(MARKER_HEADING_WORDS)]],
  content: (section, doc) =>
    section.heading !== null && namesMarkerWork.test(section.title)
      ? {
          listItem: (node, parent) => markerListItem(node, section, parent),
          paragraph: (node, parent) => markerLines(node, section, parent, doc),
        }
      : null,
};

function markerListItem(listItem: ListItem, section: Section, parent: Candidate | null): Candidate | null {
  const paragraph = leadParagraph(listItem);
  if (!paragraph) return null;
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

function marker(found: Pick<Candidate, 'section' | 'parent' | 'markerText' | 'title' | 'formStatus' | 'fields' | 'line' | 'column'>): Candidate {
  // The priority marker is looked for after the status emoji, so `✅ 🔴 X` is critical.
  return { ...found, kind: 'marker', scope: found.section, priorityText: found.title, effortText: found.markerText, checked: null, statusRule: 'stated' };
}
