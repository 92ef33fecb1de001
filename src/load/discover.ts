import * as fsCallbacks from 'node:fs';
import { lstat, stat } from 'node:fs/promises';
import path from 'node:path';
import { convertPathToPattern, globby, isDynamicPattern } from 'globby';
import { NoFilesMatchedError } from '../errors.js';

/** Options of {@link discoverFiles}. */
export interface DiscoverOptions {
  /** Working directory; relative paths and globs are resolved from it. */
  cwd: string;
  /** Extra ignore globs (the configuration's `ignore`, README.md#command-line), relative to `cwd`. */
  ignore?: readonly string[];
}

/** Markdown and MDX extensions searched in directories (README "Command line"); `.mdx` files are read as MDX. */
export const MARKDOWN_GLOB = '**/*.{md,markdown,MD,Markdown,mdx,MDX}';

const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Whether a file name has one of the markdown extensions {@link MARKDOWN_GLOB} searches for. */
export function isMarkdownPath(file: string): boolean {
  return /\.(md|markdown|mdx)$/i.test(file);
}

/** Whether a command-line path is a negation (`!README.md`), as globby and markdownlint-cli2 read it. */
export function isNegation(given: string): boolean {
  return given.startsWith('!') && given.length > 1;
}

/**
 * Resolves command-line paths to markdown files (README.md#command-line): a file is taken
 * as given; a directory is searched for `*.md`, `*.markdown` and `*.mdx`; anything else
 * is a glob, of which only markdown files are kept. A path starting with `!`
 * is a negation, as in globby and markdownlint-cli2: it leaves out what it
 * matches from the paths *before* it (`'**\/*.md' '!README.md'`); negations
 * alone apply to the current directory. `.gitignore` files and `ignore`
 * apply to directories and globs; `ignore`, negations and `node_modules`
 * also to files named outright, which are then skipped quietly — a
 * pre-commit hook passes every staged file, and an ignored one must pass,
 * not fail. No paths means `cwd`. Entries that are not regular files (FIFOs,
 * sockets, broken or looping symbolic links) are returned too, for `load` to
 * skip or report by name; directories named `*.md` are searched, never
 * returned.
 *
 * @returns absolute paths, sorted, without duplicates.
 * @throws NoFilesMatchedError naming the first path that does not exist or matched nothing.
 */
export async function discoverFiles(paths: readonly string[], options: DiscoverOptions): Promise<string[]> {
  return (await discover(paths, options)).files;
}

/** A directory that could not be searched, and why, in one line that says what to do. */
export interface UnreadableDirectory {
  absolutePath: string;
  message: string;
}

/**
 * {@link discoverFiles}, and the directories that could not be searched
 * (permission denied, removed meanwhile): those are left out and named, so
 * the run reports them and goes on (docs/rules.md#exit-codes).
 *
 * @throws NoFilesMatchedError as {@link discoverFiles} does.
 */
export async function discover(paths: readonly string[], options: DiscoverOptions): Promise<{ files: string[]; unreadable: UnreadableDirectory[] }> {
  const { cwd } = options;
  const base = [...ALWAYS_IGNORED, ...(options.ignore ?? [])];
  const given = paths.some((one) => !isNegation(one)) ? [...paths] : ['.', ...paths];
  const found = new Set<string>();
  given.forEach((one, index) => {
    if (isNegation(one)) return;
    const negations = given.slice(index + 1).filter(isNegation).map((negation) => negationGlob(negation.slice(1), cwd));
    found.add(JSON.stringify([one, [...base, ...negations]]));
  });
  const results = new Set<string>();
  const unreadable = new Map<string, UnreadableDirectory>();
  const fs = recordingFs(unreadable);
  for (const entry of found) {
    const [one, ignore] = JSON.parse(entry) as [string, string[]];
    const { files, ignored } = await resolveOne(one, cwd, ignore, fs);
    if (files.length === 0 && !ignored && unreadable.size === 0) throw new NoFilesMatchedError(one);
    for (const file of files) results.add(file);
  }
  const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { files: [...results].sort(byPath), unreadable: [...unreadable.values()].sort((a, b) => byPath(a.absolutePath, b.absolutePath)) };
}

/** A negation's glob as an ignore pattern relative to `cwd`: `./x.md` → `x.md`; a directory `docs/old` → `docs/old/**`. */
function negationGlob(glob: string, cwd: string): string {
  const pattern = glob.replace(/^\.\//, '').replace(/\/$/, '');
  if (isDynamicPattern(pattern)) return pattern;
  try {
    if (fsCallbacks.statSync(path.resolve(cwd, pattern)).isDirectory()) return `${pattern}/**`;
  } catch {
    // not there: a file name pattern
  }
  return pattern;
}

type Readdir = typeof fsCallbacks.readdir;

/**
 * The file system as fast-glob reads it, except that a directory it cannot
 * read is recorded in `unreadable` and read as empty, instead of failing the
 * whole search.
 */
function recordingFs(unreadable: Map<string, UnreadableDirectory>): { readdir: Readdir } {
  const readdir = ((dir: string, options: unknown, callback: (error: NodeJS.ErrnoException | null, entries?: unknown[]) => void) => {
    const done = typeof options === 'function' ? (options as typeof callback) : callback;
    const settings = typeof options === 'function' ? undefined : options;
    const after = (error: NodeJS.ErrnoException | null, entries?: unknown[]): void => {
      // A directory that does not exist (a glob's base, or one removed meanwhile) holds no file: nothing to report.
      if (error && error.code !== 'ENOENT' && !unreadable.has(dir)) unreadable.set(dir, { absolutePath: path.resolve(dir), message: directoryMessage(error) });
      done(null, error ? [] : entries);
    };
    if (settings === undefined) fsCallbacks.readdir(dir, after as never);
    else fsCallbacks.readdir(dir, settings as never, after as never);
  }) as unknown as Readdir;
  return { readdir };
}

/** One line: why a directory cannot be searched and what to do. */
function directoryMessage(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'error';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read directory (${code}): permission denied; make it readable, or add it to the configuration's \`ignore\``;
  return `cannot read directory (${code}); check that it exists and is readable, or add it to the configuration's \`ignore\``;
}

/**
 * What globby returns: every entry, not only regular files, so that a FIFO, a
 * socket or a broken or looping symbolic link named `*.md` reaches `load`,
 * which skips or reports it by name instead of dropping it unseen;
 * directories come back marked with a trailing `/` and are left out.
 * Symbolic links to directories are not followed (as git does not): a link
 * to `.` or `..` would otherwise be searched again and again, without end.
 * A directory that cannot be read is recorded by {@link recordingFs} and
 * passed over, so one locked directory does not stop a report (or `watch`).
 */
const ENTRIES = { onlyFiles: false, markDirectories: true, followSymbolicLinks: false, suppressErrors: true } as const;

async function resolveOne(given: string, cwd: string, ignore: string[], fs: object): Promise<{ files: string[]; ignored: boolean }> {
  const absolute = path.resolve(cwd, given);
  // A broken or looping symbolic link has no target to stat, but it is there: a file for load to report.
  const info = (await stat(absolute).catch(() => null)) ?? (await lstat(absolute).catch(() => null));
  if (info && !info.isDirectory()) {
    const relative = path.relative(cwd, absolute);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return { files: [absolute], ignored: false };
    // The ignore globs decide through globby itself, so files and globs follow one rule.
    const kept = await globby(convertPathToPattern(relative.split(path.sep).join('/')), { cwd, ignore, dot: true, ...ENTRIES });
    return { files: kept.length > 0 ? [absolute] : [], ignored: kept.length === 0 };
  }
  return { files: await resolveGlob(given, absolute, info?.isDirectory() === true, cwd, ignore, fs), ignored: false };
}

async function resolveGlob(given: string, absolute: string, isDirectory: boolean, cwd: string, ignore: string[], fs: object): Promise<string[]> {
  if (isDirectory) {
    // Search from the directory itself so that paths outside cwd (../docs) work with .gitignore.
    const entries = await globby(MARKDOWN_GLOB, {
      cwd: absolute, gitignore: true, ignore: relativeIgnores(ignore, cwd, absolute), dot: false, fs, ...ENTRIES,
    });
    return withoutDirectories(entries, absolute);
  }
  if (!isDynamicPattern(given)) return [];
  const pattern = path.isAbsolute(given) ? convertPathToPattern(given) : given.split(path.sep).join('/');
  // A glob reads only markdown: `*` must not read package.json as a checklist.
  return withoutDirectories(await globby(pattern, { cwd, gitignore: true, ignore, dot: false, fs, ...ENTRIES }), cwd).filter(isMarkdownPath);
}

/**
 * Entries found with {@link ENTRIES}, directories (`x.md/`) left out, made
 * absolute from `base`. Made absolute here, not by globby's `absolute`,
 * which turns a `\` in a file name into `/` and so names another file.
 */
function withoutDirectories(entries: readonly string[], base: string): string[] {
  return entries.filter((entry) => !entry.endsWith('/')).map((entry) => path.resolve(base, entry));
}

/** Re-roots ignore globs written relative to `cwd` so they apply when globbing from `dir`. */
function relativeIgnores(ignore: readonly string[], cwd: string, dir: string): string[] {
  const prefix = path.relative(cwd, dir).split(path.sep).join('/');
  return ignore.map((glob) => {
    if (glob.startsWith('**/') || prefix === '') return glob;
    if (prefix.startsWith('..')) return glob;
    return glob.startsWith(`${prefix}/`) ? glob.slice(prefix.length + 1) : glob;
  });
}

/** A path as reported: relative to `cwd`, `/` separators (docs/rules.md#exit-codes). */
export function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute) || path.basename(absolute);
  return relative.split(path.sep).join('/');
}

export { printablePath } from '../text/sanitize.js';
