import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The benchmark's seeded generator: realistic checklists, the five seeds mixed in.
import { writeBigFile, writeCorpus } from '../scripts/bench/generate.js';
import { analyze } from '../src/engine/engine.js';
import { ROOT, runCli, SEEDS_DIR } from './helpers.js';

/** Runs the built CLI as a process and returns its JSON report text (exit code checked by the caller). */
function reportJson(cwd: string, args: string[], env: Record<string, string> = {}): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'shipready.js'), '--format', 'json', '--no-config', ...args, '.'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every way of running that must not change the report: workers, chunking, the cache cold and warm. */
const MODES: Array<{ name: string; args: string[]; env?: Record<string, string> }> = [
  { name: 'worker threads (--concurrency 2)', args: ['--concurrency', '2'] },
  { name: 'no chunking (SHIPREADY_CHUNKING=off)', args: ['--concurrency', 'off'], env: { SHIPREADY_CHUNKING: 'off' } },
  { name: 'no scan: every file parsed (SHIPREADY_SCAN=off)', args: ['--concurrency', 'off'], env: { SHIPREADY_SCAN: 'off' } },
  { name: 'no scan, on worker threads', args: ['--concurrency', '2'], env: { SHIPREADY_SCAN: 'off' } },
  { name: 'cache, cold', args: ['--cache-location', '.cache'] },
  { name: 'cache, warm', args: ['--cache-location', '.cache'] },
  { name: 'cache, warm, with workers', args: ['--cache-location', '.cache', '--concurrency', '2'] },
];

describe.each([
  { corpus: 'the seeds', setUp: (dir: string) => cpSync(SEEDS_DIR, dir, { recursive: true, filter: (f) => !f.includes('.expected.') }) },
  {
    corpus: 'a generated corpus of 30 checklists and a 100 KB file',
    setUp: (dir: string) => {
      writeCorpus(dir, { files: 30, seed: 7 });
      writeBigFile(dir, { bytes: 100 * 1024, seed: 7 });
    },
  },
  {
    corpus: 'every fixture, and documentation the scan rules out',
    setUp: (dir: string) => {
      cpSync(path.join(ROOT, 'fixtures'), dir, { recursive: true, filter: (f) => !f.includes('.expected.') && !/binary|unreadable|special/.test(f) });
      for (let i = 0; i < 40; i++) {
        writeFileSync(path.join(dir, `doc-${i}.md`), `# Page ${i}\n\n## ${i}. Installation\n\nRun it: 3 steps, 40% faster.\n\n| a | ✅ |\n|---|---|\n\n\`\`\`\n- [ ] in code\n\`\`\`\n`);
      }
    },
  },
])('the report is the same in every mode, on $corpus', ({ setUp }) => {
  let dir = '';
  let baseline = '';
  let baselineCode: number | null = 0;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'shipready-modes-'));
    setUp(dir);
    const run = reportJson(dir, ['--concurrency', 'off']);
    expect(run.code, run.stderr).not.toBe(2);
    baselineCode = run.code;
    baseline = run.stdout;
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(MODES)('$name', ({ args, env }) => {
    const run = reportJson(dir, args, env);
    expect(run.code, run.stderr).toBe(baselineCode);
    expect(run.stdout).toBe(baseline);
  });

  it('fix plans the same rewrites on worker threads and with a cache as inline', () => {
    const fixDiff = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin', 'shipready.js'), 'fix', '--diff', '--no-config', '.'], {
        cwd: dir, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
      });
    const inline = fixDiff({ SHIPREADY_CONCURRENCY: 'off' });
    expect(inline.status, inline.stderr).toBe(0);
    expect(inline.stdout).toContain('@@');
    for (const env of [{ SHIPREADY_CONCURRENCY: '2' }, { SHIPREADY_CONCURRENCY: '2', SHIPREADY_CACHE_LOCATION: '.cache' }] as Array<Record<string, string>>) {
      const run = fixDiff(env);
      expect({ env, stdout: run.stdout, stderr: run.stderr }).toEqual({ env, stdout: inline.stdout, stderr: inline.stderr });
    }
  }, 60_000);

  it('a changed file is read again, not taken from the cache', () => {
    const file = path.join(dir, 'zz-added-later.md');
    writeFileSync(file, '# Later\n\n- [ ] one\n');
    const first = JSON.parse(reportJson(dir, ['--cache-location', '.cache']).stdout) as { totals: { open: number } };
    writeFileSync(file, '# Later\n\n- [x] one\n- [ ] two\n- [ ] three\n');
    const second = JSON.parse(reportJson(dir, ['--cache-location', '.cache']).stdout) as { totals: { open: number } };
    expect(second.totals.open).toBe(first.totals.open + 1);
    rmSync(file);
  });
});

describe('--cache and special files', () => {
  it.skipIf(process.platform === 'win32')('leaves a FIFO and a link loop to the loader instead of checksumming them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-cache-fifo-'));
    try {
      writeFileSync(path.join(dir, 'ok.md'), '- [ ] one\n');
      spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
      symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
      symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
      const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'shipready.js'), '--no-config', '--format', 'json', '--cache-location', '.cache', '.'], {
        cwd: dir, encoding: 'utf8', timeout: 20_000, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      });
      expect(result.error).toBeUndefined();
      expect(result.status).toBe(2); // the loop is an I/O error (SPEC.md §8), reported after the others
      expect(result.stderr).toContain('pipe.md:1:1: warning: skipped FIFO');
      expect(result.stderr).toContain('loop-a.md:1:1: error: cannot read file (ELOOP)');
      expect((JSON.parse(result.stdout) as { totals: { open: number } }).totals.open).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the mode switches are read by the CLI alone', () => {
  it('SHIPREADY_CACHE_LOCATION turns the cache on for the CLI unless --no-cache says otherwise, never for the library', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-switches-'));
    const saved = process.env.SHIPREADY_CACHE_LOCATION;
    try {
      writeFileSync(path.join(dir, 'TODO.md'), '- [ ] one\n- [x] two\n');
      process.env.SHIPREADY_CACHE_LOCATION = 'lib-cache';
      const { report } = await analyze({ paths: ['.'], cwd: dir });
      expect(report.totals.items).toBe(2);
      expect(existsSync(path.join(dir, 'lib-cache'))).toBe(false);

      const off = await runCli(['report', '--no-config', '--no-cache', '.'], { cwd: dir, env: { SHIPREADY_CACHE_LOCATION: 'cli-cache' } });
      expect(off.code, off.stderr).toBe(0);
      expect(existsSync(path.join(dir, 'cli-cache'))).toBe(false);
      const on = await runCli(['report', '--no-config', '.'], { cwd: dir, env: { SHIPREADY_CACHE_LOCATION: 'cli-cache' } });
      expect(on.code, on.stderr).toBe(0);
      expect(existsSync(path.join(dir, 'cli-cache'))).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.SHIPREADY_CACHE_LOCATION;
      else process.env.SHIPREADY_CACHE_LOCATION = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
