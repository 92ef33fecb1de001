/**
 * Bad input (issue 7), each case run as a process the way CI runs shipready:
 * a temporary directory with the bad input beside one good checklist. Every
 * case must end — a hang is killed and fails — with the exit code of SPEC.md
 * §8, one stderr line naming the file and what was done, and the good
 * checklist still reported.
 *
 * With `HARDENING_TABLE=file.json` each case's run time and peak memory
 * are written to that file (the table of the closing note).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { caseDir, expectGoodReported, fileOf, runCase, writeUsageTable } from './hardening-helpers.js';

afterAll(writeUsageTable);

/** A checklist whose twins in other encodings and line endings must count the same: 4 items, 1 done, 1 blocking. */
const TWIN = '# Release tasks\n\n## Critical\n\n- [ ] Rotate the keys (2h)\n- [x] Enable TLS\n\n## Later\n\n- [ ] Tidy the café menu 🔴\n- [ ] Write docs\n';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe('paths that name nothing usable: a usage error naming the path, exit 2', () => {
  // SPEC.md §10: "A path that matches nothing is an error (exit 2) naming the path";
  // like ESLint's NoFilesFoundError it stops the run before any report.
  const cases: Array<[string, (dir: string) => string]> = [
    ['a path that does not exist', () => 'missing.md'],
    ['a glob that matches nothing', () => 'nowhere/**/*.md'],
    [
      'a directory with no markdown',
      (dir) => {
        mkdirSync(path.join(dir, 'empty'));
        writeFileSync(path.join(dir, 'empty', 'notes.txt'), 'not markdown\n');
        return 'empty';
      },
    ],
  ];
  for (const [input, make] of cases) {
    it(input, () => {
      const dir = caseDir();
      const given = make(dir);
      const outcome = runCase(input, dir, ['good.md', given]);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toEqual([expect.stringContaining(`No markdown files matched \`${given}\``)]);
      expect(outcome.report).toBeNull(); // never half a report on stdout
    });
  }
});

describe('files that cannot be read: an error naming the file, the others reported, exit 2', () => {
  it.skipIf(isRoot && process.platform !== 'linux')('a file without read permission', () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, 'secret.md'), '- [ ] hidden\n');
    chmodSync(path.join(dir, 'secret.md'), 0o000);
    // Root reads any file: as root, run shipready as `nobody` so the permission applies.
    chmodSync(dir, 0o755);
    const outcome = runCase('a file without read permission', dir, ['.'], isRoot ? { uid: NOBODY, gid: NOBODY } : {});
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toEqual(['secret.md:1:1: error: cannot read file (EACCES): permission denied; make it readable, or add it to the configuration\'s `ignore`']);
    expectGoodReported(outcome);
  });

  it('a symbolic link loop', () => {
    const dir = caseDir();
    symlinkSync('loop-b.md', path.join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', path.join(dir, 'loop-b.md'));
    for (const args of [['.'], ['good.md', 'loop-a.md']]) {
      const outcome = runCase(`a symbolic link loop (${args.join(' ')})`, dir, args);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toContain('loop-a.md:1:1: error: cannot read file (ELOOP): symbolic link loop; fix or remove the link');
      expectGoodReported(outcome);
    }
  });

  it('a broken symbolic link', () => {
    const dir = caseDir();
    symlinkSync('gone.md', path.join(dir, 'broken.md'));
    for (const args of [['.'], ['good.md', 'broken.md']]) {
      const outcome = runCase(`a broken symbolic link (${args.join(' ')})`, dir, args);
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toEqual(['broken.md:1:1: error: cannot read file (ENOENT): broken symbolic link to `gone.md`; fix or remove the link']);
      expectGoodReported(outcome);
    }
  });
});

describe('entries that are not markdown files: skipped, the others reported, exit 0', () => {
  it.skipIf(process.platform === 'win32')('a FIFO named *.md does not block', () => {
    const dir = caseDir();
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    for (const args of [['.'], ['good.md', 'pipe.md']]) {
      const outcome = runCase(`a FIFO named *.md (${args.join(' ')})`, dir, args, { timeout: 10_000 });
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toEqual(['pipe.md:1:1: warning: skipped FIFO (named pipe): not a regular file']);
      expectGoodReported(outcome);
    }
  });

  it.skipIf(process.platform !== 'linux')('a link to a device (/dev/zero) named *.md is not read forever', () => {
    const dir = caseDir();
    symlinkSync('/dev/zero', path.join(dir, 'zero.md'));
    const outcome = runCase('a link to /dev/zero named *.md', dir, ['.'], { timeout: 10_000 });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toEqual(['zero.md:1:1: warning: skipped character device: not a regular file']);
    expectGoodReported(outcome);
  });

  it('a directory named x.md is searched, never read as a file', () => {
    const dir = caseDir();
    mkdirSync(path.join(dir, 'x.md'));
    writeFileSync(path.join(dir, 'x.md', 'inner.md'), '- [ ] inner\n');
    for (const args of [['.'], ['good.md', 'x.md']]) {
      const outcome = runCase(`a directory named x.md (${args.join(' ')})`, dir, args);
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toEqual([]);
      expectGoodReported(outcome);
      expect(fileOf(outcome.report, 'x.md/inner.md')?.totals.items).toBe(1);
    }
  });

  it('a directory link loop (a link to `.`) is not followed', () => {
    const dir = caseDir();
    symlinkSync('.', path.join(dir, 'again'));
    symlinkSync('..', path.join(dir, 'up'));
    const outcome = runCase('a directory symbolic link loop (link to . and ..)', dir, ['.'], { timeout: 10_000 });
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toEqual([]);
    expectGoodReported(outcome);
    expect(outcome.report?.files.map((file) => file.path)).toEqual(['good.md']);
  });

  it('binary data named .md (NUL bytes)', () => {
    const dir = caseDir();
    writeFileSync(path.join(dir, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
    const outcome = runCase('binary data named .md (NUL bytes)', dir);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toEqual(['image.md:1:1: warning: skipped binary file (NUL byte in the first 8,000 bytes)']);
    expectGoodReported(outcome);
  });
});

describe('files with nothing in them: read as usual, no items, no message, exit 0', () => {
  const cases: Array<[string, string]> = [
    ['an empty file', ''],
    ['a file of only whitespace', ' \n\t\n   \r\n\n'],
    ['a file with only front matter', '---\ntitle: Release\ntasks: 3\n---\n'],
  ];
  for (const [input, content] of cases) {
    it(input, () => {
      const dir = caseDir();
      writeFileSync(path.join(dir, 'nothing.md'), content);
      const outcome = runCase(input, dir);
      expect(outcome.code).toBe(0);
      expect(outcome.stderr).toEqual([]);
      expectGoodReported(outcome);
      // Read and counted, but with nothing to count it is not listed.
      expect(fileOf(outcome.report, 'nothing.md')).toBeUndefined();
      expect(outcome.report?.scanned.files).toBe(2);
    });
  }
});

describe('encodings and line endings: the same counts as the UTF-8, LF file', () => {
  /** Totals and item titles of `content` written as twin.md beside the good checklist. */
  const twin = (input: string, content: Buffer, expectedStderr: string[]) => {
    const dir = caseDir();
    writeFileSync(path.join(dir, 'twin.md'), content);
    const outcome = runCase(input, dir);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toEqual(expectedStderr);
    expectGoodReported(outcome);
    return fileOf(outcome.report, 'twin.md')!;
  };
  const reference = twin('UTF-8, LF (the reference twin)', Buffer.from(TWIN), []);

  it('reference', () => {
    expect(reference.totals).toMatchObject({ items: 4, done: 1, open: 3, blocking: 1 });
  });

  it('UTF-16 LE with a byte order mark', () => {
    const file = twin('UTF-16 LE with BOM', iconv.encode(TWIN, 'utf-16le', { addBOM: true }), ['twin.md:1:1: info: decoded as UTF-16 LE (byte order mark)']);
    expect(file.totals).toEqual(reference.totals);
    expect(file.items.map((item) => item.title)).toEqual(reference.items.map((item) => item.title));
  });

  it('UTF-16 BE with a byte order mark', () => {
    const file = twin('UTF-16 BE with BOM', iconv.encode(TWIN, 'utf-16be', { addBOM: true }), ['twin.md:1:1: info: decoded as UTF-16 BE (byte order mark)']);
    expect(file.totals).toEqual(reference.totals);
  });

  it('Latin-1 text: invalid UTF-8 bytes are replaced and reported (SPEC.md §7), the counts kept', () => {
    const latin1 = TWIN.replace(' 🔴', '');
    const file = twin('Latin-1 text (byte E9)', iconv.encode(latin1, 'latin1'), ['twin.md:10:1: warning: replaced 1 invalid UTF-8 byte; save the file as UTF-8']);
    expect(file.totals).toMatchObject({ items: 4, done: 1, open: 3 });
    expect(file.items.find((item) => item.line === 10)?.title).toBe('Tidy the caf\uFFFD menu');
  });

  it('invalid UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(TWIN.slice(0, 20)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(TWIN.slice(20))]);
    const file = twin('invalid UTF-8 (C3 28 FF)', bytes, ['twin.md:3:1: warning: replaced 2 invalid UTF-8 bytes; save the file as UTF-8']);
    expect(file.totals).toEqual(reference.totals);
  });

  it('mixed CRLF, LF and CR line endings', () => {
    const lines = TWIN.split('\n');
    const mixed = lines.map((line, i) => line + (i === lines.length - 1 ? '' : ['\r\n', '\n', '\r'][i % 3])).join('');
    const file = twin('mixed CRLF/LF/CR line endings', Buffer.from(mixed), []);
    expect(file.totals).toEqual(reference.totals);
    expect(file.items.map((item) => [item.line, item.title])).toEqual(reference.items.map((item) => [item.line, item.title]));
  });
});

describe('fix never damages a file it cannot map back to its bytes', () => {
  it('a UTF-16 file with a stale claim is left byte for byte as it was', () => {
    const dir = caseDir();
    const bytes = iconv.encode('# Tasks (5/5 done)\n\n- [ ] a\n- [x] b\n', 'utf-16le', { addBOM: true });
    writeFileSync(path.join(dir, 'wide.md'), bytes);
    const outcome = runCase('fix on a UTF-16 file with a stale claim', dir, ['wide.md'], { command: ['fix'] });
    expect(outcome.code).toBe(0); // fix exits 0 (README "Exit codes"); the file is named as not rewritten
    expect(outcome.stderr.join('\n')).toMatch(/wide\.md:1:1: warning: not rewritten/);
    expect(readFileSync(path.join(dir, 'wide.md')).equals(bytes)).toBe(true);
  });
});
