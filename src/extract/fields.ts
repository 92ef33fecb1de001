/**
 * Fields (SPEC.md §3): `Name: value` at the start of a paragraph line or a
 * list item, with the name optionally bold or underlined. They are read from
 * plain text, after markdown emphasis is gone, so every written form is one.
 */

/** A field as written: name lower-cased and trimmed, value trimmed. */
export interface Field {
  name: string;
  value: string;
  /** 1-based source line. */
  line: number;
}

// A name is a short phrase: starts with a letter, at most 40 characters, no sentence punctuation.
// It ends with a non-space (the spaces before the colon are `\s*`'s alone), and the value is the
// rest of the line, taken by slicing: spaces that two quantifiers could both take backtrack
// quadratically over a long run of them.
const FIELD_NAME = /^\s*(\p{L}(?:[\p{L}\p{N} _/&'’().-]{0,38}?[\p{L}\p{N}_/&'’().-])?)\s*:/u;
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/** Reads a field from one plain-text line, or null. Names of more than five words are prose. */
export function readField(text: string, line: number): Field | null {
  const match = FIELD_NAME.exec(text);
  if (!match) return null;
  const value = text.slice(match[0].length).trimStart();
  // After the spaces that follow the colon, one line only (what `.` up to `$` allowed).
  if (LINE_TERMINATOR.test(value)) return null;
  const name = match[1]!.trim().replace(/\s+/g, ' ');
  if (name.split(' ').length > 5 || /^https?$/i.test(name)) return null;
  return { name: name.toLowerCase(), value: value.trimEnd(), line };
}

/** The first field named one of `names` (lower-case), or undefined. */
export function findField(fields: readonly Field[], names: ReadonlySet<string> | readonly string[]): Field | undefined {
  const set = names instanceof Set ? names : new Set(names as readonly string[]);
  return fields.find((field) => set.has(field.name));
}
