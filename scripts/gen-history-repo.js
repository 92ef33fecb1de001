#!/usr/bin/env node
/**
 * Generates a git repository with a long history of a handful of
 * checklists, for `shipready history` at scale (README.md#history):
 *
 *   node scripts/gen-history-repo.js <dir> [commits=1000] [files=5]
 *
 * Written with `git fast-import` (no work tree churn, a second for 1,000
 * commits). Each commit changes one checklist: ticks an item, adds one,
 * sometimes unticks one or rewords one; one commit in ten also touches a
 * file that is not markdown. Commits are six hours apart, from 2025-01-01.
 * The sequence is seeded, so the same arguments give the same repository.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const [dir, commitsArg = '1000', filesArg = '5'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/gen-history-repo.js <dir> [commits] [files]');
  process.exit(2);
}
const COMMITS = Number(commitsArg);
const FILES = Number(filesArg);

let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return seed / 2 ** 32;
};

const sections = ['Critical', 'High', 'Medium', 'Later'];
const checklists = Array.from({ length: FILES }, (_, f) => ({
  path: f === 0 ? 'ROADMAP.md' : `docs/plan-${f}.md`,
  items: Array.from({ length: 30 }, (_, i) => ({ title: `Task ${f}.${i} for the ${['api', 'ui', 'docs', 'ops'][i % 4]} work`, done: random() < 0.2, section: sections[i % 4], hours: 1 + (i % 5) })),
}));
let next = 30;

function render(list) {
  const parts = [`# ${list.path}\n\nWhat is left before the release, by priority.\n`];
  for (const section of sections) {
    const lines = list.items.filter((item) => item.section === section).map((item) => `- [${item.done ? 'x' : ' '}] ${item.title} (${item.hours}h)`);
    parts.push(`## ${section}\n\n${lines.join('\n')}\n`);
  }
  return parts.join('\n');
}

mkdirSync(dir, { recursive: true });
execFileSync('git', ['init', '-q', '-b', 'main', dir]);
const chunks = [];
const start = Date.UTC(2025, 0, 1) / 1000;
for (let c = 0; c < COMMITS; c++) {
  const list = checklists[c === 0 ? 0 : Math.floor(random() * FILES)];
  const roll = random();
  const open = list.items.filter((item) => !item.done);
  if (roll < 0.55 && open.length > 0) open[Math.floor(random() * open.length)].done = true;
  else if (roll < 0.8) list.items.push({ title: `Follow-up ${next++} found in review`, done: false, section: sections[Math.floor(random() * 4)], hours: 1 + Math.floor(random() * 4) });
  else if (roll < 0.9) {
    const done = list.items.filter((item) => item.done);
    if (done.length > 0) done[Math.floor(random() * done.length)].done = false;
  } else {
    const item = list.items[Math.floor(random() * list.items.length)];
    item.title = `${item.title}, reworded`;
  }
  const time = start + c * 6 * 3600;
  const message = `Update ${list.path} (${c})`;
  chunks.push(`commit refs/heads/main\nmark :${c + 1}\ncommitter Gen <gen@example.com> ${time} +0000\ndata ${Buffer.byteLength(message)}\n${message}\n`);
  if (c > 0) chunks.push(`from :${c}\n`);
  const files = c === 0 ? checklists : [list];
  for (const file of files) {
    const text = render(file);
    chunks.push(`M 100644 inline ${file.path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  }
  if (c % 10 === 5) chunks.push(`M 100644 inline src/main.txt\ndata 12\nchange ${String(c).padStart(4, '0')}\n\n`);
}
const result = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
if (result.status !== 0) {
  console.error(result.stderr.toString());
  process.exit(1);
}
execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
console.log(`${dir}: ${COMMITS} commits, ${FILES} checklists`);
