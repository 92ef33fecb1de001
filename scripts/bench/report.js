/**
 * From raw runs to what the benchmark prints: per-tool summaries, the table
 * (scenario × tool) and the lines of the targets, each with its figure
 * and met / NOT met / not measured.
 */
import { median, round } from './measure.js';

/**
 * @typedef {import('./measure.js').Run} Run
 * @typedef {object} Summary
 * @property {number} runs timed runs
 * @property {number} medianMs
 * @property {number | null} cpuMs median user + system CPU time
 * @property {number} minMs
 * @property {number} maxMs
 * @property {number | null} mbPerSec scenario bytes (MiB) per second of median time
 * @property {number | null} cpuPercent median of (user + sys) / wall, in % of one core
 * @property {number | null} peakRssMB the highest peak RSS of the timed runs
 */

/**
 * Summarizes the timed runs of one tool on one scenario.
 * @param {readonly Run[]} runs at least one
 * @param {number} bytes the scenario's size
 * @param {boolean} perByte whether MB/s means anything for the tool (not for `node -e 0`)
 * @returns {Summary}
 */
export function summarize(runs, bytes, perByte) {
  const walls = runs.map((r) => r.wallMs);
  const medianMs = median(walls);
  const rss = runs.map((r) => r.peakRssMB).filter((v) => v !== null);
  const cpu = median(runs.map((r) => (r.cpuMs === null ? null : (100 * r.cpuMs) / r.wallMs)));
  return {
    runs: runs.length,
    medianMs: round(medianMs),
    cpuMs: round(median(runs.map((r) => r.cpuMs))),
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    mbPerSec: perByte ? round(bytes / 1024 / 1024 / (medianMs / 1000)) : null,
    cpuPercent: round(cpu),
    peakRssMB: rss.length > 0 ? Math.max(...rss) : null,
  };
}

const fixed = (value, digits) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const ratio = (a, b) => (a && b ? a / b : null);

/** The summary of a tool on a scenario in a results object, or null when it was not measured. */
function cell(results, scenarioId, toolId) {
  return results.scenarios.find((s) => s.id === scenarioId)?.tools.find((t) => t.id === toolId)?.summary ?? null;
}

/**
 * The table: one block per scenario, one row per tool.
 * @param {object} results the object written to bench/results
 * @returns {string}
 */
export function formatTable(results) {
  const header = ['scenario', 'tool', 'runs', 'median ms', 'spread', '× mdl', 'MB/s', 'peak MB', 'CPU'];
  const rows = [];
  for (const scenario of results.scenarios) {
    const mdl = cell(results, scenario.id, 'mdl');
    scenario.tools.forEach((tool, index) => {
      const first = index > 0 ? '' : scenario.kind === 'corpus' ? `${scenario.label} (${formatBytes(scenario.bytes)})` : scenario.label;
      const s = tool.summary;
      if (!s) {
        rows.push([first, tool.label, '–', 'failed', '', '', '', '', '']);
        return;
      }
      rows.push([
        first, tool.label, String(s.runs), fixed(s.medianMs, 0),
        s.runs < 2 ? '–' : `±${fixed((50 * (s.maxMs - s.minMs)) / s.medianMs, 0)}%`,
        fixed(ratio(s.medianMs, mdl?.medianMs), ratio(s.medianMs, mdl?.medianMs) < 0.1 ? 3 : 2),
        fixed(s.mbPerSec, s.mbPerSec !== null && s.mbPerSec < 10 ? 2 : 1),
        fixed(s.peakRssMB, 0),
        s.cpuPercent === null ? '–' : `${fixed(s.cpuPercent, 0)}%`,
      ]);
    });
    rows.push(null);
  }
  rows.pop();
  const widths = header.map((h, i) => Math.max(h.length, ...rows.filter(Boolean).map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  const legend = 'median of the timed runs; spread: (max − min) / 2 as % of the median; × mdl: time / markdownlint-cli2\'s;\n' +
    'MB/s: scenario bytes / median time; peak MB: highest peak RSS; CPU: (user + sys) / wall, 100% = one core busy';
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => (r ? line(r) : '')), '', legend].join('\n');
}

/** 10240 → "10 KB", 1048576 → "1.0 MB". */
export function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * @typedef {object} Target
 * @property {string} id
 * @property {string} text the line printed, figure and verdict included
 * @property {number | null} value the figure (null: not measured)
 * @property {number} limit
 * @property {boolean | null} met null when not measured
 */

/**
 * The targets, evaluated on one run's results (ratios within the run).
 * @param {object} results
 * @returns {Target[]}
 */
export function evaluateTargets(results) {
  const targets = [];
  /** One target line: "<what> (target <limit>): <figure> <verdict> <context>". */
  const add = (id, what, { value, limit, atMost, target, figure, context = '' }) => {
    const met = value === null ? null : atMost ? value <= limit : value >= limit;
    const verdict = met === null ? 'not measured' : met ? 'met' : 'NOT met';
    const shown = value === null ? verdict : `${figure(value)} ${verdict}${context ? ` (${context})` : ''}`;
    targets.push({ id, text: `${what} (target ${target}): ${shown}`, value, limit, met });
  };
  const time = (scenario, tool) => cell(results, scenario, tool)?.medianMs ?? null;

  for (const [id, scenario, what, limit] of [
    ['corpus-vs-markdownlint', '1000', '1,000 files', 0.5], ['one-file-vs-markdownlint', '1', '1 file (pre-commit)', 0.6],
  ]) {
    add(id, `${what}, shipready cold / markdownlint-cli2`, {
      value: ratio(time(scenario, 'cold'), time(scenario, 'mdl')), limit, atMost: true, target: `≤ ${limit}×`, figure: (v) => `${v.toFixed(2)}×`,
    });
  }

  // Big files: each step up in size costs at most 5× the time per 4× the bytes.
  const big = results.scenarios.filter((s) => s.kind === 'file').sort((a, b) => a.bytes - b.bytes);
  if (big.length < 2) add('big-file-scaling', 'Big files, time per 4× the bytes', { value: null, limit: 5, atMost: true, target: '≤ 5×', figure: String });
  for (let i = 1; i < big.length; i++) {
    const [from, to] = [big[i - 1], big[i]];
    const bytes = to.bytes / from.bytes;
    const limit = (5 / 4) * bytes;
    const others = [['bare', 'bare mdast'], ['mdl', 'markdownlint-cli2']].flatMap(([tool, name]) => {
      const r = ratio(time(to.id, tool), time(from.id, tool));
      return r === null ? [] : [`${name} ×${r.toFixed(2)}`];
    });
    add(`big-file-scaling-${from.id}-${to.id}`, `Big files ${from.label} → ${to.label}, shipready time for ×${bytes.toFixed(2)} the bytes`, {
      value: ratio(time(to.id, 'cold'), time(from.id, 'cold')), limit, atMost: true,
      target: `≤ ×${limit.toFixed(2)}, 5× per 4×`, figure: (v) => `×${v.toFixed(2)}`, context: others.join(', '),
    });
  }

  const cores = results.machine.cores;
  const serialCpu = cell(results, '10000', 'serial')?.cpuPercent;
  add('ten-thousand-cpu', '10,000 files, CPU of shipready cold', {
    value: cell(results, '10000', 'cold')?.cpuPercent ?? null, limit: 80 * cores, atMost: false,
    target: `≥ ${80 * cores}% on ${cores} cores`, figure: (v) => `${v.toFixed(0)}%`,
    context: serialCpu ? `--concurrency off: ${serialCpu.toFixed(0)}%` : '',
  });
  const rss10k = cell(results, '10000', 'cold')?.peakRssMB ?? null;
  const rss1k = cell(results, '1000', 'cold')?.peakRssMB ?? null;
  add('ten-thousand-rss', '10,000 files, peak RSS of shipready cold', {
    value: rss10k, limit: 400, atMost: true, target: '< 400 MB', figure: (v) => `${v.toFixed(0)} MB`,
  });
  add('rss-flat', 'Peak RSS flat in corpus size, 10,000 / 1,000 files', {
    value: ratio(rss10k, rss1k), limit: 1.25, atMost: true, target: '≤ 1.25×', figure: (v) => `${v.toFixed(2)}×`,
    context: rss10k && rss1k ? `${rss10k.toFixed(0)} vs ${rss1k.toFixed(0)} MB` : '',
  });

  for (const [scenario, what] of [['1000', '1,000 files'], ['10000', '10,000 files']]) {
    if (scenario === '10000' && !results.scenarios.some((s) => s.id === scenario)) continue;
    const cached = time(scenario, 'cached');
    add(`cached-vs-cold-${scenario}`, `Cached re-run of ${what} / cold run`, {
      value: ratio(cached, time(scenario, 'cold')), limit: 0.2, atMost: true, target: '≤ 0.2×', figure: (v) => `${v.toFixed(2)}×`,
    });
    add(`cached-vs-floor-${scenario}`, `Cached re-run of ${what} / read-only floor`, {
      value: ratio(cached, time(scenario, 'floor')), limit: 2, atMost: true, target: '≤ 2×', figure: (v) => `${v.toFixed(2)}×`,
    });
  }
  targetsOfRealRepositories(results, add, time);
  return targets;
}

/**
 * The targets of real repositories: documentation-heavy trees near the
 * read-only floor, the node_modules corpus against the figure recorded before
 * the work began (`results.before`, from `--before`), the all-checklist corpus
 * no slower than before and faster than markdownlint-cli2, one file's `check`
 * against node's own start, and flat memory over 40,000 small files.
 */
function targetsOfRealRepositories(results, add, time) {
  const before = (scenario, tool) => (results.before ? cell(results.before, scenario, tool)?.medianMs ?? null : null);
  for (const scenario of results.scenarios.filter((s) => s.kind === 'docs' || s.kind === 'nm')) {
    add(`floor-${scenario.id}`, `${scenario.label}, shipready cold / read-only floor`, {
      value: ratio(time(scenario.id, 'cold'), time(scenario.id, 'floor')), limit: 3, atMost: true, target: '≤ 3×', figure: (v) => `${v.toFixed(2)}×`,
    });
  }
  if (results.scenarios.some((s) => s.id === 'nm')) {
    const was = before('nm', 'cold');
    add('nm-vs-before', 'node_modules *.md, speed-up over the recorded run before this work', {
      value: ratio(was, time('nm', 'cold')), limit: 10, atMost: false, target: '≥ 10×', figure: (v) => `${v.toFixed(1)}×`,
      context: was ? `${(was / 1000).toFixed(1)} s → ${((time('nm', 'cold') ?? 0) / 1000).toFixed(1)} s` : 'no --before results',
    });
  }
  if (results.scenarios.some((s) => s.id === '1000')) {
    const was = before('1000', 'cold');
    add('checklists-vs-before', '1,000 checklists, shipready cold / the recorded run before this work', {
      value: ratio(time('1000', 'cold'), was), limit: 1, atMost: true, target: '≤ 1×', figure: (v) => `${v.toFixed(2)}×`,
      context: was ? '' : 'no --before results',
    });
  }
  const nodeCpu = cell(results, '1', 'node')?.cpuMs ?? null;
  const checkCpu = cell(results, '1', 'check')?.cpuMs ?? null;
  add('one-file-check-cpu', '1 file, shipready check CPU / node -e 0 CPU', {
    value: ratio(checkCpu, nodeCpu), limit: 2.5, atMost: true, target: '≤ 2.5×', figure: (v) => `${v.toFixed(2)}×`,
    context: checkCpu && nodeCpu ? `${checkCpu.toFixed(0)} vs ${nodeCpu.toFixed(0)} ms` : '',
  });
  const big = results.scenarios.find((s) => s.kind === 'docs' && s.files >= 40000);
  if (big) {
    add('forty-thousand-rss', `${big.label}, peak RSS of shipready cold`, {
      value: cell(results, big.id, 'cold')?.peakRssMB ?? null, limit: 300, atMost: true, target: '< 300 MB', figure: (v) => `${v.toFixed(0)} MB`,
    });
  }
}
