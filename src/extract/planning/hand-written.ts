import { findField } from '../fields.js';
import type { PlanningFields } from '../types.js';
import { isoDate, refList } from './dates.js';
import type { PlanningUnit } from './types.js';

// `@ana` after a space or at the start, as GitHub spells user names (letters, digits, inner hyphens): not an
// e-mail address, not an npm scope (`@types/node`), not a setting such as `@max_concurrent_skills`.
const MENTION = /(?:^|[\s(])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w/@-]|\.\w)/u;
// `(due 2026-03-01)`, `due: 2026-03-01`, `due 2026-03-01`, `deadline: …`.
const DUE = /\b(?:due|deadline)\b:?\s*(\d{4}-\d{2}-\d{2})\b/i;
// `blocked-by: t020`, `blocked by: t020, t021`, `depends-on: x`.
const BLOCKED_BY = /\b(?:blocked[- ]by|depends[- ]on)\s*:\s*([A-Za-z0-9_.-]+(?:\s*,\s*[A-Za-z0-9_.-]+)*)/i;
// `#tag` after a space or at the start: starts with a letter (not `#12`, an issue number).
const TAG = /(?:^|\s)#([\p{L}][\p{L}\p{N}_/-]*)/gu;

// A leading label: `TASK-01`, `BUG-104:` (letters, a hyphen, digits), `t020` (a t and three digits, as
// spec-kit writes its ids), or a ticket word and a number (`Bug 104`). Not `C1 control`, `Q3 planning`, `MP3 player`.
const LABEL = /^(?:([A-Za-z]{2,10}-\d+|[Tt]\d{3,})|((?:bug|issue|task|story|ticket) \d+))\b[:.]?\s/i;

const OWNER_FIELDS = ['owner', 'assignee', 'assigned to', 'assigned'];
const DUE_FIELDS = ['due', 'due date', 'deadline'];
const DEPENDENCY_FIELDS = ['blocked-by', 'blocked by', 'depends-on', 'depends on', 'dependencies'];

/**
 * Hand-written planning fields (docs/rules.md#planning-formats): a leading
 * label (`TASK-01`, `t020`, `Bug 104`) as the ref, `@ana` or an `Owner:` field, `due: 2026-03-01` or `(due 2026-03-01)`, `blocked-by:
 * t020`, `#tag`. In the title or as fields on the item's own lines.
 */
export const handWrittenUnit: PlanningUnit = {
  name: 'hand-written',
  read({ title, fields }) {
    const found: Partial<PlanningFields> = {};
    const label = LABEL.exec(title);
    if (label) found.ref = label[1] ?? label[2]!;
    const ownerField = findField(fields, OWNER_FIELDS);
    const owner = ownerField ? ownerField.value.replace(/^@/, '').trim() : MENTION.exec(title)?.[1];
    if (owner) found.owner = owner;
    const dueField = findField(fields, DUE_FIELDS);
    const due = isoDate(dueField?.value ?? '') ?? isoDate(DUE.exec(title)?.[1] ?? '');
    if (due) found.due = due;
    const dependencyField = findField(fields, DEPENDENCY_FIELDS);
    const dependencies = dependencyField ? refList(dependencyField.value) : refList(BLOCKED_BY.exec(title)?.[1] ?? '');
    if (dependencies.length > 0) found.dependsOn = dependencies;
    const tags = [...title.matchAll(TAG)].map((m) => m[1]!);
    if (tags.length > 0) found.tags = tags;
    return Object.keys(found).length > 0 ? found : null;
  },
};
