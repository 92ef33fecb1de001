import type { Status } from '../model.js';
import { type Field, findField } from './fields.js';
import { STATUS_EMOJI, STATUS_MARKERS, escapeRegExp } from './vocabulary.js';

/**
 * Status rules (docs/rules.md, "Status"): leading status emoji, status
 * markers inside an open item's text, `Status:` field values, and the rule
 * that settles an item's status from them.
 */

const LEADING_EMOJI = new RegExp(
  `^\\s*(${STATUS_EMOJI.map(([emoji]) => escapeRegExp(emoji)).join('|')})\\uFE0F?`,
  'u',
);

/** The status a leading status emoji gives (`✅ Done thing` → done), with the rest of the text. */
export function leadingStatusEmoji(text: string): { status: Status; rest: string } | null {
  const match = LEADING_EMOJI.exec(text);
  if (!match) return null;
  const status = STATUS_EMOJI.find(([emoji]) => emoji === match[1])?.[1];
  return status ? { status, rest: text.slice(match[0].length).trim() } : null;
}

const MARKER_PATTERN = new RegExp(
  STATUS_MARKERS.map(([marker]) =>
    /\p{L}/u.test(marker)
      ? `(?<![\\p{L}\\p{N}_])${marker.split(' ').map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}_])`
      : escapeRegExp(marker),
  )
    .map((pattern) => `(${pattern})`)
    .join('|'),
  'iu',
);

/**
 * The first status marker in an open item's own text (`⚠️ PARTIAL` →
 * in_progress, `NOT DONE` → todo), or null. Words only as whole words, any
 * case (`Partially updated` is prose).
 */
export function statusMarker(text: string): Exclude<Status, 'done' | 'cancelled'> | null {
  const match = MARKER_PATTERN.exec(text);
  if (!match) return null;
  const index = match.slice(1).findIndex((group) => group !== undefined);
  return STATUS_MARKERS[index]?.[1] ?? null;
}

const DONE_VALUE = /^\s*(?:✅|✔|☑|(?:done|complete|completed|finished|shipped)(?![\p{L}\p{N}_]))/iu;

/**
 * The status a `Status:` field value states (docs/rules.md, "Status"): `done`,
 * `complete(d)`, `✅` at its start → done; otherwise its first marker.
 */
export function statusFieldValue(value: string): Status | null {
  if (DONE_VALUE.test(value)) return 'done';
  return leadingStatusEmoji(value)?.status ?? statusMarker(value);
}

/** What an item's status rule reads (see `Candidate` in recognisers/types.ts). */
export interface StatusInput {
  statusRule: 'checkbox' | 'stated';
  checked: boolean | null;
  formStatus: Status | null;
  title: string;
  markerText: string;
  fields: readonly Field[];
}

/**
 * An item's status (docs/rules.md, "Status"). `cancelledBySection`: a
 * heading of the item's scope or above rules its items out;
 * `groupStatus`: the status the nearest group's `Status:` field gives.
 */
export function settleStatus(item: StatusInput, cancelledBySection: boolean, groupStatus: Status | null): Status {
  if (item.statusRule === 'checkbox') {
    if (item.checked === true) return 'done';
    if (item.formStatus === 'cancelled' || cancelledBySection) return 'cancelled';
    if (item.formStatus) return item.formStatus;
    const statusField = findField(item.fields, ['status']);
    const fromField = statusField ? statusMarker(statusField.value) : null;
    return statusMarker(item.markerText) ?? fromField ?? groupStatus ?? 'todo';
  }
  // Written status: leading emoji, then a Status field, then markers in the title.
  let status: Status | null = item.formStatus;
  if (!status) {
    const statusField = findField(item.fields, ['status']);
    status = statusField ? statusFieldValue(statusField.value) : null;
  }
  status ??= statusMarker(item.title) ?? 'todo';
  if (status !== 'done' && cancelledBySection) return 'cancelled';
  return status;
}
