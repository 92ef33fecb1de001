/**
 * shipready as a pre-commit hook (issue 4): the `.pre-commit-hooks.yaml`
 * manifest the pre-commit framework reads, its `entry` run the way the
 * framework runs it (entry, then the staged file names), and a real git
 * repository whose pre-commit hook refuses a commit with an open critical
 * item and accepts a clean one.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface ManifestHook {
  id: string;
  name: string;
  entry: string;
  language: string;
  types?: string[];
  [key: string]: unknown;
}

const manifest = parseYaml(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as ManifestHook[];
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

/** The keys pre-commit's manifest schema knows (pre_commit/clientlib.py, MANIFEST_HOOK_DICT). */
const MANIFEST_KEYS = new Set([
  'id', 'name', 'entry', 'language', 'alias', 'files', 'exclude', 'types', 'types_or', 'exclude_types',
  'additional_dependencies', 'args', 'always_run', 'fail_fast', 'pass_filenames', 'description',
  'language_version', 'log_file', 'minimum_pre_commit_version', 'require_serial', 'stages', 'verbose',
]);

const has = (command: string): boolean => spawnSync(command, ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs a hook's entry as pre-commit does — `entry args… file…` — with the package's bin resolved to this checkout. */
function runEntry(hook: ManifestHook, files: string[], cwd: string) {
  const [bin, ...args] = hook.entry.split(/\s+/);
  expect(pkg.bin[bin!]).toBeDefined();
  const result = spawnSync(process.execPath, [path.join(ROOT, pkg.bin[bin!]!), ...args, ...files], {
    cwd,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-hook-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('.pre-commit-hooks.yaml', () => {
  it('is a YAML list of hooks with the keys pre-commit requires, and only keys it knows', () => {
    expect(Array.isArray(manifest)).toBe(true);
    for (const hook of manifest) {
      for (const key of ['id', 'name', 'entry', 'language'] as const) expect(typeof hook[key], key).toBe('string');
      for (const key of Object.keys(hook)) expect(MANIFEST_KEYS.has(key), key).toBe(true);
    }
  });

  it('declares the shipready hook: node, `shipready check`, markdown files only', () => {
    const hook = manifest.find((h) => h.id === 'shipready');
    expect(hook).toMatchObject({ id: 'shipready', language: 'node', entry: 'shipready check', types: ['markdown'] });
    expect(hook?.pass_filenames ?? true).toBe(true);
  });

  it.skipIf(!has('pre-commit'))('passes `pre-commit validate-manifest`', () => {
    const result = spawnSync('pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the entry, run with staged file names', () => {
  const hook = manifest.find((h) => h.id === 'shipready')!;
  const dir = project({
    'RELEASE.md': '# Release\n\n## Critical\n- [x] tag the release\n- [ ] rotate the production keys\n',
    'NOTES.md': '# Notes\n\n- [x] done\n- [ ] someday (low)\n',
    'README.md': '# Project\n\nNothing to do here.\n',
  });

  it('fails (exit 1) when a named file has an open critical item, naming it', () => {
    const result = runEntry(hook, ['NOTES.md', 'RELEASE.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('NOT READY — 1 blocking item open (critical)\nRELEASE.md:5:1: error: rotate the production keys (critical)\n');
  });

  it('passes (exit 0) clean files, and a file with no items', () => {
    expect(runEntry(hook, ['NOTES.md'], dir)).toMatchObject({ code: 0, stdout: 'READY — no blocking items (1 open)\n' });
    expect(runEntry(hook, ['README.md'], dir)).toMatchObject({ code: 0, stdout: 'READY — no blocking items\n' });
  });
});

describe.skipIf(!has('git'))('a git pre-commit hook running shipready check', () => {
  it('refuses a commit that adds an open critical item and accepts the commit that closes it', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'shipready-git-'));
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.hooksPath=.git/hooks', ...args], {
        cwd: repo,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: repo, NO_COLOR: '1' },
      });
    expect(git('init', '-q').status).toBe(0);
    // The plain-hook recipe of the README: the staged markdown files, NUL-separated.
    writeFileSync(
      path.join(repo, '.git', 'hooks', 'pre-commit'),
      `#!/bin/sh\ngit diff --cached --name-only --diff-filter=ACMR -z -- '*.md' '*.markdown' | xargs -0 -r node '${path.join(ROOT, 'bin', 'shipready.js')}' check\n`,
    );
    chmodSync(path.join(repo, '.git', 'hooks', 'pre-commit'), 0o755);

    writeFileSync(path.join(repo, 'TODO.md'), '# Release\n\n## Critical\n- [ ] rotate the production keys\n');
    git('add', 'TODO.md');
    const refused = git('commit', '-q', '-m', 'add the release checklist');
    expect(refused.status).not.toBe(0);
    // git sends a hook's stdout to stderr.
    expect(refused.stderr).toContain('NOT READY — 1 blocking item open (critical)\nTODO.md:4:1: error: rotate the production keys (critical)\n');
    expect(git('rev-parse', '--verify', '-q', 'HEAD').status).not.toBe(0);

    writeFileSync(path.join(repo, 'TODO.md'), '# Release\n\n## Critical\n- [x] rotate the production keys\n');
    git('add', 'TODO.md');
    const accepted = git('commit', '-q', '-m', 'add the release checklist, keys rotated');
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toBe('READY — no blocking items\n');
    expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
  });
});
