/**
 * The one way `fix` replaces a file (README.md#fix): new bytes written in
 * full to an exclusive, unpredictably named temporary file in the same
 * directory, flushed, given the original's mode, owner, group and extended
 * attributes, and renamed over the original only if the original still holds
 * exactly the bytes that were read. Anything that cannot be kept leaves the
 * file untouched with a one-line reason. No temporary file survives a
 * catchable signal; one left by a run killed outright is removed by the next.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants, unlinkSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { sameBytes } from './bytes.js';

/** The file operations the write path uses: node:fs/promises by default, a fault-injecting shim in tests. */
export interface SafeFs {
  open(file: string, flags: number | string, mode?: number): Promise<fsp.FileHandle>;
  lstat(file: string): Promise<import('node:fs').Stats>;
  realpath(file: string): Promise<string>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  access(file: string, mode: number): Promise<void>;
}

/** Extended attributes of a file, as names and raw values; null when they cannot be read on this system. */
export interface XattrTools {
  /** The attributes of `file`, or null when the system has no means to list them. @throws when listing fails. */
  read(file: string): Map<string, Buffer> | null;
  /** Sets the attributes on `file`. @throws when one cannot be set. */
  write(file: string, attributes: ReadonlyMap<string, Buffer>): void;
}

/** Options of {@link safeReplace}. */
export interface SafeReplaceOptions {
  /** Real paths of the files and directories the user named: a symbolic link is followed only to a target inside one of them. */
  roots: readonly string[];
  /** File operations (tests inject faults). */
  fs?: SafeFs;
  /** Extended-attribute access (tests inject a missing tool). */
  xattrs?: XattrTools;
  /** Random part of a temporary name (tests force a collision); 16 hex digits from crypto by default. */
  randomName?: () => string;
}

/** The result of {@link safeReplace}: written, or left untouched and why (one line, for the file's diagnostic). */
export type SafeReplaceResult = { status: 'written' } | { status: 'changed' } | { status: 'refused'; reason: string };

const TEMP_PREFIX = '.shipready-';
/** `.<name>.shipready-<16 hex>.tmp`: every temporary file this module creates. */
const TEMP_NAME = /^\..*\.shipready-[0-9a-f]{16}\.tmp$/;
/** A leftover temporary file older than this (ms) belongs to a run that was killed: no live run keeps one that long. */
export const STALE_TEMP_AGE_MS = 5 * 60 * 1000;
const CREATE_ATTEMPTS = 4;

const defaultFs: SafeFs = {
  open: (file, flags, mode) => fsp.open(file, flags, mode),
  lstat: (file) => fsp.lstat(file),
  realpath: (file) => fsp.realpath(file),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (file) => fsp.unlink(file),
  readdir: (dir) => fsp.readdir(dir),
  access: (file, mode) => fsp.access(file, mode),
};

/** The temporary file name for `base` with the given random part. */
export function tempName(base: string, random: string): string {
  // Long names are cut so the temporary name stays within NAME_MAX (255 bytes).
  const kept = Buffer.byteLength(base) > 200 ? Buffer.from(base).subarray(0, 200).toString('utf8').replace(/\uFFFD+$/, '') : base;
  return `.${kept}${TEMP_PREFIX}${random}.tmp`;
}

/** Whether `name` is a temporary file name of this module. */
export function isTempName(name: string): boolean {
  return TEMP_NAME.test(name);
}

const liveTemps = new Set<string>();
let signalsHooked = false;
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Removes every live temporary file, then lets the signal end the process as it would have. */
function onSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  unhookSignals();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function removeLiveTemps(): void {
  for (const file of liveTemps) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone: nothing to clean.
    }
  }
  liveTemps.clear();
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', removeLiveTemps);
}

function unhookSignals(): void {
  if (!signalsHooked) return;
  signalsHooked = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', removeLiveTemps);
}

function track(file: string): void {
  liveTemps.add(file);
  hookSignals();
}

function untrack(file: string): void {
  liveTemps.delete(file);
  if (liveTemps.size === 0) unhookSignals();
}

/** Whether `file` is `root` or lies under it (both absolute, real). */
export function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

const swept = new Set<string>();

/**
 * Removes temporary files of killed runs from `dir`: names of this module,
 * regular files owned by the current user, not modified for
 * {@link STALE_TEMP_AGE_MS}. Once per directory per process; failures are ignored.
 */
export async function sweepLeftovers(dir: string, fs: SafeFs = defaultFs, now = Date.now()): Promise<string[]> {
  if (swept.has(dir)) return [];
  swept.add(dir);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return removed;
  }
  const uid = process.getuid?.();
  for (const name of names) {
    if (!isTempName(name)) continue;
    const file = path.join(dir, name);
    try {
      const info = await fs.lstat(file);
      if (!info.isFile() || (uid !== undefined && info.uid !== uid) || now - info.mtimeMs < STALE_TEMP_AGE_MS) continue;
      await fs.unlink(file);
      removed.push(file);
    } catch {
      // Gone or not ours to remove.
    }
  }
  return removed;
}

/** Forgets which directories were swept (tests run many "processes" in one). */
export function resetSweeps(): void {
  swept.clear();
}

/**
 * Extended attributes through the `getfattr`/`setfattr` tools (Debian's
 * `attr` package): Node has no API for them. `read` returns null when the
 * tool is missing.
 */
export const systemXattrs: XattrTools = {
  read(file) {
    const result = spawnSync('getfattr', ['--absolute-names', '--dump', '--match=-', '--encoding=hex', '--', file], { encoding: 'utf8' });
    if (result.error) return null;
    if (result.status !== 0) throw new Error(lastLine(result.stderr) || `getfattr exited ${result.status}`);
    const attributes = new Map<string, Buffer>();
    for (const line of result.stdout.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const at = line.indexOf('=');
      const name = at < 0 ? line : line.slice(0, at);
      const value = at < 0 ? '' : line.slice(at + 1);
      attributes.set(name, Buffer.from(value.replace(/^0x/, ''), 'hex'));
    }
    return attributes;
  },
  write(file, attributes) {
    for (const [name, value] of attributes) {
      const result = spawnSync('setfattr', [`--name=${name}`, `--value=0x${value.toString('hex')}`, '--', file], { encoding: 'utf8' });
      if (result.error || result.status !== 0) throw new Error(lastLine(result.stderr ?? '') || `setfattr could not set ${name}`);
    }
  },
};

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

const READ_NOFOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Replaces the content of `file` with `after` if it still holds `before`
 * (README.md#fix). A symbolic link stays a link: its target is rewritten,
 * and only when the target lies inside `options.roots`.
 *
 * @returns `written`; `changed` when the file no longer holds `before` (nothing written);
 *   `refused` with the reason when the file must not or cannot be replaced
 *   as the README promises (nothing written, no temporary file left).
 * @throws the file system's error (with its `code`) when writing fails
 *   (ENOSPC, EIO, …); the original is untouched and the temporary file removed.
 */
export async function safeReplace(file: string, before: Uint8Array, after: Uint8Array, options: SafeReplaceOptions): Promise<SafeReplaceResult> {
  const fs = options.fs ?? defaultFs;
  const xattrs = options.xattrs ?? systemXattrs;
  let target = file;
  const link = await fs.lstat(file);
  if (link.isSymbolicLink()) {
    target = await fs.realpath(file);
    if (!options.roots.some((root) => isInside(target, root))) {
      return { status: 'refused', reason: 'it is a symbolic link to a file outside the paths given; fix the target directly' };
    }
  }
  const dir = path.dirname(target);
  await sweepLeftovers(dir, fs);

  const original = await fs.open(target, READ_NOFOLLOW);
  let temp: string | null = null;
  try {
    const info = await original.stat();
    const refusal = await refusalReason(info, target, fs);
    if (refusal) return { status: 'refused', reason: refusal };
    if (!sameBytes(await readAll(original, info.size), before)) return { status: 'changed' };

    let attributes: Map<string, Buffer> | null;
    try {
      attributes = xattrs.read(target);
    } catch (error) {
      return { status: 'refused', reason: `its extended attributes cannot be read (${(error as Error).message}); they would be lost` };
    }

    const random = options.randomName ?? (() => randomBytes(8).toString('hex'));
    let handle: fsp.FileHandle | null = null;
    for (let attempt = 0; handle === null; attempt++) {
      const candidate = path.join(dir, tempName(path.basename(target), random()));
      try {
        handle = await fs.open(candidate, CREATE_EXCLUSIVE, 0o600);
        temp = candidate;
        track(candidate);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt + 1 >= CREATE_ATTEMPTS) throw error;
      }
    }
    try {
      await writeAll(handle, after);
      const uid = process.getuid?.();
      // Owner and group first: chown clears set-user-ID bits, which chmod then restores.
      if (uid === 0 || info.gid !== process.getgid?.()) {
        try {
          await handle.chown(info.uid, info.gid);
        } catch (error) {
          return { status: 'refused', reason: `its group (gid ${info.gid}) cannot be kept (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
        }
      }
      await handle.chmod(info.mode & 0o7777);
      if (attributes !== null && attributes.size > 0) {
        try {
          xattrs.write(temp!, attributes);
        } catch (error) {
          return { status: 'refused', reason: `its extended attributes cannot be kept (${(error as Error).message})` };
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }

    // Compare and swap: the original is checked once more right before the rename (README.md#fix, the window).
    const now = await fs.lstat(target);
    if (now.ino !== info.ino || now.dev !== info.dev || now.size !== info.size || now.mtimeMs !== info.mtimeMs) return { status: 'changed' };
    if (!sameBytes(await readAll(original, now.size), before)) return { status: 'changed' };
    await fs.rename(temp!, target);
    untrack(temp!);
    temp = null;
    await syncDirectory(dir, fs);
    return { status: 'written' };
  } finally {
    await original.close();
    if (temp !== null) {
      await fs.unlink(temp).catch(() => undefined);
      untrack(temp);
    }
  }
}

/** Why a file must be left alone before anything is written, or null. */
async function refusalReason(info: import('node:fs').Stats, target: string, fs: SafeFs): Promise<string | null> {
  if (!info.isFile()) return 'it is not a regular file';
  if (info.nlink > 1) return `it has ${info.nlink} hard links, which a replacement would split; edit it in place by hand`;
  if ((info.mode & 0o200) === 0) return 'it is read-only (no write permission); make it writable to let fix rewrite it';
  try {
    await fs.access(target, constants.W_OK);
  } catch {
    return 'it is not writable by you';
  }
  const uid = process.getuid?.();
  if (uid !== undefined && uid !== 0 && info.uid !== uid) {
    return `it belongs to another user (uid ${info.uid}), whose ownership a rewrite cannot keep; run fix as that user`;
  }
  return null;
}

/** Reads `size` bytes from the start of `handle` (plus any byte that followed: a grown file must differ). */
async function readAll(handle: fsp.FileHandle, size: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(size + 1);
  let filled = 0;
  while (filled < buffer.length) {
    const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Writes every byte of `data`, write after write (a write may take fewer
 * bytes than asked: a nearly full disk).
 *
 * @throws ENOSPC when a write takes no byte at all, or the error of the write.
 */
async function writeAll(handle: fsp.FileHandle, data: Uint8Array): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await handle.write(data, written, data.length - written, written);
    if (bytesWritten <= 0) throw Object.assign(new Error('no space left: a write took no byte'), { code: 'ENOSPC' });
    written += bytesWritten;
  }
}

/** Flushes the directory entry of the rename where the platform allows it (not on Windows). */
async function syncDirectory(dir: string, fs: SafeFs): Promise<void> {
  let handle: fsp.FileHandle | null = null;
  try {
    handle = await fs.open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // The rename is done; a platform that cannot flush a directory has nothing more to offer.
  } finally {
    await handle?.close();
  }
}
