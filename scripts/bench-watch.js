#!/usr/bin/env node
/**
 * Benchmark of `shipready watch`: the time from saving a file to the end of
 * the NDJSON line that reports it, on a generated tree (the five seeds
 * repeated). Spawns the built CLI the way an editor plugin would, ticks or
 * unticks one box per save, waits for the line whose `done` count moved,
 * and prints median, p90 and max. Prints numbers; asserts nothing.
 *
 *   npm run bench:watch                  # 1,000 files, 30 saves
 *   BENCH_FILES=200 BENCH_SAVES=50 npm run bench:watch
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fileCount = Number(process.env.BENCH_FILES ?? 1000);
const saves = Number(process.env.BENCH_SAVES ?? 30);
/** Pause between saves (ms): past the watcher's re-check of a changed file, so saves do not overlap. */
const pause = Number(process.env.BENCH_PAUSE ?? 150);
/** Longest wait for one report (ms) before the run is called failed. */
const timeout = Number(process.env.BENCH_TIMEOUT ?? 10_000);

// The tree: the five real seeds, repeated, spread over folders (as scripts/bench.js).
const seedDir = path.join(root, 'fixtures', 'seeds');
const seedNames = ['000_1cabd79905a08843.md', '001_68c690fd1671e9f8.md', '002_815a210c10cbfa6a.md', '003_356ed9122aa68829.md', '004_2f307842d6d35cc9.md'];
const seeds = seedNames.map((name) => readFileSync(path.join(seedDir, name), 'latin1'));
const corpus = mkdtempSync(path.join(tmpdir(), 'shipready-bench-watch-'));
const files = [];
for (let i = 0; i < fileCount; i++) {
  const dir = path.join(corpus, `team-${i % 20}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `checklist-${i}.md`);
  writeFileSync(file, seeds[i % seeds.length], 'latin1');
  files.push(file);
}
// Saves tick a box in the copies of seed 001, which has open task boxes; a second round unticks them.
const editable = files.filter((_, i) => i % seeds.length === 1);

const child = spawn(process.execPath, [path.join(root, 'bin', 'shipready.js'), 'watch', '--format', 'json', '--no-config', '-q', '.'], {
  cwd: corpus,
  env: { ...process.env, NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => (stderr += chunk));

/**
 * Lines of stdout as they end, read as bytes: only the head of each line is
 * kept and decoded (the report's totals come before its files), since a line
 * is some 20 MB.
 */
const HEAD = 4096;
let head = [];
let headBytes = 0;
/** When the first byte of the line being read arrived (null between lines). */
let firstByte = null;
/** Bytes of the line being read so far. */
let lineBytes = 0;
let waiting = null;
const keep = (bytes) => {
  if (headBytes >= HEAD || bytes.length === 0) return;
  head.push(bytes.subarray(0, HEAD - headBytes));
  headBytes += Math.min(bytes.length, HEAD - headBytes);
};
child.stdout.on('data', (chunk) => {
  let rest = chunk;
  const now = performance.now();
  firstByte ??= now;
  for (let end = rest.indexOf(10); end !== -1; end = rest.indexOf(10)) {
    keep(rest.subarray(0, end));
    const line = Buffer.concat(head).toString('utf8');
    waiting?.({ at: now, started: firstByte, bytes: lineBytes + end + 1, line });
    head = [];
    headBytes = 0;
    lineBytes = 0;
    rest = rest.subarray(end + 1);
    firstByte = rest.length > 0 ? now : null;
  }
  lineBytes += rest.length;
  keep(rest);
});

/** The next complete line, with the time it ended; rejects after `limit` ms. */
function nextLine(limit = timeout) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no report within ${limit} ms\n${stderr}`)), limit);
    waiting = (value) => {
      clearTimeout(timer);
      waiting = null;
      resolve(value);
    };
  });
}

function doneCount(line) {
  const match = /"totals":\{"items":\d+,"done":(\d+)/.exec(line);
  if (!match) throw new Error(`not a report: ${line.slice(0, 200)}`);
  return Number(match[1]);
}

const exited = new Promise((resolve) => child.once('exit', resolve));
const started = performance.now();
try {
  // The first report reads and parses the whole tree: minutes on a busy machine.
  let done = doneCount((await nextLine(600_000)).line);
  const startup = performance.now() - started;
  const latencies = [];
  const transfers = [];
  let lineSize = 0;
  for (let i = 0; i < saves; i++) {
    const file = editable[i % editable.length];
    const text = readFileSync(file, 'latin1');
    const tick = Math.floor(i / editable.length) % 2 === 0;
    const edited = tick ? text.replace('- [ ]', '- [x]') : text.replace('- [x]', '- [ ]');
    const line = nextLine();
    const savedAt = performance.now();
    writeFileSync(file, edited, 'latin1');
    const report = await line;
    const now = doneCount(report.line);
    if (now === done) throw new Error(`save ${i + 1}: the report did not change (done ${done})`);
    done = now;
    latencies.push(report.at - savedAt);
    transfers.push(report.at - report.started);
    lineSize = report.bytes;
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
  const pick = (q) => quantile(latencies, q);
  console.log(`tree: ${fileCount} files; first report after ${(startup / 1000).toFixed(1)} s`);
  console.log(`save → updated line, ${saves} saves: median ${pick(0.5).toFixed(0)} ms, p90 ${pick(0.9).toFixed(0)} ms, max ${pick(1).toFixed(0)} ms`);
  console.log(`  reading the line (first byte → newline): median ${quantile(transfers, 0.5).toFixed(0)} ms; ${(lineSize / 1e6).toFixed(1)} MB a line`);
} finally {
  child.kill('SIGINT');
  const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(killer);
  rmSync(corpus, { recursive: true, force: true });
}
