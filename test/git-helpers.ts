import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A scratch git repository in a temporary folder, with commits at chosen dates. */
export class ScratchRepo {
  readonly dir: string;
  private day = 0;

  constructor(prefix = 'shipready-git-') {
    this.dir = mkdtempSync(path.join(tmpdir(), prefix));
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'test@example.com');
    this.git('config', 'user.name', 'Test');
    this.git('config', 'commit.gpgsign', 'false');
  }

  /** Runs git in the repository with fixed dates (the `day`-th day after 2026-01-01, UTC) and returns its stdout. */
  git(...args: string[]): string {
    const date = new Date(Date.UTC(2026, 0, 1) + this.day * 86_400_000).toISOString();
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, GIT_CONFIG_NOSYSTEM: '1', HOME: this.dir },
    });
  }

  write(file: string, text: string): this {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), text);
    return this;
  }

  /** Commits everything on day `day` (days after 2026-01-01) and returns the commit id. */
  commit(message: string, day: number): string {
    this.day = day;
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD').trim();
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
