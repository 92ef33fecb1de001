#!/usr/bin/env node
/**
 * `prepare`: builds a clone, which git installs rely on (pre-commit's
 * `repo:` + `rev` runs `npm install -g git+…`). In that global install npm
 * hands its global mode down to the clone's own `npm install`, so the
 * devDependencies (tsc, esbuild) land outside the clone and the build cannot
 * find them: when they are missing, install them into the clone first.
 * The packed package.json has no `prepare` (scripts/pack-manifest.js).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (!existsSync('node_modules/typescript/package.json') || !existsSync('node_modules/esbuild/package.json')) {
  execFileSync(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--include=dev', '--ignore-scripts'], {
    stdio: 'inherit',
    env: { ...process.env, npm_config_global: 'false' },
    shell: process.platform === 'win32',
  });
}
execFileSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
