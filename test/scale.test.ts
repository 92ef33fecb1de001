/**
 * Scale (README.md#scale), with the CLI run as a process: bounded reads (no
 * EMFILE under a low descriptor limit), unreadable directories and files
 * over the size or time budget as errors that name them while the run goes
 * on, and progress only on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { progressLine } from '../src/cli/progress.js';
import { INLINE_PARSE_LIMIT } from '../src/engine/file.js';
import { ROOT, spawnCli } from './helpers.js';

const HUGE = process.env.SHIPREADY_HUGE === '1';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    spawnSync('chmod', ['-R', 'u+rwx', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-scale-'));
  dirs.push(dir);
  return dir;
}

interface JsonReport {
  scanned: { files: number; withItems: number; skipped: number };
  totals: { items: number; open: number };
  files: Array<{ path: string; diagnostics: Array<{ severity: string; message: string }> }>;
}

/** `count` files in nested directories: one in ten a checklist, the rest documentation the scan rules out. */
function writeTree(dir: string, count: number): void {
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, `d${i % 50}`, `e${i % 7}`);
    if (i < 350) mkdirSync(sub, { recursive: true });
    const text = i % 10 === 0 ? `# Release ${i}\n\n- [ ] task ${i}\n- [x] done ${i}\n` : `# Page ${i}\n\nSome documentation, version ${i}.\n`;
    writeFileSync(path.join(sub, `p${i}.md`), text);
  }
}

/** The CLI under `prlimit --nofile=N:N`: no more than N descriptors, soft and hard. */
function underDescriptorLimit(limit: number, cwd: string, args: string[], timeout: number): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync('prlimit', [`--nofile=${limit}:${limit}`, process.execPath, path.join(ROOT, 'bin', 'shipready.js'), '--no-config', '--format', 'json', ...args, '.'], {
    cwd, encoding: 'utf8', timeout, killSignal: 'SIGKILL', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const hasPrlimit = spawnSync('prlimit', ['--version']).status === 0;

describe('bounded reads: no run fails for lack of file descriptors', () => {
  it.skipIf(!hasPrlimit)('5,000 files under a limit of 256 descriptors: every file read, exit 0', () => {
    const dir = tempDir();
    writeTree(dir, 5000);
    const run = underDescriptorLimit(256, dir, ['--concurrency', 'off'], 240_000);
    expect(run.stderr).not.toContain('EMFILE');
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.scanned).toEqual({ files: 5000, withItems: 500, skipped: 0 });
    expect(report.totals.items).toBe(1000);
    expect(report.files).toHaveLength(500); // only the checklists are listed
  }, 300_000);

  it.skipIf(!HUGE || !hasPrlimit)('40,000 files under a hard limit of 4,096 descriptors (SHIPREADY_HUGE=1)', () => {
    const dir = tempDir();
    writeTree(dir, 40_000);
    const run = underDescriptorLimit(4096, dir, [], 1_200_000);
    expect(run.stderr).not.toContain('EMFILE');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).scanned).toEqual({ files: 40_000, withItems: 4000, skipped: 0 });
  }, 1_300_000);
});

describe('an unreadable directory is a diagnostic, not a crash', () => {
  it.skipIf(process.platform === 'win32')('a directory without read permission: the others are reported, the directory named, exit 2', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ok.md'), '# Launch\n\n- [ ] ship\n');
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'hidden.md'), '- [ ] unseen\n');
    chmodSync(path.join(dir, 'locked'), 0o000);
    chmodSync(dir, 0o777);
    // Root reads any directory: run as nobody then.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const run = spawnCli(['--no-config', '--format', 'json', '.'], { cwd: dir, timeout: 60_000, ...asNobody });
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain("locked/:1:1: error: cannot read directory (EACCES): permission denied; make it readable, or add it to the configuration's `ignore`");
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.totals.items).toBe(1);
    expect(report.files.map((f) => f.path)).toEqual(['locked/', 'ok.md']);
    expect(report.scanned.skipped).toBe(1);
  }, 90_000);
});

describe('the budget per file', () => {
  it('a file over maxFileSize is not read: an error naming it, the others reported, exit 2', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'shipready.config.json'), JSON.stringify({ maxFileSize: 1000 }));
    writeFileSync(path.join(dir, 'small.md'), '- [ ] one\n');
    writeFileSync(path.join(dir, 'big.md'), `# Big\n\n${'- [ ] item\n'.repeat(200)}`);
    const run = spawnCli(['--format', 'json', '.'], { cwd: dir, timeout: 60_000 });
    expect(run.stderr).toContain('big.md:1:1: error: not read: 2207 bytes is over the 1000 bytes limit; add the file to `ignore`, or raise `maxFileSize`');
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.totals.items).toBe(1);
    expect(report.scanned).toEqual({ files: 2, withItems: 1, skipped: 1 });
  }, 90_000);

  it('a big file whose parse cannot finish within --file-timeout is skipped with an error, the gate does not pass, the run goes on', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'small.md'), '- [x] one\n');
    // Past the inline limit: parsed on a thread of its own, which cannot even start within a millisecond.
    const big = `# Big\n\n${'- [ ] an item of the big list\n'.repeat(Math.ceil(INLINE_PARSE_LIMIT / 28) + 10)}`;
    writeFileSync(path.join(dir, 'big.md'), big);
    const run = spawnCli(['check', '--no-config', '--file-timeout', '0.001', '.'], { cwd: dir, timeout: 60_000 });
    expect(run.stderr).toContain('big.md:1:1: error: not analysed: parsing did not finish within the 0.001 s budget; split the file, add it to `ignore`, or raise `fileTimeout` (--file-timeout)');
    expect(run.code).toBe(2);
    // Within a budget it can meet, the same file is read on the budget thread, with the same result as inline.
    const ok = spawnCli(['--no-config', '--format', 'json', '--file-timeout', '600', '.'], { cwd: dir, timeout: 600_000 });
    expect(ok.code, ok.stderr).toBe(0);
    expect((JSON.parse(ok.stdout) as JsonReport).totals.open).toBe(Math.ceil(INLINE_PARSE_LIMIT / 28) + 10);
  }, 700_000);

  it('small files are parsed inline: the same tiny budget does not touch them', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'small.md'), '# Launch\n\n- [ ] one\n');
    const run = spawnCli(['--no-config', '--format', 'json', '--file-timeout', '0.001', '.'], { cwd: dir, timeout: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as JsonReport).totals.open).toBe(1);
  }, 90_000);

  it('--file-timeout and fileTimeout take a positive number of seconds', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '- [ ] one\n');
    const flag = spawnCli(['--no-config', '--file-timeout', 'soon', '.'], { cwd: dir, timeout: 60_000 });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('expected a positive number of seconds');
    writeFileSync(path.join(dir, 'shipready.config.json'), JSON.stringify({ fileTimeout: 0 }));
    const config = spawnCli(['.'], { cwd: dir, timeout: 60_000 });
    expect(config.code).toBe(2);
    expect(config.stderr).toContain('fileTimeout');
  }, 90_000);
});

describe('progress', () => {
  it('says files read of the total and files with items', () => {
    expect(progressLine({ done: 1234, total: 7425, withItems: 3 })).toBe('1,234/7,425 files read, 3 with items');
  });

  it('is never written when stderr is not a terminal', () => {
    const dir = tempDir();
    writeTree(dir, 300);
    const run = spawnCli(['--no-config', '.'], { cwd: dir, timeout: 60_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('300 files read, 30 with items');
  }, 90_000);
});

/** Shapes that make micromark slow beyond their size (small versions; the full ones behind SHIPREADY_HUGE=1). */
const HOSTILE: Array<{ name: string; make: (scale: number) => string }> = [
  { name: 'runs of *_ and _* emphasis markers', make: (k) => `# Tasks\n\n- [ ] ${'*_'.repeat(k)}${'_*'.repeat(k)}\n` },
  { name: 'nested link brackets', make: (k) => `# Tasks\n\n- [ ] ${'['.repeat(k)}a${'](u)'.repeat(k)}\n` },
  { name: 'lazy block quote continuation', make: (k) => `# Tasks\n\n> - [ ] a\n${'lazy line\n'.repeat(k)}` },
  { name: 'hard breaks in one item', make: (k) => `# Tasks\n\n- [ ] a${'  \nb'.repeat(k)}\n` },
  { name: 'shortcut references', make: (k) => `# Tasks\n\n- [ ] ${'[a]'.repeat(k * 10)}\n` },
];

describe.each(HOSTILE)('a hostile file ($name) beside a good one', ({ make }) => {
  const scale = HUGE ? 20_000 : 5000;
  it('ends: read within the budget, or skipped with an error naming it; the good file is reported either way', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'good.md'), '# Launch\n\n- [ ] ship\n');
    writeFileSync(path.join(dir, 'bad.md'), make(scale));
    const run = spawnCli(['--no-config', '--format', 'json', '--file-timeout', '2', '.'], { cwd: dir, timeout: 120_000 });
    expect(run.signal, 'the run was killed: it did not end').toBeNull();
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.files.find((f) => f.path === 'good.md')).toBeDefined();
    if (run.code === 2) {
      expect(run.stderr).toContain('bad.md:1:1: error: not analysed: parsing did not finish within the 2 s budget');
    } else {
      expect(run.code, run.stderr).toBe(0);
      expect(report.totals.items).toBe(2);
    }
  }, 150_000);
});

describe('a parse that can never finish', () => {
  it('a remark plugin that loops on a big file: the file is skipped at the budget, the run goes on', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'loop.mjs'), 'export default function loop() { return () => { for (;;) {} }; }\n');
    writeFileSync(path.join(dir, 'shipready.config.json'), JSON.stringify({ remarkPlugins: ['./loop.mjs'], fileTimeout: 1 }));
    writeFileSync(path.join(dir, 'big.md'), `# Big\n\n${'- [ ] item\n'.repeat(30_000)}`);
    const run = spawnCli(['--format', 'json', 'big.md'], { cwd: dir, timeout: 120_000 });
    expect(run.signal).toBeNull();
    expect(run.stderr).toContain('big.md:1:1: error: not analysed: parsing did not finish within the 1 s budget');
    expect(run.code).toBe(2);
  }, 150_000);
});
