/**
 * Bytes → text for analysis (docs/rules.md, "Encodings").
 *
 * Files are UTF-8, optionally with a BOM. Binary files are skipped, stray NUL
 * bytes dropped, invalid UTF-8 replaced with U+FFFD, and "mojibake" — UTF-8
 * text that was decoded as Windows-1252 or Mac OS Roman and saved again as
 * UTF-8 (`âœ…` for ✅, `üö®` for 🚨) — is repaired run by run. Every change
 * is reported as a {@link Diagnostic}; line endings are never changed.
 */
import type { Diagnostic } from '../model.js';
import { SourceText } from '../text/source.js';
import { plural } from '../words.js';

/** One repaired mojibake run. */
export interface TextRepair {
  /** Offset of the repaired text in the decoded (output) text, UTF-16 code units. */
  offset: number;
  /** Length of the repaired text in the output text, UTF-16 code units. */
  length: number;
  /** The text as it was before repair (the mojibake run). */
  original: string;
  /** The encoding the UTF-8 bytes had been wrongly decoded with. */
  encoding: 'Windows-1252' | 'Mac OS Roman';
}

/** The result of {@link decodeMarkdown}: the text to analyse and what was done to get it. */
export interface DecodedText {
  /**
   * Analysis text: BOM removed, mojibake repaired, invalid bytes → U+FFFD,
   * NULs dropped. Line endings unchanged (CRLF stays CRLF). `''` when binary.
   */
  text: string;
  /** The file started with a UTF-8 BOM (EF BB BF). */
  bom: boolean;
  /** A NUL byte in the first 8,000 bytes (git's rule); `text` is `''` then. */
  binary: boolean;
  /** Repaired mojibake runs, in order of offset. */
  repairs: TextRepair[];
  /** Findings about the bytes (binary, NULs, invalid UTF-8, repairs), ordered by line. */
  diagnostics: Diagnostic[];
}

type Encoding = TextRepair['encoding'];

/** How many leading bytes are searched for a NUL to call a file binary (git's `buffer_is_binary`). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * The characters of bytes 0x80–0xFF in Windows-1252 and Mac OS Roman, as
 * iconv-lite decodes them (`win1252`, `macintosh`; test/load-decode.test.ts
 * checks them against it), U+FFFD where it decodes none. Written out so
 * that start-up does not load iconv-lite's tables.
 */
export const HIGH_BYTES = {
  win1252:
    '€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ\u00A0¡¢£¤¥¦§¨©ª«¬\u00AD®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ',
  macintosh:
    'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªº\u2126æø¿¡¬√ƒ≈∆«»…\u00A0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄¤‹›ﬁﬂ‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uFFFDÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ',
} as const;

/**
 * char → byte (0x80–0xFF) for one single-byte encoding, from
 * {@link HIGH_BYTES}; bytes without a character (U+FFFD) are left out
 * unless patched.
 */
function highByteTable(name: keyof typeof HIGH_BYTES, patches: ReadonlyArray<readonly [string, number]>): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  [...HIGH_BYTES[name]].forEach((char, i) => {
    if (char !== '\uFFFD') table.set(char, 0x80 + i);
  });
  for (const [char, byte] of patches) table.set(char, byte);
  return table;
}

const TABLES: Readonly<Record<Encoding, ReadonlyMap<string, number>>> = {
  // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined (iconv-lite
  // decodes them to U+FFFD), but the tools that produce mojibake decode them
  // as Latin-1 would, to the C1 controls U+0081…, so map those back.
  'Windows-1252': highByteTable('win1252', [
    ['\u0081', 0x81],
    ['\u008D', 0x8d],
    ['\u008F', 0x8f],
    ['\u0090', 0x90],
    ['\u009D', 0x9d],
  ]),
  'Mac OS Roman': highByteTable('macintosh', [
    // iconv-lite decodes 0xF0 to U+FFFD, but Mac OS Roman 0xF0 is the Apple
    // logo U+F8FF: every damaged emoji (lead byte F0) starts with it, e.g.
    // 🚨 saved as U+F8FF + `üö®` in the seeds.
    ['\uF8FF', 0xf0],
    // iconv-lite follows the pre-1998 table (0xBD Ω U+2126 Ohm, 0xDB ¤ U+00A4);
    // Apple's current table — and Python's `mac_roman` — use U+03A9 and €, so
    // accept both spellings.
    ['\u03A9', 0xbd],
    ['\u20AC', 0xdb],
  ]),
};

/** Try order for each run (docs/rules.md, "Encodings"): Windows-1252 first, then Mac OS Roman. */
const ENCODINGS: readonly Encoding[] = ['Windows-1252', 'Mac OS Roman'];

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Whether a repaired run is plausible text, i.e. made only of characters that
 * real mojibake in these documents stands for. Guards plain accented text
 * whose neighbouring characters happen to form valid UTF-8 when re-encoded:
 * `l’été` (Mac OS Roman `’é` = D5 8E → Armenian), `“CAFÉ”` (Windows-1252
 * `É”` = C9 94 → IPA ɔ), `« café »` with NBSPs (`é\u00A0»` = E9 A0 BB → CJK).
 */
function isPlausibleRepair(repaired: string, encoding: Encoding): boolean {
  for (const char of repaired) {
    const cp = char.codePointAt(0) ?? 0;
    const ok =
      (cp >= 0x00a0 && cp <= 0x017f) || // Latin-1 Supplement, Latin Extended-A (`Ã©` → é)
      (cp >= 0x0370 && cp <= 0x03ff) || // Greek (`Î±` → α)
      // Basic Cyrillic, Windows-1252 only: in Mac OS Roman its lead bytes are
      // the dashes – and —, and a dash before an accented letter is common.
      (cp >= 0x0400 && cp <= 0x045f && encoding === 'Windows-1252') ||
      (cp >= 0x2000 && cp <= 0x2bff) || // punctuation, arrows, math, box drawing, symbols, dingbats
      cp === 0xfe0e ||
      cp === 0xfe0f || // variation selectors (⚠️)
      (cp >= 0x1f000 && cp <= 0x1fbff); // emoji
    if (!ok) return false;
  }
  return true;
}

/** End (exclusive) of the run of characters of `table` starting at `start`; `start` when none. */
function runEnd(text: string, start: number, table: ReadonlyMap<string, number>): number {
  let end = start;
  while (end < text.length && table.has(text.charAt(end))) end++;
  return end;
}

/** Whether `char` is a high byte in any candidate encoding. */
function inAnyTable(char: string): boolean {
  return ENCODINGS.some((encoding) => TABLES[encoding].has(char));
}

/** The run re-encoded and decoded as UTF-8, or null when its bytes are not valid UTF-8 as a whole. */
function reencode(run: string, table: ReadonlyMap<string, number>): string | null {
  const bytes = new Uint8Array(run.length);
  for (let i = 0; i < run.length; i++) {
    const byte = table.get(run.charAt(i));
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Repairs mojibake (docs/rules.md, "Encodings"): UTF-8 text that was decoded as Windows-1252
 * or Mac OS Roman and saved again as UTF-8.
 *
 * Works run by run. A run is a maximal sequence of non-ASCII characters that
 * all map to a single byte ≥ 0x80 in the candidate encoding; Windows-1252 is
 * tried first, then Mac OS Roman (only when the Windows-1252 bytes are not
 * valid UTF-8), so one text can hold both kinds. A run is replaced only when
 * its bytes are valid UTF-8 as a whole and decode to plausible characters
 * (Latin, Greek, Cyrillic letters, punctuation, symbols, emoji); otherwise it
 * is left unchanged — including a run that begins with a genuine accented
 * letter directly followed by mojibake. ASCII, line endings and plain accented text
 * (`café`, `naïve`, `Ñandú`) are never touched. Pure.
 *
 * @returns the repaired text and the repairs, in order of offset (offsets in
 *   the returned text, UTF-16 code units).
 */
export function repairMojibake(text: string): { text: string; repairs: TextRepair[] } {
  const repairs: TextRepair[] = [];
  let out = '';
  let copied = 0; // text[0, copied) is already in `out`
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) < 0x80) {
      i++;
      continue;
    }
    if (!inAnyTable(text.charAt(i))) {
      i++; // a genuine character (emoji, CJK, …) that no run can hold
      continue;
    }
    let repaired = false;
    for (const encoding of ENCODINGS) {
      const table = TABLES[encoding];
      const end = runEnd(text, i, table);
      if (end === i) continue;
      const original = text.slice(i, end);
      const decoded = reencode(original, table);
      if (decoded === null) continue;
      // Valid but implausible: declined, and not reread in the next encoding
      // (Windows-1252 `Õ¥`, U+0565, would otherwise become Mac OS Roman ʹ).
      if (!isPlausibleRepair(decoded, encoding)) break;
      out += text.slice(copied, i);
      repairs.push({ offset: out.length, length: decoded.length, original, encoding });
      out += decoded;
      copied = end;
      i = end;
      repaired = true;
      break;
    }
    if (!repaired) {
      // Leave the whole run alone: trying a suffix of it would repair text
      // that was never one run of mojibake.
      while (i < text.length && inAnyTable(text.charAt(i))) i++;
    }
  }
  if (repairs.length === 0) return { text, repairs };
  return { text: out + text.slice(copied), repairs };
}

/** A place in the UTF-8 decoded text where invalid bytes were replaced by one U+FFFD. */
interface InvalidSequence {
  /** Offset of the U+FFFD in the decoded text, UTF-16 code units. */
  offset: number;
  /** How many bytes it replaced. */
  bytes: number;
}

/**
 * Finds the invalid UTF-8 sequences of `bytes` exactly as a non-fatal
 * `TextDecoder` replaces them (WHATWG Encoding: one U+FFFD per maximal
 * subpart of an ill-formed sequence), with their offsets in the decoded text.
 */
function findInvalidUtf8(bytes: Uint8Array): InvalidSequence[] {
  const found: InvalidSequence[] = [];
  let offset = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      offset++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      found.push({ offset, bytes: 1 });
      i++;
      offset++;
      continue;
    }
    let j = i + 1;
    let seen = 0;
    while (seen < need && j < n) {
      const c = bytes[j] ?? 0;
      if (c < lower || c > upper) break;
      lower = 0x80;
      upper = 0xbf;
      j++;
      seen++;
    }
    if (seen === need) offset += need === 3 ? 2 : 1;
    else {
      found.push({ offset, bytes: j - i });
      offset++;
    }
    i = j;
  }
  return found;
}

/** Maps an offset in the text before repair to the repaired text (inside a run → its start). */
function mapThroughRepairs(offset: number, repairs: readonly TextRepair[]): number {
  let delta = 0;
  for (const r of repairs) {
    const inputStart = r.offset - delta;
    if (offset < inputStart) break;
    if (offset < inputStart + r.original.length) return r.offset;
    delta += r.length - r.original.length;
  }
  return offset + delta;
}


/** Byte order marks of UTF-16, which is decoded whole (README "Choices"). */
const UTF16_BOMS = [
  { bom: [0xff, 0xfe], bigEndian: false, name: 'UTF-16 LE' },
  { bom: [0xfe, 0xff], bigEndian: true, name: 'UTF-16 BE' },
] as const;

/** Lone surrogates: what invalid UTF-16 decodes to. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Decodes a markdown file's bytes into the text to analyse.
 *
 * - UTF-8; a leading BOM sets `bom` and is removed from `text`.
 * - A UTF-16 byte order mark (FF FE, FE FF) makes the file UTF-16: it is
 *   decoded whole, with an info diagnostic naming the
 *   encoding; invalid code units become U+FFFD (one warning). `bom` stays
 *   false: it speaks of the UTF-8 BOM only.
 * - A NUL in the first 8,000 bytes makes the file binary: `text` is `''` and
 *   one whole-file warning is reported.
 * - Later NUL bytes are dropped (one warning, line of the first).
 * - Invalid UTF-8 becomes U+FFFD, as a non-fatal `TextDecoder` does (one
 *   warning, line of the first, counting invalid bytes). A file in
 *   Windows-1252 or Latin-1 is no exception: its accented letters are
 *   replaced and reported, never guessed (README "Choices").
 * - Mojibake is repaired by {@link repairMojibake} (one info diagnostic naming
 *   the encoding(s), line of the first repair).
 *
 * Lines are 1-based, in the output text. Never throws.
 */
export function decodeMarkdown(bytes: Uint8Array): DecodedText {
  const utf16 = UTF16_BOMS.find(({ bom }) => bytes[0] === bom[0] && bytes[1] === bom[1]);
  if (utf16) return decodeUtf16(bytes, utf16);
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return binaryFile(bom);
  const body = bom ? bytes.subarray(3) : bytes;
  // ignoreBOM: the first BOM is already gone; a second one is content.
  const decoded = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  const invalid = findInvalidUtf8(body);
  const invalidBytes = invalid.reduce((sum, s) => sum + s.bytes, 0);
  const replaced = `replaced ${plural(invalidBytes, 'invalid UTF-8 byte')}; save the file as UTF-8`;
  return finishDecoding(decoded, invalid, replaced, bom, []);
}

/** The result for a binary file: no text, one whole-file warning. */
function binaryFile(bom: boolean): DecodedText {
  return {
    text: '',
    bom,
    binary: true,
    repairs: [],
    diagnostics: [{ line: null, severity: 'warning', message: 'skipped binary file (NUL byte in the first 8,000 bytes)' }],
  };
}

/** UTF-16 with a byte order mark, decoded whole; then as UTF-8 text is (NULs, mojibake). */
function decodeUtf16(bytes: Uint8Array, encoding: (typeof UTF16_BOMS)[number]): DecodedText {
  const body = bytes.subarray(2);
  const raw = utf16CodeUnits(body, encoding.bigEndian);
  // Git's rule, in code units: a NUL in the first 8,000 bytes.
  if (raw.slice(0, BINARY_SNIFF_BYTES / 2).includes('\0')) return binaryFile(false);
  const invalid: InvalidSequence[] = [];
  const decoded = raw.replace(LONE_SURROGATE, (_, offset: number) => {
    invalid.push({ offset, bytes: 2 });
    return '\uFFFD';
  });
  const oddByte = body.length % 2 === 1 ? 1 : 0;
  const notes: Diagnostic[] = [{ line: null, severity: 'info', message: `decoded as ${encoding.name} (byte order mark)` }];
  if (oddByte) notes.push({ line: null, severity: 'warning', message: `dropped 1 trailing byte: ${encoding.name} has an even number of bytes` });
  const replaced = `replaced ${plural(invalid.length, 'invalid UTF-16 code unit')}; save the file as UTF-8`;
  return finishDecoding(decoded, invalid, replaced, false, notes);
}

/**
 * Decoded text → analysis text, for every encoding: NULs dropped, mojibake
 * repaired, and the diagnostics for those and for `invalid` (replaced with
 * U+FFFD during decoding, reported with `replacedMessage`), after `notes`.
 */
function finishDecoding(
  decoded: string,
  invalid: readonly InvalidSequence[],
  replacedMessage: string,
  bom: boolean,
  notes: readonly Diagnostic[],
): DecodedText {
  // Drop NULs (U+0000 only ever comes from a 0x00 byte), remembering where
  // they were in the NUL-free text.
  const nulOffsets: number[] = [];
  let withoutNul = decoded;
  if (decoded.includes('\0')) {
    const parts = decoded.split('\0');
    withoutNul = parts.join('');
    let at = 0;
    for (let k = 0; k < parts.length - 1; k++) {
      at += (parts[k] ?? '').length;
      nulOffsets.push(at);
    }
  }
  const toNulFree = (offset: number): number => {
    let before = 0;
    for (const nul of nulOffsets) {
      if (nul + before >= offset) break;
      before++;
    }
    return offset - before;
  };

  const { text, repairs } = repairMojibake(withoutNul);
  const diagnostics: Diagnostic[] = [...notes];
  // Lines as every later stage counts them; the line table is built only for a text with findings.
  let source: SourceText | undefined;
  const lineAt = (offset: number): number => (source ??= new SourceText(text)).lineOf(offset);

  const firstInvalid = invalid[0];
  if (firstInvalid) {
    const offset = mapThroughRepairs(toNulFree(firstInvalid.offset), repairs);
    diagnostics.push({ line: lineAt(offset), severity: 'warning', message: replacedMessage });
  }
  const firstNul = nulOffsets[0];
  if (firstNul !== undefined) {
    diagnostics.push({
      line: lineAt(mapThroughRepairs(firstNul, repairs)),
      severity: 'warning',
      message: `dropped ${plural(nulOffsets.length, 'NUL byte')}`,
    });
  }
  const firstRepair = repairs[0];
  if (firstRepair) {
    const used = ENCODINGS.filter((e) => repairs.some((r) => r.encoding === e));
    diagnostics.push({
      line: lineAt(firstRepair.offset),
      severity: 'info',
      message: `repaired ${used.join(' and ')} mojibake`,
    });
  }
  // Stable: ties keep the order above.
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { text, bom, binary: false, repairs, diagnostics };
}

/** The code units of UTF-16 bytes as a string: lone surrogates kept (invalid code units), an odd last byte dropped. */
function utf16CodeUnits(body: Uint8Array, bigEndian: boolean): string {
  const units = new Uint16Array(body.length >> 1);
  for (let i = 0; i < units.length; i++) {
    const first = body[2 * i]!;
    const second = body[2 * i + 1]!;
    units[i] = bigEndian ? (first << 8) | second : (second << 8) | first;
  }
  const parts: string[] = [];
  for (let start = 0; start < units.length; start += 8192) parts.push(String.fromCharCode(...units.subarray(start, start + 8192)));
  return parts.join('');
}
