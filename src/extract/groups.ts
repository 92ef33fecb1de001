import type { Priority, Status } from '../model.js';
import type { Matchers } from './context.js';
import type { Estimate } from './effort.js';
import { estimateOf } from './items.js';
import { type Field, findField } from './fields.js';
import type { PriorityMatcher } from './priority.js';
import type { Candidate } from './recognisers/index.js';
import type { Section } from './sections.js';
import { statusMarker } from './status.js';

/**
 * Groups (docs/rules.md, "Fields" and "Effort"): sections with a heading
 * whose subtree holds task items. A group's own fields speak for its items:
 * `Priority:` sets its priority like a heading word would, `Status:` is the
 * status of its open items that state none, and an effort field (or a
 * duration in its heading) is an estimate shared by its items.
 */

/** The groups of a document, in document order. `sections` in document order, root first. */
export function findGroups(sections: readonly Section[], candidates: readonly Candidate[]): Section[] {
  const taskSections = new Set<Section>();
  for (const candidate of candidates) if (candidate.kind === 'task') taskSections.add(candidate.section);
  // Bottom-up, once: later sections are never parents of earlier ones.
  const tasksBelow = new Set<Section>();
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (taskSections.has(section) || section.children.some((child) => tasksBelow.has(child))) tasksBelow.add(section);
  }
  return sections.filter((s) => s.heading !== null && tasksBelow.has(s));
}

/** The priority a group's `Priority:` field names, or null. */
export function groupPriority(fields: readonly Field[], matcher: PriorityMatcher): Priority | null {
  const field = findField(fields, ['priority']);
  return field ? matcher.fieldValue(field.value) : null;
}

/** The status a group's `Status:` field gives its items, or null. */
export function groupStatus(fields: readonly Field[]): Status | null {
  const field = findField(fields, ['status']);
  return field ? statusMarker(field.value) : null;
}

/** A group's estimate: its own effort field, else a parenthesised duration in its heading; null when neither. */
export function groupEstimate(group: Section, fields: readonly Field[], matchers: Matchers, sizesSeen: string[]): Estimate | null {
  const field = findField(fields, matchers.effortNames);
  return estimateOf(field?.value ?? null, group.title, matchers, sizesSeen);
}
