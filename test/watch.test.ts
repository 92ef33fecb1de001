/**
 * `shipready watch` (issue 6): the incremental session agrees with a fresh
 * analysis, NDJSON lines are the report schema, the status line names what
 * changed, and the built CLI, spawned as a user runs it, follows ticks,
 * new files, deleted files and unreadable files, and stops on Ctrl-C.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import stripAnsi from 'strip-ansi';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { DEFAULT_REPORT_OPTIONS, type Report } from '../src/model.js';
import { analyze } from '../src/engine/engine.js';
import { statusLine } from '../src/watch/delta.js';
import { createNdjsonSerializer } from '../src/watch/ndjson.js';
import { LiveScreen } from '../src/cli/watch/screen.js';
import { WatchSession } from '../src/watch/session.js';
import { modeOptions, ROOT, runCli, SEEDS } from './helpers.js';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(path.join(ROOT, 'schema', 'report.schema.json'), 'utf8')) as Record<string, unknown>,
);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shipready-watch-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const write = (name: string, text: string | Buffer): string => {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
};

describe('WatchSession', () => {
  const sessionOptions = () => ({
    paths: [] as string[], cwd: dir, ignore: ['drafts/**'], report: DEFAULT_REPORT_OPTIONS, vocabulary: buildVocabulary(), ...modeOptions(),
  });
  const fresh = async (): Promise<Report> =>
    (await analyze({ paths: [], cwd: dir, ignore: ['drafts/**'], report: DEFAULT_REPORT_OPTIONS, ...modeOptions() })).report;

  it('gives the report analyze() gives, after every kind of change, reading only the changed files', async () => {
    const todo = write('TODO.md', '# Tasks\n\n- [ ] one\n- [ ] two (BLOCKING)\n\nProgress: 0/2 done\n');
    write('docs/plan.md', '## Must have\n\n- [ ] ship it (2h)\n\n2 incomplete tasks remaining in TODO.md\n');
    write('drafts/ignored.md', '- [ ] not counted\n');
    write('.gitignore', 'build/\n');
    write('build/out.md', '- [ ] generated\n');
    const session = new WatchSession(sessionOptions());
    const first = await session.start();
    expect(first.report).toEqual(await fresh());
    expect(first.added).toEqual(['TODO.md', 'docs/plan.md']);

    // A tick in TODO.md changes the claim docs/plan.md makes about it.
    writeFileSync(todo, '# Tasks\n\n- [x] one\n- [ ] two (BLOCKING)\n\nProgress: 0/2 done\n');
    const ticked = await session.update({ files: [todo], rediscover: false });
    expect(ticked.changed).toEqual(['TODO.md']);
    expect(ticked.report).toEqual(await fresh());
    expect(ticked.report.files[1]!.claims[0]).toMatchObject({ counted: { open: 1 }, stale: true });

    const added = write('docs/new.md', '- [ ] new task\n');
    const withNew = await session.update({ files: [added], rediscover: true });
    expect(withNew.added).toEqual(['docs/new.md']);
    expect(withNew.report).toEqual(await fresh());

    renameSync(added, path.join(dir, 'docs/renamed.md'));
    const renamed = await session.update({ files: [added, path.join(dir, 'docs/renamed.md')], rediscover: true });
    expect(renamed).toMatchObject({ added: ['docs/renamed.md'], removed: ['docs/new.md'] });
    expect(renamed.report).toEqual(await fresh());

    unlinkSync(todo);
    const deleted = await session.update({ files: [todo], rediscover: true });
    expect(deleted.removed).toEqual(['TODO.md']);
    expect(deleted.report).toEqual(await fresh());

    // New files pass the same rules as discovery: .gitignore, the config's ignore, markdown only.
    write('build/later.md', '- [ ] generated later\n');
    write('drafts/later.md', '- [ ] draft\n');
    write('notes.txt', '- [ ] not markdown\n');
    const ignored = await session.update({ files: [], rediscover: true });
    expect(ignored.added).toEqual([]);
    expect(ignored.report.files.map((file) => file.path)).toEqual(['docs/plan.md', 'docs/renamed.md']);
  });

  it('keeps a file that turns binary in the report, with its diagnostic', async () => {
    const file = write('TODO.md', '- [ ] one\n');
    const session = new WatchSession(sessionOptions());
    await session.start();
    writeFileSync(file, Buffer.from([0x2d, 0x20, 0x00, 0x01, 0xff]));
    const update = await session.update({ files: [file], rediscover: false });
    expect(update.report.files[0]!.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/binary/) })]);
    expect(update.report.totals.items).toBe(0);
  });

  it('reports a path that matches nothing and picks it up once it exists', async () => {
    write('TODO.md', '- [ ] one\n');
    const session = new WatchSession({ ...sessionOptions(), paths: ['TODO.md', 'later/*.md'] });
    const first = await session.start();
    expect(first.unmatched.map((error) => error.pattern)).toEqual(['later/*.md']);
    write('later/a.md', '- [x] done\n');
    const update = await session.update({ files: [path.join(dir, 'later/a.md')], rediscover: true });
    expect(update.unmatched).toEqual([]);
    expect(update.report.totals).toMatchObject({ items: 2, done: 1 });
  });

  it('stops between files when its signal aborts, not after the whole tree', async () => {
    const seed = readFileSync(path.join(ROOT, 'fixtures', 'seeds', SEEDS[1]!));
    for (let i = 0; i < 100; i++) write(`team/checklist-${i}.md`, seed);
    const started = performance.now();
    const session = new WatchSession({ ...sessionOptions(), signal: AbortSignal.timeout(300) });
    await expect(session.start()).rejects.toThrow(/abort|timeout/i);
    // Analysing 100 copies of a seed takes seconds; stopping takes one file's time after the signal.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('analyses on worker threads through the engine, with the same report, and still stops on its signal', async () => {
    const seed = readFileSync(path.join(ROOT, 'fixtures', 'seeds', SEEDS[1]!));
    for (let i = 0; i < 6; i++) write(`team/checklist-${i}.md`, seed);
    const session = new WatchSession({ ...sessionOptions(), concurrency: 2 });
    const first = await session.start();
    expect(first.report).toEqual(await fresh());
    expect(first.added).toHaveLength(6);

    for (let i = 6; i < 100; i++) write(`team/checklist-${i}.md`, seed);
    const started = performance.now();
    const aborted = new WatchSession({ ...sessionOptions(), concurrency: 2, signal: AbortSignal.timeout(300) });
    await expect(aborted.start()).rejects.toThrow(/abort|timeout/i);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('tells whether a file changed on disk since it was read', async () => {
    const file = write('TODO.md', '- [ ] one\n');
    const session = new WatchSession(sessionOptions());
    await session.start();
    expect(await session.changedSinceRead(file)).toBe(false);
    writeFileSync(file, '- [x] one, edited\n');
    expect(await session.changedSinceRead(file)).toBe(true);
  });
});

describe('NDJSON lines', () => {
  it('are exactly JSON.stringify of the report, valid against the schema, with unchanged files reused', async () => {
    const files = SEEDS.slice(0, 3).map((seed) => path.join('fixtures', 'seeds', seed));
    const { report } = await analyze({ paths: files, cwd: ROOT });
    const serialize = createNdjsonSerializer();
    const line = Buffer.concat(serialize(report)).toString('utf8');
    expect(line).toBe(`${JSON.stringify(report)}\n`);
    expect(line.indexOf('\n')).toBe(line.length - 1);
    const parsed = JSON.parse(line) as unknown;
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);

    // A report that shares two file parts with the last one: the same text, from the kept bytes.
    const next: Report = { ...report, ready: !report.ready, files: [report.files[0]!, report.files[2]!] };
    expect(Buffer.concat(serialize(next)).toString('utf8')).toBe(`${JSON.stringify(next)}\n`);
  });
});

describe('the status line', () => {
  const counts = { done: 3, open: 5, blocking: 2, items: 8, staleClaims: 1 };
  const time = new Date(2025, 0, 1, 14, 3, 22);
  const style = { color: false, unicode: true, width: 80 };
  const none = { added: [], changed: [], removed: [] };

  it('shows only the counts that changed, with the time and the file', () => {
    const next = { ...counts, done: 5, open: 3, blocking: 1 };
    const line = statusLine({ previous: counts, next, files: { ...none, changed: ['TODO.md'] }, fileCount: 2, time }, style);
    expect(line).toBe('updated 14:03:22 · TODO.md changed · +2 done, −2 open, −1 blocking');
  });

  it('uses ASCII without Unicode, and says when nothing moved', () => {
    const fewer = { ...counts, items: 7, open: 4 };
    expect(statusLine({ previous: counts, next: fewer, files: { ...none, removed: ['a.md', 'b.md'] }, fileCount: 1, time }, { ...style, unicode: false }))
      .toBe('updated 14:03:22 · 2 files removed · -1 open, -1 item');
    expect(statusLine({ previous: counts, next: counts, files: none, fileCount: 2, time }, style)).toBe('updated 14:03:22 · no change in totals');
  });

  it('says what is watched first, colours progress green and setbacks red, and fits the width', () => {
    expect(statusLine({ previous: null, next: counts, files: none, fileCount: 1, time }, style)).toBe('watching 1 file since 14:03:22 · Ctrl-C to stop');
    const coloured = statusLine({ previous: counts, next: { ...counts, done: 4, staleClaims: 2 }, files: none, fileCount: 1, time }, { ...style, color: true });
    expect(coloured).toContain('\u001b[32m+1 done');
    expect(coloured).toContain('\u001b[31m+1 stale claim');
    const long = statusLine({ previous: counts, next: counts, files: { ...none, changed: [`${'deep/'.repeat(20)}TODO.md`] }, fileCount: 1, time }, { ...style, width: 60 });
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toContain('…');
  });
});

describe('LiveScreen', () => {
  const stream = (tty: boolean, rows?: number, columns?: number) => {
    const out = { text: '', isTTY: tty, rows, columns, write: (chunk: string | Uint8Array) => (out.text += String(chunk)) };
    return out;
  };

  it('redraws in place on a terminal, cuts a tall report to the rows, and shows the cursor again', () => {
    const out = stream(true, 5);
    const screen = new LiveScreen(out);
    screen.show(['one', 'two'], (n) => `${n} more`);
    screen.show(['a', 'b', 'c', 'd', 'e', 'f'], (n) => `${n} more`);
    screen.close();
    const frames = out.text.split('\u001b[2J\u001b[3J\u001b[H');
    expect(frames[0]).toBe('\u001b[?25l');
    expect(frames[1]).toBe('one\ntwo\n');
    expect(frames[2]).toBe('a\nb\nc\n3 more\n\u001b[?25h\n');
  });

  it('counts the rows a line wider than the terminal wraps onto', () => {
    const out = stream(true, 5, 10);
    new LiveScreen(out).show(['status', 'a line that wraps onto three rows', 'c', 'd'], (n) => `${n} more`);
    expect(out.text.endsWith('status\n3 more\n')).toBe(true);
  });

  it('appends reports, a blank line apart, when stdout is not a terminal', () => {
    const out = stream(false);
    const screen = new LiveScreen(out);
    screen.show(['one'], (n) => `${n} more`);
    screen.show(['two'], (n) => `${n} more`);
    screen.close();
    expect(out.text).toBe('one\n\ntwo\n');
  });
});

describe('shipready watch in-process', () => {
  it('draws the table on a terminal and gives the cursor back when interrupted', async () => {
    write('TODO.md', '# Tasks\n\n- [ ] one (BLOCKING)\n');
    const interrupt = new AbortController();
    const result = await runCli(['watch'], {
      cwd: dir, isTTY: true, columns: 80, env: { NO_COLOR: '1' }, signal: interrupt.signal,
      onStdout: () => interrupt.abort(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('\u001b[?25l\u001b[2J\u001b[3J\u001b[H')).toBe(true);
    expect(result.stdout).toMatch(/watching 1 file since \d\d:\d\d:\d\d/);
    expect(result.stdout).toContain('NOT READY');
    expect(result.stdout.endsWith('\u001b[?25h\n')).toBe(true);
  });

  it('runs as report --watch, and refuses formats and options it cannot follow', async () => {
    write('TODO.md', '- [ ] one\n');
    const interrupt = new AbortController();
    const live = await runCli(['--watch', '--format', 'json'], { cwd: dir, signal: interrupt.signal, onStdout: () => interrupt.abort() });
    expect(live.code).toBe(0);
    expect((JSON.parse(live.stdout) as Report).totals.items).toBe(1);

    const markdown = await runCli(['report', '--watch', '--format', 'markdown'], { cwd: dir });
    expect(markdown.code).toBe(2);
    expect(markdown.stderr).toContain('`--format markdown` with --watch');
    const output = await runCli(['--watch', '--output', 'out.txt'], { cwd: dir });
    expect(output.code).toBe(2);
    expect((await runCli(['watch', '--format', 'sarif'], { cwd: dir })).code).toBe(2);
  });
});

/** How long any one update may take to arrive before a test fails (ms): generous for a busy 2-core machine. */
const UPDATE_TIMEOUT = 15_000;

/** The built CLI spawned as a user runs it, its stdout read line by line as it arrives. */
class LiveCli {
  readonly child: ChildProcess;
  readonly #lines: string[] = [];
  #partial = '';
  stderr = '';
  #wake: (() => void) | null = null;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(argv: string[], cwd: string) {
    // As root, run as `nobody`, so that a file with mode 000 is unreadable as it is for a user.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    this.child = spawn(process.execPath, [path.join(ROOT, 'bin', 'shipready.js'), ...argv], {
      cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody,
    });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      const parts = (this.#partial + chunk).split('\n');
      this.#partial = parts.pop()!;
      this.#lines.push(...parts);
      this.#wake?.();
    });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => this.#wake?.());
  }

  /** The next stdout line for which `accept` holds (earlier lines are dropped); fails after UPDATE_TIMEOUT. */
  async line(accept: (line: string) => boolean = () => true): Promise<string> {
    const deadline = Date.now() + UPDATE_TIMEOUT;
    for (;;) {
      while (this.#lines.length > 0) {
        const line = this.#lines.shift()!;
        if (accept(line)) return line;
      }
      if (this.child.exitCode !== null) throw new Error(`shipready exited (${this.child.exitCode}) before the line came\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such line within ${UPDATE_TIMEOUT} ms\nstderr: ${this.stderr}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = null;
    }
  }

  /** The next NDJSON report for which `accept` holds, validated against the schema. */
  async report(accept: (report: Report) => boolean): Promise<Report> {
    let found: Report | undefined;
    await this.line((line) => {
      const report = JSON.parse(line) as Report;
      expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
      if (accept(report)) found = report;
      return found !== undefined;
    });
    return found!;
  }

  /** Ctrl-C, and the exit that follows. */
  async interrupt(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

describe('shipready watch, spawned', () => {
  let cli: LiveCli | undefined;
  beforeEach(() => {
    // `nobody` must be able to enter the directory the CLI watches.
    chmodSync(dir, 0o755);
  });
  afterEach(async () => {
    if (cli && cli.child.exitCode === null && cli.child.signalCode === null) {
      cli.child.kill('SIGKILL');
      await cli.exited;
    }
    cli = undefined;
  });

  it('follows a tick, a new file, a deleted file and an unreadable one as NDJSON, and exits 0 on Ctrl-C', async () => {
    const todo = write('TODO.md', '# Tasks\n\n- [ ] one\n- [ ] two (BLOCKING)\n');
    cli = new LiveCli(['watch', '--format', 'json'], dir);
    const first = await cli.report(() => true);
    expect(first.totals).toMatchObject({ items: 2, done: 0, blocking: 1 });

    writeFileSync(todo, '# Tasks\n\n- [x] one\n- [ ] two (BLOCKING)\n');
    expect((await cli.report((r) => r.totals.done === 1)).totals).toMatchObject({ items: 2, open: 1 });

    write('sub/dir/NEW.md', '- [ ] three\n- [x] four\n');
    const added = await cli.report((r) => r.files.length === 2);
    expect(added.files.map((f) => f.path)).toEqual(['TODO.md', 'sub/dir/NEW.md']);
    expect(added.totals).toMatchObject({ items: 4, done: 2 });

    unlinkSync(todo);
    const removed = await cli.report((r) => r.files.length === 1);
    expect(removed.totals).toMatchObject({ items: 2, done: 1, blocking: 0 });
    expect(removed.ready).toBe(true);

    const newFile = path.join(dir, 'sub/dir/NEW.md');
    writeFileSync(newFile, '- [ ] three\n- [x] four\n- [ ] five\n');
    chmodSync(newFile, 0o000);
    const unreadable = await cli.report((r) => r.files[0]!.diagnostics.length > 0);
    expect(unreadable.files[0]!.diagnostics[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/cannot read file \((EACCES|EPERM)\)/) });
    chmodSync(newFile, 0o644);
    writeFileSync(newFile, '- [x] three\n');
    expect((await cli.report((r) => r.totals.items === 1)).files[0]!.diagnostics).toEqual([]);

    expect(await cli.interrupt()).toEqual({ code: 0, signal: null });
    expect(cli.stderr).toMatch(/^watching 1 file since \d\d:\d\d:\d\d · Ctrl-C to stop\nupdated \d\d:\d\d:\d\d · TODO.md changed · \+1 done, −1 open\n/);
  });

  it('appends table reports with what changed when stdout is not a terminal', async () => {
    const todo = write('TODO.md', '# Tasks\n\n- [ ] one\n- [ ] two\n');
    cli = new LiveCli(['watch'], dir);
    await cli.line((line) => line.startsWith('watching 1 file since'));
    await cli.line((line) => line.startsWith('READY'));
    writeFileSync(todo, '# Tasks\n\n- [x] one\n- [ ] two\n');
    const status = await cli.line((line) => line.startsWith('updated'));
    expect(stripAnsi(status)).toMatch(/^updated \d\d:\d\d:\d\d · TODO.md changed · \+1 done, −1 open$/);
    await cli.line((line) => line.startsWith('overall') && /\b1\s+1\b/.test(line));
    expect(await cli.interrupt()).toEqual({ code: 0, signal: null });
  });

  it('waits for a path that matches nothing yet', async () => {
    cli = new LiveCli(['watch', '--format', 'json', 'docs/*.md'], dir);
    expect((await cli.report(() => true)).files).toEqual([]);
    write('docs/late.md', '- [ ] late\n');
    expect((await cli.report((r) => r.files.length === 1)).files[0]!.path).toBe('docs/late.md');
    expect(cli.stderr).toContain('No markdown files matched `docs/*.md`');
    expect(await cli.interrupt()).toEqual({ code: 0, signal: null });
  });

  it('survives a symbolic link loop and an unreadable directory, and goes on following changes', async () => {
    const todo = write('TODO.md', '- [ ] one\n');
    symlinkSync('.', path.join(dir, 'loop'));
    mkdirSync(path.join(dir, 'sub', 'deeper'), { recursive: true });
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    write('locked/secret.md', '- [ ] hidden\n');
    // Unreadable for the user 65534 the CLI runs as (root reads every directory).
    chmodSync(path.join(dir, 'locked'), 0o000);
    try {
      cli = new LiveCli(['watch', '--format', 'json'], dir);
      await cli.report(() => true);
      writeFileSync(todo, '- [x] one\n');
      expect((await cli.report((r) => r.totals.done === 1)).totals.items).toBeGreaterThanOrEqual(1);
      expect(await cli.interrupt()).toEqual({ code: 0, signal: null });
      expect(cli.stderr).not.toMatch(/Unhandled|internal error|\n\s+at /);
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('keeps watching a watched directory that is deleted, and picks it up again when it is recreated', async () => {
    write('docs/a.md', '- [ ] a\n');
    cli = new LiveCli(['watch', '--format', 'json', 'docs'], dir);
    expect((await cli.report(() => true)).files).toHaveLength(1);
    rmSync(path.join(dir, 'docs'), { recursive: true });
    expect((await cli.report((r) => r.files.length === 0)).totals.items).toBe(0);
    write('docs/b.md', '- [x] b\n- [ ] c\n');
    const back = await cli.report((r) => r.files.length === 1);
    expect(back.files[0]!.path).toBe('docs/b.md');
    writeFileSync(path.join(dir, 'docs/b.md'), '- [x] b\n- [x] c\n');
    expect((await cli.report((r) => r.totals.done === 2)).totals.open).toBe(0);
    expect(await cli.interrupt()).toEqual({ code: 0, signal: null });
  });

  it.each(['SIGTERM', 'SIGHUP'])('%s on a terminal gives the cursor back', (signal) => {
    write('TODO.md', '- [ ] one\n');
    // A pseudo-terminal: the child's stdout is a TTY, so the cursor is hidden while watching.
    const driver = `
import os, pty, signal, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:-1])
out = b''
sent = False
while True:
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
    if not sent and b'watching 1 file' in out:
        os.kill(pid, getattr(signal, sys.argv[-1]))
        sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(repr(out) + '\\n' + str(status))
`;
    const result = spawnSync('python3', ['-c', driver, process.execPath, path.join(ROOT, 'bin', 'shipready.js'), 'watch', signal], {
      cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', TERM: 'xterm' }, timeout: 20_000,
    });
    if (result.error) {
      console.warn(`watch: python3 with pty is not available (${result.error.message}); case skipped`);
      return;
    }
    const [output] = result.stdout.split('\n');
    expect(output).toContain('\\x1b[?25l');
    expect(output!.lastIndexOf('\\x1b[?25h')).toBeGreaterThan(output!.lastIndexOf('\\x1b[?25l'));
  });
});
