/**
 * From the analysed text back to the file's bytes (docs/rules.md#claims, #encodings).
 *
 * Every position in a report is in the *analysed* text: the file decoded as
 * UTF-8, BOM removed, mojibake runs repaired. `fix` edits that text's
 * coordinates but writes the file's own bytes: each edit is mapped through
 * the repairs onto the text as it was before repair, and the BOM is put
 * back, so every byte outside an edit — BOM, CRLF, trailing spaces, the
 * mojibake itself — stays exactly as it was.
 */
import type { TextRepair } from '../load/decode.js';

/** Replace `[start, end)` of a text with `text` (offsets in UTF-16 code units). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** What `fix` needs of a decoded file: the analysed text and how it was obtained. */
export interface DecodedFile {
  /** Analysed text: BOM removed, mojibake repaired. */
  text: string;
  bom: boolean;
  /** Repaired runs, in order of offset (offsets in `text`). */
  repairs: readonly TextRepair[];
}

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Why a file's bytes cannot be rewritten safely, as a one-line reason, or
 * null when they can: only valid UTF-8 without NUL bytes maps back to the
 * same bytes (invalid bytes were replaced with U+FFFD and NULs dropped on
 * reading).
 */
export function unwritableReason(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return 'it holds NUL bytes';
  try {
    strictUtf8.decode(bytes);
  } catch {
    return 'it holds invalid UTF-8; save it as UTF-8';
  }
  return null;
}

/**
 * Maps an offset in the analysed text to the text before repair. An offset
 * inside a repaired run has no counterpart: null.
 */
export function offsetBeforeRepair(offset: number, repairs: readonly TextRepair[]): number | null {
  let delta = 0;
  for (const repair of repairs) {
    if (offset <= repair.offset) break;
    if (offset < repair.offset + repair.length) return null;
    delta += repair.original.length - repair.length;
  }
  return offset + delta;
}

/** The text before repair: every repaired run put back as it was. */
export function textBeforeRepair(file: DecodedFile): string {
  let out = '';
  let at = 0;
  for (const repair of file.repairs) {
    out += file.text.slice(at, repair.offset) + repair.original;
    at = repair.offset + repair.length;
  }
  return out + file.text.slice(at);
}

/** Applies non-overlapping edits to a text. Edits may come in any order. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`Unexpected edit [${edit.start}, ${edit.end}), expected non-overlapping ranges inside the text`);
    }
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

/**
 * The file's bytes with `edits` (in analysed-text offsets) applied, every
 * other byte unchanged.
 *
 * @param bytes the file as read; must decode to `file` (see {@link unwritableReason}).
 * @throws RangeError when the bytes do not decode to `file` or an edit ends inside a repaired run.
 */
export function editBytes(bytes: Uint8Array, file: DecodedFile, edits: readonly TextEdit[]): Uint8Array {
  const before = textBeforeRepair(file);
  const prefix = file.bom ? UTF8_BOM : new Uint8Array(0);
  if (!sameBytes(encode(prefix, before), bytes)) {
    throw new RangeError('Unexpected bytes: the file does not decode to the analysed text');
  }
  const mapped = edits.map((edit) => {
    const start = offsetBeforeRepair(edit.start, file.repairs);
    const end = offsetBeforeRepair(edit.end, file.repairs);
    if (start === null || end === null) throw new RangeError(`Unexpected edit at offset ${edit.start} inside a repaired run`);
    return { start, end, text: edit.text };
  });
  return encode(prefix, applyEdits(before, mapped));
}

/** Byte-for-byte equality. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

function encode(prefix: Uint8Array, text: string): Uint8Array {
  return Buffer.concat([prefix, Buffer.from(text, 'utf8')]);
}
