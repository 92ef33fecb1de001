#!/usr/bin/env node
/**
 * Benchmark: shipready against markdownlint-cli2 on the same generated corpus,
 * both run as processes the way a user runs them (median of several runs),
 * plus shipready's in-process throughput. Prints numbers; asserts nothing.
 *
 *   npm run bench                # 400 files (~10 MB) by default
 *   BENCH_FILES=2000 npm run bench
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fileCount = Number(process.env.BENCH_FILES ?? 400);
const runs = Number(process.env.BENCH_RUNS ?? 5);

// The corpus: the five real seeds, repeated (their mojibake included), spread over folders.
const seedDir = path.join(root, 'fixtures', 'seeds');
const seeds = ['000_1cabd79905a08843.md', '001_68c690fd1671e9f8.md', '002_815a210c10cbfa6a.md', '003_356ed9122aa68829.md', '004_2f307842d6d35cc9.md']
  .map((name) => readFileSync(path.join(seedDir, name)));
const corpus = mkdtempSync(path.join(tmpdir(), 'shipready-bench-'));
let bytes = 0;
for (let i = 0; i < fileCount; i++) {
  const dir = path.join(corpus, `team-${i % 20}`);
  mkdirSync(dir, { recursive: true });
  const seed = seeds[i % seeds.length];
  writeFileSync(path.join(dir, `checklist-${i}.md`), seed);
  bytes += seed.length;
}
writeFileSync(path.join(corpus, '.markdownlint-cli2.jsonc'), '{}\n');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeProcess(command, args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: corpus, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.error) throw result.error;
  }
  return median(times);
}

const shipready = timeProcess(process.execPath, [path.join(root, 'bin', 'shipready.js'), '--format', 'json', '--no-config', '.']);
const markdownlintBin = path.join(root, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
let markdownlint = null;
try {
  statSync(markdownlintBin);
  markdownlint = timeProcess(process.execPath, [markdownlintBin, '**/*.md']);
} catch {
  markdownlint = null;
}

// The pre-commit case: one checklist, the run a developer waits for fifty times a day.
const oneFile = path.join('team-1', 'checklist-1.md');
const shipreadyOne = timeProcess(process.execPath, [path.join(root, 'bin', 'shipready.js'), 'check', '--no-config', '-q', oneFile]);
const markdownlintOne = markdownlint === null ? null : timeProcess(process.execPath, [markdownlintBin, oneFile]);

const inProcess = [];
let items = 0;
for (let i = 0; i < runs; i++) {
  const start = process.hrtime.bigint();
  const { report } = await analyze({ paths: ['.'], cwd: corpus });
  inProcess.push(Number(process.hrtime.bigint() - start) / 1e6);
  items = report.totals.items + report.totals.cancelled;
}
const inProcessMs = median(inProcess);

const mb = bytes / 1024 / 1024;
console.log(`corpus: ${fileCount} files, ${mb.toFixed(1)} MB, ${items} items (${runs} runs each, median)`);
console.log(`shipready --format json (process):   ${shipready.toFixed(0)} ms  (${(fileCount / (shipready / 1000)).toFixed(0)} files/s)`);
if (markdownlint !== null) {
  console.log(`markdownlint-cli2 (process):          ${markdownlint.toFixed(0)} ms  (${(fileCount / (markdownlint / 1000)).toFixed(0)} files/s)`);
  console.log(`shipready / markdownlint-cli2:        ${(shipready / markdownlint).toFixed(2)}×`);
}
console.log(`one checklist, shipready check (process):  ${shipreadyOne.toFixed(0)} ms`);
if (markdownlintOne !== null) console.log(`one checklist, markdownlint-cli2 (process): ${markdownlintOne.toFixed(0)} ms`);
console.log(`shipready analyze() (in-process):     ${inProcessMs.toFixed(0)} ms  (${(mb / (inProcessMs / 1000)).toFixed(1)} MB/s)`);
rmSync(corpus, { recursive: true, force: true });
