import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { lstat, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model.js';
import { decodeMarkdown, type TextRepair } from './decode.js';
import { displayPath, printablePath } from './discover.js';

/** A markdown file read from disk and decoded for analysis (docs/rules.md#encodings). */
export interface LoadedDocument {
  /** Relative to the working directory, `/` separators. */
  path: string;
  absolutePath: string;
  /** Analysis text: BOM removed, mojibake repaired; '' when unreadable or binary. */
  text: string;
  /** The file started with a UTF-8 BOM. */
  bom: boolean;
  /** Skipped: unreadable, binary, or not a regular file. */
  skipped: boolean;
  /** Mojibake runs replaced in `text`. */
  repairs: TextRepair[];
  diagnostics: Diagnostic[];
}

/** Options of {@link loadDocument}. */
export interface LoadOptions {
  /** Files larger than this, in bytes, are not read: skipped with an error (README.md#scale). Default: no limit. */
  maxFileSize?: number;
}

/** The message for a file over the size limit. */
function tooBig(size: number, limit: number): string {
  return `not read: ${megabytes(size)} is over the ${megabytes(limit)} limit; add the file to \`ignore\`, or raise \`maxFileSize\``;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB` : `${bytes} bytes`;
}

/**
 * Reads and decodes one file. Never throws and never blocks on what is not a
 * regular file:
 *
 * - a FIFO, socket or device (`x.md` → `/dev/zero`) is skipped with a
 *   warning, found with `fstat` on a handle opened non-blocking, so a FIFO
 *   with no writer cannot stall the run;
 * - a file that cannot be read (permission denied, a broken or looping
 *   symbolic link, removed meanwhile) becomes a skipped document with an
 *   `error` diagnostic that says what to do, and the other files go on
 *   (docs/rules.md#exit-codes: the run exits 2 at the end);
 * - a file larger than `options.maxFileSize` is not read: skipped with an
 *   error (the budget of README.md#scale);
 * - the bytes are decoded by {@link decodeMarkdown} (binary files skipped,
 *   encodings repaired, each with its diagnostic).
 */
export async function loadDocument(absolutePath: string, cwd: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  const maxFileSize = options.maxFileSize ?? Number.POSITIVE_INFINITY;
  const path = displayPath(absolutePath, cwd);
  const skipped = (severity: Diagnostic['severity'], message: string): LoadedDocument => ({
    path, absolutePath, text: '', bom: false, skipped: true, repairs: [], diagnostics: [{ line: null, severity, message }],
  });
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(absolutePath, maxFileSize);
  } catch (error) {
    if (error instanceof NotRegular) return skipped(error.severity, error.message);
    // A socket cannot even be opened (ENXIO): still "not a regular file", not an I/O error.
    const kind = specialKind(await stat(absolutePath).catch(() => null));
    if (kind) return skipped('warning', `skipped ${kind}: not a regular file`);
    return skipped('error', await unreadableMessage(absolutePath, error as NodeJS.ErrnoException));
  }
  return documentFromBytes(path, absolutePath, bytes);
}

/**
 * A document from bytes already read (a file, standard input, a git blob):
 * decoded, BOM removed, mojibake repaired (docs/rules.md#encodings). Binary
 * bytes give a skipped document with empty text.
 */
export function documentFromBytes(path: string, absolutePath: string, bytes: Uint8Array): LoadedDocument {
  let decoded: ReturnType<typeof decodeMarkdown>;
  try {
    decoded = decodeMarkdown(bytes);
  } catch (error) {
    // A text longer than the engine's longest string (about 512 M characters), with `maxFileSize` raised that far.
    if (!(error instanceof RangeError)) throw error;
    const message = `not read: ${megabytes(bytes.length)} is more text than Node can hold in one string; split the file, or add it to \`ignore\``;
    return { path, absolutePath, text: '', bom: false, skipped: true, repairs: [], diagnostics: [{ line: null, severity: 'error', message }] };
  }
  return {
    path,
    absolutePath,
    text: decoded.text,
    bom: decoded.bom,
    skipped: decoded.binary,
    repairs: decoded.repairs,
    diagnostics: decoded.diagnostics,
  };
}

/** A file not read on purpose: not a regular file, or over the size limit. */
class NotRegular extends Error {
  constructor(
    readonly severity: Diagnostic['severity'],
    message: string,
  ) {
    super(message);
  }
}

/**
 * The bytes of a regular file, read with synchronous calls: files are read
 * one at a time on the main thread, where a file in the page cache reads
 * several times faster so than through the thread pool, and the run is
 * bounded to one descriptor. Opened non-blocking, so a FIFO with no writer
 * cannot stall the run; `fstat` on the open descriptor decides.
 *
 * @throws NotRegular for a FIFO, socket, device or directory (a warning) or
 *   a file over `maxFileSize` (an error); the system's error when it cannot
 *   be opened or read.
 */
function readRegularFile(absolutePath: string, maxFileSize: number): Uint8Array {
  const fd = openSync(absolutePath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    const kind = specialKind(stats);
    if (kind) throw new NotRegular('warning', `skipped ${kind}: not a regular file`);
    if (stats.size > maxFileSize) throw new NotRegular('error', tooBig(stats.size, maxFileSize));
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What a file that is not a regular one is, for the message; null for a regular file (or no stats). */
function specialKind(stats: Stats | null): string | null {
  if (!stats || stats.isFile()) return null;
  if (stats.isFIFO()) return 'FIFO (named pipe)';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isDirectory()) return 'directory';
  return 'special file';
}

/** One line: why the file cannot be read and what to do about it. */
async function unreadableMessage(absolutePath: string, error: NodeJS.ErrnoException): Promise<string> {
  const code = error.code ?? 'error';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `cannot read file (${code}): permission denied; make it readable, or add it to the configuration's \`ignore\``;
    case 'ELOOP':
      return 'cannot read file (ELOOP): symbolic link loop; fix or remove the link';
    case 'ENOENT': {
      const link = await lstat(absolutePath).catch(() => null);
      if (link?.isSymbolicLink()) {
        const target = await readlink(absolutePath).catch(() => '?');
        return `cannot read file (ENOENT): broken symbolic link to \`${printablePath(target)}\`; fix or remove the link`;
      }
      // A name that is not UTF-8 reaches Node with U+FFFD in place of its bytes: no such path exists.
      if (path.basename(absolutePath).includes('\uFFFD')) return 'cannot read file: its name is not valid UTF-8 (shown with �); rename it to read it';
      return 'cannot read file (ENOENT): it no longer exists; it was removed while shipready ran';
    }
    default:
      return `cannot read file (${code}); check that it exists and is readable`;
  }
}
