#!/usr/bin/env node
/**
 * `prepack` / `postpack` helper: the packed package.json leaves out the
 * `prepare` script. A clone needs `prepare` — a git install (pre-commit's
 * `repo:` + `rev`, `npm install github:…`) builds through it — but the
 * tarball is built already, and npm would list `prepare` among the install
 * scripts its users must approve (README.md#development). npm reads
 * package.json after `prepack`, so `strip` removes the script for the
 * tarball and `restore` (postpack) puts it back.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const PREPARE = 'node scripts/prepare.js';
const mode = process.argv[2];
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const scripts = {};
for (const [name, command] of Object.entries(manifest.scripts)) {
  if (name === 'prepare') continue;
  scripts[name] = command;
  if (name === 'build' && mode === 'restore') scripts.prepare = PREPARE;
}
if (mode !== 'strip' && mode !== 'restore') throw new Error('usage: pack-manifest.js strip|restore');
manifest.scripts = scripts;
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
