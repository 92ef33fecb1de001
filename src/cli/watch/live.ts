import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Chalk } from 'chalk';
import type { FSWatcher } from 'chokidar';
import { isDynamicPattern } from 'globby';
import type { RunContext } from '../context.js';
import { diagnosticShown, formatDiagnostic } from '../../render/diagnostics.js';
import { analysisOptions, type Settings, terminalWidth } from '../settings.js';
import { ShipreadyError } from '../../errors.js';
import { gateOutcome } from '../../gate/evaluate.js';
import { loadRenderer, outputText } from '../../render/index.js';
import { sanitizeText } from '../../text/sanitize.js';
import { truncate } from '../../render/text.js';
import type { Breakdown } from '../../render/types.js';
import { type StatusInput, statusLine, type WatchCounts, watchCounts } from '../../watch/delta.js';
import { createNdjsonSerializer } from '../../watch/ndjson.js';
import { LiveScreen } from './screen.js';
import { type SessionChanges, type SessionUpdate, WatchSession } from '../../watch/session.js';

/**
 * Quiet time after the last file event of a burst before the report is
 * updated (ms): the events of one save, or of several files saved at once,
 * make one update. chokidar already drops a file's changes within 50 ms of
 * the one it reports (RECHECK_MS covers those), so this only needs to let
 * the writer finish; every millisecond of it is added to the time from a
 * save to the report (`npm run bench:watch`: 20 ms here put the median on
 * 1,000 files at 100 ms on the busy development machine).
 */
const DEBOUNCE_MS = 10;

/**
 * How long after a change event a file is looked at again (ms): chokidar
 * drops a second change to a file within 50 ms of the first, so a save that
 * lands then would otherwise never reach the report.
 */
const RECHECK_MS = 75;

/** How many problem lines (unreadable files, skipped files, paths that match nothing) the table shows. */
const PROBLEM_LIMIT = 5;

/** What `shipready watch` (or `report --watch`) shows and how. */
export interface LiveOptions {
  /** Paths from the command line; empty means the configuration's `include`, else the working directory. */
  paths: readonly string[];
  /** `table`: the terminal report, redrawn; `json`: one JSON report per line (NDJSON). */
  format: 'table' | 'json';
  settings: Settings;
  /** Progress rows of the table (`--by`). */
  by?: Breakdown;
  /** `--quiet`: no status lines on stderr in JSON mode. */
  quiet: boolean;
}

/**
 * The live report (README.md#command-line `watch`): renders the report, then
 * again whenever a markdown file under the watched paths is saved, created,
 * deleted or renamed — files that appear later included — until
 * `ctx.signal` aborts (Ctrl-C). Only the files that changed are read again
 * ({@link WatchSession}). The first report is written once the file watcher
 * is live, so an edit made after it is never missed.
 *
 * Table: a status line saying what changed and when, the report, and the
 * files that could not be read; redrawn in place on a terminal, appended
 * elsewhere. JSON: one report per line on stdout (NDJSON, each line the
 * report schema), the status line on stderr.
 *
 * Never throws for a file or a path: an unreadable file is a diagnostic in
 * the report, a path that matches nothing is watched for.
 */
export async function watchReport(ctx: RunContext, options: LiveOptions): Promise<void> {
  const { settings } = options;
  const engine = analysisOptions(ctx, settings, options.paths);
  const { paths } = engine;
  const session = new WatchSession({ ...engine, signal: ctx.signal });
  const show = options.format === 'json' ? jsonView(ctx, options) : await tableView(ctx, options);

  // chokidar loads only when watch runs, not on every shipready start.
  const { watch } = await import('chokidar');
  const roots = await watchRoots(paths, ctx.cwd);
  // Handlers are attached before the first scan: a link loop or an unreadable directory met while
  // scanning is an 'error' event, which would end the process if nobody listened. Each distinct
  // message is said once. Events wait in `early` until the first update is queued.
  const said = new Set<string>();
  let updates: UpdateQueue | null = null;
  const watchers: FSWatcher[] = [];
  const startWatcher = (targets: string[]): FSWatcher => {
    const watcher = watch(targets, {
      ignoreInitial: true,
      // As discovery: links to directories are not followed (a link to `.` would be watched without end).
      followSymlinks: false,
      ignored: (file, stats) =>
        /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/.test(file) ||
        (stats?.isFile() === true && !isMarkdown(file) && path.basename(file) !== '.gitignore'),
    });
    watcher.on('error', (error) => {
      const message = (error as Error)?.message ?? String(error);
      if (said.has(message)) return;
      said.add(message);
      ctx.stderr.write(`shipready: file watcher: ${sanitizeText(message)} (still watching)\n`);
    });
    watcher.on('all', (event, file) => {
      if (event === 'unlinkDir' && roots.includes(file)) revival.gone.add(file);
      if (updates === null) return;
      if (event === 'unlinkDir' || path.basename(file) === '.gitignore') updates.add(null, true);
      else if (!isMarkdown(file)) return;
      else if (event === 'change') updates.add(file, false);
      else if (event === 'add' || event === 'unlink') updates.add(file, true);
    });
    watchers.push(watcher);
    return watcher;
  };
  const closeWatchers = (): Promise<unknown> => Promise.all(watchers.map((w) => w.close()));
  const ready = (watcher: FSWatcher): Promise<void> => new Promise((resolve) => watcher.once('ready', () => resolve()));
  // A watched directory that is deleted is no longer followed by its watcher: once it exists again,
  // a watcher of its own follows it, and the files are discovered again when that watcher is live.
  const revival = new Revival(roots, async (root) => {
    await ready(startWatcher([root]));
    // Files seen while the new watcher was starting are looked at again (only those changed on disk are read).
    for (const file of session.files) if (file.startsWith(`${root}${path.sep}`)) updates?.add(file, false);
    updates?.add(null, true);
  });

  const stopped = new Promise<void>((resolve) => {
    if (ctx.signal?.aborted) resolve();
    ctx.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  await Promise.race([Promise.all([ready(startWatcher(roots)), revival.start()]), stopped]);
  if (ctx.signal?.aborted) {
    await closeWatchers();
    show.close();
    return;
  }

  let previous: WatchCounts | null = null;
  let unmatched = '';
  const apply = async (changes: SessionChanges): Promise<void> => {
    try {
      const update = await session.update(changes);
      // Events that touched no file of the report (an ignored file, the second half of a rename) are not an update.
      const nowUnmatched = update.unmatched.map((error) => error.pattern).join('\n');
      const touched = update.added.length + update.changed.length + update.removed.length > 0;
      if (previous !== null && !touched && nowUnmatched === unmatched) return;
      unmatched = nowUnmatched;
      const next = watchCounts(update.report);
      show.update(update, { previous, next, files: update, fileCount: update.report.files.length, time: new Date() });
      previous = next;
    } catch (error) {
      if (ctx.signal?.aborted) return;
      const message = error instanceof ShipreadyError ? error.message : ((error as Error)?.stack ?? String(error));
      ctx.stderr.write(`shipready: ${message} (still watching)\n`);
    }
  };
  const queue = new UpdateQueue(apply, (file) => session.changedSinceRead(file));
  updates = queue;
  queue.start({ files: [], rediscover: true });
  // The interval also keeps the process alive while every watched directory is gone.
  const timer = setInterval(() => revival.check(), REVIVE_MS);

  await stopped;
  clearInterval(timer);
  await queue.close();
  await closeWatchers();
  show.close();
}

/** Shows each update and gives the terminal back at the end. */
interface View {
  update(update: SessionUpdate, status: StatusInput): void;
  close(): void;
}

/** `--format json`: NDJSON on stdout; the status line, uncoloured, on stderr (unless `--quiet`). */
function jsonView(ctx: RunContext, options: LiveOptions): View {
  const serialize = createNdjsonSerializer();
  let unmatched = '';
  return {
    update(update, status) {
      ctx.stdout.cork?.();
      for (const chunk of serialize(update.report)) ctx.stdout.write(chunk);
      ctx.stdout.uncork?.();
      const notes = update.unmatched.map((error) => `shipready: ${error.message} (still watching)\n`).join('');
      // A path that matches nothing is said once, and again only when that changes.
      if (notes !== unmatched) ctx.stderr.write(notes);
      unmatched = notes;
      if (options.quiet) return;
      ctx.stderr.write(`${statusLine(status, { color: false, unicode: options.settings.render.unicode, width: Infinity })}\n`);
    },
    close() {},
  };
}

/** `--format table`: status line, report and problems on a {@link LiveScreen}; redrawn when the terminal is resized. */
async function tableView(ctx: RunContext, options: LiveOptions): Promise<View> {
  const renderTable = await loadRenderer('table');
  const screen = new LiveScreen(ctx.stdout);
  const { color, unicode } = options.settings.render;
  const c = new Chalk({ level: color ? 1 : 0 });
  let last: { update: SessionUpdate; status: StatusInput } | null = null;

  const draw = (): void => {
    if (last === null) return;
    const { update, status } = last;
    const width = terminalWidth(ctx);
    const context = { report: update.report, ...gateOutcome(update.report), options: { ...options.settings.render, width, by: options.by } };
    const report = outputText(renderTable(context)).trimEnd();
    const problems = problemLines(update, width, c);
    // Problems come first: a file that just became unreadable must not be cut off below a long report.
    const lines = [statusLine(status, { color, unicode, width }), '', ...(problems.length > 0 ? [...problems, ''] : []), ...report.split('\n')];
    screen.show(lines, (hidden) => c.dim(truncate(`… ${hidden} more lines: a taller terminal, or shipready report, shows them`, width)));
  };
  const onResize = (): void => draw();
  if (screen.redraws) ctx.stdout.on?.('resize', onResize);
  return {
    update(update, status) {
      last = { update, status };
      draw();
    },
    close() {
      ctx.stdout.off?.('resize', onResize);
      screen.close();
    },
  };
}

/**
 * Files the table cannot show as numbers: error and warning diagnostics
 * (unreadable, binary, invalid UTF-8 …) and paths that match nothing yet,
 * one line each, cut to `width`.
 */
function problemLines(update: SessionUpdate, width: number, c: InstanceType<typeof Chalk>): string[] {
  const problems = [
    ...update.unmatched.map((error) => `${sanitizeText(error.pattern)}: no markdown file matches yet (watching for it)`),
    ...update.report.files.flatMap((file) =>
      file.diagnostics.filter((d) => diagnosticShown(d.severity, 'normal')).map((d) => formatDiagnostic(file.path, d))),
  ];
  if (problems.length === 0) return [];
  const shown = problems.slice(0, PROBLEM_LIMIT).map((line) => `  ${truncate(line, width - 2)}`);
  if (problems.length > shown.length) shown.push(c.dim(`  … and ${problems.length - shown.length} more: shipready report lists them`));
  return [c.bold.yellow(`Problems (${problems.length})`), ...shown];
}

/**
 * Runs one update at a time: events are collected, and DEBOUNCE_MS after
 * the last one of a burst they go to `apply` together; events that arrive
 * during an update wait for it. A file read because of an event is looked at
 * again RECHECK_MS after its last event (`changedSinceRead`), because
 * chokidar drops changes that follow the first one too closely.
 */
class UpdateQueue {
  readonly #apply: (changes: SessionChanges) => Promise<void>;
  readonly #changedSinceRead: (file: string) => Promise<boolean>;
  #files = new Set<string>();
  #rediscover = false;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | null = null;
  /** Files in the running update. */
  #inFlight = new Set<string>();
  /** When each file last had an event (ms, `performance.now()`). */
  readonly #lastChange = new Map<string, number>();
  readonly #rechecks = new Set<NodeJS.Timeout>();
  #closed = false;

  constructor(apply: (changes: SessionChanges) => Promise<void>, changedSinceRead: (file: string) => Promise<boolean>) {
    this.#apply = apply;
    this.#changedSinceRead = changedSinceRead;
  }

  /** Runs the first update now; events wait for it. */
  start(changes: SessionChanges): void {
    this.#run(changes);
  }

  /** Records an event: a file saved, created or deleted (null for none), and whether to discover files again. */
  add(file: string | null, rediscover: boolean): void {
    if (this.#closed) return;
    if (file !== null) {
      this.#files.add(file);
      this.#lastChange.set(file, performance.now());
    }
    this.#rediscover ||= rediscover;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, DEBOUNCE_MS);
  }

  /** Waits for the running update and stops. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const timer of this.#rechecks) clearTimeout(timer);
    await this.#running;
  }

  #flush(): void {
    // The running update flushes again when it ends.
    if (this.#running !== null || this.#closed || (this.#files.size === 0 && !this.#rediscover)) return;
    const changes = { files: this.#files, rediscover: this.#rediscover };
    this.#files = new Set();
    this.#rediscover = false;
    this.#run(changes);
  }

  #run(changes: SessionChanges): void {
    const files = new Set(changes.files);
    this.#inFlight = files;
    this.#running = this.#apply(changes).finally(() => {
      this.#running = null;
      this.#inFlight = new Set();
      for (const file of files) this.#scheduleRecheck(file);
      if (this.#timer === undefined) this.#flush();
    });
  }

  #scheduleRecheck(file: string): void {
    const last = this.#lastChange.get(file);
    if (last === undefined || this.#closed) return;
    const timer = setTimeout(() => {
      this.#rechecks.delete(timer);
      // A file waiting for an update or in one is read anyway, and looked at again after.
      if (this.#files.has(file) || this.#inFlight.has(file) || this.#closed) return;
      this.#lastChange.delete(file);
      void this.#changedSinceRead(file).then((changed) => {
        if (changed) this.add(file, false);
      });
    }, Math.max(0, last + RECHECK_MS - performance.now()));
    this.#rechecks.add(timer);
  }
}

/** How often a watched directory that was deleted is looked for again (ms). */
const REVIVE_MS = 500;

/**
 * Watched directories that were deleted, or deleted and created again (a
 * new inode), and `revive` called for each once it exists again: seen gone
 * by the watcher (`gone`) or by {@link Revival.check}.
 */
class Revival {
  /** Roots seen deleted and not yet back. */
  readonly gone = new Set<string>();
  /** Each root's identity when last seen (inode and birth time: an inode number is soon reused), or null. */
  readonly #inodes = new Map<string, string | null>();

  constructor(
    private readonly roots: readonly string[],
    private readonly revive: (root: string) => Promise<void>,
  ) {}

  /** Records each root's inode as it is now, reviving nothing. */
  async start(): Promise<void> {
    for (const root of this.roots) {
      const info = await stat(root).catch(() => null);
      this.#inodes.set(root, info ? identity(info) : null);
    }
  }

  /** Looks at every root once. */
  check(): void {
    for (const root of this.roots) {
      void stat(root).then(
        (info) => {
          if (!info.isDirectory()) return;
          const known = this.#inodes.get(root);
          this.#inodes.set(root, identity(info));
          if (this.gone.delete(root) || (known != null && known !== identity(info))) void this.revive(root);
        },
        () => {
          this.gone.add(root);
        },
      );
    }
  }
}

function identity(info: Stats): string {
  return `${info.dev}:${info.ino}:${info.birthtimeMs}`;
}

/** Markdown by extension, as discovery searches directories (README.md#command-line); discovery has the last word. */
function isMarkdown(file: string): boolean {
  return /\.(?:md|markdown|mdx)$/i.test(file);
}

/**
 * What to hand the watcher: files and directories as given; for a glob, the
 * directory before its first magic segment. A path that does not exist yet
 * is watched through its nearest existing directory, so that its creation is
 * seen (and because chokidar reports ready before it watches a missing path).
 */
async function watchRoots(targets: readonly string[], cwd: string): Promise<string[]> {
  const roots = (targets.length > 0 ? targets : ['.']).map((target) => {
    if (!isDynamicPattern(target)) return path.resolve(cwd, target);
    const segments = target.split('/');
    const staticPart = segments.slice(0, segments.findIndex((segment) => isDynamicPattern(segment)));
    return path.resolve(cwd, staticPart.join('/') || '.');
  });
  return Promise.all(
    roots.map(async (root) => {
      let existing = root;
      while ((await stat(existing).catch(() => null)) === null && path.dirname(existing) !== existing) existing = path.dirname(existing);
      return existing;
    }),
  );
}
