import type { ListItem } from 'mdast';
import type { Status } from '../../model.js';
import { listItemFields, readField } from '../fields.js';
import type { Section } from '../sections.js';
import { phrasingLines, sanitizeText } from '../text.js';
import { readPlanning } from '../planning/index.js';
import { type HandwrittenBox, handwrittenBox, isWhollyStruck, leadParagraph, OBSIDIAN_TASK, obsidianMarker } from './forms.js';
import { afterLineLead } from './triggers.js';
import type { Candidate, Recogniser } from './types.js';

/**
 * Task items (docs/rules.md, "Items"): list items with a GFM checkbox, or
 * with an Obsidian `[/]` (in progress) or `[-]` (cancelled) marker, in any
 * section. Continuation lines that are fields (`Effort: 2h`) are not part
 * of the title.
 */
export const taskRecogniser: Recogniser = {
  name: 'task',
  // `[ ]`, `[x]`, `[/]`, `[-]` and the hand-written boxes (`[]`, `[✓]`, `[~]`, `[⏳]`) where a line's text
  // starts, after indentation, quote and list markers (`*` is gone from the source view); `\\[/\\]` reads `[/]` there.
  triggers: () => [[{ view: 'source', test: afterLineLead(String.raw`\[(?:[\sxX]|[^\]\sA-Za-z0-9][\u{FE0F}\u{200D}\p{Extended_Pictographic}]*)?\]`) }]],
  content: (section, doc) => ({ listItem: (node, parent) => taskItem(node, section, parent, doc.matchers.ruleOn('handwritten-boxes')) }),
};

function taskItem(listItem: ListItem, section: Section, parent: Candidate | null, handwritten: boolean): Candidate | null {
  const paragraph = leadParagraph(listItem);
  const obsidian = paragraph ? obsidianMarker(paragraph) : null;
  const box = handwritten && paragraph && !obsidian && typeof listItem.checked !== 'boolean' ? handwrittenBox(paragraph) : null;
  const checked = typeof listItem.checked === 'boolean' ? listItem.checked : box ? box.checked : null;
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
  if (box) ({ title, formStatus } = boxedTitle(title, box));
  if (paragraph && isWhollyStruck(paragraph)) formStatus = 'cancelled';
  const fields = listItemFields(listItem);
  return {
    kind: 'task', section, scope: section, line, column: listItem.position?.start.column ?? 1,
    title, markerText: title, priorityText: title, effortText: title,
    checked, formStatus, statusRule: 'checkbox', fields, parent,
    planning: box?.optional ? { ...readPlanning(title, fields), optional: true } : readPlanning(title, fields),
    ...(box?.unknown ? { warnings: [`unknown box character \`${box.unknown}\`: read as an open item`] } : {}),
  };
}

/** A hand-written box's title without the box, and the status the box gives (docs/rules.md#task-items). */
function boxedTitle(title: string, box: HandwrittenBox): { title: string; formStatus: Status | null } {
  return { title: title.replace(/^\[[^\]]*\]\*?\s*/u, ''), formStatus: box.checked ? null : box.status };
}
