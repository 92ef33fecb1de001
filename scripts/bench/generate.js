#!/usr/bin/env node
/**
 * Seeded generator of realistic markdown checklists for the benchmark: a
 * corpus of many ~10 KB files spread over folders (with the five real seeds
 * mixed in), or one big file of a given size built from the same blocks under
 * many `##` sections. The same seed always gives the same bytes, and file i of
 * a corpus does not depend on the corpus size, so 1,000 files are the first
 * 1,000 of the 10,000.
 *
 *   node scripts/bench/generate.js <dir> --files 1000 [--seed 1]
 *   node scripts/bench/generate.js <dir> --bytes 1mb [--seed 1]
 *   node scripts/bench/generate.js <dir> --docs 10000 [--seed 1]   (documentation pages, 1% checklists)
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Average size of a corpus file, in bytes. */
export const AVERAGE_FILE_BYTES = 10 * 1024;
/** Every SEED_EVERY-th corpus file is a copy of one of the real seeds (fixtures/seeds). */
const SEED_EVERY = 50;
/** Corpus files per folder. */
const FILES_PER_FOLDER = 25;

/**
 * mulberry32: a tiny seeded PRNG.
 * @param {number} seed 32-bit integer
 * @returns {() => number} floats in [0, 1)
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random source with the helpers the blocks need. */
class Random {
  /** @param {number} seed */
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** Integer in [min, max]. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  /** True with probability p. */
  chance(p) {
    return this.next() < p;
  }
  /** @template T @param {readonly T[]} list @returns {T} */
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Standard normal (Box–Muller). */
  gaussian() {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
}

/** Seed of file `index` of a corpus: a hash of both, so files are independent of each other. */
function fileSeed(seed, index) {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  return (h ^ (h >>> 15)) >>> 0;
}

// ---------------------------------------------------------------- word banks

const VERBS = ['Implement', 'Fix', 'Add', 'Migrate', 'Document', 'Validate', 'Refactor', 'Remove', 'Upgrade',
  'Configure', 'Review', 'Test', 'Benchmark', 'Deploy', 'Audit', 'Write', 'Investigate', 'Automate', 'Harden', 'Clean up'];
const OBJECTS = ['the login flow', 'rate limiting on `/api/search`', 'the CI cache for node_modules', 'database indexes',
  'the onboarding docs', 'error boundaries in the dashboard', 'feature flags for checkout', 'the billing webhook',
  'S3 lifecycle rules', 'Sentry alerts', 'dark mode', 'i18n strings for German', 'the release notes', 'OAuth refresh tokens',
  'the mobile layout', 'the p95 latency dashboard', 'the backup restore drill', 'CSV export', 'the Postgres 16 upgrade',
  'retry logic in the queue worker', 'the `config/prod.exs` thresholds', 'SAML single sign-on', 'the search index rebuild',
  'TLS certificate rotation', 'the staging environment', 'flaky end-to-end tests', 'the public API changelog',
  'memory usage under sustained load', 'the Helm chart', 'cookie consent banner', 'password reset emails', 'audit logging',
  'the GraphQL schema', 'image thumbnails', 'the data retention policy', 'Terraform state locking', 'load tests'];
const PEOPLE = ['@alice', '@bob', '@carol', '@dmitri', '@eve', '@farah', '@gus', '@hana', 'Platform team', 'QA'];
const STATUSES = ['In progress', 'Not started', 'Blocked', 'Done', 'In review', 'On hold', '✅ Complete', '🚧 WIP'];
const EMOJI = ['✅', '🚧', '⚠️', '🔥', '📌', '⭐', '🐛', '🚀', '📊', '🔒'];
const SENTENCE_PARTS = [
  'This has to land before the release branch is cut',
  'the current implementation times out under load',
  'we agreed in the planning meeting to keep the scope small',
  'see the design doc for the trade-offs we considered',
  'most of the work is already done on the feature branch',
  'the vendor confirmed the limits in their last email',
  'nobody owns this yet, which is the real risk',
  'the numbers below come from last week\'s staging run',
  'rolling back is cheap if the migration is split in two steps',
  'customers reported it twice in the support queue',
  'it only fails on the ARM runners',
  'the old code path stays behind a flag until the next minor version',
];
const LINKS = ['https://example.com/docs/runbook', 'https://github.com/acme/app/issues/1287', '../ops/DEPLOY.md',
  'https://grafana.example.com/d/latency', './ARCHITECTURE.md#queues', 'https://example.com/rfc/0042'];

/** Priority headings, in the many ways people write them (words, P0–P3, coloured circles). */
const PRIORITY_HEADINGS = [
  '🔴 Critical', 'CRITICAL PATH - DO THESE FIRST', 'P0 — Blockers', 'Critical (Must Fix Before Launch)',
  '🟠 High Priority', 'P1: High', 'HIGH PRIORITY (This Sprint)', 'High',
  '🟡 Medium Priority', 'P2 – Medium', 'Medium (Next 2-3 Sessions)', 'Should have',
  '🟢 Low Priority', 'P3 / Low', 'Low — Nice to have', 'Backlog',
];
const OTHER_HEADINGS = ['Notes', 'Background', 'Open questions', 'Done this week', 'Risks', 'Release checklist',
  'Week 2: Database', 'Definition of Done', 'Infrastructure', 'Testing', 'Documentation', 'Security review'];

const EFFORTS = ['(2h)', '(30m)', '(4h)', '~3 days', '(1-2 weeks)', '— 4 hours', '(0.5 days)', '(15-30 minutes)',
  '(2–3 hrs)', '~1 day', '(1d)', '(2 to 4 hours)'];

// ---------------------------------------------------------------- blocks

function task(r) {
  let text = `${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
  if (r.chance(0.15)) text = `**${text}**`;
  if (r.chance(0.1)) text += ` ([#${r.int(100, 9999)}](${r.pick(LINKS)}))`;
  if (r.chance(0.1)) text += ` ${r.pick(EMOJI)}`;
  if (r.chance(0.1)) text += ` - owner ${r.pick(PEOPLE)}`;
  if (r.chance(0.35)) text += ` ${r.pick(EFFORTS)}`;
  return text;
}

/** A GFM task list, nested up to two levels, sometimes with an effort field on a continuation line. */
function taskList(r, depth = 0) {
  const indent = '  '.repeat(depth);
  const bullet = r.chance(0.8) ? '-' : '*';
  const lines = [];
  const count = depth === 0 ? r.int(2, 8) : r.int(1, 3);
  for (let i = 0; i < count; i++) {
    const done = r.chance(0.4);
    lines.push(`${indent}${bullet} [${done ? 'x' : ' '}] ${task(r)}`);
    if (r.chance(0.08)) lines.push(`${indent}  Effort: ${r.int(1, 3)}-${r.int(4, 8)} hours`);
    if (depth < 2 && r.chance(0.15)) lines.push(...taskList(r, depth + 1));
    else if (depth < 2 && r.chance(0.1)) lines.push(`${indent}  - ${sentence(r)}`);
  }
  return lines;
}

function sentence(r) {
  let s = r.pick(SENTENCE_PARTS);
  if (r.chance(0.3)) s += `; ${r.pick(SENTENCE_PARTS)}`;
  if (r.chance(0.2)) s += ` ([details](${r.pick(LINKS)}))`;
  if (r.chance(0.15)) s = s.replace(/(\w+ \w+)$/, '_$1_');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function paragraph(r) {
  const sentences = [];
  for (let i = r.int(2, 5); i > 0; i--) sentences.push(sentence(r));
  if (r.chance(0.2)) sentences.push(`**Note:** ${r.pick(OBJECTS)} is ${r.pick(['shared', 'owned', 'tracked'])} by ${r.pick(PEOPLE)}.`);
  return [sentences.join(' ')];
}

function fields(r) {
  const lines = [`**Status:** ${r.pick(STATUSES)}  `];
  if (r.chance(0.6)) lines.push(`**Owner:** ${r.pick(PEOPLE)}  `);
  if (r.chance(0.5)) lines.push(`**Estimated Time**: ${r.int(1, 4)}-${r.int(5, 8)} hours  `);
  if (r.chance(0.3)) lines.push(`**Priority:** ${r.pick(['Critical', 'High', 'Medium', 'Low', 'P1', 'P2'])}  `);
  if (r.chance(0.3)) lines.push(`**Due:** 2025-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`);
  return lines;
}

/** A hand-written progress claim, the kind `shipready` checks against the items. */
function claim(r) {
  const total = r.int(5, 60);
  const done = r.int(0, total);
  return [r.pick([
    `Progress: ${done}/${total} done`,
    `~${Math.round((done / total) * 100)}% complete`,
    `**Overall:** ${done} of ${total} tasks complete (${Math.round((done / total) * 100)}%)`,
    `**Completion Rate**: **~${Math.round((done / total) * 100)}% of checklist completed**`,
    `${total - done} items remaining`,
  ])];
}

function codeFence(r) {
  const lang = r.pick(['bash', 'ts', 'yaml', 'json', '', 'sql']);
  const lines = ['```' + lang];
  for (let i = r.int(3, 12); i > 0; i--) {
    lines.push(r.pick([
      'npm run build && npm test', 'mix ecto.migrate', 'kubectl rollout status deploy/api', '- [ ] not a task: inside a fence',
      'export const retries = 3;', 'SELECT count(*) FROM jobs WHERE state = \'failed\';', 'timeout: 30s', '  replicas: 3',
      '{ "enabled": true, "threshold": 0.95 }', 'git tag -s v2.3.0 -m "release"',
    ]));
  }
  lines.push('```');
  return lines;
}

function table(r) {
  const lines = ['| Task | Owner | Status | Effort |', '|------|-------|--------|-------:|'];
  for (let i = r.int(3, 8); i > 0; i--) {
    lines.push(`| ${r.pick(VERBS)} ${r.pick(OBJECTS)} | ${r.pick(PEOPLE)} | ${r.pick(['✅', '❌', '🚧', 'Done', 'Open'])} | ${r.int(1, 16)}h |`);
  }
  return lines;
}

function quote(r) {
  return [`> **${r.pick(['Warning', 'Note', 'Decision'])}:** ${sentence(r)}`];
}

/** `### 3. Do X` with fields, a paragraph and a task list: the unit most checklists repeat. */
function numberedItem(r, number) {
  const blocks = [[`### ${number}. ${r.chance(0.3) ? `**${r.pick(VERBS)} ${r.pick(OBJECTS)}**` : `${r.pick(VERBS)} ${r.pick(OBJECTS)}`}${r.chance(0.15) ? ` ${r.pick(EMOJI)}` : ''}`]];
  if (r.chance(0.7)) blocks.push(fields(r));
  if (r.chance(0.7)) blocks.push(paragraph(r));
  if (r.chance(0.5)) blocks.push(['**Tasks**:', ...taskList(r)]);
  else blocks.push(taskList(r));
  if (r.chance(0.15)) blocks.push(codeFence(r));
  if (r.chance(0.1)) blocks.push(claim(r));
  return blocks;
}

/** One `##` section: a priority (or other) heading and a mix of blocks. */
function section(r, state) {
  const blocks = [[`## ${r.chance(0.75) ? r.pick(PRIORITY_HEADINGS) : r.pick(OTHER_HEADINGS)}`]];
  if (r.chance(0.5)) blocks.push(paragraph(r));
  if (r.chance(0.15)) blocks.push(claim(r));
  for (let i = r.int(1, 4); i > 0; i--) {
    const roll = r.next();
    if (roll < 0.55) blocks.push(...numberedItem(r, state.number++));
    else if (roll < 0.7) blocks.push(taskList(r));
    else if (roll < 0.8) blocks.push(table(r));
    else if (roll < 0.88) blocks.push(codeFence(r));
    else if (roll < 0.94) blocks.push(quote(r));
    else blocks.push(paragraph(r));
  }
  if (r.chance(0.3)) blocks.push(['---']);
  return blocks.map((lines) => lines.join('\n')).join('\n\n') + '\n\n';
}

/**
 * One checklist document of about `targetBytes` bytes: whole `##` sections,
 * stopping at the section boundary nearest to the size.
 * @param {number} seed
 * @param {number} targetBytes
 * @returns {string}
 */
export function generateChecklist(seed, targetBytes) {
  const r = new Random(seed);
  const title = r.pick(['Release checklist', 'Next Session Tasks: Prioritized Action Items', 'Launch readiness',
    'PRODUCTION IMPLEMENTATION CHECKLIST', 'Sprint plan', 'Migration tracker', 'Incomplete tasks summary']);
  let text = `# ${r.chance(0.3) ? `${r.pick(EMOJI)} ` : ''}${title} — ${r.pick(OBJECTS).replace(/`/g, '')}\n\n`;
  text += fields(r).join('\n') + '\n\n';
  if (r.chance(0.6)) text += claim(r)[0] + '\n\n';
  if (r.chance(0.5)) text += paragraph(r)[0] + '\n\n';
  let bytes = Buffer.byteLength(text);
  const state = { number: 1 };
  const parts = [text];
  while (bytes < targetBytes) {
    const next = section(r, state);
    const size = Buffer.byteLength(next);
    // Stop at whichever side of the target is nearer, so sizes average out on it.
    if (parts.length > 1 && bytes + size - targetBytes > targetBytes - bytes) break;
    parts.push(next);
    bytes += size;
  }
  return parts.join('');
}

/** The real seed checklists, as bytes (their mojibake included). */
function readSeeds() {
  const dir = path.join(root, 'fixtures', 'seeds');
  return readdirSync(dir).filter((name) => /^\d{3}_[0-9a-f]+\.md$/.test(name)).sort()
    .map((name) => readFileSync(path.join(dir, name)));
}

const AREAS = ['docs', 'planning', 'services/api/docs', 'services/web/docs', 'ops', 'teams'];
const NAMES = ['release-checklist', 'sprint', 'launch', 'migration', 'tasks', 'todo', 'readiness', 'roadmap'];

/**
 * Writes a corpus of `files` checklists under `dir` (folders of 25 files):
 * about 10 KB each on average (log-normal spread, file 0 exactly average so a
 * one-file corpus is a typical checklist), every 50th one a real seed.
 * @param {string} dir
 * @param {{ files: number, seed?: number }} options
 * @returns {{ files: string[], bytes: number }} paths relative to `dir`, in order, and their total size
 */
export function writeCorpus(dir, { files, seed = 1 }) {
  const seeds = readSeeds();
  const written = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const folder = Math.floor(i / FILES_PER_FOLDER);
    const relative = path.join(AREAS[folder % AREAS.length], `group-${folder}`, `${NAMES[i % NAMES.length]}-${i}.md`);
    let content;
    if (i % SEED_EVERY === SEED_EVERY - 1) {
      content = seeds[Math.floor(i / SEED_EVERY) % seeds.length];
    } else {
      const s = fileSeed(seed, i);
      // Log-normal around the average (σ = 0.5), clamped to 1–60 KB.
      const size = i === 0 ? AVERAGE_FILE_BYTES
        : Math.min(60 * 1024, Math.max(1024, AVERAGE_FILE_BYTES * Math.exp(0.5 * new Random(s ^ 0x5bd1e995).gaussian() - 0.125)));
      content = generateChecklist(s, size);
    }
    mkdirSync(path.join(dir, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
    written.push(relative);
    bytes += Buffer.byteLength(content);
  }
  return { files: written, bytes };
}

const DOC_TOPICS = ['Installation', 'Getting started', 'Configuration', 'API reference', 'Usage', 'Options', 'Examples',
  'Troubleshooting', 'FAQ', 'Migrating from v1', 'Contributing', 'License', 'Changelog', 'Security', 'Deployment', 'Architecture'];

/**
 * One documentation page of about `targetBytes` bytes with nothing to count,
 * but with the near misses real docs hold: numbered headings (`## 1.
 * Installation`), checkboxes inside code fences, status emoji and priority
 * words in prose and tables, percentages that are not progress.
 * @param {number} seed
 * @param {number} targetBytes
 * @returns {string}
 */
export function generateDocPage(seed, targetBytes) {
  const r = new Random(seed);
  const parts = [`# ${r.pick(OBJECTS).replace(/`/g, '')}\n\n${paragraph(r)[0]}\n\n`];
  let bytes = Buffer.byteLength(parts[0]);
  let n = 1;
  while (bytes < targetBytes) {
    const topic = r.pick(DOC_TOPICS);
    const blocks = [`## ${r.chance(0.4) ? `${n++}. ` : ''}${topic}`];
    for (let k = r.int(1, 4); k > 0; k--) {
      const kind = r.int(0, 5);
      if (kind === 0) blocks.push('```sh\nnpm install --save ' + r.pick(['acme', 'left-pad', 'shipready']) + '\n# - [ ] not a task, inside code\n```');
      else if (kind === 1) blocks.push(`| option | default | meaning |\n| --- | --- | --- |\n| \`timeout\` | ${r.int(1, 90)}% | ✅ supported, high priority |\n| \`retries\` | ${r.int(0, 9)} | ❌ not yet |`);
      else if (kind === 2) blocks.push(`- ${r.pick(SENTENCE_PARTS)}\n- ${r.pick(SENTENCE_PARTS)} ([link](${r.pick(LINKS)}))\n  1. ${r.pick(VERBS).toLowerCase()} ${r.pick(OBJECTS)}`);
      else if (kind === 3) blocks.push(`> **Note:** coverage is ${r.int(60, 99)}% and the critical path is ${r.pick(OBJECTS)}.`);
      else blocks.push(paragraph(r)[0]);
    }
    const block = `${blocks.join('\n\n')}\n\n`;
    parts.push(block);
    bytes += Buffer.byteLength(block);
  }
  return parts.join('');
}

/**
 * Writes a documentation-heavy repository of `files` markdown pages under
 * `dir`: pages of about 2 KB (log-normal, 0.3–20 KB) with nothing to count,
 * and one checklist in every 100 files (1%), every fifth of those a real seed.
 * File i does not depend on the corpus size.
 * @param {string} dir
 * @param {{ files: number, seed?: number }} options
 * @returns {{ files: string[], bytes: number }}
 */
export function writeDocsCorpus(dir, { files, seed = 1 }) {
  const seeds = readSeeds();
  const written = [];
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const folder = Math.floor(i / 40);
    const checklist = i % 100 === 99;
    const relative = path.join('docs', DOC_TOPICS[folder % DOC_TOPICS.length].toLowerCase().replace(/\W+/g, '-'), `part-${folder}`,
      checklist ? `TODO-${i}.md` : `page-${i}.md`);
    const s = fileSeed(seed, i);
    const size = Math.min(20 * 1024, Math.max(300, 2048 * Math.exp(0.6 * new Random(s ^ 0x27d4eb2d).gaussian() - 0.18)));
    const content = !checklist ? generateDocPage(s, size)
      : Math.floor(i / 100) % 5 === 4 ? seeds[Math.floor(i / 500) % seeds.length] : generateChecklist(s, AVERAGE_FILE_BYTES);
    mkdirSync(path.join(dir, path.dirname(relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
    written.push(relative);
    bytes += Buffer.byteLength(content);
  }
  return { files: written, bytes };
}

/**
 * Copies every `*.md` file under `from` (this project's node_modules: real
 * READMEs and changelogs no one wrote for shipready) into `dir/packages/…`,
 * keeping their relative paths (a folder named node_modules would be skipped
 * by the tools), in sorted order so runs compare.
 * @param {string} from
 * @param {string} dir
 * @returns {{ files: string[], bytes: number }}
 */
export function copyMarkdownTree(from, dir) {
  const found = readdirSync(from, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.relative(from, path.join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
  let bytes = 0;
  const written = [];
  for (const relative of found) {
    const target = path.join(dir, 'packages', relative.split(path.sep).map((part) => (part === 'node_modules' ? 'nm' : part)).join(path.sep));
    const content = readFileSync(path.join(from, relative));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(path.relative(dir, target));
    bytes += content.length;
  }
  return { files: written, bytes };
}

/**
 * Writes one big checklist of about `bytes` bytes to `dir/checklist.md`.
 * @param {string} dir
 * @param {{ bytes: number, seed?: number }} options
 * @returns {{ files: string[], bytes: number }}
 */
export function writeBigFile(dir, { bytes, seed = 1 }) {
  mkdirSync(dir, { recursive: true });
  const content = generateChecklist(fileSeed(seed, -1), bytes);
  writeFileSync(path.join(dir, 'checklist.md'), content);
  return { files: ['checklist.md'], bytes: Buffer.byteLength(content) };
}

/**
 * Parses a size such as `250kb`, `1mb`, `4MB`, `65536` into bytes (KB = 1024).
 * @param {string} text
 * @returns {number}
 */
export function parseBytes(text) {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb?|mb?)?$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (try 250kb or 1mb)`);
  const unit = (match[2] ?? 'b').toLowerCase()[0];
  return Math.round(Number(match[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, ...rest] = process.argv.slice(2);
  const option = (name) => {
    const at = rest.indexOf(name);
    return at >= 0 ? rest[at + 1] : undefined;
  };
  if (!dir || (!option('--files') && !option('--bytes') && !option('--docs'))) {
    console.error('usage: node scripts/bench/generate.js <dir> (--files <n> | --docs <n> | --bytes <size>) [--seed <n>]');
    process.exit(2);
  }
  const seed = Number(option('--seed') ?? 1);
  const result = option('--docs') ? writeDocsCorpus(dir, { files: Number(option('--docs')), seed })
    : option('--files')
    ? writeCorpus(dir, { files: Number(option('--files')), seed })
    : writeBigFile(dir, { bytes: parseBytes(option('--bytes')), seed });
  console.log(`${result.files.length} files, ${result.bytes} bytes in ${dir}`);
}
