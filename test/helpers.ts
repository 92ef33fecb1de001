import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';
import type { ExitCode } from '../src/cli/context.js';
import { testSwitches } from '../src/cli/settings.js';
import type { PerformanceOptions } from '../src/engine/types.js';

/** The repository root (fixtures and bin are resolved from it). */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What a CLI run printed and returned. */
export interface CliResult {
  code: ExitCode | number | null;
  stdout: string;
  stderr: string;
  /** The signal that ended a spawned process (`SIGKILL` after `timeout`), else null. */
  signal?: NodeJS.Signals | null;
}

/** Runs the CLI in-process with collecting streams (STYLE.md "test the CLI twice"). */
export async function runCli(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean; columns?: number; signal?: AbortSignal; onStdout?: (chunk: string) => void } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    cwd: options.cwd ?? ROOT,
    // The mode switches reach in-process runs through the context, as they reach spawned ones.
    env: { ...modeEnv(), ...options.env },
    stdout: {
      write: (chunk: string) => {
        stdout += chunk;
        options.onStdout?.(chunk);
      },
      isTTY: options.isTTY ?? false,
      columns: options.columns,
    },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: false },
    platform: 'linux',
    signal: options.signal,
  });
  return { code, stdout, stderr };
}

/**
 * Spawns `node bin/shipready.js` as a user would, with colour off. With
 * `timeout` (ms) a process that hangs is killed and comes back with code
 * null and `signal` SIGKILL, so the test fails instead of stalling; `uid`
 * and `gid` run it as another user (root only).
 */
export function spawnCli(
  argv: string[],
  options: { cwd?: string; env?: Record<string, string>; timeout?: number; uid?: number; gid?: number } = {},
): CliResult {
  const result = spawnSync(process.execPath, [`${ROOT}bin/shipready.js`, ...argv], {
    cwd: options.cwd ?? ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...modeEnv(), ...options.env },
    encoding: 'utf8',
    timeout: options.timeout,
    killSignal: 'SIGKILL',
    uid: options.uid,
    gid: options.gid,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/** The seed checklists (`NNN_hash.md`) in fixtures/seeds, sorted. */
export const SEEDS_DIR = path.join(ROOT, 'fixtures', 'seeds');
export const SEEDS = readdirSync(SEEDS_DIR).filter((f) => /^\d{3}_.*\.md$/.test(f)).sort();

/** True when the run should rewrite golden files (`UPDATE_FIXTURES=1`); review the diff before committing. */
export const UPDATE_FIXTURES = process.env.UPDATE_FIXTURES === '1';

/** Compares `actual` with a golden file, or writes it under `UPDATE_FIXTURES=1`. A missing file fails. */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_FIXTURES || !existsSync(file)) {
    if (!UPDATE_FIXTURES) throw new Error(`missing ${path.relative(ROOT, file)}; run UPDATE_FIXTURES=1 npm test and review it`);
    writeFileSync(file, actual);
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/**
 * The `SHIPREADY_*` mode switches of `npm run test:modes` (workers, chunking, cache), passed on to the CLI
 * run in-process and spawned: the CLI alone reads them (src/cli/settings.ts `testSwitches`).
 */
export function modeEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[0].startsWith('SHIPREADY_') && entry[1] !== undefined),
  );
}

/** The same switches as engine options, for tests that call the library (`analyze`, `WatchSession`, `fixFiles`) directly. */
export function modeOptions(): PerformanceOptions {
  return testSwitches(modeEnv());
}

/**
 * The report of the one file of a single-file report: the listed file, or —
 * when the file held nothing to count and was left out of `files` — an
 * empty file report with the report's totals (which are then all zero).
 */
export function singleFile(report: import('../src/model.js').Report, path: string): import('../src/model.js').FileReport {
  return report.files[0] ?? { path, totals: report.totals, byPriority: report.byPriority, sections: [], items: [], claims: [], diagnostics: [] };
}
