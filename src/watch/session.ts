import { stat } from 'node:fs/promises';
import { analyzeFiles, byPath, engineOptions } from '../engine/engine.js';
import type { AnalyzeOptions, EngineOptions, FileAnalysis } from '../engine/types.js';
import { NoFilesMatchedError } from '../errors.js';
import { discoverFiles } from '../load/discover.js';
import type { FileReport, Report, Totals } from '../model.js';
import { assembleReport, fileReportOf, weighFile, type WeighedFile } from '../summarize/summarize.js';
import { VERSION } from '../version.js';

/**
 * What a {@link WatchSession} analyses and how: the engine's options. The
 * session keeps every analysis in memory, so it uses no cache on disk;
 * `signal` aborts a running update between files (Ctrl-C during the first
 * report of a large tree).
 */
export type WatchSessionOptions = Omit<AnalyzeOptions, 'cacheLocation' | 'keepDocuments'>;

/** What happened on disk since the last update, as the file watcher saw it. */
export interface SessionChanges {
  /** Absolute paths of files that were saved, created, deleted or renamed. */
  files: Iterable<string>;
  /** Discover the files again: one appeared or disappeared, or an ignore file changed. */
  rediscover: boolean;
}

/** One update: the new report and which files it read again. Paths are as reported (relative, `/`). */
export interface SessionUpdate {
  report: Report;
  /** Files that are new in the report. */
  added: string[];
  /** Files read again. */
  changed: string[];
  /** Files no longer in the report. */
  removed: string[];
  /** Paths given that match no markdown file at the moment (watched for, not fatal). */
  unmatched: NoFilesMatchedError[];
}

/** One file as the session keeps it. */
interface Entry {
  /** Relative path, `/` separators: the report's order and the claims' key. */
  path: string;
  weighed: WeighedFile;
  /** The file's part of the report; null until it is (re)built. */
  report: FileReport | null;
  /** The file on disk when it was read (see {@link signatureOf}); null when it could not be stat'ed. */
  signature: string | null;
  /** Its claims name other files, so its report depends on theirs (docs/rules.md "Claims"). */
  namesOtherFiles: boolean;
  /** The other files its claims were last checked against (relative paths). */
  checkedAgainst: string[];
}

/**
 * The report, kept up to date incrementally for `shipready watch`, from the
 * engine's steps (docs/architecture.md "Engine"): every file's analysis
 * ({@link analyzeFiles}) and weighing is kept in memory by absolute path; an
 * update analyses again only the files that changed, rebuilds only their
 * part of the report (and that of files whose claims name them), and counts
 * the report-wide totals again from memory. The result equals `analyze()`
 * on the same files.
 *
 * Which files belong to the report is decided by discovery itself
 * ({@link discoverFiles}: `.gitignore`, the configuration's `ignore`, only
 * markdown), run again when files appear or disappear.
 */
export class WatchSession {
  readonly #engine: EngineOptions;
  readonly #entries = new Map<string, Entry>();
  /** Absolute paths in report order (by relative path). */
  #order: string[] = [];
  /** Every file's totals by relative path, in report order: what claims naming other files are checked against. */
  #fileTotals = new Map<string, Totals>();
  #unmatched: NoFilesMatchedError[] = [];

  constructor(options: WatchSessionOptions) {
    this.#engine = engineOptions({ ...options, cacheLocation: null, keepDocuments: false });
  }

  /** The first report: discovers, reads and analyses every file. */
  start(): Promise<SessionUpdate> {
    return this.update({ files: [], rediscover: true });
  }

  /** Absolute paths of the files in the report, in report order. */
  get files(): readonly string[] {
    return this.#order;
  }

  /**
   * Applies changes and returns the new report. A file that cannot be read
   * stays in the report with its error diagnostic.
   *
   * @throws what discovery throws besides NoFilesMatchedError (which is
   *   reported in `unmatched`); the signal's reason when it aborts.
   */
  async update(changes: SessionChanges): Promise<SessionUpdate> {
    const present = changes.rediscover ? await this.#discover() : new Set(this.#entries.keys());
    const added = [...present].filter((file) => !this.#entries.has(file));
    const removed = [...this.#entries.keys()].filter((file) => !present.has(file));
    // A file is read again only when it changed on disk since it was read: watchers also report
    // the second half of a rename, and changes an update already read.
    const signatures = new Map(
      await Promise.all(
        [...new Set(changes.files)]
          .filter((file) => this.#entries.has(file) && present.has(file))
          .map(async (file) => [file, await signatureOf(file)] as const),
      ),
    );
    const reread = [...signatures].filter(([file, signature]) => signature === null || signature !== this.#entries.get(file)!.signature).map(([file]) => file);

    const removedPaths = removed.map((file) => this.#entries.get(file)!.path);
    for (const file of removed) this.#entries.delete(file);
    const read = [...added, ...reread];
    // Signatures are taken before the read, so a write during the read shows as a change later.
    for (const [file, signature] of await Promise.all(added.map(async (file) => [file, await signatureOf(file)] as const))) {
      signatures.set(file, signature);
    }
    // The engine's per-file step: inline it heeds the signal between files, so Ctrl-C and file
    // events are heard during the first report of a large tree.
    const { analyses } = await analyzeFiles(read, this.#engine);
    const loaded = read.map((file, i) => {
      const entry = this.#entryOf(analyses[i]!, signatures.get(file) ?? null);
      this.#entries.set(file, entry);
      return entry;
    });

    const setChanged = added.length > 0 || removed.length > 0;
    const report = this.#rebuild(new Set(loaded.map((entry) => entry.path)), setChanged);
    return {
      report,
      added: added.map((file) => this.#entries.get(file)!.path).sort(),
      changed: reread.map((file) => this.#entries.get(file)!.path).sort(),
      removed: removedPaths.sort(),
      unmatched: this.#unmatched,
    };
  }

  /**
   * True when the file on disk is no longer the one last read (or is not in
   * the report). chokidar drops a second change to a file within 50 ms of the
   * first, so the watcher asks this a moment after every change.
   */
  async changedSinceRead(file: string): Promise<boolean> {
    const entry = this.#entries.get(file);
    if (!entry) return false;
    return (await signatureOf(file)) !== entry.signature;
  }

  /** The discovered files; the paths that match nothing are kept in `#unmatched`. */
  async #discover(): Promise<Set<string>> {
    const { paths, cwd, ignore } = this.#engine;
    const found = new Set<string>();
    const unmatched: NoFilesMatchedError[] = [];
    // One path at a time, so that one that matches nothing (yet) does not hide the others.
    for (const target of paths.length > 0 ? paths : ['.']) {
      try {
        for (const file of await discoverFiles([target], { cwd, ignore })) found.add(file);
      } catch (error) {
        if (!(error instanceof NoFilesMatchedError)) throw error;
        unmatched.push(error);
      }
    }
    this.#unmatched = unmatched;
    return found;
  }

  /** One file's analysis weighed: the part of the summary that depends on that file alone. */
  #entryOf(analysis: FileAnalysis, signature: string | null): Entry {
    return {
      path: analysis.document.path,
      weighed: weighFile(analysis, this.#engine.report),
      report: null,
      signature,
      namesOtherFiles: analysis.document.claims.some((claim) => claim.otherFile !== null),
      checkedAgainst: [],
    };
  }

  /**
   * The report from memory. File reports are rebuilt for the files just
   * read, and for files whose claims name another file when the set of files
   * changed or a file their claims were checked against was read again.
   */
  #rebuild(readPaths: ReadonlySet<string>, setChanged: boolean): Report {
    if (setChanged) {
      this.#order = [...this.#entries.keys()].sort((a, b) => byPath(this.#entries.get(a)!.path, this.#entries.get(b)!.path));
      this.#fileTotals = new Map();
    }
    const entries = this.#order.map((file) => this.#entries.get(file)!);
    // Updating a key keeps its place, so the map stays in report order (claims take the first match).
    for (const entry of entries) if (setChanged || readPaths.has(entry.path)) this.#fileTotals.set(entry.path, entry.weighed.totals);
    for (const entry of entries) {
      const stale =
        entry.report === null ||
        (entry.namesOtherFiles && (setChanged || entry.checkedAgainst.some((other) => readPaths.has(other))));
      if (!stale) continue;
      const report = fileReportOf(entry.weighed, this.#fileTotals);
      entry.report = report;
      if (entry.namesOtherFiles) entry.checkedAgainst = report.claims.map((claim) => claim.scope.path).filter((other) => other !== report.path);
    }
    return assembleReport(
      entries.map((entry) => entry.weighed),
      entries.map((entry) => entry.report!),
      this.#engine.report,
      VERSION,
    );
  }
}

/** The identity of a file's contents as `stat` sees it (inode, size, mtime, ctime), or null when it cannot be stat'ed. */
async function signatureOf(file: string): Promise<string | null> {
  const info = await stat(file, { bigint: true }).catch(() => null);
  return info === null ? null : `${info.ino}:${info.size}:${info.mtimeNs}:${info.ctimeNs}`;
}
