import { spawnSync } from 'node:child_process';
import type { RunContext } from './context.js';

/**
 * The commit and time a one-off markdown report is stamped with
 * (docs/cli.md#layout, README.md#formats): the commit from `GITHUB_SHA` or
 * `CI_COMMIT_SHA` (first 7 characters), else `git rev-parse --short HEAD` in
 * the working directory, else none; the time from `SOURCE_DATE_EPOCH`
 * (reproducible builds) when set, else now, in UTC to the minute.
 */
export function reportStamp(ctx: RunContext): { commit?: string; generatedAt: string } {
  const fromEnv = ctx.env.GITHUB_SHA ?? ctx.env.CI_COMMIT_SHA;
  let commit = fromEnv?.slice(0, 7);
  if (commit === undefined) {
    const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ctx.cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 });
    if (git.status === 0 && /^[0-9a-f]{4,40}$/.test(git.stdout.trim())) commit = git.stdout.trim();
  }
  const epoch = Number(ctx.env.SOURCE_DATE_EPOCH);
  const date = ctx.env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  const generatedAt = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return commit === undefined ? { generatedAt } : { commit, generatedAt };
}
