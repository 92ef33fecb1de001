#!/usr/bin/env node
// Regenerates the command-line reference in README.md from the command registry
// (dist/cli/reference.js: every command's --help). Run after `npm run build`;
// test/cli-reference.test.ts fails when README.md and the registry disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandLineReference, withReference } from '../dist/cli/reference.js';

const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const before = readFileSync(readme, 'utf8');
const after = withReference(before, commandLineReference());
if (after !== before) writeFileSync(readme, after);
console.log(after === before ? 'README.md is up to date' : 'README.md: command-line reference regenerated');
