/**
 * Shared by the hardening suites (issue 7): one bad input beside one good
 * checklist in a temporary directory, shipready run on it as a process with
 * a time limit, and its run time and peak memory recorded for the closing
 * note's table (`HARDENING_TABLE=file.json`).
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'vitest';
import type { Report } from '../src/model.js';
import { ROOT, spawnCli } from './helpers.js';

/** The good checklist beside every bad input: 2 items, 1 done. */
export const GOOD = '# Tasks\n\n- [ ] open task\n- [x] done task\n';

/** One row of the closing note's table. */
export interface UsageRow {
  input: string;
  did: string;
  code: number | null;
  ms: number | null;
  maxRssKiB: number | null;
}

const rows: UsageRow[] = [];
const usageDir = mkdtempSync(path.join(os.tmpdir(), 'shipready-usage-'));
chmodSync(usageDir, 0o777); // the permission case runs as another user
// The benchmark's exit hook: writes the process's resourceUsage() (maxRSS in KiB) to $BENCH_RUSAGE_FILE.
const usageHook = pathToFileURL(path.join(ROOT, 'scripts', 'bench', 'rusage-hook.js')).href;

/** Appends this file's rows to `$HARDENING_TABLE` (a row of the same input is replaced); call with afterAll. */
export function writeUsageTable(): void {
  const table = process.env.HARDENING_TABLE;
  if (!table) return;
  const before = (() => {
    try {
      return JSON.parse(readFileSync(table, 'utf8')) as UsageRow[];
    } catch {
      return [];
    }
  })();
  writeFileSync(table, `${JSON.stringify([...before.filter((r) => !rows.some((n) => n.input === r.input)), ...rows], null, 2)}\n`);
}

/** What a case's run gave. */
export interface Outcome {
  code: number | null;
  signal: string | null;
  /** stderr, one entry per line. */
  stderr: string[];
  /** The JSON report on stdout, or null when there is none. */
  report: Report | null;
  /** Wall time of the process, start-up included. */
  ms: number;
  /** Peak memory (resident set), KiB; null when the process did not exit by itself. */
  maxRssKiB: number | null;
}

/** A fresh directory holding the good checklist. */
export function caseDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipready-hardening-'));
  writeFileSync(path.join(dir, 'good.md'), GOOD);
  return dir;
}

/**
 * Runs `shipready report --format json --no-config ...args` in `dir`,
 * killed after `timeout` ms, and records it as `input` in the table.
 */
export function runCase(
  input: string,
  dir: string,
  args: string[] = ['.'],
  options: { timeout?: number; uid?: number; gid?: number; command?: string[] } = {},
): Outcome {
  const usageFile = path.join(usageDir, `${rows.length}-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const result = spawnCli([...(options.command ?? ['report', '--format', 'json']), '--no-config', ...args], {
    cwd: dir,
    timeout: options.timeout ?? 20_000,
    uid: options.uid,
    gid: options.gid,
    env: { NODE_OPTIONS: `--import=${usageHook}`, BENCH_RUSAGE_FILE: usageFile },
  });
  const ms = Math.round(performance.now() - started);
  let maxRssKiB: number | null = null;
  try {
    maxRssKiB = (JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRSS: number }).maxRSS;
  } catch {
    maxRssKiB = null; // killed, or crashed before its exit handler
  }
  let report: Report | null = null;
  try {
    report = JSON.parse(result.stdout) as Report;
  } catch {
    report = null;
  }
  const stderr = result.stderr.split('\n').filter((line) => line !== '');
  rows.push({ input, did: (result.signal ? `ended by ${result.signal}: ${stderr.find((line) => /FATAL|Error/.test(line)) ?? ''}` : stderr.join(' / ')) || '(read as usual, no message)', code: result.code, ms, maxRssKiB });
  return { code: result.code, signal: result.signal ?? null, stderr, report, ms, maxRssKiB };
}

/** The file of a report at `filePath`, or undefined. */
export const fileOf = (report: Report | null, filePath: string) => report?.files.find((file) => file.path === filePath);

/** The good checklist was read and counted: 2 items, 1 done. */
export function expectGoodReported(outcome: Outcome): void {
  expect(outcome.signal, 'the process was killed: it hung or ran out of time').toBeNull();
  const good = fileOf(outcome.report, 'good.md');
  expect(good?.totals).toMatchObject({ items: 2, done: 1, open: 1 });
}

