import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { FORMAT_NAMES } from '../src/render/index.js';
import { LIST_FORMAT_NAMES } from '../src/render/list.js';
import { formatEffortRange, describeRemainingEffort } from '../src/render/format.js';
import { progressBar } from '../src/render/bar.js';
import { gateOutcome } from '../src/gate/evaluate.js';
import { renderTable } from '../src/render/table.js';
import { layoutColumns, truncate, truncateStart } from '../src/render/text.js';
import { expectGolden, ROOT, runCli, SEEDS, SEEDS_DIR } from './helpers.js';

/**
 * The terminal report (`--format table`) on real input: golden files beside
 * each seed (`<stem>.expected.table.txt`, colour off, 80 columns), widths 80
 * and 160, and the layout rules of issue 3. `UPDATE_FIXTURES=1` rewrites the
 * golden files — review the diff before committing it.
 */
const widths = (text: string): number[] => text.split('\n').map((line) => stringWidth(line));

async function jsonReport(args: string[], cwd = ROOT): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', '--no-config', ...args], { cwd });
  return JSON.parse(result.stdout) as Report;
}

describe('table golden files (colour off, 80 columns)', () => {
  it('finds the five seeds', () => expect(SEEDS).toHaveLength(5));
  for (const seed of SEEDS) {
    it(seed, async () => {
      const result = await runCli(['report', '--no-config', `fixtures/seeds/${seed}`], { columns: 80 });
      expect(result.code).toBe(0);
      expectGolden(path.join(SEEDS_DIR, seed.replace(/\.md$/, '.expected.table.txt')), result.stdout);
    });
  }
});

describe('table layout on the five seeds', () => {
  it('fits 80 columns, verdict first, a row per priority, a per-file table and capped blocking items grouped by file', async () => {
    const { stdout } = await runCli(['--no-config', 'fixtures/seeds'], { columns: 80 });
    expect(Math.max(...widths(stdout))).toBeLessThanOrEqual(80);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('NOT READY — 28 blocking items open (critical)');
    const labels = lines.slice(3, 9).map((line) => line.split(/\s+/)[0]);
    expect(labels).toEqual(['overall', 'critical', 'high', 'medium', 'low', 'none']);
    // 80 columns hold the figures and whole paths, not a bar as well: paths win.
    expect(stdout).toMatch(/^critical\s+2\s+28\s+1\s+0\s+6\.7%\s+4–5\.5 d\s+13$/m);
    for (const seed of SEEDS) expect(stdout).toMatch(new RegExp(`^fixtures/seeds/${seed}\\s+\\d+`, 'm'));
    expect(stdout).toContain('Blocking items (28)');
    // Grouped by file: the path once, then line:column, priority and title.
    expect(stdout.match(/^ {2}fixtures\/seeds\/001_68c690fd1671e9f8\.md$/gm)).toHaveLength(2);
    expect(stdout.match(/^ {4}\d+:\d+ {2}critical {2}\S/gm)).toHaveLength(10);
    expect(stdout).toContain('  … and 18 more: shipready list --blocking');
    expect(stdout).toContain('Stale claims (16)');
    expect(stdout).toMatch(/^ {5}28:34 +"7\/10 incomplete" +counted 7 of 7 open$/m);
    expect(stdout).toContain('1 claim names a file outside this report and could not be checked');
  });

  it('uses the full width at 160 columns: bars aligned across both tables, whole titles', async () => {
    const narrow = await runCli(['--no-config', 'fixtures/seeds'], { columns: 80 });
    const wide = await runCli(['--no-config', 'fixtures/seeds'], { columns: 160 });
    expect(Math.max(...widths(wide.stdout))).toBeLessThanOrEqual(160);
    expect(Math.max(...widths(wide.stdout))).toBeGreaterThan(80);
    const bar = (text: string, label: string): { at: number; length: number } => {
      const line = text.split('\n').find((one) => one.startsWith(label))!;
      const match = /[█░]+/.exec(line)!;
      return { at: match.index, length: match[0].length };
    };
    expect(bar(wide.stdout, 'overall').length).toBeGreaterThan(6);
    expect(bar(wide.stdout, 'fixtures/seeds/001')).toEqual(bar(wide.stdout, 'overall'));
    expect(narrow.stdout).not.toMatch(/[█░]/);
    const title = 'test/mimo/mcp_server/stdio_test.exs - MCP protocol tests (200-250 lines)';
    expect(wide.stdout).toContain(`    31:1  critical  ${title}`);
    expect(narrow.stdout).not.toContain(title);
    expect(narrow.stdout).toMatch(/^ {4}31:1 {2}critical {2}test\/mimo\/mcp_server\/.*…$/m);
  });

  it('draws a narrower terminal as if it had 40 columns', async () => {
    const tiny = await runCli(['--no-config', 'fixtures/seeds'], { columns: 20 });
    const forty = await runCli(['--no-config', 'fixtures/seeds'], { columns: 40 });
    expect(tiny.stdout).toBe(forty.stdout);
    expect(tiny.stdout.split('\n').slice(0, 2)).toEqual(['NOT READY — 28 blocking items open', '  (critical)']);
  });

  it('prints per-section rows with --by section: titles first, shrunk before anything else goes', async () => {
    const { stdout } = await runCli(['--no-config', '--by', 'section', 'fixtures/seeds/001_68c690fd1671e9f8.md'], { columns: 120 });
    expect(Math.max(...widths(stdout))).toBeLessThanOrEqual(120);
    expect(stdout).toMatch(/^ +progre… {2}done {2}open {2}wip {2}blocked {6}% {2}remaining {2}no est\.$/m);
    expect(stdout).toMatch(/^ {4}Week 1: Core Infrastructure \(7\/10 incomplete\) +░+ +0 +7 +0 +0 +0\.0% +3–4 d$/m);
    expect(stdout).not.toMatch(/\scritical$/m);
    const narrow = await runCli(['--no-config', '--by', 'section', 'fixtures/seeds/001_68c690fd1671e9f8.md'], { columns: 80 });
    expect(Math.max(...widths(narrow.stdout))).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toMatch(/^ {4}Week 1: Core Infrastru… +0 +7 +0 +0 +0\.0% +3–4 d$/m);
  });

  it('leaves heading items out of the section rows: their item is the row', async () => {
    const { stdout } = await runCli(['--no-config', '--by', 'section', 'fixtures/seeds/002_815a210c10cbfa6a.md'], { columns: 120 });
    expect(stdout).toMatch(/^ {2}🔴 CRITICAL PATH - DO THESE FIRST +░+ +0 +4 /m);
    expect(stdout).not.toMatch(/1\. Fix Elixir Version.* \d+ +\d+ /m);
  });

  it('draws ASCII bars where the terminal cannot show block characters', async () => {
    const { stdout } = await runCli(['--no-config', 'fixtures/seeds/001_68c690fd1671e9f8.md'], { columns: 80, env: { TERM: 'linux' } });
    expect(stdout).toMatch(/^overall\s.*\s#+-+\s/m);
    expect(stdout).not.toMatch(/[█░]/);
  });

  it('says READY with what is still open when nothing blocks', async () => {
    const { stdout } = await runCli(['--no-config', 'fixtures/seeds/004_2f307842d6d35cc9.md'], { columns: 80 });
    expect(stdout.split('\n')[0]).toBe('READY — no blocking items (4 open)');
    expect(stdout).not.toContain('Blocking items');
    expect(stdout).toContain('Remaining effort: 96–128 h (12–16 d at 8 h/day)');
  });

  it('measures emoji and CJK titles by display width and cuts them with …', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-wide-'));
    writeFileSync(
      path.join(dir, 'TODO.md'),
      [
        '# 发布清单 🚀',
        '',
        '## 🔴 Critical',
        '',
        '- [ ] 数据库迁移必须在生产环境中执行并验证所有索引都已正确创建以及性能满足要求',
        '- [ ] 👩‍👩‍👧‍👦 Family emoji and 🇯🇵 flags in a title that is long enough to be cut at eighty columns wide',
        '- [x] 完成',
        '',
      ].join('\n'),
    );
    for (const columns of [80, 160]) {
      const { stdout } = await runCli(['--no-config', '--by', 'section', '.'], { cwd: dir, columns });
      expect(Math.max(...widths(stdout))).toBeLessThanOrEqual(columns);
    }
    const { stdout } = await runCli(['--no-config', '.'], { cwd: dir, columns: 80 });
    const cjk = stdout.split('\n').find((line) => line.startsWith('    5:1  '))!;
    expect(cjk.endsWith('…')).toBe(true);
    expect(stringWidth(cjk)).toBeGreaterThanOrEqual(79); // cut by width, not by characters
  });

  it('keeps --by section columns aligned with emoji that older string-width versions measured otherwise (🪲, 🫠, 🧑‍🚀)', async () => {
    // One layout engine measures every cell with string-width 8 (`🪲` and
    // `🧑‍🚀` are 2 columns each, as in terminals), so the figures after
    // emoji titles line up with the header's.
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-emoji-'));
    const headings = ['发布清单 🚀', '🪲 Bugs 🧑‍💻 and 🫠 things', '🧑‍🚀 Deep 🩷'];
    writeFileSync(
      path.join(dir, 'TODO.md'),
      [`# ${headings[0]}`, '', `## ${headings[1]}`, '', '- [ ] 🪲 fix the 🧑‍🚀 launcher (1d)', '- [ ] plain one', '', `### ${headings[2]}`, '', '- [ ] 🫡 nested (2h)', ''].join('\n'),
    );
    for (const columns of [40, 80, 160]) {
      const { stdout } = await runCli(['--no-config', '--by', 'section', '.'], { cwd: dir, columns });
      expect(Math.max(...widths(stdout))).toBeLessThanOrEqual(columns);
      const lines = stdout.split('\n');
      const start = lines.findIndex((line) => /^ +(progress|done) /.test(line) || /^ +progr/.test(line));
      const end = lines.indexOf('', start);
      const [header, ...rows] = lines.slice(start, end);
      expect(rows).toHaveLength(4);
      // The percent column ends in one display column on every row: the figures line up after any title.
      const percentEnd = (line: string): number => stringWidth(line.slice(0, line.indexOf('%') + 1));
      for (const row of rows) expect(percentEnd(row)).toBe(percentEnd(header!));
      ['', '', '  ', '    '].forEach((indent, i) => expect(rows[i]!.startsWith(indent)).toBe(true));
      if (columns === 160) for (const heading of headings) expect(stdout).toContain(heading);
    }
  });
});

describe('format helpers', () => {
  it('writes remaining effort in hours below two days and whole days (rounded outwards) above', () => {
    expect(formatEffortRange(96, 128, 8)).toBe('12–16 d');
    expect(formatEffortRange(97, 123, 8)).toBe('12–16 d');
    expect(formatEffortRange(2, 4, 8)).toBe('2–4 h');
    expect(formatEffortRange(0.5, 0.5, 8)).toBe('0.5 h');
    expect(formatEffortRange(12, 18, 6)).toBe('2–3 d');
    expect(formatEffortRange(0, 0, 8)).toBe('–');
    expect(describeRemainingEffort({ minHours: 0, maxHours: 0, unestimated: 54 }, 8)).toBe('no estimates · 54 open items unestimated');
    expect(describeRemainingEffort({ minHours: 2, maxHours: 3, unestimated: 1 }, 8)).toBe('2–3 h · 1 open item unestimated');
  });

  it('shows any progress as at least one filled cell, and never a full bar short of 100%', () => {
    expect(progressBar(0.4, 10, true)).toEqual({ filled: '█', empty: '░'.repeat(9) });
    expect(progressBar(99.6, 10, false)).toEqual({ filled: '#'.repeat(9), empty: '-' });
    expect(progressBar(100, 4, true).empty).toBe('');
    expect(progressBar(0, 4, true).filled).toBe('');
  });

  it('lays out columns by display width: fitted cells padded, a last column never cut, no trailing spaces', () => {
    const rows = [
      ['a', '1', '🧑‍🚀 astronaut'],
      ['bb', '', 'x'],
    ];
    const columns = [{ width: 2 }, { width: 3, align: 'right' as const }, { width: 12 }];
    expect(layoutColumns(rows, columns)).toEqual(['a     1  🧑‍🚀 astronaut', 'bb       x']);
    expect(layoutColumns([['\u001b[31mred\u001b[39m', 'z']], [{ width: 5 }, { width: 1 }], 1)).toEqual(['\u001b[31mred\u001b[39m   z']);
    expect(layoutColumns([], columns)).toEqual([]);
  });

  it('truncates by display width without splitting grapheme clusters', () => {
    expect(truncate('日本語のタイトル', 7)).toBe('日本語…');
    expect(stringWidth(truncate('日本語のタイトル', 8))).toBeLessThanOrEqual(8);
    expect(truncate('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 5)).toBe('👩‍👩‍👧‍👦👩‍👩‍👧‍👦…');
    expect(truncate('short', 10)).toBe('short');
    expect(truncateStart('fixtures/seeds/001.md', 12)).toBe('…eeds/001.md');
  });

  it('renders the same report the same way (pure)', async () => {
    const report = await jsonReport(['fixtures/seeds']);
    const options = { color: false, width: 80, unicode: true };
    const render = (json: Report): unknown => renderTable({ report: json, ...gateOutcome(json), options });
    expect(render(report)).toBe(render(structuredClone(report)));
  });
});

describe('public surface: the README, --help and the renderer maps agree', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const formats = readme.slice(readme.indexOf('## Formats\n'), readme.indexOf('\n## ', readme.indexOf('## Formats\n') + 1));

  it('lists every report format in the README format table, and nothing else', () => {
    const documented = [...formats.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...FORMAT_NAMES].sort());
  });

  it('documents and offers every list format', async () => {
    const help = await runCli(['list', '--help']);
    for (const name of LIST_FORMAT_NAMES) {
      expect(help.stdout).toContain(`"${name}"`);
      expect(formats).toContain(`\`${name}\``);
    }
  });
});
