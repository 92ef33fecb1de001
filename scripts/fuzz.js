#!/usr/bin/env node
/**
 * Fuzz run (issue 7): generated documents through the built pipeline
 * (dist/), each checked against one of the properties of
 * scripts/checklists.js in turn — invariants on checklists with random
 * bytes spliced in, the same JSON on a second run, CRLF = LF, the mojibake
 * twin counts the same. Not part of `npm test`.
 *
 *   npm run fuzz                          # 100,000 documents, seed 1
 *   FUZZ_DOCS=1000000 FUZZ_SEED=7 npm run fuzz
 *
 * Prints the documents run per property, the time, the slowest document and
 * every failure (the first ones written to fuzz-failures/ with their input);
 * exits 1 when any property failed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { decodeMarkdown } from '../dist/load/decode.js';
import { DEFAULT_REPORT_OPTIONS } from '../dist/model.js';
import { reportFromDocuments } from '../dist/engine/engine.js';
import { checklist, checklistBytes, checklistProperties, plausibleChecklist } from './checklists.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const total = Number(process.env.FUZZ_DOCS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? 1);
const BATCH = 1000;
const KEPT_FAILURES = 10;

const properties = checklistProperties({ decodeMarkdown, reportFromDocuments, DEFAULT_REPORT_OPTIONS });
/** An input as readable text: bytes decoded as UTF-8, tuples element by element. */
const show = (input) => (input instanceof Uint8Array ? Buffer.from(input).toString('utf8') : Array.isArray(input) ? input.map(show) : input);

/** Each document goes to the next property in turn: name, generator, check. */
const CHECKS = [
  { name: 'invariants (checklists with random bytes, random bytes)', arbitrary: checklistBytes, run: (bytes) => properties.invariants(bytes) },
  { name: 'invariants on generated checklists', arbitrary: checklist, run: (doc) => properties.invariants(Buffer.from(doc)) },
  { name: 'same bytes, same JSON', arbitrary: fc.tuple(checklistBytes, checklist), run: ([bytes, other]) => properties.deterministic(bytes, Buffer.from(other)) },
  { name: 'CRLF = LF', arbitrary: checklist, run: (doc) => properties.lineEndings(doc) },
  { name: 'Windows-1252 mojibake twin = original', arbitrary: plausibleChecklist, run: (doc) => properties.mojibake(doc) },
];

const counts = CHECKS.map(() => ({ docs: 0, failures: 0 }));
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
      check.run(input);
    } catch (error) {
      counts[index].failures++;
      if (failures.length < KEPT_FAILURES) failures.push({ check: check.name, batch, error: String(error?.stack ?? error), input });
    }
    const ms = performance.now() - t;
    if (ms > slowest.ms) slowest = { ms, check: check.name, sample: JSON.stringify(show(input)).slice(0, 120) };
    counts[index].docs++;
  }
  done += size;
  if (batch % 20 === 19) process.stderr.write(`fuzz: ${done.toLocaleString('en')} documents, ${Math.round((performance.now() - started) / 1000)} s\n`);
}
const seconds = (performance.now() - started) / 1000;

console.log(`fuzz: ${done.toLocaleString('en')} documents in ${seconds.toFixed(1)} s (${Math.round(done / seconds)} documents/s), seed ${seed}`);
for (const [i, check] of CHECKS.entries()) {
  console.log(`  ${check.name}: ${counts[i].docs.toLocaleString('en')} documents, ${counts[i].failures} failed`);
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
