/**
 * Git access for `diff`, `check --since` and `history` (README.md#diff):
 * file versions are read straight from git objects (`git ls-tree`, `git
 * cat-file --batch`), never by checking a revision out. Every git failure the
 * user can fix becomes a {@link GitError}: one line that says what to do.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { execa } from 'execa';
import picomatch from 'picomatch';
import { ShipreadyError } from '../errors.js';

/** A git problem the user can fix (not a repository, a shallow clone, an unknown revision); exit 2. */
export class GitError extends ShipreadyError {}

/** What to tell a user whose clone lacks history (CI checkouts fetch one commit by default). */
export const FETCH_MORE = 'fetch the full history (actions/checkout with `fetch-depth: 0`, or `git fetch --unshallow`)';

/** One markdown file of a revision: its path relative to the repository's top, and its blob id. */
export interface TreeFile {
  path: string;
  blob: string;
}

/** One commit of {@link GitRepository.log}, oldest first, with the files it changed among those asked for. */
export interface LoggedCommit {
  commit: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  date: string;
  /** Committer date, seconds since the epoch. */
  time: number;
  subject: string;
  /** The files it changed against its first parent: blob `null` when deleted. */
  changes: Array<{ path: string; blob: string | null }>;
}

/** Markdown and MDX extensions, as discovery takes them (README.md#command-line). */
const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const NULL_BLOB = /^0+$/;

/** True for a repository path that a report reads: a markdown file outside `node_modules`. */
export function isMarkdownPath(file: string): boolean {
  return MARKDOWN.test(file) && !file.split('/').includes('node_modules');
}

/** A git repository opened at a working directory; paths given to it are pathspecs relative to that directory. */
export class GitRepository {
  private constructor(
    /** The directory commands run in (the CLI's working directory). */
    readonly cwd: string,
    /** The repository's top-level directory. */
    readonly root: string,
    /** The clone is shallow (history cut off). */
    readonly shallow: boolean,
  ) {}

  /**
   * Opens the repository that holds `cwd`.
   *
   * @throws GitError when git is not installed or `cwd` is not inside a work tree.
   */
  static async open(cwd: string): Promise<GitRepository> {
    let out: string;
    try {
      out = (await execa('git', ['rev-parse', '--show-toplevel', '--is-shallow-repository'], { cwd })).stdout;
    } catch (error) {
      const err = error as { code?: string; stderr?: string };
      if (err.code === 'ENOENT') throw new GitError('git was not found on PATH; install git to compare revisions');
      throw new GitError(`\`${cwd}\` is not inside a git repository; run diff and history in a clone (${firstLine(err.stderr)})`);
    }
    const [root = cwd, shallow] = out.split('\n');
    // git names the top by its real path; relative paths only agree when the working directory is real too.
    return new GitRepository(await realpath(cwd), root, shallow === 'true');
  }

  /** Runs git in the working directory and returns its stdout. */
  async git(args: readonly string[]): Promise<string> {
    return (await execa('git', args, { cwd: this.cwd, stripFinalNewline: false, maxBuffer: 1 << 30 })).stdout;
  }

  /**
   * The commit a revision names (a branch, tag, `HEAD~3`, a hash).
   *
   * @throws GitError naming the revision and what to do: fetch more history in a shallow clone, else name another.
   */
  async resolve(ref: string): Promise<string> {
    if (ref.startsWith('-')) throw new GitError(`\`${ref}\` is not a revision; name a branch, tag or commit`);
    try {
      return (await this.git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim();
    } catch {
      if (this.shallow) throw new GitError(`\`${ref}\` is not in this shallow clone; ${FETCH_MORE}`);
      throw new GitError(`\`${ref}\` is not a commit of this repository; name a branch, tag or commit (\`git fetch\` it first if it is on the remote)`);
    }
  }

  /**
   * The default base of `diff`: the merge base of `HEAD` with the remote's
   * default branch (`origin/HEAD`), never `HEAD` itself.
   *
   * @throws GitError when there is no such remote branch or no merge base (a shallow clone): name REF or fetch more history.
   */
  async defaultBase(): Promise<{ ref: string; commit: string }> {
    if (this.shallow) throw new GitError(`no base to compare with in a shallow clone; name REF, or ${FETCH_MORE}`);
    let remoteHead: string;
    try {
      remoteHead = (await this.git(['rev-parse', '--abbrev-ref', 'origin/HEAD'])).trim();
    } catch {
      throw new GitError('no base to compare with: the remote\'s default branch (origin/HEAD) is unknown; name REF (`shipready diff main`), or run `git remote set-head origin --auto`');
    }
    try {
      const commit = (await this.git(['merge-base', 'HEAD', remoteHead])).trim();
      return { ref: `merge-base(HEAD, ${remoteHead})`, commit };
    } catch {
      throw new GitError(`no merge base of HEAD and ${remoteHead}${this.shallow ? ' in this shallow clone' : ''}; name REF, or ${FETCH_MORE}`);
    }
  }

  /** The markdown files of a revision under `pathspecs` (relative to the working directory), with their blob ids. */
  async tree(commit: string, pathspecs: readonly string[]): Promise<TreeFile[]> {
    const out = await this.git(['ls-tree', '-r', '-z', '--full-tree', commit]);
    const matches = this.matcher(pathspecs);
    const files: TreeFile[] = [];
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t');
      if (tab < 0) continue;
      const [, type, blob] = entry.slice(0, tab).split(' ');
      const file = entry.slice(tab + 1);
      if (type === 'blob' && blob !== undefined && isMarkdownPath(file) && matches(file)) files.push({ path: file, blob });
    }
    return files;
  }

  /**
   * Files renamed between `from` and `to` (a commit, or `null` for the
   * working tree), as git's rename detection finds them: new path → old path,
   * both relative to the repository's top.
   */
  async renames(from: string, to: string | null, pathspecs: readonly string[]): Promise<Map<string, string>> {
    const out = await this.git(['diff', '--find-renames', '--name-status', '-z', from, ...(to === null ? [] : [to]), '--', ...this.specs(pathspecs)]);
    const fields = out.split('\0');
    const renames = new Map<string, string>();
    for (let i = 0; i < fields.length; ) {
      const status = fields[i] ?? '';
      if (status.startsWith('R') || status.startsWith('C')) {
        if (status.startsWith('R')) renames.set(fields[i + 2]!, fields[i + 1]!);
        i += 3;
      } else i += status === '' ? 1 : 2;
    }
    return renames;
  }

  /**
   * The commits on the first-parent line of `HEAD` that changed a markdown
   * file under `pathspecs`, oldest first, each with those changes.
   *
   * @param since as `git log --since` takes it (`8w`, `2024-01-01`), or undefined.
   * @param maxCount the newest N commits, or undefined.
   * @throws GitError for a shallow clone (its history is cut off): fetch more.
   */
  async log(pathspecs: readonly string[], since?: string, maxCount?: number): Promise<LoggedCommit[]> {
    if (this.shallow) throw new GitError(`history needs the whole history, and this clone is shallow; ${FETCH_MORE}`);
    const args = ['log', '--first-parent', '--raw', '--no-abbrev', '--no-renames', '-z', '--format=%x01%H %ct %cI %s'];
    if (since !== undefined) args.push(`--since=${since}`);
    let out: string;
    try {
      out = await this.git([...args, 'HEAD', '--', ...this.specs(pathspecs)]);
    } catch (error) {
      throw new GitError(`cannot read the history (${firstLine((error as { stderr?: string }).stderr)}); check --since and that HEAD has a commit`);
    }
    const commits: LoggedCommit[] = [];
    for (const record of out.split('\x01')) {
      if (record === '') continue;
      const end = record.indexOf('\0');
      const header = end < 0 ? record : record.slice(0, end);
      const [commit = '', time = '0', date = '', ...subject] = header.replace(/\n$/, '').split(' ');
      const changes: LoggedCommit['changes'] = [];
      const fields = end < 0 ? [] : record.slice(end + 1).split('\0');
      for (let i = 0; i + 1 < fields.length; i += 2) {
        const meta = fields[i]!.trim().split(' ');
        const file = fields[i + 1]!;
        const blob = meta[3] ?? '';
        if (isMarkdownPath(file)) changes.push({ path: file, blob: NULL_BLOB.test(blob) || meta[4] === 'D' ? null : blob });
      }
      if (changes.length > 0) commits.push({ commit, time: Number(time), date, subject: subject.join(' '), changes });
    }
    const newest = maxCount === undefined ? commits : commits.slice(0, maxCount);
    return newest.reverse();
  }

  /**
   * The contents of blobs, read in one `git cat-file --batch` run.
   *
   * @returns blob id → bytes; an id git does not know is left out.
   */
  async readBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const blobs = new Map<string, Uint8Array>();
    if (ids.length === 0) return blobs;
    const result = await execa('git', ['cat-file', '--batch'], {
      cwd: this.root,
      input: `${ids.join('\n')}\n`,
      encoding: 'buffer',
      maxBuffer: 1 << 30,
      stripFinalNewline: false,
    });
    const out = Buffer.from(result.stdout);
    let at = 0;
    while (at < out.length) {
      const eol = out.indexOf(0x0a, at);
      if (eol < 0) break;
      const [id = '', type, size] = out.subarray(at, eol).toString('latin1').split(' ');
      at = eol + 1;
      if (type === 'missing' || size === undefined) continue;
      const length = Number(size);
      blobs.set(id, out.subarray(at, at + length));
      at += length + 1;
    }
    return blobs;
  }

  /** A repository path as the report names it: relative to the working directory, `/` separators. */
  displayPath(file: string): string {
    return path.relative(this.cwd, path.join(this.root, file)).split(path.sep).join('/');
  }

  /**
   * True for a repository path under one of `paths` (relative to the working
   * directory: files, directories or globs; none means the working directory).
   */
  matcher(paths: readonly string[]): (file: string) => boolean {
    const tests = this.topPaths(paths).map(({ spec, glob }) => {
      if (glob) return picomatch(spec, { dot: true });
      return (file: string) => spec === '' || file === spec || file.startsWith(`${spec}/`);
    });
    return (file) => tests.some((test) => test(file));
  }

  /** Pathspecs for git, relative to the repository's top (`:(top)` magic), so they mean what the command line meant. */
  private specs(paths: readonly string[]): string[] {
    return this.topPaths(paths).map(({ spec, glob }) => `:(top${glob ? ',glob' : ''})${spec}`);
  }

  private topPaths(paths: readonly string[]): Array<{ spec: string; glob: boolean }> {
    return (paths.length > 0 ? paths : ['.']).map((given) => {
      const spec = path.relative(this.root, path.resolve(this.cwd, given)).split(path.sep).join('/');
      return { spec, glob: /[*?[\]{}]/.test(given) };
    });
  }
}

function firstLine(text: string | undefined): string {
  return (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim() ?? 'git failed';
}
