/**
 * The tools the benchmark compares, each as the node arguments of one process
 * for a scenario, and the detection of shipready's optional flags (`--cache`,
 * `--cache-location`, `--concurrency`) from its help, so the harness runs
 * against any commit and leaves out the rows a commit cannot do yet.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI of this checkout. */
export const SHIPREADY_BIN = path.join(root, 'bin', 'shipready.js');
const baseline = fileURLToPath(new URL('baseline.js', import.meta.url));
const markdownlintPackage = path.join(root, 'node_modules', 'markdownlint-cli2');

/**
 * @typedef {object} ShipreadyInfo
 * @property {string} bin path of the CLI's entry point
 * @property {string} version
 * @property {{ cache: boolean, cacheLocation: boolean, noCache: boolean, concurrency: boolean }} flags
 */

/**
 * Reads shipready's version and which optional flags its help lists.
 * @param {string} [bin] the CLI to measure (default: this checkout's)
 * @returns {ShipreadyInfo}
 * @throws when the CLI does not start (not built: run `npm run build`)
 */
export function detectShipready(bin = SHIPREADY_BIN) {
  const help = (args) => {
    const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (result.status !== 0) throw new Error(`node bin/shipready.js ${args.join(' ')} failed (is it built? npm run build):\n${result.stderr}`);
    return result.stdout;
  };
  const text = `${help(['--help'])}\n${help(['report', '--help'])}`;
  return {
    bin,
    version: help(['--version']).trim(),
    flags: {
      cache: /(^|[\s,])--cache(?![\w-])/m.test(text),
      cacheLocation: /--cache-location\b/.test(text),
      noCache: /--no-cache\b/.test(text),
      concurrency: /--concurrency\b/.test(text),
    },
  };
}

/** markdownlint-cli2's version, or null when it is not installed. */
export function markdownlintVersion() {
  try {
    return JSON.parse(readFileSync(path.join(markdownlintPackage, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/**
 * @typedef {object} Scenario
 * @property {string} id e.g. `1000` or `1mb`
 * @property {string} label e.g. `1,000 files` or `1 MB`
 * @property {string} dir the scenario's folder (the working directory of every run)
 * @property {string[]} paths what is passed to the tools: `.` for a corpus, the file for one file
 * @property {string} cacheDir shipready's cache location for this scenario
 */

/**
 * @typedef {object} Tool
 * @property {string} id short name used in options and the JSON
 * @property {string} label name in the table
 * @property {string | null} concurrency shipready's `--concurrency` as run, or null for other tools
 * @property {(scenario: Scenario) => string[]} args node arguments of one run
 * @property {readonly number[]} [okStatus] exit codes that mean the run did its work (default: 0)
 * @property {boolean} [warmupFills] the warm-up run fills a cache, so it is never a timed sample
 * @property {string} [executable] the program to run instead of node (its arguments are `args`)
 * @property {(scenario: Scenario) => boolean} [when] run the tool only in the scenarios this accepts
 */

/**
 * The tools this checkout can run, in table order, and the ones it cannot, with why.
 * @param {ShipreadyInfo} shipready
 * @returns {{ tools: Tool[], unavailable: { id: string, reason: string }[] }}
 */
export function defineTools(shipready) {
  const { flags } = shipready;
  const cli = (scenario, ...extra) => [shipready.bin, '--format', 'json', '--no-config', ...extra, ...scenario.paths];
  const uncached = flags.noCache ? ['--no-cache'] : [];
  const defaultConcurrency = flags.concurrency ? 'auto (default)' : 'n/a (no --concurrency flag)';
  const tools = [
    { id: 'node', label: 'node -e 0', concurrency: null, args: () => ['-e', '0'] },
    { id: 'floor', label: 'read-only floor', concurrency: null, args: (s) => [baseline, 'read', ...s.paths] },
    { id: 'bare', label: 'bare mdast + GFM', concurrency: null, args: (s) => [baseline, 'parse', ...s.paths] },
    { id: 'cold', label: 'shipready cold', concurrency: defaultConcurrency, args: (s) => cli(s, ...uncached) },
  ];
  const unavailable = [];
  // The lines a cheap scan would look at: checkbox-like list starts and status emoji (a lower bound for any scan).
  tools.push({
    id: 'grep', label: 'grep -rlE (candidates)', concurrency: null, executable: 'grep', okStatus: [0, 1], // 1: no line matched
    args: (s) => ['-rlE', '--include=*.md', '^\\s*([-*+]|[0-9]+[.)])\\s+\\[.?\\]|✅|❌', ...s.paths],
  });
  // The pre-commit case: one file's gate.
  tools.push({ id: 'check', label: 'shipready check', concurrency: null, okStatus: [0, 1], when: (s) => s.files === 1, args: (s) => [shipready.bin, 'check', '--no-config', ...s.paths] });
  if (flags.concurrency) {
    tools.push({ id: 'serial', label: 'shipready --concurrency off', concurrency: 'off', args: (s) => cli(s, '--concurrency', 'off', ...uncached) });
  } else {
    unavailable.push({ id: 'serial', reason: 'shipready has no --concurrency flag' });
  }
  if (flags.cache) {
    // Without --cache-location the cache lands in the default place under the scenario folder, still one per scenario.
    const location = (s) => (flags.cacheLocation ? ['--cache-location', s.cacheDir] : []);
    tools.push({ id: 'cached', label: 'shipready cached', concurrency: defaultConcurrency, warmupFills: true, args: (s) => cli(s, '--cache', ...location(s)) });
  } else {
    unavailable.push({ id: 'cached', reason: 'shipready has no --cache flag' });
  }
  if (markdownlintVersion() !== null) {
    tools.push({
      id: 'mdl', label: 'markdownlint-cli2', concurrency: null, okStatus: [0, 1], // 1: it found lint errors
      args: (s) => [path.join(markdownlintPackage, 'markdownlint-cli2-bin.mjs'), ...(s.paths[0] === '.' ? ['**/*.md'] : s.paths)],
    });
  } else {
    unavailable.push({ id: 'mdl', reason: 'markdownlint-cli2 is not installed (npm ci)' });
  }
  return { tools, unavailable };
}

/**
 * The command of a tool as run in the scenario's folder, paths in this checkout relative to it.
 * @param {Tool} tool
 * @param {Scenario} scenario
 */
export function describeCommand(tool, scenario) {
  return [tool.executable ?? 'node', ...tool.args(scenario)]
    .map((arg) => (arg === scenario.cacheDir ? '<cache>' : arg.startsWith(root) ? path.relative(root, arg) : arg))
    .join(' ');
}
