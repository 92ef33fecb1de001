import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { FORMAT_NAMES } from '../src/render/index.js';
import { runCli, spawnCli } from './helpers.js';

/** SPEC.md §9, per seed: the numbers a new user sees. */
const SEEDS: Record<string, { items: number; done: number; open: number; blocking: number; critical: number; effort: [number, number]; unestimated: number }> = {
  '000_1cabd79905a08843.md': { items: 63, done: 0, open: 63, blocking: 0, critical: 0, effort: [47.75, 71.5], unestimated: 10 },
  '001_68c690fd1671e9f8.md': { items: 59, done: 8, open: 51, blocking: 24, critical: 24, effort: [97, 123], unestimated: 21 },
  '002_815a210c10cbfa6a.md': { items: 22, done: 0, open: 22, blocking: 4, critical: 4, effort: [28.5, 41.5], unestimated: 8 },
  '003_356ed9122aa68829.md': { items: 57, done: 3, open: 54, blocking: 0, critical: 0, effort: [0, 0], unestimated: 54 },
  '004_2f307842d6d35cc9.md': { items: 7, done: 3, open: 4, blocking: 0, critical: 0, effort: [96, 128], unestimated: 0 },
};

describe('shipready as a process, on the seeds', () => {
  it('prints the JSON report with the numbers of SPEC.md §9', () => {
    const result = spawnCli(['report', '--format', 'json', 'fixtures/seeds']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => path.basename(f.path))).toEqual(Object.keys(SEEDS));
    for (const file of report.files) {
      const want = SEEDS[path.basename(file.path)]!;
      expect(file.totals).toMatchObject({ items: want.items, done: want.done, open: want.open, blocking: want.blocking });
      expect(file.byPriority.critical.open).toBe(want.critical);
      expect([file.totals.effort.minHours, file.totals.effort.maxHours]).toEqual(want.effort);
      expect(file.totals.effort.unestimated).toBe(want.unestimated);
    }
    expect(report.ready).toBe(false);
    expect(report.totals.blocking).toBe(28);
  });

  it('prints the terminal report: verdict, priorities, effort, blocking items with path:line', () => {
    const result = spawnCli(['fixtures/seeds']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^NOT READY — 28 blocking items open \(critical\)/);
    expect(result.stdout).toMatch(/^ {2}fixtures\/seeds\/001_68c690fd1671e9f8\.md\n {4}31:1 /m);
    expect(result.stdout).toMatch(/Remaining effort: 269\.25–364 h/);
    expect(result.stdout).not.toMatch(/\u001b\[/); // NO_COLOR=1
    expect(result.stderr).toContain('000_1cabd79905a08843.md:3:1: info: repaired Mac OS Roman mojibake');
  });

  it('reports a ready checklist as READY', () => {
    const result = spawnCli(['fixtures/seeds/004_2f307842d6d35cc9.md']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^READY/);
  });

  it('exits 2 naming a path that matches nothing', () => {
    const result = spawnCli(['report', 'no/such/dir', '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`no/such/dir`');
  });

  it('exits 2 on an unknown option, never 1', () => {
    const result = spawnCli(['--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--no-such-option'");
  });
});

describe('shipready in-process', () => {
  it('keeps going when a file cannot be read, then exits 2 naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-'));
    writeFileSync(path.join(dir, 'a.md'), '- [ ] readable\n');
    writeFileSync(path.join(dir, 'b.md'), '- [x] unreadable\n');
    chmodSync(path.join(dir, 'b.md'), 0o000);
    const result = await runCli(['--format', 'json', '.'], { cwd: dir });
    chmodSync(path.join(dir, 'b.md'), 0o644);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['a.md', 'b.md']);
    expect(report.files[0]!.totals.items).toBe(1);
    if (process.getuid?.() === 0) return; // root reads any file: nothing to fail on
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^b\.md:1:1: error: cannot read file \(EACCES\)/m);
  });

  it('honours .gitignore and always skips node_modules', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-'));
    writeFileSync(path.join(dir, '.gitignore'), 'ignored.md\n');
    writeFileSync(path.join(dir, 'ignored.md'), '- [ ] ignored\n');
    writeFileSync(path.join(dir, 'kept.md'), '- [ ] kept\n');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'pkg', 'README.md'), '- [ ] vendored\n');
    const result = await runCli(['--format', 'json'], { cwd: dir });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((f) => f.path)).toEqual(['kept.md']);
  });

  it('skips a file named outright when the config ignores it, instead of failing the hook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-'));
    writeFileSync(path.join(dir, 'shipready.config.json'), '{"ignore": ["CHANGELOG.md"]}');
    writeFileSync(path.join(dir, 'CHANGELOG.md'), '- [ ] old entry (P0)\n');
    writeFileSync(path.join(dir, 'TODO.md'), '- [ ] kept\n');
    const result = await runCli(['--format', 'json', 'CHANGELOG.md', 'TODO.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as Report).files.map((f) => f.path)).toEqual(['TODO.md']);
    const gate = await runCli(['check', 'CHANGELOG.md'], { cwd: dir });
    expect(gate.code).toBe(0);
    const missing = await runCli(['check', 'NOPE.md'], { cwd: dir });
    expect(missing.code).toBe(2);
  });

  it('accepts files, directories and globs', async () => {
    const result = await runCli(['--format', 'json', 'fixtures/seeds/000_1cabd79905a08843.md', 'fixtures/seeds', 'fixtures/*/input.md']);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.filter((f) => f.path.startsWith('fixtures/seeds/'))).toHaveLength(5);
    expect(report.files.some((f) => f.path === 'fixtures/nested-subtasks/input.md')).toBe(true);
    expect(new Set(report.files.map((f) => f.path)).size).toBe(report.files.length);
  });

  it('lists every renderer in --help', async () => {
    const result = await runCli(['report', '--help']);
    expect(result.code).toBe(0);
    for (const name of FORMAT_NAMES) expect(result.stdout).toContain(`"${name}"`);
  });
});
