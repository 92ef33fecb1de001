/**
 * Runs one command as a process and measures it: wall time (hrtime around the
 * spawn), user and system CPU time and peak RSS of the process.
 *
 * CPU and peak RSS come from GNU time (`/usr/bin/time -f`, which reads the
 * child's rusage after it exits: nothing is added to the measured process).
 * Where GNU time is missing (macOS, Windows), every tool the benchmark runs is
 * a node process, so node is started with `--import rusage-hook.js`, which
 * writes `process.resourceUsage()` at exit (it costs the measured process one
 * small module load).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hook = new URL('rusage-hook.js', import.meta.url).href;

/** @returns {'gnu-time' | 'node-resource-usage'} how CPU and peak RSS are measured on this machine */
export function measurementMethod() {
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr) ? 'gnu-time' : 'node-resource-usage';
}

/**
 * @typedef {object} Run
 * @property {number} wallMs wall-clock time of the process
 * @property {number | null} cpuMs user + system CPU time
 * @property {number | null} userMs
 * @property {number | null} sysMs
 * @property {number | null} peakRssMB maximum resident set size
 * @property {number | null} status exit code (null when killed by a signal)
 * @property {string} [stderr] the first 2,000 characters of stderr, when captured
 */

/**
 * Runs `node <args>` (or another executable) once in `cwd` with NO_COLOR=1
 * and stdout to /dev/null. Without GNU time, a program other than node gets
 * no CPU or RSS figures (the resource-usage hook is node's).
 * @param {'gnu-time' | 'node-resource-usage'} method from {@link measurementMethod}
 * @param {string[]} args arguments of node (or of `executable`)
 * @param {{ cwd: string, captureStderr?: boolean, executable?: string }} options stderr is captured (piped and drained) or sent to /dev/null
 * @returns {Run}
 */
export function runNode(method, args, { cwd, captureStderr = false, executable }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'shipready-bench-run-'));
  const usageFile = path.join(scratch, 'usage');
  const program = executable ?? process.execPath;
  const [command, commandArgs] = method === 'gnu-time'
    ? [GNU_TIME, ['-f', '%U %S %M', '-o', usageFile, program, ...args]]
    : executable ? [program, args] : [program, ['--import', hook, ...args]];
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, BENCH_RUSAGE_FILE: usageFile };
  const start = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, {
    cwd, env, stdio: ['ignore', 'ignore', captureStderr ? 'pipe' : 'ignore'], maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = round(Number(process.hrtime.bigint() - start) / 1e6);
  if (child.error) throw child.error;
  let usage = null;
  try {
    usage = parseUsage(method, readFileSync(usageFile, 'utf8'));
  } catch {
    // Killed before the hook ran, or time could not write: no CPU or RSS for this run.
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    wallMs,
    cpuMs: usage ? round(usage.userMs + usage.sysMs) : null,
    userMs: usage?.userMs ?? null,
    sysMs: usage?.sysMs ?? null,
    peakRssMB: usage?.peakRssMB ?? null,
    status: child.status,
    ...(captureStderr ? { stderr: String(child.stderr).slice(0, 2000) } : {}),
  };
}

function parseUsage(method, text) {
  if (method === 'node-resource-usage') {
    const u = JSON.parse(text);
    return { userMs: round(u.userCPUTime / 1000), sysMs: round(u.systemCPUTime / 1000), peakRssMB: round(u.maxRSS / 1024) };
  }
  // GNU time writes "Command exited with non-zero status 1" before the figures when the command fails.
  const last = text.trim().split('\n').pop() ?? '';
  const [user, sys, rssKB] = last.trim().split(/\s+/).map(Number);
  if (![user, sys, rssKB].every(Number.isFinite)) throw new Error(`unreadable GNU time output: ${text}`);
  return { userMs: round(user * 1000), sysMs: round(sys * 1000), peakRssMB: round(rssKB / 1024) };
}

/** Two decimals: enough for milliseconds and megabytes, and a readable JSON. */
export function round(value) {
  return value === null ? null : Math.round(value * 100) / 100;
}

/**
 * Median of numbers (the mean of the middle two for an even count); null for none.
 * @param {readonly (number | null)[]} values nulls are left out
 * @returns {number | null}
 */
export function median(values) {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
