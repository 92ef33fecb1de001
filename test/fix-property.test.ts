import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { fixFiles } from '../src/fix/fix.js';
import { decodeMarkdown } from '../src/load/decode.js';
import type { LoadedDocument } from '../src/load/load.js';
import { DEFAULT_REPORT_OPTIONS, type FileReport } from '../src/model.js';
import { reportFromDocuments } from '../src/engine/engine.js';
import { singleFile } from './helpers.js';

/**
 * `fix` on generated checklists (issue 5): a file without stale claims is
 * left byte for byte; fixing twice is fixing once; items, done and open
 * never change; only digits of claims ever change.
 */

const vocabulary = buildVocabulary();
const dir = mkdtempSync(path.join(tmpdir(), 'shipready-fix-property-'));
const file = path.join(dir, 'generated.md');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const count = fc.integer({ min: 0, max: 4 });
const claim = fc.oneof(
  fc.tuple(count, count).map(([a, b]) => `(${a}/${a + b} incomplete)`),
  fc.tuple(count, count).map(([a, b]) => `**${a} of ${a + b} tasks done**`),
  count.map((n) => `${n} incomplete tasks`),
  count.map((n) => `Done: ${n}`),
  fc.integer({ min: 0, max: 100 }).map((p) => `Progress: ${p}%`),
  fc.tuple(fc.constantFrom('', '~'), fc.integer({ min: 0, max: 100 })).map(([approx, p]) => `${approx}${p}% remaining`),
  fc.tuple(count, fc.integer({ min: 0, max: 100 })).map(([n, p]) => `**${n}/${n + 1} items incomplete (${p}%)**`),
  fc.constantFrom('12.5% complete', '1,234 open items', '(200-250 lines)', 'Week 1', '0% Applied', '2025-11-27'),
);
const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('Fix', 'the', 'critical', 'HIGH', 'bug', 'BLOCKING', 'done', '🔴', '✅', 'âœ…', '‚úÖ', 'café', '(2h)', '`3/4 done`', '~~1/2 done~~') },
  { weight: 1, arbitrary: claim },
);
const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));
const line = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###'), text).map(([hashes, t]) => `${hashes} ${t}`),
  fc.tuple(fc.constantFrom('', '  ', '> '), fc.constantFrom('- [ ]', '- [x]', '* [X]', '- [-]', '-'), text).map(([indent, marker, t]) => `${indent}${marker} ${t}`),
  text,
  fc.constantFrom('', '```', '<!-- note -->'),
);
/** A checklist as bytes: BOM or not, LF or CRLF, trailing spaces here and there. */
const checklist = fc
  .tuple(fc.array(fc.tuple(line, fc.constantFrom('', '', '  ')), { maxLength: 30 }), fc.boolean(), fc.constantFrom('\n', '\r\n'))
  .map(([lines, bom, eol]) => Buffer.from(`${bom ? '\uFEFF' : ''}${lines.map(([l, trailing]) => l + trailing).join(eol)}${eol}`, 'utf8'));

function reportOf(bytes: Uint8Array): FileReport {
  const decoded = decodeMarkdown(bytes);
  const document: LoadedDocument = {
    path: 'generated.md', absolutePath: file, text: decoded.text, bom: decoded.bom, skipped: false, repairs: decoded.repairs, diagnostics: decoded.diagnostics,
  };
  return singleFile(reportFromDocuments([document], DEFAULT_REPORT_OPTIONS, vocabulary), 'generated.md');
}

async function fix(bytes: Uint8Array): Promise<Buffer> {
  writeFileSync(file, bytes);
  const result = await fixFiles({ paths: [file], cwd: dir, report: DEFAULT_REPORT_OPTIONS, vocabulary, write: true });
  expect(result.files.flatMap((f) => f.diagnostics)).toEqual([]);
  return readFileSync(file);
}

/**
 * Whether only numbers changed: the bytes (read as Latin-1, one character a
 * byte) with every number replaced by `#` are the same before and after.
 */
function onlyNumbersChanged(before: Uint8Array, after: Uint8Array): boolean {
  const skeleton = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1').replace(/\d(?:[\d,.]*\d)?/g, '#');
  return skeleton(before) === skeleton(after);
}

// FIX_PROPERTY_RUNS=2000 for a longer search.
const RUNS = { numRuns: Number(process.env.FIX_PROPERTY_RUNS ?? 150) };

describe('fix on generated checklists', () => {
  it('leaves a file without stale claims byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(checklist, async (bytes) => {
        fc.pre(reportOf(bytes).claims.every((c) => c.stale !== true));
        expect(await fix(bytes)).toEqual(Buffer.from(bytes));
      }),
      { ...RUNS, maxSkipsPerRun: 1000 },
    );
  });

  it('fixes once and for all: fixing twice equals fixing once, and no stale claim is left', async () => {
    await fc.assert(
      fc.asyncProperty(checklist, async (bytes) => {
        const once = await fix(bytes);
        expect(reportOf(once).claims.filter((c) => c.stale === true)).toEqual([]);
        expect(await fix(once)).toEqual(once);
        expect(onlyNumbersChanged(bytes, once)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps items, done and open, and every item', async () => {
    await fc.assert(
      fc.asyncProperty(checklist, async (bytes) => {
        const before = reportOf(bytes);
        const after = reportOf(await fix(bytes));
        expect([after.totals.items, after.totals.done, after.totals.open]).toEqual([before.totals.items, before.totals.done, before.totals.open]);
        // A heading item's title may hold a claim: only its numbers may change.
        const shape = (items: FileReport['items']) => items.map((i) => [i.id, i.kind, i.status, i.priority, i.title.replace(/\d(?:[\d,.]*\d)?/g, '#')]);
        expect(shape(after.items)).toEqual(shape(before.items));
        expect(after.items.filter((i) => i.kind !== 'heading').map((i) => i.title)).toEqual(before.items.filter((i) => i.kind !== 'heading').map((i) => i.title));
      }),
      RUNS,
    );
  });
});
