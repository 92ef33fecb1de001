import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import path from 'node:path';
import { type FileDescriptor, FileEntryCache } from 'file-entry-cache';
import { FlatCache } from 'flat-cache';
import type { FileAnalysis, FileAnalysisOptions } from '../engine/types.js';
import { VERSION } from '../version.js';

/** What is stored per file: the analysis and the path it was reported under. */
interface CachedEntry {
  path: string;
  analysis: FileAnalysis;
}

/**
 * Per-file analyses kept between runs (`--cache`), keyed by each file's
 * content hash (file-entry-cache, the library ESLint and stylelint use, with
 * checksums rather than modification times). One cache file per tool version
 * and effective analysis settings, so a new version or another
 * `hoursPerDay`/vocabulary/remark plugins never reads stale results.
 */
export class AnalysisCache {
  private readonly store: FileEntryCache;
  /** Descriptors looked up by `get`, so `set` does not read and hash the file a second time. */
  private readonly descriptors = new Map<string, FileDescriptor>();
  /** Something was stored since loading: only then is the cache written back. */
  private dirty = false;

  /**
   * @param location the cache directory (created on save), absolute or relative to `cwd`.
   * @param options the settings the analyses depend on; part of the cache's identity.
   */
  constructor(location: string, cwd: string, options: FileAnalysisOptions) {
    const identity = createHash('sha256').update(JSON.stringify([VERSION, ANALYSIS_FORMAT, cacheIdentity(options)])).digest('hex');
    // file-entry-cache's create() would read the cache with flat-cache's default parser (flatted, for
    // cyclic data), ten times slower than plain JSON on a 30 MB cache; analyses have no cycles.
    const store = new FileEntryCache({ useCheckSum: true, useModifiedTime: false, cwd, useAbsolutePathAsKey: true });
    const flat = new FlatCache({
      cacheId: `shipready-${VERSION}-${identity.slice(0, 16)}`,
      cacheDir: path.resolve(cwd, location),
      serialize: JSON.stringify,
      deserialize: JSON.parse,
      useClone: false, // entries are read once per run; cloning them cost more than the parse
    });
    flat.load(); // a missing or unreadable cache starts empty
    store.cache = flat;
    this.store = store;
  }

  /** The stored analysis of `absolutePath` when its content is unchanged and it was reported under `displayPath`; else undefined. */
  get(absolutePath: string, displayPath: string): FileAnalysis | undefined {
    // file-entry-cache reads the file to checksum it: a FIFO would block and /dev/zero never end.
    if (!isRegularFile(absolutePath)) return undefined;
    const descriptor = this.store.getFileDescriptor(absolutePath);
    this.descriptors.set(absolutePath, descriptor);
    if (descriptor.changed || descriptor.notFound) return undefined;
    const entry = descriptor.meta.data as CachedEntry | undefined;
    return entry?.path === displayPath ? entry.analysis : undefined;
  }

  /** Records `analysis` for the file's current content. Unreadable files and anything but regular files are not stored. */
  set(absolutePath: string, analysis: FileAnalysis): void {
    if (analysis.diagnostics.some((d) => d.severity === 'error') || !isRegularFile(absolutePath)) return;
    const descriptor = this.descriptors.get(absolutePath) ?? this.store.getFileDescriptor(absolutePath);
    if (descriptor.notFound) return;
    descriptor.meta.data = { path: analysis.document.path, analysis } satisfies CachedEntry;
    this.dirty = true;
  }

  /**
   * Writes the cache to disk when anything was stored. Never throws: a cache that cannot be written
   * (read-only checkout) only costs the next run its speed-up.
   * @returns an error message when the write failed, else null.
   */
  save(): string | null {
    if (!this.dirty) return null;
    try {
      this.store.reconcile();
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  }
}

/** The analysis settings that change results: all of them but `chunking`, which only changes how the parser works. */
/** The shape of a cached analysis; raised when it changes within a version, so no run misreads an older cache. */
const ANALYSIS_FORMAT = 3;

function cacheIdentity(options: FileAnalysisOptions): Omit<FileAnalysisOptions, 'chunking'> {
  const { chunking: _sameResults, ...identity } = options;
  return identity;
}

/** A regular file (links followed); false for FIFOs, devices, directories, link loops and paths that vanished. */
function isRegularFile(absolutePath: string): boolean {
  try {
    return statSync(absolutePath, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false; // a link loop (ELOOP), a permission error: the loader reports it
  }
}
