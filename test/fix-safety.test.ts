import { spawn, spawnSync } from 'node:child_process';
import {
  appendFileSync, chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync,
  readlinkSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempName, resetSweeps, safeReplace, type SafeFs, STALE_TEMP_AGE_MS, sweepLeftovers, type XattrTools } from '../src/fix/safe-write.js';
import { ROOT, runCli, spawnCli } from './helpers.js';

/**
 * Fault injection over `fix`'s write path (README.md#fix): every case
 * asserts that no byte is lost — the file holds the original or the new
 * content in full, never a mix —, the documented outcome or exit code, and
 * that no temporary file is left behind. Faults come from an `fs` shim
 * (short writes, ENOSPC, EIO on fsync, a concurrent writer, a failing
 * rename), a real 64 KiB tmpfs where `mount` works (skipped with a message
 * where it does not, CI included: an unprivileged container cannot mount),
 * signals sent to a process paused mid-write, and the CLI run as the
 * unprivileged user 65534 for the permission cases (root only).
 */

const NOBODY = 65534;
const IS_ROOT = process.getuid?.() === 0;
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shipready-safety-'));
  chmodSync(dir, 0o755);
  resetSweeps();
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const BEFORE = Buffer.from('# Tasks (0/2 done)\n\n- [x] A\n- [ ] B\n');
const AFTER = Buffer.from('# Tasks (1/2 done)\n\n- [x] A\n- [ ] B\n');

function temps(where = dir): string[] {
  return readdirSync(where).filter(isTempName);
}

/** The file holds exactly one of the given contents, in full. */
function expectWhole(file: string, ...contents: Buffer[]): void {
  const bytes = readFileSync(file);
  expect(contents.some((c) => c.equals(bytes)), `${file} holds ${JSON.stringify(bytes.toString())}`).toBe(true);
}

/** Hooks on the file handles the write path opens for writing (the temporary file). */
interface Faults {
  write?: (handle: FileHandle, data: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number }>;
  sync?: (handle: FileHandle) => Promise<void>;
  rename?: (from: string, to: string) => Promise<void>;
}

/** node:fs/promises with the faults applied to handles opened for writing and to rename. */
function shim(faults: Faults): SafeFs {
  return {
    async open(file, flags, mode) {
      const handle = await fsp.open(file, flags, mode);
      if (typeof flags !== 'number' || (flags & fsp.constants.O_WRONLY) === 0) return handle;
      return new Proxy(handle, {
        get(target, key) {
          if (key === 'write' && faults.write) {
            return (data: Uint8Array, offset: number, length: number, position: number) => faults.write!(target, data, offset, length, position);
          }
          if (key === 'sync' && faults.sync) return () => faults.sync!(target);
          const value = Reflect.get(target, key) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
    lstat: (file) => fsp.lstat(file),
    realpath: (file) => fsp.realpath(file),
    rename: (from, to) => (faults.rename ? faults.rename(from, to) : fsp.rename(from, to)),
    unlink: (file) => fsp.unlink(file),
    readdir: (where) => fsp.readdir(where),
    access: (file, mode) => fsp.access(file, mode),
  };
}

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code });
}

function plant(content: Buffer = BEFORE, name = 't.md'): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('injected faults (fs shim)', () => {
  it('short writes are continued until every byte is written', async () => {
    const file = plant();
    const fs = shim({ write: (h, data, offset, length, position) => h.write(data, offset, Math.min(length, 3), position) });
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).toEqual({ status: 'written' });
    expectWhole(file, AFTER);
    expect(temps()).toEqual([]);
  });

  it('a write that takes no byte (a full disk) is ENOSPC: original untouched, temporary file removed', async () => {
    const file = plant();
    let calls = 0;
    const fs = shim({ write: async (h, data, offset, length, position) => (calls++ === 0 ? h.write(data, offset, Math.min(length, 5), position) : { bytesWritten: 0 }) });
    await expect(safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).rejects.toMatchObject({ code: 'ENOSPC' });
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it.each(['ENOSPC', 'EIO', 'EDQUOT'])('%s from a write: original untouched, temporary file removed', async (code) => {
    const file = plant();
    const fs = shim({ write: async () => Promise.reject(errno(code)) });
    await expect(safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).rejects.toMatchObject({ code });
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it('EIO on fsync: original untouched, temporary file removed', async () => {
    const file = plant();
    const fs = shim({ sync: async () => Promise.reject(errno('EIO')) });
    await expect(safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).rejects.toMatchObject({ code: 'EIO' });
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it('a failing rename: original untouched, temporary file removed', async () => {
    const file = plant();
    const fs = shim({ rename: async () => Promise.reject(errno('EXDEV')) });
    await expect(safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).rejects.toMatchObject({ code: 'EXDEV' });
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it('a concurrent writer appending between read and rename: its line is kept, nothing written', async () => {
    const file = plant();
    const line = Buffer.from('- [ ] added by an editor\n');
    const fs = shim({
      sync: async (h) => {
        appendFileSync(file, line);
        await h.sync();
      },
    });
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).toEqual({ status: 'changed' });
    expectWhole(file, Buffer.concat([BEFORE, line]));
    expect(temps()).toEqual([]);
  });

  it('a concurrent writer rewriting in place with the same size: the content check catches it', async () => {
    const file = plant();
    const same = Buffer.from(BEFORE.toString().replace('A', 'Z'));
    const { mtime } = statSync(file);
    const fs = shim({
      sync: async (h) => {
        writeFileSync(file, same);
        utimesSync(file, mtime, mtime);
        await h.sync();
      },
    });
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).toEqual({ status: 'changed' });
    expectWhole(file, same);
    expect(temps()).toEqual([]);
  });

  it('a concurrent writer replacing the file by rename (an editor’s save): caught by the inode check', async () => {
    const file = plant();
    const saved = Buffer.from(BEFORE.toString());
    const fs = shim({
      sync: async (h) => {
        writeFileSync(`${file}.swp`, saved);
        renameSync(`${file}.swp`, file);
        await h.sync();
      },
    });
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir], fs })).toEqual({ status: 'changed' });
    expectWhole(file, saved);
    expect(temps()).toEqual([]);
  });

  it('a file already at the chosen temporary name (a planted link) makes the open fail; nothing is followed or removed', async () => {
    const file = plant();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'shipready-secret-'));
    const secret = path.join(elsewhere, 'secret');
    writeFileSync(secret, 'private\n', { mode: 0o600 });
    const fixed = 'a'.repeat(16);
    const planted = path.join(dir, `.t.md.shipready-${fixed}.tmp`);
    symlinkSync(secret, planted);
    try {
      await expect(safeReplace(file, BEFORE, AFTER, { roots: [dir], randomName: () => fixed })).rejects.toMatchObject({ code: 'EEXIST' });
      expectWhole(file, BEFORE);
      expect(readFileSync(secret, 'utf8')).toBe('private\n');
      expect(statSync(secret).mode & 0o777).toBe(0o600);
      expect(readlinkSync(planted)).toBe(secret);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('extended attributes that cannot be read or set: refused, nothing written', async () => {
    const file = plant();
    const unreadable: XattrTools = { read: () => { throw new Error('Operation not supported'); }, write: () => undefined };
    const unwritable: XattrTools = { read: () => new Map([['user.k', Buffer.from('v')]]), write: () => { throw new Error('Operation not supported'); } };
    for (const xattrs of [unreadable, unwritable]) {
      const result = await safeReplace(file, BEFORE, AFTER, { roots: [dir], xattrs });
      expect(result).toMatchObject({ status: 'refused', reason: expect.stringContaining('extended attributes') });
      expectWhole(file, BEFORE);
      expect(temps()).toEqual([]);
    }
  });

  it('property: any pattern of short writes and one fault leaves the original or the new content in full, and no temporary file', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 0, maxLength: 3000 }),
        fc.uint8Array({ minLength: 0, maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('none', 'write-ENOSPC', 'write-zero', 'fsync-EIO', 'rename-EIO', 'append', 'truncate'),
        fc.nat(10),
        async (before, after, sizes, fault, when) => {
          runs++;
          resetSweeps();
          const file = plant(Buffer.from(before), 'p.md');
          let writes = 0;
          const fs = shim({
            write: async (h, data, offset, length, position) => {
              const n = writes++;
              if (fault === 'write-ENOSPC' && n === when) throw errno('ENOSPC');
              if (fault === 'write-zero' && n === when) return { bytesWritten: 0 };
              return h.write(data, offset, Math.min(length, sizes[n % sizes.length]!), position);
            },
            sync: async (h) => {
              if (fault === 'fsync-EIO') throw errno('EIO');
              if (fault === 'append') appendFileSync(file, 'x');
              if (fault === 'truncate') writeFileSync(file, Buffer.from(before).subarray(0, Math.floor(before.length / 2)));
              await h.sync();
            },
            rename: async (from, to) => (fault === 'rename-EIO' ? Promise.reject(errno('EIO')) : fsp.rename(from, to)),
          });
          const outcome = await safeReplace(file, before, after, { roots: [dir], fs }).then((r) => r.status, () => 'error');
          const bytes = readFileSync(file);
          if (outcome === 'written') expect(bytes.equals(Buffer.from(after))).toBe(true);
          else if (fault === 'append') expect(bytes.equals(Buffer.concat([Buffer.from(before), Buffer.from('x')]))).toBe(true);
          else if (fault === 'truncate') expect(bytes.equals(Buffer.from(before).subarray(0, Math.floor(before.length / 2)))).toBe(true);
          else expect(bytes.equals(Buffer.from(before))).toBe(true);
          expect(temps()).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
    expect(runs).toBe(300);
  });
});

describe('what is refused, and what is kept', () => {
  it('a read-only file is refused, even as root', async () => {
    const file = plant();
    chmodSync(file, 0o444);
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir] })).toMatchObject({ status: 'refused', reason: expect.stringContaining('read-only') });
    expectWhole(file, BEFORE);
  });

  it('a file with several hard links is refused', async () => {
    const file = plant();
    linkSync(file, path.join(dir, 'other-name.md'));
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir] })).toMatchObject({ status: 'refused', reason: expect.stringContaining('hard links') });
    expectWhole(file, BEFORE);
    expect(statSync(file).ino).toBe(statSync(path.join(dir, 'other-name.md')).ino);
  });

  it('a link stays a link: a target inside the paths is rewritten, one outside is refused', async () => {
    mkdirSync(path.join(dir, 'in'));
    const target = path.join(dir, 'in', 'real.md');
    writeFileSync(target, BEFORE);
    const link = path.join(dir, 'in', 'link.md');
    symlinkSync('real.md', link);
    expect(await safeReplace(link, BEFORE, AFTER, { roots: [path.join(dir, 'in')] })).toEqual({ status: 'written' });
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expectWhole(target, AFTER);

    writeFileSync(target, BEFORE);
    expect(await safeReplace(link, BEFORE, AFTER, { roots: [path.join(dir, 'elsewhere')] })).toMatchObject({ status: 'refused' });
    expectWhole(target, BEFORE);
    expect(temps(path.join(dir, 'in'))).toEqual([]);
  });

  it('mode bits are kept', async () => {
    const file = plant();
    chmodSync(file, 0o640);
    expect(await safeReplace(file, BEFORE, AFTER, { roots: [dir] })).toEqual({ status: 'written' });
    expect(statSync(file).mode & 0o7777).toBe(0o640);
  });

  it('temporary files of a killed run are removed by the next run: old ones of ours only', async () => {
    const old = path.join(dir, `.t.md.shipready-${'0'.repeat(16)}.tmp`);
    const fresh = path.join(dir, `.t.md.shipready-${'1'.repeat(16)}.tmp`);
    const other = path.join(dir, '.t.md.tmp');
    for (const file of [old, fresh, other]) writeFileSync(file, 'half');
    const past = new Date(Date.now() - STALE_TEMP_AGE_MS - 60_000);
    utimesSync(old, past, past);
    utimesSync(other, past, past);
    expect(await sweepLeftovers(dir)).toEqual([old]);
    expect(existsSync(fresh) && existsSync(other)).toBe(true);
  });
});

describe('signals mid-write (a process paused inside the write)', () => {
  /**
   * A child that replaces `file` through the write path with a shim whose
   * second write never returns, after printing `paused`: the parent then
   * sends the signal, so the signal always arrives mid-write.
   */
  const CHILD = `
    import * as fsp from 'node:fs/promises';
    const { safeReplace } = await import(process.argv[1]);
    const [file, before, after] = process.argv.slice(2);
    let writes = 0;
    const fs = {
      open: async (f, flags, mode) => {
        const h = await fsp.open(f, flags, mode);
        if (typeof flags !== 'number' || (flags & fsp.constants.O_WRONLY) === 0) return h;
        return new Proxy(h, { get(t, k) {
          if (k === 'write') return async (d, o, l, p) => {
            if (writes++ === 0) return t.write(d, o, Math.min(l, 4), p);
            process.stdout.write('paused\\n');
            setInterval(() => {}, 1 << 30);
            return new Promise(() => {});
          };
          const v = Reflect.get(t, k); return typeof v === 'function' ? v.bind(t) : v;
        } });
      },
      lstat: fsp.lstat, realpath: fsp.realpath, rename: fsp.rename, unlink: fsp.unlink, readdir: fsp.readdir, access: fsp.access,
    };
    await safeReplace(file, Buffer.from(before), Buffer.from(after), { roots: [process.cwd()], fs });
  `;

  function runPaused(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const file = plant();
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, path.join(ROOT, 'dist/fix/safe-write.js'), file, BEFORE.toString(), AFTER.toString()], { cwd: dir });
    return new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('paused')) {
          expect(temps()).toHaveLength(1);
          child.kill(signal);
        }
      });
      child.on('error', reject);
      child.on('exit', (code, sig) => resolve({ code, signal: sig }));
    });
  }

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('%s: the temporary file is removed, the original untouched, the process ends by the signal', async (signal) => {
    const result = await runPaused(signal);
    expect(result.signal).toBe(signal);
    expectWhole(path.join(dir, 't.md'), BEFORE);
    expect(temps()).toEqual([]);
  });

  it('SIGKILL leaves the temporary file; the next fix run in that directory removes it once it is old', async () => {
    const result = await runPaused('SIGKILL');
    expect(result.signal).toBe('SIGKILL');
    expectWhole(path.join(dir, 't.md'), BEFORE);
    const [left] = temps();
    expect(left).toBeDefined();
    const past = new Date(Date.now() - STALE_TEMP_AGE_MS - 60_000);
    utimesSync(path.join(dir, left!), past, past);
    const run = await runCli(['fix', '--no-config', 't.md'], { cwd: dir });
    expect(run.code).toBe(0);
    expectWhole(path.join(dir, 't.md'), AFTER);
    expect(temps()).toEqual([]);
  });
});

/** A checklist of about 22 KB with one stale claim (the size of the file the full-disk report cut to 8,192 bytes). */
function bigChecklist(): Buffer {
  const lines = ['# Release (0/400 done)', ''];
  for (let i = 0; lines.join('\n').length < 21_900; i++) lines.push(`- [${i % 2 === 0 ? 'x' : ' '}] Task number ${i} with some words`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('a real, nearly full tmpfs', () => {
  const mountPoint = mkdtempSync(path.join(tmpdir(), 'shipready-tmpfs-'));
  const mounted = IS_ROOT && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mountPoint]).status === 0;
  if (!mounted) console.warn('fix-safety: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); the full-disk case runs through the fs shim only');

  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it.skipIf(!mounted)('fix on a file with 8-12 KB free: exit 2, the original in full, no temporary file; with room, it is written', async () => {
    const file = path.join(mountPoint, 't.md');
    const content = bigChecklist();
    writeFileSync(file, content);
    const free = (): number => {
      const out = spawnSync('df', ['-B1', '--output=avail', mountPoint], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!;
      return Number(out);
    };
    const filler = path.join(mountPoint, 'filler');
    writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 10 * 1024)));
    expect(free()).toBeGreaterThanOrEqual(8 * 1024);
    expect(free()).toBeLessThanOrEqual(12 * 1024);

    const full = spawnCli(['fix', '--no-config', 't.md'], { cwd: mountPoint });
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/t\.md:1:1: error: not rewritten: cannot write \(the disk is full\)/);
    expect(full.stderr).not.toContain('Rewrote');
    expectWhole(file, content);
    expect(temps(mountPoint)).toEqual([]);

    rmSync(filler);
    const roomy = spawnCli(['fix', '--no-config', 't.md'], { cwd: mountPoint });
    expect(roomy.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('# Release (');
    expect(readFileSync(file, 'utf8')).not.toContain('(0/400 done)');
    expect(readFileSync(file).length).toBeGreaterThanOrEqual(content.length - 4);
    expect(temps(mountPoint)).toEqual([]);
  });
});

describe.skipIf(!IS_ROOT)('permissions, with the CLI run as root and as user 65534', () => {
  const AS_NOBODY = { uid: NOBODY, gid: NOBODY };

  function fixAs(who: { uid?: number; gid?: number }, ...paths: string[]) {
    return spawnCli(['fix', '--no-config', ...paths], { cwd: dir, ...who });
  }

  function ownedByNobody(): void {
    chownSync(dir, NOBODY, NOBODY);
  }

  it('user 65534 fixes its own file: written, owner and mode kept', () => {
    ownedByNobody();
    const file = plant();
    chownSync(file, NOBODY, NOBODY);
    chmodSync(file, 0o640);
    const result = fixAs(AS_NOBODY, 't.md');
    expect(result.code).toBe(0);
    expectWhole(file, AFTER);
    expect(statSync(file)).toMatchObject({ uid: NOBODY, gid: NOBODY });
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(temps()).toEqual([]);
  });

  it('user 65534 on another user’s group-writable file: refused, exit 2, owner unchanged', () => {
    ownedByNobody();
    const file = plant();
    chownSync(file, 0, NOBODY);
    chmodSync(file, 0o664);
    const result = fixAs(AS_NOBODY, 't.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('t.md:1:1: error: not rewritten: it belongs to another user (uid 0)');
    expectWhole(file, BEFORE);
    expect(statSync(file)).toMatchObject({ uid: 0, gid: NOBODY });
    expect(temps()).toEqual([]);
  });

  it('user 65534 on a file it cannot write: refused, exit 2', () => {
    ownedByNobody();
    const file = plant();
    chownSync(file, 0, 0);
    chmodSync(file, 0o644);
    const result = fixAs(AS_NOBODY, 't.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not rewritten: it is not writable by you');
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it('root runs fix in a directory where user 65534 planted links at temporary names: the root-owned 0600 file elsewhere is never touched', () => {
    ownedByNobody();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'shipready-private-'));
    const secret = path.join(elsewhere, 'secret');
    writeFileSync(secret, 'root only\n', { mode: 0o600 });
    try {
      const file = plant();
      chownSync(file, NOBODY, NOBODY);
      // What an attacker can guess: the old write-file-atomic names and this module's prefix.
      const guesses = ['t.md.0', 't.md.tmp', '.t.md.tmp', `.t.md.shipready-${'0'.repeat(16)}.tmp`, `.t.md.shipready-${'f'.repeat(16)}.tmp`];
      for (const guess of guesses) {
        const planted = path.join(dir, guess);
        symlinkSync(secret, planted);
        spawnSync('chown', ['-h', `${NOBODY}:${NOBODY}`, planted]);
      }
      const result = fixAs({}, 't.md');
      expect(result.code).toBe(0);
      expectWhole(file, AFTER);
      expect(lstatSync(file).isFile()).toBe(true);
      expect(statSync(file)).toMatchObject({ uid: NOBODY, gid: NOBODY });
      expect(readFileSync(secret, 'utf8')).toBe('root only\n');
      expect(statSync(secret)).toMatchObject({ uid: 0, gid: 0 });
      expect(statSync(secret).mode & 0o777).toBe(0o600);
      for (const guess of guesses) expect(lstatSync(path.join(dir, guess)).isSymbolicLink()).toBe(true);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('a link planted by user 65534 to a root file outside the paths given: refused as root, the target untouched', () => {
    ownedByNobody();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'shipready-private-'));
    const secret = path.join(elsewhere, 'secret.md');
    writeFileSync(secret, BEFORE, { mode: 0o600 });
    try {
      mkdirSync(path.join(dir, 'docs'));
      symlinkSync(secret, path.join(dir, 'docs', 't.md'));
      const result = fixAs({}, 'docs');
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('symbolic link to a file outside the paths given');
      expectWhole(secret, BEFORE);
      expect(statSync(secret).mode & 0o777).toBe(0o600);
      expect(lstatSync(path.join(dir, 'docs', 't.md')).isSymbolicLink()).toBe(true);
      expect(temps(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('root on a read-only (0444) file: refused, exit 2', () => {
    const file = plant();
    chmodSync(file, 0o444);
    const result = fixAs({}, 't.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('t.md:1:1: error: not rewritten: it is read-only');
    expectWhole(file, BEFORE);
    expect(temps()).toEqual([]);
  });

  it('root on a hard-linked file: refused, exit 2, both names still one file', () => {
    const file = plant();
    linkSync(file, path.join(dir, 'copy.txt'));
    const result = fixAs({}, 't.md');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it has 2 hard links');
    expectWhole(file, BEFORE);
    expect(statSync(file).nlink).toBe(2);
    expect(temps()).toEqual([]);
  });

  const HAS_ATTR = spawnSync('setfattr', ['--version']).status === 0 && spawnSync('getfattr', ['--version']).status === 0;
  it.skipIf(!HAS_ATTR)('root keeps extended attributes (user.* and trusted.*)', () => {
    const file = plant();
    const set = spawnSync('setfattr', ['-n', 'user.origin', '-v', 'checklist', file]);
    if (set.status !== 0) {
      console.warn(`fix-safety: ${tmpdir()} has no user extended attributes; case skipped`);
      return;
    }
    spawnSync('setfattr', ['-n', 'trusted.mark', '-v', '0x00ff10', file]);
    const dump = (): string => spawnSync('getfattr', ['--absolute-names', '-d', '-m', '-', '-e', 'hex', file], { encoding: 'utf8' }).stdout.replace(/^# file:.*\n/m, '');
    const before = dump();
    expect(before).toContain('user.origin=');
    const result = fixAs({}, 't.md');
    expect(result.code).toBe(0);
    expectWhole(file, AFTER);
    expect(dump()).toBe(before);
    expect(temps()).toEqual([]);
  });
});
