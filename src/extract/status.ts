import type { Status } from '../model.js';
import { type Field, findField } from './fields.js';
import { DONE_WORDS, STATUS_EMOJI, STATUS_MARKERS, escapeRegExp } from './vocabulary.js';

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

/** A marker as a pattern: words separated by any white space, any case. */
const markerWords = (marker: string): string => marker.split(' ').map(escapeRegExp).join('\\s+');

const MARKER_PATTERN = new RegExp(
  STATUS_MARKERS.map(([marker]) =>
    /\p{L}/u.test(marker) ? `(?<![\\p{L}\\p{N}_])${markerWords(marker)}(?![\\p{L}\\p{N}_])` : escapeRegExp(marker),
  )
    .map((pattern) => `(${pattern})`)
    .join('|'),
  'iu',
);

/**
 * {@link MARKER_PATTERN} without its word boundaries: a text it rejects has no
 * marker. V8 compiles a pattern on its first use, and the letter classes of
 * the boundaries make that costly, so texts without a marker word, most of
 * them, never pay for it (docs/architecture.md#start-up).
 */
const MARKER_WORDS = new RegExp(STATUS_MARKERS.map(([marker]) => markerWords(marker)).join('|'), 'iu');

/**
 * The first status marker in an open item's own text (`⚠️ PARTIAL` →
 * in_progress, `NOT DONE` → todo), or null. Words only as whole words, any
 * case (`Partially updated` is prose).
 */
export function statusMarker(text: string): Exclude<Status, 'done' | 'cancelled'> | null {
  const own = withoutDateFields(text);
  if (!MARKER_WORDS.test(own)) return null;
  const match = MARKER_PATTERN.exec(own);
  if (!match) return null;
  const index = match.slice(1).findIndex((group) => group !== undefined);
  return STATUS_MARKERS[index]?.[1] ?? null;
}

/**
 * Obsidian Tasks date fields (`⏳ 2025-03-01` scheduled, `✅ 2025-03-01` done,
 * `❌ 2025-03-01` cancelled, `📅` due, `🛫` start, `➕` created) and a
 * depends-on `⛔ id` after text: values, not statuses (docs/rules.md#status).
 */
const DATE_FIELD = /[⏳✅❌📅🛫➕]\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}/gu;
const DEPENDS_ON = /⛔\uFE0F?[ \t]*[\p{L}\p{N}_-]+(?:[ \t]*,[ \t]*[\p{L}\p{N}_-]+)*/gu;

/** `text` with Obsidian date fields and trailing depends-on ids blanked out. */
export function withoutDateFields(text: string): string {
  if (!/[⏳✅❌📅🛫➕⛔]/u.test(text)) return text;
  // Only after text: a leading `⛔` is the blocked status.
  return text.replace(DATE_FIELD, ' ').replace(DEPENDS_ON, (match, offset: number) => (text.slice(0, offset).trim() === '' ? match : ' '));
}

const DONE_VALUE = new RegExp(`^\\s*(?:✅|✔|✓|☑|(?:${DONE_WORDS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_]))`, 'iu');

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
