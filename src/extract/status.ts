import type { Status } from '../model.js';
import { STATUS_EMOJI, STATUS_MARKERS, escapeRegExp } from './vocabulary.js';

/**
 * Status rules of SPEC.md §1.2 that read text: leading status emoji, status
 * markers inside an open item's text, and `Status:` field values.
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
 * The status a `Status:` field value states (SPEC.md §1.2): `done`,
 * `complete(d)`, `✅` at its start → done; otherwise its first marker.
 */
export function statusFieldValue(value: string): Status | null {
  if (DONE_VALUE.test(value)) return 'done';
  return leadingStatusEmoji(value)?.status ?? statusMarker(value);
}
