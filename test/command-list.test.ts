import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { DEFAULT_FILTER, filterItems, groupItems, parsePriorities, parseStatuses, sortItems } from '../src/list/index.js';
import type { ListedItem } from '../src/list/index.js';
import type { Report } from '../src/model.js';
import { PRIORITIES, STATUSES } from '../src/model.js';
import { expectGolden, ROOT, runCli, SEEDS, SEEDS_DIR, spawnCli } from './helpers.js';

/**
 * `shipready list` on the five seeds: filters agree with the report's own
 * counts, orders and groups hold, `--format json` gives the filtered items,
 * and bad filter values exit 2 naming the option.
 */
async function seedsReport(): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', '--no-config', 'fixtures/seeds']);
  return JSON.parse(result.stdout) as Report;
}

async function listJson(args: string[]): Promise<ListedItem[]> {
  const result = await runCli(['list', '--format', 'json', '--no-config', 'fixtures/seeds', ...args]);
  expect(result.code).toBe(0);
  const parsed = JSON.parse(result.stdout) as { schemaVersion: number; count: number; items: ListedItem[] };
  expect(parsed.count).toBe(parsed.items.length);
  return parsed.items;
}

describe('list filters on the seeds', () => {
  it('lists the open items by default, each with its file path', async () => {
    const report = await seedsReport();
    const items = await listJson([]);
    expect(items).toHaveLength(report.totals.open);
    expect(items.every((item) => item.id === `${item.path}:${item.line}`)).toBe(true);
  });

  it('--status all lists every item, cancelled ones too; --status done only the done ones', async () => {
    const report = await seedsReport();
    expect(await listJson(['--status', 'all'])).toHaveLength(report.totals.items + report.totals.cancelled);
    const done = await listJson(['--status', 'done']);
    expect(done).toHaveLength(report.totals.done);
    expect(done.every((item) => item.status === 'done')).toBe(true);
    expect(await listJson(['--status', 'in_progress,blocked'])).toHaveLength(report.totals.inProgress + report.totals.blocked);
  });

  it('--blocking lists exactly the report\'s blocking items', async () => {
    const report = await seedsReport();
    const items = await listJson(['--blocking']);
    expect(items).toHaveLength(report.totals.blocking);
    expect(items.map((item) => item.id)).toEqual(report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => i.id)));
  });

  it('--priority high+ is critical and high; a plain level is that level only', async () => {
    const report = await seedsReport();
    const highPlus = await listJson(['--priority', 'high+']);
    expect(highPlus).toHaveLength(report.byPriority.critical.open + report.byPriority.high.open);
    expect(await listJson(['--priority', 'medium'])).toHaveLength(report.byPriority.medium.open);
  });

  it('--grep matches titles case-insensitively; --file matches paths', async () => {
    const rust = await listJson(['--grep', 'RUST']);
    expect(rust.length).toBeGreaterThan(0);
    expect(rust.every((item) => /rust/i.test(item.title))).toBe(true);
    const report = await seedsReport();
    const file = await listJson(['--file', '002_']);
    expect(file).toHaveLength(report.files.find((f) => f.path.includes('002_'))!.totals.open);
  });
});

describe('list order and groups', () => {
  it('--sort priority puts critical first, --sort effort the smallest estimate first and unestimated last', async () => {
    const byPriority = await listJson(['--sort', 'priority']);
    const ranks = byPriority.map((item) => PRIORITIES.indexOf(item.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const byEffort = await listJson(['--sort', 'effort']);
    const firstUnestimated = byEffort.findIndex((item) => item.effort === null);
    expect(byEffort.slice(firstUnestimated).every((item) => item.effort === null)).toBe(true);
    const mins = byEffort.slice(0, firstUnestimated).map((item) => item.effort!.minHours);
    expect(mins).toEqual([...mins].sort((a, b) => a - b));
  });

  it('--group-by priority prints one heading per level with its count, items indented', async () => {
    const report = await seedsReport();
    const { stdout } = await runCli(['list', '--no-config', '--group-by', 'priority', 'fixtures/seeds']);
    const headings = stdout.split('\n').filter((line) => /^\S/.test(line));
    expect(headings).toEqual(PRIORITIES.filter((p) => report.byPriority[p].open > 0).map((p) => `${p} (${report.byPriority[p].open})`));
    // The heading names the priority, so the lines leave that column out.
    expect(stdout).toMatch(/^ {2}todo +fixtures\/seeds\/001_68c690fd1671e9f8\.md:31 +test\/mimo/m);
    expect(stdout).not.toMatch(/^ {2}todo +critical /m);
  });

  it('groups by section in document order, and by status in status order', () => {
    const item = (line: number, section: string[], status: ListedItem['status'] = 'todo'): ListedItem => ({
      path: 'a.md', id: `a.md:${line}`, title: `t${line}`, status, priority: 'none', blocking: false, effort: null,
      kind: 'task', line, column: 1, sectionPath: section, parentId: null, fingerprint: '0000000000000000', ref: null, optional: false,
      owner: null, due: null, scheduled: null, start: null, doneDate: null, dependsOn: [], tags: [], overdue: false,
    });
    const items = [item(9, ['B'], 'done'), item(3, ['A']), item(5, ['B'], 'blocked'), item(1, [])];
    expect(groupItems(sortItems(items, 'file'), 'section').map((g) => g.label)).toEqual(['a.md › (no heading)', 'a.md › A', 'a.md › B']);
    expect(groupItems(sortItems(items, 'file'), 'status').map((g) => g.label)).toEqual(['todo', 'blocked', 'done']);
    expect(groupItems(items, null)).toEqual([{ label: null, items }]);
  });
});

describe('list text output', () => {
  it('prints status, priority, path:line, title and effort, one item per line', async () => {
    const { stdout } = await runCli(['list', '--no-config', '--file', '002_', '--priority', 'critical', 'fixtures/seeds']);
    expect(stdout.split('\n')[0]).toMatch(/^todo {2}critical {2}fixtures\/seeds\/002_815a210c10cbfa6a\.md:12 {2}1\. Fix Elixir Version \(Blocks Everything\) ⭐ HIGHEST PRIORITY {2,}1–2 h$/);
    expect(stdout.split('\n')[3]).toMatch(/^todo {2}critical {2}fixtures\/seeds\/002_815a210c10cbfa6a\.md:44 {2}4\. Run mix dialyzer - Static Type Analysis$/);
    expect(stdout.trimEnd().split('\n')).toHaveLength(4);
  });

  it('fits 80 columns, grouped or not; titles give way to long paths down to 12 columns', async () => {
    const cwd = path.join(ROOT, 'fixtures', 'seeds');
    const width = (text: string): number => Math.max(...text.split('\n').map((line) => stringWidth(line.replace(/\u001b\[[0-9;]*m/g, ''))));
    for (const extra of [[], ['--group-by', 'priority'], ['--group-by', 'section']]) {
      const { stdout } = await runCli(['list', '--no-config', '--status', 'all', ...extra, '.'], { cwd, isTTY: true, columns: 80 });
      expect(width(stdout)).toBeLessThanOrEqual(80);
    }
    const { stdout } = await runCli(['list', '--no-config', '--blocking', 'fixtures/seeds'], { columns: 80 });
    expect(width(stdout)).toBeLessThanOrEqual(80);
    expect(stdout).toMatch(/^todo +critical {2}fixtures\/seeds\/001_68c690fd1671e9f8\.md:31 +test\/mimo\/\S*…$/m);
  });

  it('keeps the effort column in line after emoji titles (string-width 8 measures every cell)', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'shipready-list-emoji-'));
    const titles = ['🪲 fix the 🧑‍🚀 launcher 🫡 and a tail long enough to be cut at eighty (1d)', '数据库迁移 🫠 (2h)', 'plain one'];
    writeFileSync(path.join(cwd, 'TODO.md'), ['# Tasks', '', ...titles.map((title) => `- [ ] ${title}`), ''].join('\n'));
    for (const columns of [80, 160]) {
      const { stdout } = await runCli(['list', '--no-config', '.'], { cwd, isTTY: true, columns, env: { NO_COLOR: '1' } });
      const lines = stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(3);
      // Everything before the title is one display column per character and ends in the same place.
      const at = lines[2]!.indexOf('plain one');
      const efforts = lines.slice(0, 2).map((line) => stringWidth(line.slice(0, line.search(/(?:8|2) h$/))));
      for (const [i, line] of lines.entries()) {
        expect(stringWidth(line)).toBeLessThanOrEqual(columns);
        expect(stringWidth(line.slice(0, at))).toBe(at);
        const shown = line.slice(at).replace(/ +(?:8|2) h$/, '');
        const title = titles[i]!;
        expect(shown === title || (shown.endsWith('…') && title.startsWith(shown.slice(0, -1)))).toBe(true);
      }
      // The effort column starts in the same display column after an emoji title and a CJK one.
      expect(efforts[0]).toBe(efforts[1]);
      expect(lines[0]).toMatch(/^todo {2}none {2}TODO\.md:3 {2}🪲.* 8 h$/);
    }
  });

  it('cuts titles to the terminal width, and keeps them whole when piped', async () => {
    const cwd = path.join(ROOT, 'fixtures', 'seeds');
    const sized = await runCli(['list', '--no-config', '--status', 'all', '.'], { cwd, isTTY: true, columns: 80 });
    expect(Math.max(...sized.stdout.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(80);
    expect(sized.stdout).toContain('…');
    const piped = await runCli(['list', '--no-config', '--status', 'all', '.'], { cwd });
    expect(piped.stdout).not.toContain('…');
  });

  it('says on stderr when nothing matches, and prints nothing on stdout', async () => {
    const result = await runCli(['list', '--no-config', '--grep', 'no such title anywhere', 'fixtures/seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no items match the filters');
  });

  it('runs as a process', () => {
    const result = spawnCli(['list', '--blocking', 'fixtures/seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(28);
    expect(result.stdout).toMatch(/^todo +critical +fixtures\/seeds\/001_68c690fd1671e9f8\.md:31 +test\/mimo/m);
  });
});

describe('list usage errors exit 2 naming the option', () => {
  for (const [option, value] of [
    ['--status', 'finished'],
    ['--priority', 'urgent+'],
    ['--sort', 'title'],
    ['--group-by', 'owner'],
    ['--format', 'yaml'],
  ] as const) {
    it(`${option} ${value}`, async () => {
      const result = await runCli(['list', option, value, 'fixtures/seeds']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(option);
      expect(result.stderr).toContain(value);
    });
  }

  it('parses status and priority lists', () => {
    expect([...parseStatuses('open')].sort()).toEqual(['blocked', 'in_progress', 'todo']);
    expect(parseStatuses('all').size).toBe(STATUSES.length);
    expect([...parsePriorities('medium+')]).toEqual(['critical', 'high', 'medium']);
    expect([...parsePriorities('low, critical')].sort()).toEqual(['critical', 'low']);
    expect(() => parseStatuses(' , ')).toThrow(UsageError);
    expect(() => parsePriorities('p0')).toThrow(/^Unexpected `p0`, expected a priority/);
  });

  it('filters with the default filter: open items only', async () => {
    const report = await seedsReport();
    expect(filterItems(report, DEFAULT_FILTER).every((item) => item.status !== 'done' && item.status !== 'cancelled')).toBe(true);
  });
});

describe('list golden files', () => {
  for (const seed of SEEDS) {
    it(`${seed}: every item, grouped by priority`, async () => {
      const result = await runCli(['list', '--no-config', '--status', 'all', '--group-by', 'priority', `fixtures/seeds/${seed}`], {
        columns: 100,
        env: { NO_COLOR: '1' },
      });
      expect(result.code).toBe(0);
      expectGolden(path.join(SEEDS_DIR, seed.replace(/\.md$/, '.expected.list.txt')), result.stdout);
    });
  }
});
