import type { ListItem } from 'mdast';
import type { Status } from '../../model.js';
import { listItemFields, readField } from '../fields.js';
import type { Section } from '../sections.js';
import { phrasingLines, sanitizeText } from '../text.js';
import { isWhollyStruck, leadParagraph, OBSIDIAN_TASK, obsidianMarker } from './forms.js';
import type { Candidate, Recogniser } from './types.js';

/**
 * Task items (docs/rules.md, "Items"): list items with a GFM checkbox, or
 * with an Obsidian `[/]` (in progress) or `[-]` (cancelled) marker, in any
 * section. Continuation lines that are fields (`Effort: 2h`) are not part
 * of the title.
 */
export const taskRecogniser: Recogniser = {
  name: 'task',
  // `[ ]`, `[x]`, `[/]`, `[-]` anywhere: a GFM check value is white space or an x; an escaped `\[/\]` reads as `[/]` in the source view.
  triggers: () => [[{ view: 'source', test: /\[[\s xX/-]\]/ }]],
  content: (section) => ({ listItem: (node, parent) => taskItem(node, section, parent) }),
};

function taskItem(listItem: ListItem, section: Section, parent: Candidate | null): Candidate | null {
  const paragraph = leadParagraph(listItem);
  const obsidian = paragraph ? obsidianMarker(paragraph) : null;
  const checked = typeof listItem.checked === 'boolean' ? listItem.checked : null;
  if (checked === null && !obsidian) return null;
  const line = listItem.position?.start.line ?? 1;
  const lines = paragraph ? phrasingLines(paragraph.children, paragraph.position?.start.line ?? line) : [];
  const titleLines = lines.filter((l, i) => i === 0 || !readField(sanitizeText(l.text), l.line));
  let title = sanitizeText(titleLines.map((l) => l.text).join(' '));
  let formStatus: Status | null = null;
  if (obsidian) {
    title = title.replace(OBSIDIAN_TASK, '').trim();
    formStatus = obsidian === '/' ? 'in_progress' : 'cancelled';
  }
  if (paragraph && isWhollyStruck(paragraph)) formStatus = 'cancelled';
  return {
    kind: 'task', section, scope: section, line, column: listItem.position?.start.column ?? 1,
    title, markerText: title, priorityText: title, effortText: title,
    checked, formStatus, statusRule: 'checkbox', fields: listItemFields(listItem), parent,
  };
}
