import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../src/render/diagnostics.js';
import { escapeControls, printablePath, sanitizeText, workflowMessage, workflowProperty } from '../src/text/sanitize.js';
import { ROOT, runCli, spawnCli } from './helpers.js';

/**
 * Every way a run can fail outside the checklists (README.md#exit-codes):
 * output that cannot be written, an unsupported Node, a FIFO where a
 * configuration is looked for, file names with a backslash or bytes that
 * are not UTF-8 — one line and exit 2, never 1, never a stack, never a hang;
 * and text from files that could reorder or hide what a terminal or a CI
 * annotation shows.
 */

const IS_ROOT = process.getuid?.() === 0;
const BIN = path.join(ROOT, 'bin', 'shipready.js');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shipready-io-'));
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'READY.md'), '# Release\n\n- [x] done\n- [ ] later (low)\n');
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** One line on stderr, no stack trace, no "internal error". */
function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trimEnd().split('\n').filter((line) => line.startsWith('shipready:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('output that cannot be written', () => {
  it('-o into a directory that does not exist creates it', async () => {
    const result = spawnCli(['report', '--no-config', '--format', 'sarif', '-o', 'out/deeper/x.sarif', 'READY.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'out/deeper/x.sarif'), 'utf8'))).toHaveProperty('runs');
  });

  it('-o /dev/full: one line, exit 2', () => {
    const result = spawnCli(['report', '--no-config', '-o', '/dev/full', 'READY.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^shipready: error: cannot write `\/dev\/full` \(ENOSPC: no space left on the device\)$/);
  });

  it('-o where a part of the path is a file: one line, exit 2', async () => {
    const result = await runCli(['report', '--no-config', '-o', 'READY.md/x.json', 'READY.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^shipready: error: cannot write `READY\.md\/x\.json` \((ENOTDIR|EEXIST)/);
  });

  it.skipIf(!IS_ROOT)('-o into a directory the user cannot write (EACCES): one line, exit 2', () => {
    mkdirSync(path.join(dir, 'locked'), { mode: 0o755 });
    const result = spawnCli(['report', '--no-config', '-o', 'locked/x.json', 'READY.md'], { cwd: dir, uid: 65534, gid: 65534 });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^shipready: error: cannot write `locked\/x\.json` \(EACCES: permission denied\)$/);
  });

  it('check on a ready tree with stdout on a full device exits 2, never 0 or 1', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [BIN, 'check', '--no-config', '--verbose', 'READY.md'], { cwd: dir, stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(result.status).toBe(2);
      expectOneLine(result.stderr, /^shipready: error: cannot write standard output \(ENOSPC: no space left on the device\)$/);
    } finally {
      closeSync(full);
    }
  });

  it('stdout closed by its reader (EPIPE): one line, exit 2', async () => {
    for (let i = 0; i < 200; i++) writeFileSync(path.join(dir, `f${i}.md`), `# F${i}\n\n- [ ] task ${i}\n`);
    const child = spawn(process.execPath, [BIN, 'report', '--no-config', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(2);
    expectOneLine(stderr, /^shipready: error: cannot write standard output \(EPIPE: the reading end of the pipe was closed\)$/);
  });
});

describe('an unsupported Node', () => {
  it('gets one line and exit 2 before anything loads', () => {
    const preload = path.join(dir, 'node18.cjs');
    writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '18.20.4' });\n");
    const result = spawnSync(process.execPath, ['--require', preload, BIN, 'check', 'READY.md'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('shipready: error: Node.js 18.20.4 is not supported; install Node.js 20.19 or newer\n');
  });

  it('the bin script parses as a classic script too (no import statement, no top-level await)', () => {
    const source = readFileSync(BIN, 'utf8').replace(/^#!.*\n/, '');
    expect(() => new Function(source)).not.toThrow();
  });
});

describe('configuration discovery', () => {
  it('never opens a FIFO named like a configuration file in a parent directory', () => {
    const child = path.join(dir, 'project');
    mkdirSync(child);
    writeFileSync(path.join(child, 'TODO.md'), '- [ ] one\n');
    expect(spawnSync('mkfifo', [path.join(dir, '.shipreadyrc.yaml')]).status).toBe(0);
    const result = spawnCli(['check', 'TODO.md'], { cwd: child, timeout: 20_000 });
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
  });

  it('--config naming a FIFO: one line, exit 2', () => {
    expect(spawnSync('mkfifo', [path.join(dir, 'fifo.json')]).status).toBe(0);
    const result = spawnCli(['check', '--config', 'fifo.json', 'READY.md'], { cwd: dir, timeout: 20_000 });
    expect(result.code).toBe(2);
    expectOneLine(result.stderr, /^shipready: error: Cannot read config file `fifo\.json`: not a regular file/);
  });
});

describe('file names', () => {
  it('a backslash in a file name is reported under its own name, not as removed', async () => {
    writeFileSync(path.join(dir, 'a\\b.md'), '- [ ] one\n- [x] two\n');
    const result = await runCli(['report', '--no-config', '--format', 'json', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('removed while shipready ran');
    const report = JSON.parse(result.stdout) as { files: { path: string; totals: { items: number } }[] };
    expect(report.files.find((f) => f.path === 'a\\b.md')?.totals.items).toBe(2);
  });

  it('a name that is not UTF-8 is reported as such, not as removed', async () => {
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/c`), Buffer.from([0xff]), Buffer.from('.md')]), '- [ ] one\n');
    const result = await runCli(['report', '--no-config', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('c\uFFFD.md:1:1: error: cannot read file: its name is not valid UTF-8');
    expect(result.stderr).not.toContain('removed while shipready ran');
  });
});

describe('bidi overrides and zero-width characters', () => {
  const TROJAN = 'Fix \u202Eevil\u202C login\u200B \u2066x\u2069 \u200Fy\u200E \u2060z\uFEFF';

  it('are removed from terminal text, kept inside emoji sequences', () => {
    expect(sanitizeText(TROJAN)).toBe('Fix evil login x y z');
    expect(sanitizeText('👩\u200D💻 dev \u200D')).toBe('👩\u200D💻 dev');
    expect(workflowMessage(TROJAN)).toBe('Fix evil login x y z');
  });

  it('are escaped in printed paths and terminal diffs, never dropped silently', () => {
    expect(printablePath('a\u202Eb.md')).toBe('a%E2%80%AEb.md');
    expect(workflowProperty('x\u200B.md')).toBe('x%E2%80%8B.md');
    expect(escapeControls('a\u202Eb')).toBe('a\\u202eb');
    expect(formatDiagnostic('d\u202Ee.md', { line: 1, severity: 'warning', message: 'w\u2066x' })).toBe('de.md:1:1: warning: wx');
  });

  it('never reach the terminal or a GitHub annotation from a checklist', async () => {
    writeFileSync(path.join(dir, 'T.md'), `# Release\n\n- [ ] ${TROJAN} (critical)\n`);
    const invisible = /[\u202A-\u202E\u2066-\u2069\u200B\u200C\u200E\u200F\u2060\uFEFF]/;
    for (const format of ['table', 'github', 'junit']) {
      const result = await runCli(['check', '--no-config', '--format', format, 'T.md'], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr, format).not.toMatch(invisible);
      expect(result.stdout + result.stderr).toContain('Fix evil login');
    }
    const list = await runCli(['list', '--no-config', 'T.md'], { cwd: dir });
    expect(list.stdout).not.toMatch(invisible);
  });
});

describe('summary blocks stay inside the repository', () => {
  it('a block whose paths reach outside the repository is left as it is, with a warning', async () => {
    const repo = path.join(dir, 'repo');
    const outside = path.join(dir, 'outside');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'private.md'), '# Private\n\n- [ ] salary review for Alice\n');
    const block = '# Status\n\n<!-- shipready:summary paths="../outside/*.md" -->\n<!-- /shipready:summary -->\n\n- [ ] public task\n';
    writeFileSync(path.join(repo, 'STATUS.md'), block);
    const result = await runCli(['fix', '--no-config', 'STATUS.md'], { cwd: repo });
    expect(readFileSync(path.join(repo, 'STATUS.md'), 'utf8')).toBe(block);
    expect(result.stderr).toContain('STATUS.md:3:1: warning: summary block paths `../outside/*.md` reach `../outside/private.md`, outside the repository and the paths given');
    expect(result.stdout).not.toContain('Alice');
  });

  it('paths given on the command line may be summarised, also outside the repository', async () => {
    const repo = path.join(dir, 'repo');
    const shared = path.join(dir, 'shared');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    mkdirSync(shared);
    writeFileSync(path.join(shared, 'plan.md'), '# Plan\n\n- [x] one\n- [ ] two\n');
    writeFileSync(path.join(repo, 'STATUS.md'), '# Status\n\n<!-- shipready:summary paths="../shared/*.md" -->\n<!-- /shipready:summary -->\n');
    const result = await runCli(['fix', '--no-config', 'STATUS.md', '../shared'], { cwd: repo });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(repo, 'STATUS.md'), 'utf8')).toContain('1 of 2 items done');
  });
});

describe.skipIf(!IS_ROOT)('output as another user', () => {
  it('a -o file is created with the directories on the way, owned by the user who ran it', () => {
    const home = path.join(dir, 'home');
    mkdirSync(home);
    chownSync(home, 65534, 65534);
    writeFileSync(path.join(home, 'T.md'), '- [ ] one\n');
    const result = spawnCli(['report', '--no-config', '-o', 'a/b/out.txt', 'T.md'], { cwd: home, uid: 65534, gid: 65534 });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(home, 'a/b/out.txt'))).toBe(true);
  });
});
