import stripAnsi from 'strip-ansi';

/**
 * The one place that decides what text from a file may carry when it is
 * written somewhere that interprets characters: a terminal line, a path on a
 * line of its own, JUnit XML, a GitHub workflow command, a diff shown on a
 * terminal. Text from a file never reaches any of them raw (docs/architecture.md,
 * "Text model").
 */

/**
 * C0 controls, DEL and C1 controls, except the characters of `keep`, as a
 * global pattern. Every sanitiser below starts from this set.
 */
function controlCharacters(keep: string): RegExp {
  const except = keep === '' ? '' : `(?![${keep}])`;
  return new RegExp(`${except}[\\u0000-\\u001f\\u007f-\\u009f]`, 'g');
}

/**
 * Invisible format characters that reorder or hide text on a terminal or in
 * a CI annotation (the "Trojan Source" characters): bidi embeddings and
 * overrides U+202A–U+202E, bidi isolates U+2066–U+2069, the marks
 * U+200E/U+200F, and zero-width characters U+200B, U+200C, U+2060, U+FEFF —
 * and U+200D, except between two pictographs, where it joins an emoji
 * sequence (👩‍💻) and is kept.
 */
const INVISIBLE_FORMAT = /[\u202a-\u202e\u2066-\u2069\u200b\u200c\u200e\u200f\u2060\ufeff]|\u200d(?!\p{Extended_Pictographic})|(?<!\p{Extended_Pictographic}\ufe0f?)\u200d/gu;

// Tab, LF, VT, FF and CR separate words: sanitizeText turns them into spaces.
const TERMINAL_CONTROLS = controlCharacters('\\t\\n\\v\\f\\r');
const PATH_CONTROLS = controlCharacters('');
const DIFF_CONTROLS = controlCharacters('\\t\\n\\r');

/**
 * One line of plain text for a terminal or any text output: whole terminal
 * escape sequences removed (CSI, OSC with BEL or ST terminator, via
 * strip-ansi), then every remaining control character and every bidi
 * override and zero-width character ({@link INVISIBLE_FORMAT}), then
 * whitespace collapsed to single spaces and trimmed.
 */
export function sanitizeText(text: string): string {
  return withoutInvisible(text).replace(/\s+/g, ' ').trim();
}

/**
 * `text` without what {@link sanitizeText} removes before it collapses white
 * space: terminal escape sequences, control characters other than white
 * space, bidi overrides and zero-width characters. Line breaks and tabs stay.
 */
export function withoutInvisible(text: string): string {
  return MAY_HOLD_INVISIBLE.test(text) ? stripAnsi(text).replace(TERMINAL_CONTROLS, '').replace(INVISIBLE_FORMAT, '') : text;
}

/** Every character {@link withoutInvisible} may remove or that starts what it removes: a cheap test first. */
const MAY_HOLD_INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * A reported path for formats that print it as text on a line of its own
 * (JUnit XML, GitHub workflow commands): control characters — a newline,
 * ESC, a tab — written as `%0A`, `%1B`, `%09`, and bidi overrides and
 * zero-width characters as their UTF-8 bytes (`%E2%80%AE` for U+202E), so
 * that a crafted file name can neither start a line (`\n::error::…` is a
 * workflow command in a CI log), reorder what is shown, nor reach a terminal
 * raw. Any other path comes back unchanged.
 */
export function printablePath(displayed: string): string {
  return displayed
    .replace(PATH_CONTROLS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
    .replace(INVISIBLE_FORMAT, (c) => [...Buffer.from(c)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join(''));
}

/**
 * Text of a diff shown on a terminal: control characters other than tab
 * and line endings written as `\xNN`, bidi overrides and zero-width
 * characters as `\uNNNN`, so that a file's bytes cannot drive or reorder
 * the terminal while the diff stays readable.
 */
export function escapeControls(text: string): string {
  return text
    .replace(DIFF_CONTROLS, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(INVISIBLE_FORMAT, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// XML 1.0 allows tab, LF and CR among the C0 controls, and DEL and the C1 controls; never U+FFFE, U+FFFF or a lone surrogate.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Drops what XML 1.0 cannot carry at all (C0 controls but tab, LF and CR;
 * U+FFFE, U+FFFF; lone surrogates). Escaping `&`, `<` and quotes is the XML
 * builder's job.
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/**
 * Escapes a workflow command's message: `%`, CR and LF (the rules of
 * @actions/core's `escapeData`), so a message can never end the command early.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as {@link escapeData}, plus `:` and `,` (@actions/core's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A GitHub workflow command's message: one sanitised line, escaped with
 * {@link escapeData}.
 */
export function workflowMessage(text: string): string {
  return escapeData(sanitizeText(text));
}

/**
 * A GitHub workflow command's property value (a file name, a title):
 * escaped with {@link escapeProperty}, and the control characters the
 * workflow-command rules leave alone written as `%1B`, `%09`.
 */
export function workflowProperty(text: string): string {
  return printablePath(escapeProperty(text));
}
