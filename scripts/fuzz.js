#!/usr/bin/env node
/**
 * Fuzz run (issue 7): generated documents through the built pipeline
 * (dist/), each checked against one of the properties of
 * scripts/checklists.js in turn — invariants on checklists with random
 * bytes spliced in, the same JSON on a second run, CRLF = LF, the mojibake
 * twin counts the same, and `fix` on a real file: fixing twice equals fixing
 * once, and only the digits of claims ever change. Not part of `npm test`.
 *
 *   npm run fuzz                          # 100,000 documents, seed 1
 *   FUZZ_DOCS=1000000 FUZZ_SEED=7 npm run fuzz
 *
 * Prints the documents run per property, the time, the slowest document and
 * every failure (the first ones written to fuzz-failures/ with their input);
 * exits 1 when any property failed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { decodeMarkdown } from '../dist/load/decode.js';
import { DEFAULT_REPORT_OPTIONS } from '../dist/model.js';
import { reportFromDocuments } from '../dist/engine/engine.js';
import { buildVocabulary } from '../dist/extract/vocabulary.js';
import { fixFiles } from '../dist/fix/fix.js';
import { checklist, checklistBytes, checklistProperties, plausibleChecklist } from './checklists.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const total = Number(process.env.FUZZ_DOCS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const BATCH = 1000;
const KEPT_FAILURES = 10;

const properties = checklistProperties({ decodeMarkdown, reportFromDocuments, DEFAULT_REPORT_OPTIONS });
/** An input as readable text: bytes decoded as UTF-8, tuples element by element. */
const show = (input) => (input instanceof Uint8Array ? Buffer.from(input).toString('utf8') : Array.isArray(input) ? input.map(show) : input);

// fix works on real files: one scratch file, in memory where the system offers it.
const scratch = mkdtempSync(path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'shipready-fuzz-'));
const scratchFile = path.join(scratch, 'doc.md');
const vocabulary = buildVocabulary();

/** `fix` on the scratch file: the bytes after, and the diagnostics (a file fix leaves alone says why). */
async function fixOnce(bytes) {
  writeFileSync(scratchFile, bytes);
  const result = await fixFiles({ paths: [scratchFile], cwd: scratch, report: DEFAULT_REPORT_OPTIONS, vocabulary, write: true });
  const errors = result.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`fix reported an error: ${errors[0].message}`);
  return readFileSync(scratchFile);
}

/** The analysed text's lines with every claimed number (the report's number spans) written as `#`. */
function claimSkeleton(bytes) {
  const decoded = decodeMarkdown(bytes);
  const file = reportFromDocuments(
    [{ path: 'doc.md', absolutePath: scratchFile, text: decoded.text, bom: decoded.bom, skipped: false, repairs: decoded.repairs, diagnostics: decoded.diagnostics }],
    DEFAULT_REPORT_OPTIONS,
    vocabulary,
  ).files[0];
  const lines = decoded.text.split(/\r\n|\r|\n/);
  const spans = (file?.claims ?? []).flatMap((claim) => claim.numbers ?? []).sort((a, b) => b.line - a.line || b.column - a.column);
  for (const span of spans) {
    const line = lines[span.line - 1];
    lines[span.line - 1] = `${line.slice(0, span.column - 1)}#${line.slice(span.endColumn - 1)}`;
  }
  return { text: lines.join('\n'), stale: (file?.claims ?? []).filter((c) => c.stale === true).length };
}

/** Fixing twice equals fixing once; before and after differ only in claimed numbers; nothing stale is left. */
async function fixProperty(doc) {
  const before = Buffer.from(doc);
  const once = await fixOnce(before);
  const twice = await fixOnce(once);
  if (!once.equals(twice)) throw new Error('fix twice ≠ fix once');
  const a = claimSkeleton(before);
  const b = claimSkeleton(once);
  if (a.text !== b.text) throw new Error('fix changed more than the digits of claims');
  if (b.stale > 0) throw new Error(`${b.stale} stale claims left after fix`);
}

/** Each document goes to the next property in turn: name, generator, check. */
const CHECKS = [
  { name: 'invariants (checklists with random bytes, random bytes)', arbitrary: checklistBytes, run: (bytes) => properties.invariants(bytes) },
  { name: 'invariants on generated checklists', arbitrary: checklist, run: (doc) => properties.invariants(Buffer.from(doc)) },
  { name: 'same bytes, same JSON', arbitrary: fc.tuple(checklistBytes, checklist), run: ([bytes, other]) => properties.deterministic(bytes, Buffer.from(other)) },
  { name: 'CRLF = LF', arbitrary: checklist, run: (doc) => properties.lineEndings(doc) },
  { name: 'Windows-1252 mojibake twin = original', arbitrary: plausibleChecklist, run: (doc) => properties.mojibake(doc) },
  { name: 'fix twice = fix once, only claim digits change', arbitrary: checklist, run: (doc) => fixProperty(doc) },
];

const counts = CHECKS.map(() => ({ docs: 0, failures: 0, ms: 0 }));
const failures = [];
let slowest = { ms: 0, check: '', sample: '' };
const started = performance.now();
let done = 0;
for (let batch = 0; done < total; batch++) {
  const size = Math.min(BATCH, total - done);
  const check = CHECKS[batch % CHECKS.length];
  const index = batch % CHECKS.length;
  for (const input of fc.sample(check.arbitrary, { numRuns: size, seed: seed * 100_003 + batch })) {
    const t = performance.now();
    try {
      await check.run(input);
    } catch (error) {
      counts[index].failures++;
      if (failures.length < KEPT_FAILURES) failures.push({ check: check.name, batch, error: String(error?.stack ?? error), input });
    }
    const ms = performance.now() - t;
    counts[index].ms += ms;
    if (ms > slowest.ms) slowest = { ms, check: check.name, sample: JSON.stringify(show(input)).slice(0, 120) };
    counts[index].docs++;
  }
  done += size;
  if (batch % 20 === 19) process.stderr.write(`fuzz: ${done.toLocaleString('en')} documents, ${Math.round((performance.now() - started) / 1000)} s\n`);
}
const seconds = (performance.now() - started) / 1000;
rmSync(scratch, { recursive: true, force: true });

console.log(`fuzz: ${done.toLocaleString('en')} documents in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} documents/s), seed ${seed}`);
for (const [i, check] of CHECKS.entries()) {
  console.log(`  ${check.name}: ${counts[i].docs.toLocaleString('en')} documents, ${counts[i].failures} failed, ${(counts[i].ms / 1000).toFixed(1)} s`);
}
console.log(`  slowest document: ${slowest.ms.toFixed(1)} ms (${slowest.check}) ${slowest.sample}`);
const failed = counts.reduce((n, c) => n + c.failures, 0);
console.log(`failures: ${failed}`);
if (failures.length > 0) {
  const dir = path.join(root, 'fuzz-failures');
  mkdirSync(dir, { recursive: true });
  for (const [i, failure] of failures.entries()) {
    const file = path.join(dir, `${i}.json`);
    const input = failure.input instanceof Uint8Array ? { base64: Buffer.from(failure.input).toString('base64') } : failure.input;
    writeFileSync(file, `${JSON.stringify({ ...failure, input }, null, 2)}\n`);
    console.log(`  ${failure.check} (batch ${failure.batch}): ${failure.error.split('\n')[0]} → ${path.relative(root, file)}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
