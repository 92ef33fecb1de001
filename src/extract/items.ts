import type { Priority, Status } from '../model.js';
import type { Matchers } from './context.js';
import { type Estimate, parentheticalEffort, parseEffort, tShirtSize } from './effort.js';
import { findField } from './fields.js';
import type { Candidate } from './recognisers/index.js';
import { sectionPath } from './sections.js';
import { groupPlanning } from './planning/index.js';
import { settleStatus } from './status.js';
import type { ExtractedItem, PlanningFields } from './types.js';

/** What an item takes from the section it is scoped to, each a value computed once per section. */
export interface ScopeFacts {
  /** The section's computed priority. */
  priority: Priority;
  /** A heading of the section or above rules its items out (`Won't have`, `Out of scope`). */
  cancelled: boolean;
  /** The status the nearest group's `Status:` field gives, or null. */
  groupStatus: Status | null;
  /** Owner and dates the sections' own fields give (`**Owner**: ana` under a heading), the nearest section's first (docs/rules.md#planning-formats). */
  groupPlanning: Partial<PlanningFields>;
}

/**
 * A candidate settled into an item (docs/rules.md, "Status", "Priority",
 * "Effort", "Blocking"): its status, its priority (its own marker or
 * `Priority:` field, else its scope's), its estimate as written and
 * whether it carries a blocking marker.
 */
export function settleItem(
  candidate: Candidate,
  id: string,
  parentId: string | null,
  scope: ScopeFacts,
  matchers: Matchers,
  sizesSeen: string[] = [],
): ExtractedItem {
  const effortField = findField(candidate.fields, matchers.effortNames);
  const optionalTag = OPTIONAL_TAG.test(candidate.priorityText);
  const planning = optionalTag ? { ...candidate.planning, optional: true } : candidate.planning;
  return {
    id,
    title: candidate.title,
    status: settleStatus(candidate, scope.cancelled, matchers.ruleOn('group-status-stays') ? null : scope.groupStatus),
    priority: ownPriority(candidate, matchers) ?? scope.priority,
    effort: estimateOf(effortField?.value ?? null, candidate.effortText, matchers, sizesSeen),
    kind: candidate.kind,
    line: candidate.line,
    column: candidate.column,
    sectionPath: sectionPath(candidate.scope),
    parentId,
    fingerprint: '',
    ...planningFields({ ...scope.groupPlanning, ...defined(planning ?? groupPlanning(candidate.fields)) }),
    blockingMarker: matchers.blockingMarker(candidate.markerText),
    sectionIndex: candidate.section.index,
  };
}

/** An `(optional)` tag on an item: optional as well as low (docs/rules.md#blocking-and-readiness). */
const OPTIONAL_TAG = /[[(]\s*optional\s*[\])]/iu;

/**
 * An estimate from an effort field's value, else from the parentheses of
 * `title`; a T-shirt size counts when `effortSizes` maps it, else it is
 * pushed on `sizesSeen` and there is no estimate (docs/rules.md#effort).
 */
export function estimateOf(fieldValue: string | null, title: string, matchers: Matchers, sizesSeen: string[]): Estimate | null {
  const estimate = (fieldValue !== null ? parseEffort(fieldValue) : null) ?? parentheticalEffort(title, matchers.effortNames, matchers.ruleOn('strict-parentheses'));
  if (estimate) return estimate;
  const size = (fieldValue !== null ? tShirtSize(fieldValue, false) : null) ?? tShirtSize(title, true);
  if (!size) return null;
  const mapped = matchers.effortSizes.get(size);
  const sized = mapped !== undefined ? parseEffort(mapped) : null;
  if (!sized) {
    sizesSeen.push(size);
    return null;
  }
  return { ...sized, text: fieldValue?.trim() ?? size };
}

/** The keys of `given` whose value is set (not undefined or null). */
function defined(given: Partial<PlanningFields> = {}): Partial<PlanningFields> {
  return Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined && value !== null));
}

/** A candidate's planning fields with the defaults filled in, in the report's key order. */
function planningFields(given: Partial<PlanningFields> = {}): PlanningFields {
  return {
    ref: given.ref ?? null,
    optional: given.optional ?? false,
    owner: given.owner ?? null,
    due: given.due ?? null,
    scheduled: given.scheduled ?? null,
    start: given.start ?? null,
    doneDate: given.doneDate ?? null,
    dependsOn: [...(given.dependsOn ?? [])],
    tags: [...(given.tags ?? [])],
  };
}

/** The item's own explicit priority: a tag or leading emoji in its text, else its `Priority:` field. */
function ownPriority(candidate: Candidate, matchers: Matchers): Priority | null {
  const marker = matchers.priority.itemMarker(candidate.priorityText);
  if (marker) return marker;
  const field = findField(candidate.fields, ['priority']);
  return field ? matchers.priority.fieldValue(field.value) : null;
}
