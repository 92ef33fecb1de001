#!/usr/bin/env node
/**
 * The benchmark harness (`npm run bench`, issue 8): generates the scenarios
 * (seeded corpora of checklists and big single files), runs every tool on
 * each as a process — round-robin, so a noisy minute hurts all tools alike —
 * prints the table and the targets, and writes bench/results/<date>.json with
 * every raw run. Progress goes to stderr, the table and targets to stdout.
 *
 *   npm run bench                       # full: 1; 1,000; 10,000 files; 250 KB, 1 MB, 4 MB
 *   npm run bench -- --quick            # smoke test: 3 runs at most, no 10,000 files, no 4 MB
 *   npm run bench -- --sizes 1,100,64kb,256kb --runs 3
 *   node scripts/bench/run.js --help
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { copyMarkdownTree, parseBytes, writeBigFile, writeCorpus, writeDocsCorpus } from './generate.js';
import { measurementMethod, runNode } from './measure.js';
import { evaluateTargets, formatBytes, formatTable, summarize } from './report.js';
import { defineTools, describeCommand, detectShipready, markdownlintVersion } from './tools.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const FULL = { sizes: '1,1000,10000,nm,docs10000,250kb,1mb,4mb', runs: 5, budget: 60 };
const QUICK = { sizes: '1,1000,nm,250kb,1mb', runs: 3, budget: 10 };
/** The run recorded before the work on real repositories began: what "faster than today" is measured against. */
const BEFORE = path.join(root, 'bench', 'results', '2026-12-05-before.json');

const HELP = `Usage: npm run bench -- [options]    (or node scripts/bench/run.js [options] after npm run build)

  --quick            smoke test: sizes ${QUICK.sizes}, at most ${QUICK.runs} runs, ${QUICK.budget} s per cell
  --sizes <list>     scenarios: a number is a corpus of that many files, a size (250kb, 1mb) one big file
                     (default ${FULL.sizes}; env BENCH_SIZES);
                     docsN is a documentation repository of N pages (1% checklists), nm every *.md of node_modules
  --runs <n>         timed runs per tool and scenario, at most (default ${FULL.runs}; env BENCH_RUNS)
  --budget <s>       seconds of timed runs per tool and scenario: slow tools get fewer runs, at least one
                     (default ${FULL.budget}; env BENCH_BUDGET)
  --tools <list>     only these tools: node,floor,grep,bare,cold,check,serial,cached,mdl (env BENCH_TOOLS)
  --before <file>    results of an earlier run to hold targets against (default ${path.relative(root, BEFORE)})
  --seed <n>         generator seed (default 1)
  --shipready <bin>  the shipready CLI to measure (default: bin/shipready.js of this checkout), e.g. another
                     worktree's, to compare two builds with the same harness
  --out <file>       where to write the JSON (default bench/results/<date>.json, <date>-quick.json with --quick)
  --no-save          do not write the JSON
  --keep             keep the generated scenarios (their folder is printed)
`;

/** Reads the options from argv and the BENCH_* environment variables. */
function readOptions() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      budget: { type: 'string' },
      tools: { type: 'string' },
      seed: { type: 'string', default: '1' },
      shipready: { type: 'string' },
      out: { type: 'string' },
      'no-save': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      before: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const mode = values.quick ? QUICK : FULL;
  const number = (text, name) => {
    const n = Number(text);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} wants a positive number, not ${text}`);
    return n;
  };
  return {
    mode: values.quick ? 'quick' : 'full',
    sizes: (values.sizes ?? process.env.BENCH_SIZES ?? mode.sizes).split(',').map((s) => s.trim()).filter(Boolean),
    runs: Math.floor(number(values.runs ?? process.env.BENCH_RUNS ?? mode.runs, 'runs')),
    budgetMs: 1000 * number(values.budget ?? process.env.BENCH_BUDGET ?? mode.budget, 'budget'),
    tools: (values.tools ?? process.env.BENCH_TOOLS)?.split(',').map((s) => s.trim()) ?? null,
    seed: Math.floor(number(values.seed, 'seed')),
    shipready: values.shipready ? path.resolve(values.shipready) : undefined,
    out: values['no-save'] ? null : values.out ?? defaultOut(values.quick),
    keep: values.keep,
    before: values.before ? path.resolve(values.before) : existsSync(BEFORE) ? BEFORE : null,
  };
}

function defaultOut(quick) {
  const now = new Date();
  const date = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const base = path.join(root, 'bench', 'results', `${date}${quick ? '-quick' : ''}`);
  let out = `${base}.json`;
  for (let i = 2; existsSync(out); i++) out = `${base}-${i}.json`;
  return out;
}

/**
 * `1000` → a corpus of 1,000 checklists; `docs10000` → a documentation
 * repository of 10,000 pages, 1% checklists; `nm` → every `*.md` of this
 * project's node_modules; `250kb` → one checklist of 250 KB.
 */
function parseScenario(token) {
  if (token === 'nm') return { id: 'nm', kind: 'nm', files: null, label: 'node_modules *.md' };
  const docs = /^docs(\d+)$/.exec(token);
  if (docs) {
    const files = Number(docs[1]);
    return { id: token, kind: 'docs', files, label: `${files.toLocaleString('en-US')} doc pages` };
  }
  if (/^\d+$/.test(token)) {
    const files = Number(token);
    if (files < 1) throw new Error(`a corpus needs at least one file, not ${token}`);
    return { id: token, kind: 'corpus', files, label: `${files.toLocaleString('en-US')} file${files === 1 ? '' : 's'}` };
  }
  const bytes = parseBytes(token);
  return { id: token.toLowerCase(), kind: 'file', files: 1, label: formatBytes(bytes).replace(/\.0 MB$/, ' MB'), nominalBytes: bytes };
}

const progress = (text) => process.stderr.write(`${text}\n`);

function git(cwd, args) {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * Runs the tools on one scenario: a warm-up of each (checks it works, warms
 * the page cache, fills shipready's cache), then timed runs round-robin. The
 * number of timed runs of a tool is what fits the budget after its warm-up,
 * between 1 and `runs`; a warm-up slower than the whole budget is itself the
 * one timed run. A tool whose warm-up fills a cache gets one more untimed run,
 * the first cache hit, and its number of runs is planned from that.
 */
function runScenario(scenario, allTools, method, options) {
  const tools = allTools.filter((tool) => !tool.when || tool.when(scenario));
  const cells = [];
  for (const tool of tools) {
    const args = tool.args(scenario);
    progress(`[${scenario.label}] warm-up: ${tool.label}`);
    const warmup = runNode(method, args, { cwd: scenario.dir, captureStderr: true, executable: tool.executable });
    const cellResult = { id: tool.id, label: tool.label, command: describeCommand(tool, scenario), concurrency: tool.concurrency, warmup, runs: [], summary: null };
    cells.push(cellResult);
    if (!(tool.okStatus ?? [0]).includes(warmup.status)) {
      cellResult.error = `exit ${warmup.status}: ${warmup.stderr.trim().split('\n').slice(0, 5).join(' | ')}`;
      progress(`  ${tool.label} failed, left out of this scenario: ${cellResult.error}`);
      continue;
    }
    delete warmup.stderr; // the warm-up's diagnostics are not results
    // A run that filled a cache says nothing about the cached runs: plan from a first hit instead.
    const probe = tool.warmupFills ? (cellResult.firstHit = runNode(method, args, { cwd: scenario.dir, executable: tool.executable })) : warmup;
    const useWarmup = probe.wallMs >= options.budgetMs && !tool.warmupFills;
    cellResult.planned = useWarmup ? 0 : Math.max(1, Math.min(options.runs, Math.floor(options.budgetMs / probe.wallMs)));
    if (useWarmup) cellResult.runs.push({ ...warmup, warmup: true });
  }
  const rounds = Math.max(0, ...cells.map((c) => c.planned ?? 0));
  for (let round = 0; round < rounds; round++) {
    const line = [];
    for (const [i, tool] of tools.entries()) {
      const c = cells[i];
      if (c.error || round >= c.planned) continue;
      const run = runNode(method, tool.args(scenario), { cwd: scenario.dir, executable: tool.executable });
      c.runs.push(run);
      line.push(`${tool.id} ${run.wallMs.toFixed(0)}${(tool.okStatus ?? [0]).includes(run.status) ? '' : ` (exit ${run.status}!)`}`);
    }
    progress(`[${scenario.label}] round ${round + 1}/${rounds} (ms): ${line.join(' · ')}`);
  }
  for (const c of cells) {
    delete c.planned;
    if (c.runs.length > 0) c.summary = summarize(c.runs, scenario.bytes, c.id !== 'node');
  }
  return cells;
}

async function main() {
  const options = readOptions();
  const shipready = detectShipready(options.shipready);
  const { tools: available, unavailable } = defineTools(shipready);
  const tools = options.tools ? available.filter((t) => options.tools.includes(t.id)) : available;
  if (options.tools) {
    const unknown = options.tools.filter((id) => !available.some((t) => t.id === id) && !unavailable.some((u) => u.id === id));
    if (unknown.length > 0) throw new Error(`unknown tools: ${unknown.join(', ')} (node,floor,grep,bare,cold,check,serial,cached,mdl)`);
  }
  for (const { id, reason } of unavailable) progress(`left out: ${id} (${reason})`);
  const method = measurementMethod();
  const checkout = path.dirname(path.dirname(shipready.bin)); // the git facts are those of the build measured
  const changes = git(checkout, ['status', '--porcelain', '--', 'src', 'bin', 'package.json']);
  const scenarios = options.sizes.map(parseScenario);

  const workDir = mkdtempSync(path.join(os.tmpdir(), 'shipready-bench-'));
  const started = new Date();
  const results = {
    schemaVersion: 1,
    date: started.toISOString(),
    mode: options.mode,
    options: { sizes: options.sizes, runs: options.runs, budgetSeconds: options.budgetMs / 1000, seed: options.seed, tools: tools.map((t) => t.id) },
    machine: {
      platform: `${os.platform()} ${os.release()} ${os.arch()}`,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cores: os.availableParallelism(),
      totalMemoryMB: Math.round(os.totalmem() / 1024 / 1024),
      node: process.version,
      loadAverageBefore: os.loadavg().map((n) => Number(n.toFixed(2))),
      loadAverageAfter: null,
    },
    git: { commit: git(checkout, ['rev-parse', 'HEAD']), branch: git(checkout, ['rev-parse', '--abbrev-ref', 'HEAD']), dirty: changes === null ? null : changes !== '' },
    measurement: {
      wall: 'hrtime around the spawn of the process',
      cpuAndRss: method === 'gnu-time' ? '/usr/bin/time -f "%U %S %M"' : 'node --import rusage-hook.js (process.resourceUsage() at exit)',
      statistic: 'median of the timed runs; spread is (max - min) / 2 / median; peak RSS is the maximum of the timed runs',
    },
    shipready,
    markdownlintCli2: markdownlintVersion(),
    unavailable,
    scenarios: [],
    targets: [],
  };

  try {
    for (const scenario of scenarios) {
      scenario.dir = path.join(workDir, scenario.id);
      scenario.cacheDir = path.join(workDir, `${scenario.id}-cache`);
      progress(`[${scenario.label}] generating (seed ${options.seed})`);
      const written = scenario.kind === 'corpus' ? writeCorpus(scenario.dir, { files: scenario.files, seed: options.seed })
        : scenario.kind === 'docs' ? writeDocsCorpus(scenario.dir, { files: scenario.files, seed: options.seed })
        : scenario.kind === 'nm' ? copyMarkdownTree(path.join(root, 'node_modules'), scenario.dir)
        : writeBigFile(scenario.dir, { bytes: scenario.nominalBytes, seed: options.seed });
      if (scenario.kind === 'nm') {
        scenario.files = written.files.length;
        scenario.label = `node_modules *.md (${scenario.files.toLocaleString('en-US')} files)`;
      }
      // markdownlint-cli2's default rules, named explicitly so no other configuration is picked up.
      writeFileSync(path.join(scenario.dir, '.markdownlint-cli2.jsonc'), '{ "config": { "default": true } }\n');
      scenario.bytes = written.bytes;
      scenario.paths = scenario.kind !== 'file' && scenario.files > 1 ? ['.'] : [written.files[0]];
      const cells = runScenario(scenario, tools, method, options);
      results.scenarios.push({
        id: scenario.id, label: scenario.label, kind: scenario.kind, files: scenario.files, bytes: scenario.bytes, paths: scenario.paths, tools: cells,
      });
      if (!options.keep) rmSync(scenario.dir, { recursive: true, force: true });
      rmSync(scenario.cacheDir, { recursive: true, force: true });
    }
  } finally {
    if (options.keep) progress(`scenarios kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
  results.machine.loadAverageAfter = os.loadavg().map((n) => Number(n.toFixed(2)));
  results.beforeFile = options.before ? path.relative(root, options.before) : null;
  if (options.before) results.before = JSON.parse(readFileSync(options.before, 'utf8'));
  results.targets = evaluateTargets(results);
  delete results.before;

  const m = results.machine;
  console.log(`shipready ${shipready.version} (${results.git.commit?.slice(0, 10) ?? 'no git'}${results.git.dirty ? ', uncommitted changes' : ''}) · ` +
    `node ${m.node} · ${m.cores} × ${m.cpuModel} · load ${m.loadAverageBefore[0]} → ${m.loadAverageAfter[0]} · ${options.mode}, seed ${options.seed}`);
  console.log('');
  console.log(formatTable(results));
  console.log('');
  console.log('Targets (ratios within this run):');
  for (const target of results.targets) console.log(`  ${target.text}`);
  for (const { id, reason } of unavailable) console.log(`  (${id} not run: ${reason})`);
  for (const scenario of results.scenarios) {
    for (const tool of scenario.tools.filter((t) => t.error)) console.log(`  (${tool.label} failed on ${scenario.label}: ${tool.error})`);
  }
  if (options.out) {
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nraw runs: ${path.relative(process.cwd(), options.out)}`);
  }
}

main().catch((error) => {
  console.error(`bench: ${error.message}`);
  process.exit(2);
});
