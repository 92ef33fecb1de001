import { execFile } from 'node:child_process';
import path from 'node:path';
import type { RepositoryContext } from '../render/index.js';
import type { RunContext } from './context.js';
import { ciCheckout } from './settings.js';

/**
 * Where the run sits in its repository, for the CI formats
 * (README.md#ci): from the CI's variables first (`GITHUB_WORKSPACE`,
 * `GITHUB_SHA`, … or GitLab's), and, when `useGit` is set, from git for
 * what they leave open (the prefix of the working directory, `HEAD`, the
 * `origin` remote, the branch). Never fails: what cannot be found is left
 * out, and without a repository the result is undefined.
 */
export async function repositoryContext(ctx: RunContext, useGit: boolean): Promise<RepositoryContext | undefined> {
  const ci = ciCheckout(ctx.env);
  const found: RepositoryContext = {};
  if (ci.workspace !== undefined) {
    const relative = path.relative(path.resolve(ci.workspace), ctx.cwd);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) found.prefix = relative.split(path.sep).join('/');
  }
  if (ci.webUrl !== undefined) found.uri = ci.webUrl;
  if (ci.revision !== undefined) found.revision = ci.revision;
  if (ci.branch !== undefined) found.branch = ci.branch;
  if (useGit) {
    const prefix = found.prefix === undefined ? await git(ctx, ['rev-parse', '--show-prefix']) : undefined;
    if (prefix !== undefined) found.prefix = prefix.replace(/\/$/, '');
    if (found.revision === undefined) found.revision = await git(ctx, ['rev-parse', '--verify', '-q', 'HEAD']);
    if (found.uri === undefined) {
      const remote = await git(ctx, ['config', '--get', 'remote.origin.url']);
      if (remote !== undefined) found.uri = publicRemote(remote);
    }
    if (found.branch === undefined && ci.webUrl === undefined) found.branch = await git(ctx, ['symbolic-ref', '--short', '-q', 'HEAD']);
  }
  if (ci.webUrl !== undefined && ci.revision !== undefined) found.blobUrl = `${ci.webUrl}${ci.blobPath ?? '/blob/'}${ci.revision}/`;
  const known = Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined && value !== '')) as RepositoryContext;
  return Object.keys(known).length > 0 ? known : undefined;
}

/**
 * A remote URL fit to publish: credentials (`https://user:token@host/…`)
 * removed, and git's `user@host:path` form written as an `ssh://` URL.
 */
export function publicRemote(remote: string): string | undefined {
  const scp = /^[^/@:]+@([^/:]+):(?!\/)(.+)$/.exec(remote);
  if (scp) return `ssh://${scp[1]}/${scp[2]}`;
  try {
    const url = new URL(remote);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** One line of git's output, or undefined when git is missing, fails or prints nothing. */
function git(ctx: RunContext, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd: ctx.cwd, env: { ...ctx.env, GIT_TERMINAL_PROMPT: '0' }, timeout: 10_000 }, (error, stdout) => {
      const line = String(stdout).trim();
      resolve(error || line === '' ? undefined : line);
    });
  });
}
