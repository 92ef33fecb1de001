import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { ScratchRepo } from './git-helpers.js';

/** Unchanging prose at the top of every version, as real checklists have: git's rename detection needs the file to stay mostly the same. */
const INTRO = `# Plan

This plan tracks the launch of the new release. Owners tick items as they
land; the release manager reviews it every Monday and moves what slips.
Estimates are in hours; anything critical blocks the release.
`;

const V1 = `${INTRO}
## Critical

- [ ] Rotate the signing keys
- [x] Audit the logs

## High

- [ ] Write the docs (4h)
`;
// Items reordered, one ticked, one reworded, one added.
const V2 = `${INTRO}
## Critical

- [x] Audit the logs
- [x] Rotate the signing keys

## High

- [ ] Write the docs! (4h)
- [ ] Add a dark mode to the settings page (2h)
`;
// Renamed to docs/roadmap.md in the same commit: one unticked (reopened), one added, one ticked.
const V3 = `${INTRO}
## Critical

- [ ] Audit the logs
- [x] Rotate the signing keys
- [ ] Pen test

## High

- [x] Write the docs! (4h)
- [ ] Add a dark mode to the settings page (2h)
`;
// Pen test ticked; dark mode tagged [P0] (re-prioritised, now blocking).
const V4 = `${INTRO}
## Critical

- [ ] Audit the logs
- [x] Rotate the signing keys
- [x] Pen test

## High

- [x] Write the docs! (4h)
- [ ] Add a dark mode to the settings page (2h) [P0]
`;

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addSchema(JSON.parse(readFileSync(path.join(ROOT, 'schema/report.schema.json'), 'utf8')));
const validateDiff = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/diff.schema.json'), 'utf8')));
const validateHistory = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/history.schema.json'), 'utf8')));

let repo: ScratchRepo;
const commits: string[] = [];

beforeAll(() => {
  repo = new ScratchRepo();
  repo.write('docs/plan.md', V1);
  commits.push(repo.commit('Plan the launch', 0));
  repo.git('tag', 'v1');
  repo.write('docs/plan.md', V2);
  commits.push(repo.commit('Rotate the keys', 7));
  repo.git('tag', 'v2');
  repo.git('mv', 'docs/plan.md', 'docs/roadmap.md');
  repo.write('docs/roadmap.md', V3);
  commits.push(repo.commit('Rename the plan; reopen the audit', 14));
  repo.git('tag', 'v3');
  repo.write('notes.txt', 'not markdown\n');
  repo.commit('=HYPERLINK("x") not a checklist change', 18);
  repo.write('docs/roadmap.md', V4);
  commits.push(repo.commit('=cmd|calc, "quoted" subject', 21));
  repo.git('tag', 'v4');
});

afterAll(() => repo.remove());

const item = (line: number, title: string, status: string, priority: string, blocking: boolean, file = 'docs/roadmap.md') => ({
  path: file, line, title, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), status, priority, blocking,
});

describe('shipready diff', () => {
  it('compares two revisions: finished, added, a reworded title kept', async () => {
    const result = await runCli(['diff', 'v1', '--to', 'v2', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true);
    expect(diff.base).toEqual({ ref: 'v1', commit: commits[0] });
    expect(diff.head).toEqual({ ref: 'v2', commit: commits[1] });
    expect(diff.files).toEqual([{ path: 'docs/plan.md', previousPath: null, status: 'modified' }]);
    expect(diff.added).toEqual([item(15, 'Add a dark mode to the settings page (2h)', 'todo', 'high', false, 'docs/plan.md')]);
    expect(diff.completed).toEqual([
      { ...item(10, 'Rotate the signing keys', 'done', 'critical', false, 'docs/plan.md'), before: { path: 'docs/plan.md', line: 9, title: 'Rotate the signing keys', status: 'todo', priority: 'critical', blocking: true } },
    ]);
    expect([diff.removed, diff.reopened, diff.reprioritised, diff.newlyBlocking, diff.stillBlocking]).toEqual([[], [], [], [], []]);
    expect([diff.totals.before.done, diff.totals.before.items, diff.totals.before.blocking]).toEqual([1, 3, 1]);
    expect([diff.totals.after.done, diff.totals.after.items, diff.totals.after.blocking]).toEqual([2, 4, 0]);
    expect([diff.totals.before.effort.maxHours, diff.totals.after.effort.maxHours]).toEqual([4, 6]);
  });

  it('follows a file renamed in git, against the working tree', async () => {
    const result = await runCli(['diff', 'v2', '--format', 'json'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    const diff = JSON.parse(result.stdout);
    expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true);
    expect(diff.head).toEqual({ ref: null, commit: null });
    expect(diff.files).toEqual([{ path: 'docs/roadmap.md', previousPath: 'docs/plan.md', status: 'renamed' }]);
    expect(diff.added).toEqual([item(11, 'Pen test', 'done', 'critical', false)]);
    expect(diff.removed).toEqual([]);
    expect(diff.reopened.map((i: { title: string; before: { path: string } }) => [i.title, i.before.path])).toEqual([['Audit the logs', 'docs/plan.md']]);
    expect(diff.completed.map((i: { title: string }) => i.title)).toEqual(['Write the docs! (4h)']);
    expect(diff.reprioritised.map((i: { title: string; before: { priority: string }; priority: string }) => [i.title, i.before.priority, i.priority])).toEqual([['Add a dark mode to the settings page (2h) [P0]', 'high', 'critical']]);
    expect(diff.newlyBlocking.map((i: { title: string }) => i.title)).toEqual(['Audit the logs', 'Add a dark mode to the settings page (2h) [P0]']);
  });

  it('writes a pull-request comment with links on the hosting server and no live @mentions', async () => {
    repo.write('docs/roadmap.md', `${V4}- [ ] Ask @octocat about [links](http://x) <b>now</b>\n`);
    try {
      const env = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'acme/app', GITHUB_SHA: 'abc123' };
      const result = await runCli(['diff', 'v3', '--format', 'markdown'], { cwd: repo.dir, env });
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('### shipready: 1 finished, 1 added, 1 re-prioritised');
      expect(result.stdout).toContain('| blocking         |           2 |           2 |');
      expect(result.stdout).toContain('#### Re-prioritised (1)');
      expect(result.stdout).toContain('(https://github.example/acme/app/blob/abc123/docs/roadmap.md#L17)');
      expect(result.stdout).toContain('@\u200boctocat');
      expect(result.stdout).not.toMatch(/@octocat/);
      expect(result.stdout).not.toContain('<b>');
    } finally {
      repo.write('docs/roadmap.md', V4);
    }
  });

  it('says what to do outside a repository, for an unknown revision, and without a default base', async () => {
    const plain = mkdtempSync(path.join(tmpdir(), 'shipready-nogit-'));
    try {
      const outside = await runCli(['diff', 'HEAD'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: path.dirname(plain) } });
      expect(outside.code).toBe(2);
      expect(outside.stderr).toMatch(/^shipready: error: `.*` is not inside a git repository; run diff and history in a clone/);
    } finally {
      rmSync(plain, { recursive: true, force: true });
    }
    const unknown = await runCli(['diff', 'nope'], { cwd: repo.dir });
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe('shipready: error: `nope` is not a commit of this repository; name a branch, tag or commit (`git fetch` it first if it is on the remote)\n');
    const noRemote = await runCli(['diff'], { cwd: repo.dir });
    expect(noRemote.code).toBe(2);
    expect(noRemote.stderr).toContain('name REF');
  });

  it('defaults to the merge base with the remote default branch in a full clone', async () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'shipready-clone-'));
    try {
      execFileSync('git', ['clone', '-q', repo.dir, clone]);
      execFileSync('git', ['-C', clone, 'checkout', '-q', '-b', 'feature']);
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(clone, 'docs/roadmap.md'), V4.replace('- [ ] Audit the logs', '- [x] Audit the logs'));
      const result = await runCli(['diff', '--format', 'json'], { cwd: clone });
      expect(result.stderr).toBe('');
      const diff = JSON.parse(result.stdout);
      expect(diff.base).toEqual({ ref: 'merge-base(HEAD, origin/main)', commit: commits[3] });
      expect(diff.completed.map((i: { title: string }) => i.title)).toEqual(['Audit the logs']);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('shipready check --since (the ratchet)', () => {
  it('fails when an item was reopened since REF', async () => {
    const result = await runCli(['check', '--since', 'v2'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('shipready: docs/roadmap.md:9: reopened: Audit the logs (critical)');
    expect(result.stdout).toContain('NOT READY — 1 item made worse since v2: blocking added or reopened');
  });

  it('passes when blocking items were already open at REF, and lists them', async () => {
    const result = await runCli(['check', '--since', 'v3'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('shipready: docs/roadmap.md:9: already open at v3: Audit the logs (critical)');
    expect(result.stdout).toContain('READY — nothing made worse since v3 (1 blocking item already open there)');
  });

  it('fails when a done item is unticked, passes for a new non-blocking item, still applies explicit policies', async () => {
    try {
      repo.write('docs/roadmap.md', V4.replace('- [x] Write the docs!', '- [ ] Write the docs!'));
      expect((await runCli(['check', '--since', 'v4'], { cwd: repo.dir })).code).toBe(1);
      repo.write('docs/roadmap.md', `${V4}- [ ] Polish the icons\n`);
      expect((await runCli(['check', '--since', 'v4'], { cwd: repo.dir })).code).toBe(0);
      expect((await runCli(['check', '--since', 'v4', '--min-percent', '90'], { cwd: repo.dir })).code).toBe(1);
      repo.write('docs/roadmap.md', `${V4}- [ ] Ship the fix [P0]\n`);
      const added = await runCli(['check', '--since', 'v4'], { cwd: repo.dir });
      expect(added.code).toBe(1);
      expect(added.stderr).toContain('added blocking item: Ship the fix');
    } finally {
      repo.write('docs/roadmap.md', V4);
    }
  });

  it('exits 2 for a bad ref and for a shallow clone, saying to fetch the history', async () => {
    const bad = await runCli(['check', '--since', 'no-such-tag'], { cwd: repo.dir });
    expect(bad.code).toBe(2);
    const clone = mkdtempSync(path.join(tmpdir(), 'shipready-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone]);
      const shallow = await runCli(['check', '--since', 'v1'], { cwd: clone });
      expect(shallow.code).toBe(2);
      expect(shallow.stderr).toBe('shipready: error: `v1` is not in this shallow clone; fetch the full history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)\n');
      const diff = await runCli(['diff'], { cwd: clone });
      expect(diff.code).toBe(2);
      expect(diff.stderr).toContain('fetch-depth: 0');
      const history = await runCli(['history'], { cwd: clone });
      expect(history.code).toBe(2);
      expect(history.stderr).toContain('shallow');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

describe('shipready history', () => {
  it('gives one point per first-parent commit that changed a checklist, renames included', async () => {
    const result = await runCli(['history', '--format', 'json'], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const history = JSON.parse(result.stdout);
    expect(validateHistory(history), JSON.stringify(validateHistory.errors)).toBe(true);
    const rows = history.points.map((p: { commit: string; date: string; items: number; done: number; open: number; blocking: number; effort: { maxHours: number } }) => [p.commit, p.date.slice(0, 10), p.items, p.done, p.open, p.blocking, p.effort.maxHours]);
    expect(rows).toEqual([
      [commits[0], '2026-01-01', 3, 1, 2, 1, 4],
      [commits[1], '2026-01-08', 4, 2, 2, 0, 6],
      [commits[2], '2026-01-15', 5, 2, 3, 2, 2],
      [commits[3], '2026-01-22', 5, 3, 2, 2, 2],
    ]);
    expect(history.forecast).toMatchObject({ outcome: 'no-date', basis: { points: 4, from: '2026-01-01', to: '2026-01-22' }, date: null });
  });

  it('limits the commits with --max-count and --since, and writes CSV without live formulas', async () => {
    const newest = JSON.parse((await runCli(['history', '--format', 'json', '--max-count', '2'], { cwd: repo.dir })).stdout);
    expect(newest.points.map((p: { commit: string }) => p.commit)).toEqual([commits[2], commits[3]]);
    const csv = await runCli(['history', '--format', 'csv', '--since', '2026-01-10'], { cwd: repo.dir });
    const lines = csv.stdout.split('\r\n');
    expect(lines[0]).toBe('commit,date,subject,items,done,open,percent,blocking,effort_min_hours,effort_max_hours,unestimated');
    expect(lines.slice(1, 3).map((line) => line.split(',').slice(2, 4))).toEqual([
      ['Rename the plan; reopen the audit', '5'],
      ["\"'=cmd|calc", ' ""quoted"" subject"'],
    ]);
  });

  it('keeps the analyses between runs with --cache, keyed by blob id, and gives the same series', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'shipready-blob-cache-'));
    try {
      const first = await runCli(['history', '--format', 'json', '--cache-location', cache], { cwd: repo.dir });
      const files = readdirSync(cache);
      expect(files).toHaveLength(1);
      const stored = readFileSync(path.join(cache, files[0]!), 'utf8');
      const blob = repo.git('rev-parse', 'v1:docs/plan.md').trim();
      expect(stored).toContain(`${blob}\\u0000docs/plan.md`);
      const second = await runCli(['history', '--format', 'json', '--cache-location', cache], { cwd: repo.dir });
      const plain = await runCli(['history', '--format', 'json', '--no-cache'], { cwd: repo.dir });
      expect(second.stdout).toBe(first.stdout);
      expect(plain.stdout).toBe(first.stdout);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it('draws the terminal charts and states the forecast', async () => {
    const result = await runCli(['history', '--no-color'], { cwd: repo.dir, columns: 60 });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('4 commits from 2026-01-01 to 2026-01-22');
    expect(result.stdout).toContain('Forecast: no date at this pace — open work is not going down');
    expect(result.stdout).toMatch(/[┼┤]/);
  });
});
