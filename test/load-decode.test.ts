/**
 * src/load/decode.ts: bytes → analysis text (SPEC.md §7) — BOM, binary files,
 * NUL bytes, invalid UTF-8 and run-by-run mojibake repair.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeMarkdown, HIGH_BYTES, repairMojibake, type DecodedText, type TextRepair } from '../src/load/decode.js';

const seedsDir = fileURLToPath(new URL('../fixtures/seeds/', import.meta.url));
const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The seed inputs (the folder also holds their expected outputs). */
const seedNames = (): string[] => readdirSync(seedsDir).filter((f) => /^\d{3}_[0-9a-f]+\.md$/.test(f)).sort();

function seed(prefix: string): { bytes: Uint8Array; decoded: DecodedText } {
  const name = seedNames().find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  const bytes = readFileSync(seedsDir + name);
  return { bytes, decoded: decodeMarkdown(bytes) };
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytesOf = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

type Encoding = TextRepair['encoding'];

/**
 * byte (0x80–0xFF) → char, built independently of the module under test:
 * iconv-lite's tables plus the two gaps real mojibake shows (C1 controls for
 * Windows-1252's undefined bytes, the Apple logo for Mac OS Roman 0xF0).
 */
function highChars(iconvName: string): string[] {
  const chars: string[] = [];
  for (let b = 0x80; b <= 0xff; b++) {
    const c = iconv.decode(Buffer.from([b]), iconvName);
    if (c !== '\uFFFD') chars.push(c);
    else chars.push(iconvName === 'macintosh' ? '\uF8FF' : String.fromCharCode(b));
  }
  return chars;
}
const HIGH: Record<Encoding, string[]> = { 'Windows-1252': highChars('win1252'), 'Mac OS Roman': highChars('macintosh') };

/** What an editor shows (and saves) when it reads UTF-8 `s` as `encoding`. */
function mojibake(s: string, encoding: Encoding): string {
  return [...utf8(s)].map((b) => (b < 0x80 ? String.fromCharCode(b) : (HIGH[encoding][b - 0x80] ?? ''))).join('');
}

/** Undo the repairs: the input of `repairMojibake`, rebuilt from its output. */
function unrepair(text: string, repairs: readonly TextRepair[]): string {
  let out = '';
  let at = 0;
  for (const r of repairs) {
    out += text.slice(at, r.offset) + r.original;
    at = r.offset + r.length;
  }
  return out + text.slice(at);
}

/** Leftovers of the damage seen in the seeds. */
const MOJIBAKE_MARKS = ['\uF8FF', 'ðŸ', 'â€', 'âœ', 'â”', '‚ö', '‚ú', '‚Ü', '‚ù', '‚≠', 'üé', 'üî', 'üü', 'üö', 'üì'];

describe('seeds (real files)', () => {
  it('000: Mac OS Roman emoji headings, each preceded by U+F8FF', () => {
    const { decoded } = seed('000_');
    expect(decoded.text).toContain('## 🚨 HIGH PRIORITY (Immediate Action Required)');
    expect(decoded.text).toContain('## 🎯 MEDIUM PRIORITY');
    expect(decoded.text).toContain('## 📋 LOW PRIORITY');
    expect(decoded.repairs).toHaveLength(7);
    expect(new Set(decoded.repairs.map((r) => r.encoding))).toEqual(new Set(['Mac OS Roman']));
    expect(decoded.repairs[0]).toEqual({ offset: decoded.text.indexOf('🚨'), length: 2, original: '\uF8FFüö®', encoding: 'Mac OS Roman' });
    expect(decoded.diagnostics).toEqual([{ line: 3, severity: 'info', message: 'repaired Mac OS Roman mojibake' }]);
  });

  it('001: Mac OS Roman ⚠️, ✅ and priority circles', () => {
    const { decoded } = seed('001_');
    expect(decoded.text.startsWith('# ⚠️ INCOMPLETE TASKS SUMMARY\n')).toBe(true);
    expect(decoded.text).toContain('## 🔴 CRITICAL PATH');
    expect(decoded.text).toContain('## 🟠 HIGH PRIORITY');
    expect(decoded.text).toContain('- [x] **Verify build** - ✅ `cargo build --release`');
    expect(decoded.repairs).toHaveLength(35);
    expect(decoded.repairs.every((r) => r.encoding === 'Mac OS Roman')).toBe(true);
    expect(decoded.diagnostics).toEqual([{ line: 1, severity: 'info', message: 'repaired Mac OS Roman mojibake' }]);
  });

  it('002: Mac OS Roman arrows, stars, ✅/❌ and ≠', () => {
    const { decoded } = seed('002_');
    expect(decoded.text.startsWith('# 🎯 PRIORITIZED INCOMPLETE TASKS')).toBe(true);
    expect(decoded.text).toContain('**Priority: CRITICAL → HIGH → MEDIUM → LOW**');
    expect(decoded.text).toContain('## 🔴 **CRITICAL PATH - DO THESE FIRST**');
    expect(decoded.text).toContain('⭐ HIGHEST PRIORITY');
    expect(decoded.repairs).toHaveLength(74);
    expect(decoded.repairs.every((r) => r.encoding === 'Mac OS Roman')).toBe(true);
    expect(decoded.diagnostics).toEqual([{ line: 1, severity: 'info', message: 'repaired Mac OS Roman mojibake' }]);
  });

  it('003: clean UTF-8 is returned unchanged, without diagnostics', () => {
    const { bytes, decoded } = seed('003_');
    expect(decoded.text).toBe(new TextDecoder().decode(bytes));
    expect(decoded.repairs).toEqual([]);
    expect(decoded.diagnostics).toEqual([]);
    expect(decoded.bom).toBe(false);
    expect(decoded.binary).toBe(false);
  });

  it('004: Windows-1252 ✅ markers, priority circles and box drawing', () => {
    const { decoded } = seed('004_');
    expect(decoded.text).toContain('✅ **Security Infrastructure**');
    expect(decoded.text).toContain('### 🔴 HIGH Priority');
    expect(decoded.text).toContain('### 🟡 MEDIUM Priority');
    expect(decoded.text).toContain('├── README.md');
    expect(decoded.text).toContain('└── 04_user_experience_enhancement.md');
    expect(decoded.repairs).toHaveLength(10);
    expect(decoded.repairs.every((r) => r.encoding === 'Windows-1252')).toBe(true);
    expect(decoded.diagnostics).toEqual([{ line: 7, severity: 'info', message: 'repaired Windows-1252 mojibake' }]);
  });

  it('no seed keeps any mojibake, and every repair is exact', () => {
    const names = seedNames();
    expect(names).toHaveLength(5);
    for (const name of names) {
      const bytes = readFileSync(seedsDir + name);
      const { text, repairs } = decodeMarkdown(bytes);
      for (const mark of MOJIBAKE_MARKS) expect(text, `${name}: ${mark}`).not.toContain(mark);
      expect(repairMojibake(text).repairs, name).toEqual([]);
      for (const r of repairs) expect(mojibake(text.slice(r.offset, r.offset + r.length), r.encoding)).toBe(r.original);
      expect(unrepair(text, repairs)).toBe(new TextDecoder().decode(bytes));
      // Line structure is unchanged.
      expect(text.split('\n').length).toBe(bytes.filter((b) => b === 0x0a).length + 1);
    }
  });
});

describe('fixture inputs', () => {
  const fixture = (name: string): DecodedText => decodeMarkdown(readFileSync(`${fixturesDir}${name}/input.md`));

  it('mojibake-cp1252', () => {
    const d = fixture('mojibake-cp1252');
    expect(d.text).toContain('## 🔴 Critical');
    expect(d.text).toContain('résumé');
    expect(d.text).toContain('✅ CI pipeline');
    expect(d.diagnostics).toEqual([{ line: 3, severity: 'info', message: 'repaired Windows-1252 mojibake' }]);
  });

  it('mojibake-macroman', () => {
    const d = fixture('mojibake-macroman');
    expect(d.text).toContain('## 🚨 Critical');
    expect(d.text).toContain('“What’s new” page for the café partners');
    expect(d.text).toContain('✅ Smoke tests');
    expect(d.diagnostics).toEqual([{ line: 3, severity: 'info', message: 'repaired Mac OS Roman mojibake' }]);
  });

  it('crlf-bom', () => {
    const d = fixture('crlf-bom');
    expect(d.bom).toBe(true);
    expect(d.text.startsWith('# Release checklist\r\n')).toBe(true);
    expect(d.diagnostics).toEqual([]);
  });

  it('invalid-utf8', () => {
    const d = fixture('invalid-utf8');
    expect(d.text).toContain('user table \uFFFD\uFFFD to');
    expect(d.diagnostics).toEqual([{ line: 7, severity: 'warning', message: 'replaced 2 invalid UTF-8 bytes; save the file as UTF-8' }]);
  });

  it('binary-file', () => {
    const d = fixture('binary-file');
    expect(d.binary).toBe(true);
    expect(d.text).toBe('');
  });
});

describe('decodeMarkdown', () => {
  it('accepts and strips a UTF-8 BOM; a second BOM is content', () => {
    expect(decodeMarkdown(bytesOf([0xef, 0xbb, 0xbf], '# T\n'))).toEqual({ text: '# T\n', bom: true, binary: false, repairs: [], diagnostics: [] });
    expect(decodeMarkdown(bytesOf('# T\n')).bom).toBe(false);
    expect(decodeMarkdown(bytesOf([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'x')).text).toBe('\uFEFFx');
    expect(decodeMarkdown(new Uint8Array()).text).toBe('');
  });

  it('keeps line endings as they are', () => {
    expect(decodeMarkdown(bytesOf('a\r\nb\nc\rd\r\n')).text).toBe('a\r\nb\nc\rd\r\n');
  });

  describe('binary files (a NUL in the first 8,000 bytes, git’s rule)', () => {
    const binary = { line: null, severity: 'warning', message: 'skipped binary file (NUL byte in the first 8,000 bytes)' };

    it('a NUL at the start or at byte 7,999 makes the file binary', () => {
      for (const at of [0, 5, 7999]) {
        const bytes = new Uint8Array(9000).fill(0x61);
        bytes[at] = 0;
        expect(decodeMarkdown(bytes)).toEqual({ text: '', bom: false, binary: true, repairs: [], diagnostics: [binary] });
      }
      expect(decodeMarkdown(bytesOf([0xef, 0xbb, 0xbf, 0x00])).bom).toBe(true);
    });

    it('a NUL at byte 8,000 does not', () => {
      const bytes = new Uint8Array(8001).fill(0x61);
      bytes[8000] = 0;
      const d = decodeMarkdown(bytes);
      expect(d.binary).toBe(false);
      expect(d.text).toBe('a'.repeat(8000));
      expect(d.diagnostics).toEqual([{ line: 1, severity: 'warning', message: 'dropped 1 NUL byte' }]);
    });
  });

  it('drops later NUL bytes with one warning on the line of the first', () => {
    const filler = `${'x'.repeat(99)}\n`.repeat(81); // 8,100 bytes, 81 lines
    const d = decodeMarkdown(bytesOf(filler, '- [ ] a', [0], 'b\n- [ ] c', [0, 0], '\n'));
    expect(d.binary).toBe(false);
    expect(d.text).toBe(`${filler}- [ ] ab\n- [ ] c\n`);
    expect(d.diagnostics).toEqual([{ line: 82, severity: 'warning', message: 'dropped 3 NUL bytes' }]);
  });

  it('replaces invalid UTF-8 with U+FFFD and counts the bytes', () => {
    const d = decodeMarkdown(bytesOf('# T\n\n- [ ] a ', [0xff, 0xfe], ' b\n- [ ] c ', [0xc3], '\n'));
    expect(d.text).toBe('# T\n\n- [ ] a \uFFFD\uFFFD b\n- [ ] c \uFFFD\n');
    expect(d.diagnostics).toEqual([{ line: 3, severity: 'warning', message: 'replaced 3 invalid UTF-8 bytes; save the file as UTF-8' }]);
  });

  it('counts the bytes of a truncated sequence, not the U+FFFDs', () => {
    // E2 9C 85 is ✅; its first two bytes alone are one ill-formed subpart.
    const d = decodeMarkdown(bytesOf('a\r\nb ', [0xe2, 0x9c], ' c'));
    expect(d.text).toBe('a\r\nb \uFFFD c');
    expect(d.diagnostics).toEqual([{ line: 2, severity: 'warning', message: 'replaced 2 invalid UTF-8 bytes; save the file as UTF-8' }]);
    expect(decodeMarkdown(bytesOf([0x80])).diagnostics).toEqual([
      { line: 1, severity: 'warning', message: 'replaced 1 invalid UTF-8 byte; save the file as UTF-8' },
    ]);
  });

  it('a genuine U+FFFD in the file is not an invalid byte', () => {
    expect(decodeMarkdown(bytesOf('a \uFFFD b')).diagnostics).toEqual([]);
  });

  it('reports one repair diagnostic per file, naming the encoding(s), on the line of the first repair', () => {
    const cp = mojibake('✅', 'Windows-1252');
    const mac = mojibake('🚨', 'Mac OS Roman');
    expect(decodeMarkdown(bytesOf(`# T\n\n${cp} a\n${cp} b\n`)).diagnostics).toEqual([
      { line: 3, severity: 'info', message: 'repaired Windows-1252 mojibake' },
    ]);
    expect(decodeMarkdown(bytesOf(`# T\r\n${mac} a\r\n`)).diagnostics).toEqual([
      { line: 2, severity: 'info', message: 'repaired Mac OS Roman mojibake' },
    ]);
    const both = decodeMarkdown(bytesOf(`# T\n${mac} a\n${cp} b\n`));
    expect(both.text).toBe('# T\n🚨 a\n✅ b\n');
    expect(both.repairs.map((r) => [r.offset, r.length, r.encoding])).toEqual([
      [4, 2, 'Mac OS Roman'],
      [9, 1, 'Windows-1252'],
    ]);
    expect(both.diagnostics).toEqual([{ line: 2, severity: 'info', message: 'repaired Windows-1252 and Mac OS Roman mojibake' }]);
  });

  it('orders diagnostics by line and computes lines in the output text', () => {
    const filler = 'x\n'.repeat(4000); // 8,000 bytes, 4,000 lines
    const cp = mojibake('🔴', 'Windows-1252');
    const d = decodeMarkdown(bytesOf(filler, `${cp} a\n`, 'b ', [0xff], '\n', 'c', [0], '\n'));
    expect(d.text).toBe(`${filler}🔴 a\nb \uFFFD\nc\n`);
    expect(d.diagnostics).toEqual([
      { line: 4001, severity: 'info', message: 'repaired Windows-1252 mojibake' },
      { line: 4002, severity: 'warning', message: 'replaced 1 invalid UTF-8 byte; save the file as UTF-8' },
      { line: 4003, severity: 'warning', message: 'dropped 1 NUL byte' },
    ]);
  });
});

describe('repairMojibake', () => {
  it('never touches plain accented text', () => {
    for (const s of [
      'café',
      'für',
      'naïve',
      'Ñandú',
      'Ça va, garçon ? Voilà l’été à Zürich.',
      'l’été', // Mac OS Roman ’é = D5 8E is valid UTF-8 (Armenian)
      '“CAFÉ”', // Windows-1252 É” = C9 94 is valid UTF-8 (IPA ɔ)
      '« café\u00A0»', // Windows-1252 é NBSP » = E9 A0 BB is valid UTF-8 (CJK)
      '“Gruß”', // Windows-1252 ß” = DF 94 is valid UTF-8 (NKo)
      'déjà —élan', // Mac OS Roman —é = D1 8E is valid UTF-8 (Cyrillic ю)
      'Œuvre, cœur, Ærø, Ålesund, Straße, smörgåsbord',
      'Ünïcödé: ÀÉÎÕÜ àéîõü ¿¡ «» ° ± × ÷ µ',
      '✅ 🔴 → ⚠️ 日本語 Привет',
    ]) {
      expect(repairMojibake(s), s).toEqual({ text: s, repairs: [] });
    }
  });

  it('repairs Windows-1252 mojibake, including the undefined bytes seen as C1 controls', () => {
    expect(repairMojibake('âœ… done, ðŸ”´ open, rÃ©sumÃ©, Â°C')).toEqual({
      text: '✅ done, 🔴 open, résumé, °C',
      repairs: [
        { offset: 0, length: 1, original: 'âœ…', encoding: 'Windows-1252' },
        { offset: 8, length: 2, original: 'ðŸ”´', encoding: 'Windows-1252' },
        { offset: 18, length: 1, original: 'Ã©', encoding: 'Windows-1252' },
        { offset: 22, length: 1, original: 'Ã©', encoding: 'Windows-1252' },
        { offset: 25, length: 1, original: 'Â°', encoding: 'Windows-1252' },
      ],
    });
    // 0x81, 0x8D, 0x8F, 0x90, 0x9D: Á Í Ï Ð Ý are C3 81 … C3 9D; 😁 ends in 81.
    for (const s of ['Á', 'Í', 'Ï', 'Ð', 'Ý', '😁']) {
      const damaged = mojibake(s, 'Windows-1252');
      expect(damaged).toMatch(/[\u0081\u008D\u008F\u0090\u009D]/);
      expect(repairMojibake(`x ${damaged} y`).text).toBe(`x ${s} y`);
    }
  });

  it('repairs Mac OS Roman mojibake, including the Apple logo for 0xF0 and both Ω spellings', () => {
    expect(repairMojibake('\uF8FFüö® HIGH ‚ö†Ô∏è √© ‚Üí')).toEqual({
      text: '🚨 HIGH ⚠️ é →',
      repairs: [
        { offset: 0, length: 2, original: '\uF8FFüö®', encoding: 'Mac OS Roman' },
        { offset: 8, length: 2, original: '‚ö†Ô∏è', encoding: 'Mac OS Roman' },
        { offset: 11, length: 1, original: '√©', encoding: 'Mac OS Roman' },
        { offset: 13, length: 1, original: '‚Üí', encoding: 'Mac OS Roman' },
      ],
    });
    // ½ is C2 BD; 0xBD is Ω, U+2126 in iconv-lite and U+03A9 in Apple's table.
    expect(repairMojibake('¬\u2126 and ¬\u03A9').text).toBe('½ and ½');
  });

  it('works run by run: both encodings in one text, even side by side', () => {
    const r = repairMojibake('âœ…\uF8FFüö® x √© ðŸ”´');
    expect(r.text).toBe('✅🚨 x é 🔴');
    expect(r.repairs.map((x) => x.encoding)).toEqual(['Windows-1252', 'Mac OS Roman', 'Mac OS Roman', 'Windows-1252']);
  });

  it('repairs a run after a genuine character outside both tables', () => {
    expect(repairMojibake('✅âœ… →ðŸ”´').text).toBe('✅✅ →🔴');
  });

  it('leaves a run alone when it is not valid UTF-8 as a whole (genuine letter + mojibake)', () => {
    expect(repairMojibake('éâœ… x').text).toBe('éâœ… x');
    expect(repairMojibake('âœ…é x').text).toBe('âœ…é x');
  });

  it('leaves valid UTF-8 that decodes to implausible characters alone', () => {
    // ï£¿ is EF A3 BF = U+F8FF (private use), ä¸­ is 中 (CJK is not repaired).
    expect(repairMojibake('ï£¿ ä¸­').repairs).toEqual([]);
    // Õ¥ is D5 A5 (Armenian) in Windows-1252; it is not reread as Mac OS
    // Roman (CD B4, Greek ʹ).
    expect(repairMojibake('Õ¥').repairs).toEqual([]);
  });

  it('keeps line endings and ASCII', () => {
    expect(repairMojibake('a\r\nâœ…\r\nb').text).toBe('a\r\n✅\r\nb');
  });
});

// Characters that are plausible mojibake targets, and their damaged forms
// never look like the other encoding's.
const TARGETS = [
  '✅', '❌', '⚠️', '🔴', '🟠', '🟡', '🟢', '🚨', '🎯', '📋', '🚀', '👍🏽', '⭐', '★', '•',
  '→', '←', '≥', '≤', '≠', '—', '–', '“', '”', '‘', '’', '…', '€', '├', '─', '└', '│',
  'é', 'è', 'à', 'ü', 'ö', 'ä', 'ñ', 'ç', 'ß', 'É', 'Ñ', 'Ø', '°', '©', '®', '™', '±', '×', 'µ', '\u00A0',
  'ł', 'ś', 'ż', 'ą', 'Ő', 'α', 'Ω', 'π', 'Δ',
];
const CYRILLIC = ['д', 'Я', 'ж', 'ё'];
// Plain text: lowercase accented letters and symbols, in any order.
const PLAIN = [
  'é', 'è', 'à', 'ù', 'ê', 'î', 'ô', 'û', 'ë', 'ï', 'ü', 'ö', 'ä', 'ç', 'ñ', 'ß', 'ø', 'å', 'æ', 'á', 'í', 'ó', 'ú', 'ã', 'õ', 'ÿ',
  '✅', '⚠️', '🔴', '🚀', '→', '★', '•', '“', '”', '‘', '’', '…', '–', '—', '«', '»', '°', '©', '®', '™', '±', 'µ', '€', '\u00A0',
  'ł', 'ś',
];

const asciiText = (minLength: number) => fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), minLength, maxLength: 8 });
/** Text between runs: ASCII, or genuine characters that no run can hold. */
const separator = fc.oneof(asciiText(1), fc.constantFrom('✅', '🔴', '→', '日本', 'Привет', 'ł'));
/**
 * Runs of `pool` characters between separators, as clean text and as the text
 * with only its runs damaged as `encoding`.
 */
const damagedRuns = (pool: readonly string[], encoding: Encoding) =>
  fc
    .tuple(asciiText(0), fc.array(fc.tuple(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }), separator), { maxLength: 6 }))
    .map(([head, rest]) => ({
      clean: head + rest.map(([run, sep]) => run.join('') + sep).join(''),
      damaged: head + rest.map(([run, sep]) => mojibake(run.join(''), encoding) + sep).join(''),
      runs: rest.length,
    }));

/** Generous: property runs share the CPU with the rest of the suite. */
const PROPERTY_TIMEOUT = 30_000;

describe('properties', () => {
  it('plain text (ASCII, lowercase accented letters, symbols, emoji, in any order) is never touched', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(asciiText(1), fc.constantFrom(...PLAIN)), { maxLength: 30 }), (parts) => {
        const s = parts.join('');
        expect(repairMojibake(s)).toEqual({ text: s, repairs: [] });
      }),
      { numRuns: 2000 },
    );
  }, PROPERTY_TIMEOUT);

  for (const [encoding, pool] of [
    ['Windows-1252', [...TARGETS, ...CYRILLIC]],
    ['Mac OS Roman', TARGETS],
  ] as const) {
    it(`UTF-8 read as ${encoding} and saved again is repaired back, run by run`, () => {
      fc.assert(
        fc.property(damagedRuns(pool, encoding), ({ clean, damaged, runs }) => {
          const r = repairMojibake(damaged);
          expect(r.text).toBe(clean);
          expect(r.repairs).toHaveLength(runs);
          expect(r.repairs.every((x) => x.encoding === encoding)).toBe(true);
        }),
        { numRuns: 1000 },
      );
    }, PROPERTY_TIMEOUT);
  }

  it('for any text damaged as Windows-1252, each run is restored or left as it was', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 }), asciiText(1)), { maxLength: 6 }), (parts) => {
        const runs = parts.map(([g]) => g.replace(/[\x00-\x7f]/g, '')).filter((g) => g !== '');
        const damaged = runs.map((g) => `${mojibake(g, 'Windows-1252')} `).join('');
        const repaired = repairMojibake(damaged).text;
        const expected = runs.map((g) => {
          const d = mojibake(g, 'Windows-1252');
          return repairMojibake(d).text === g ? g : d;
        });
        expect(repaired).toBe(expected.map((g) => `${g} `).join(''));
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT);

  it('never throws; ASCII-only text is unchanged; repairs are exact and undoable', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }), (s) => {
        expect(repairMojibake(s)).toEqual({ text: s, repairs: [] });
      }),
    );
    const highChar = fc.constantFrom(...new Set([...HIGH['Windows-1252'], ...HIGH['Mac OS Roman']]));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary' }), highChar, highChar), { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const { text, repairs } = repairMojibake(s);
        expect(unrepair(text, repairs)).toBe(s);
        let end = 0;
        for (const r of repairs) {
          expect(r.offset).toBeGreaterThanOrEqual(end);
          expect(mojibake(text.slice(r.offset, r.offset + r.length), r.encoding)).toBe(r.original);
          end = r.offset + r.length;
        }
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT);

  it('decodeMarkdown never throws on arbitrary bytes and follows the rules', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        // A UTF-16 byte order mark makes the file UTF-16 (test/load-bad-input.test.ts).
        fc.pre(!((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)));
        const d = decodeMarkdown(bytes);
        expect(d.binary).toBe(bytes.includes(0));
        expect(d.bom).toBe(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
        if (d.binary) {
          expect(d.text).toBe('');
          return;
        }
        const body = d.bom ? bytes.subarray(3) : bytes;
        const plain = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);
        expect(unrepair(d.text, d.repairs)).toBe(plain);
        const lines = d.text.split(/\r\n|\r|\n/).length;
        for (const diag of d.diagnostics) {
          expect(diag.line).toBeGreaterThanOrEqual(1);
          expect(diag.line).toBeLessThanOrEqual(lines);
        }
        const invalid = d.diagnostics.filter((x) => x.message.startsWith('replaced'));
        if (!Buffer.from(body).includes(Buffer.from([0xef, 0xbf, 0xbd]))) {
          const invalidBytes = body.length - utf8(plain.replaceAll('\uFFFD', '')).length;
          if (invalidBytes === 0) expect(invalid).toEqual([]);
          else {
            const s = invalidBytes === 1 ? '' : 's';
            const line = plain.slice(0, plain.indexOf('\uFFFD')).split(/\r\n|\r|\n/).length;
            expect(invalid).toEqual([{ line, severity: 'warning', message: `replaced ${invalidBytes} invalid UTF-8 byte${s}; save the file as UTF-8` }]);
          }
        }
      }),
      { numRuns: 3000 },
    );
  }, PROPERTY_TIMEOUT);

  it('NUL bytes past 8,000 bytes are dropped and counted', () => {
    const prefix = new Uint8Array(8000).fill(0x0a);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const d = decodeMarkdown(Uint8Array.from([...prefix, ...tail]));
        const nuls = tail.filter((b) => b === 0).length;
        expect(d.binary).toBe(false);
        expect(d.text.includes('\0')).toBe(false);
        const dropped = d.diagnostics.filter((x) => x.message.startsWith('dropped'));
        expect(dropped).toEqual(nuls === 0 ? [] : [{ line: expect.any(Number), severity: 'warning', message: `dropped ${nuls} NUL byte${nuls === 1 ? '' : 's'}` }]);
      }),
      { numRuns: 300 },
    );
  }, PROPERTY_TIMEOUT);
});

describe('the single-byte tables written out in decode.ts', () => {
  it.each(['win1252', 'macintosh'] as const)('%s: every high byte as iconv-lite decodes it', (name) => {
    const expected = Array.from({ length: 0x80 }, (_, i) => iconv.decode(Buffer.from([0x80 + i]), name)).join('');
    expect(HIGH_BYTES[name]).toBe(expected);
  });

  it('UTF-16 with either byte order decodes as iconv-lite does, lone surrogates and an odd last byte included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (body, bigEndian) => {
        const bytes = Uint8Array.from([...(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), ...body]);
        const viaIconv = iconv.decode(Buffer.from(body), bigEndian ? 'utf-16be' : 'utf-16le', { stripBOM: false });
        const decoded = decodeMarkdown(bytes);
        if (decoded.binary) expect(viaIconv.slice(0, 4000)).toContain('\0');
        else expect(decoded.text.replace(/\uFFFD/g, '')).toBe(viaIconv.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '').replace(/\0/g, '').replace(/^\uFEFF/, ''));
      }),
    );
  });
});
