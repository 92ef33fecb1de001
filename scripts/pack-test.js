#!/usr/bin/env node
/**
 * The packed package, installed as a user installs it (`.ci/run` calls this
 * after `npm test`; README.md#development): `npm pack` (which builds through
 * `prepack`), checks of what the tarball holds, `npm install ./shipready-x.y.z.tgz`
 * into a scratch project (the registry serves the one runtime dependency),
 * and runs there: `npx shipready check`, several formats, worker threads,
 * the library entry. Prints the tarball's size and file count and the
 * install log; exits 1 on the first failed assertion.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const scratch = mkdtempSync(path.join(tmpdir(), 'shipready-pack-'));
let failed = false;

function check(condition, what) {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}`);
  if (!condition) failed = true;
}

function run(command, args, cwd, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...extraEnv } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// 1. Pack.
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }))[0];
const files = packed.files.map((file) => file.path);
console.log(`tarball: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${packed.entryCount} files`);
check(!files.some((file) => file.endsWith('.map')), 'no source maps');
check(!files.some((file) => file.startsWith('dist/') && file.endsWith('.js') && !file.startsWith('dist/bundle/')), 'no tsc output besides the bundle (no duplicate code)');
for (const needed of ['LICENSE', 'README.md', 'dist/THIRD_PARTY_NOTICES.md', 'bin/shipready.js', 'dist/bundle/main.js', 'dist/bundle/index.js', 'dist/bundle/analyze-worker.js', 'dist/index.d.ts', 'schema/report.schema.json', 'schema/config.schema.json']) {
  check(files.includes(needed), `ships ${needed}`);
}
const manifest = JSON.parse(execFileSync('tar', ['-xzOf', path.join(scratch, packed.filename), 'package/package.json'], { encoding: 'utf8' }));
check(Object.keys(manifest.dependencies ?? {}).join(',') === 'tinypool', 'one runtime dependency: tinypool (the rest is in the bundle)');
check(['prepare', 'preinstall', 'install', 'postinstall'].every((name) => !(name in manifest.scripts)), 'the packed package.json has no install-time script (prepare stays in the clone, for git installs)');
check(readFileSync(path.join(root, 'package.json'), 'utf8').includes('"prepare": "node scripts/prepare.js"'), 'postpack put prepare back into the clone');

// 2. Install into a scratch project.
const project = path.join(scratch, 'project');
mkdirSync(project);
writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true, type: 'module' }, null, 2));
const install = run('npm', ['install', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], project);
console.log(`--- npm install ${packed.filename} (exit ${install.code})\n${install.stdout}${install.stderr}---`);
check(install.code === 0, 'npm install of the tarball succeeds');
check(!/ERESOLVE|install-scripts|deprecated/i.test(install.stdout + install.stderr), 'install prints no ERESOLVE, install-script or deprecation warning');
const installed = readFileSync(path.join(project, 'package-lock.json'), 'utf8');
check(!installed.includes('node_modules/micromark'), 'bundled dependencies are not installed again');

// 3. Use it.
writeFileSync(path.join(project, 'TODO.md'), '# Release\n\n## Critical\n\n- [x] write the code\n- [ ] ship it\n\n## Low\n\n- [ ] polish\n');
const gate = run('npx', ['--no-install', 'shipready', 'check'], project);
check(gate.code === 1 && gate.stdout.includes('NOT READY') && gate.stdout.includes('TODO.md:6'), `npx shipready check: exit 1, NOT READY at TODO.md:6 (got ${gate.code}: ${gate.stdout.trim()} ${gate.stderr.trim()})`);
const ready = run('npx', ['--no-install', 'shipready', 'check', '--fail-on', 'none'], project);
check(ready.code === 0, 'npx shipready check --fail-on none: exit 0');
const formats = run('npx', ['--no-install', 'shipready', 'check', '--format', 'junit:out/junit.xml', '--format', 'sarif:out/x.sarif', '--format', 'badge:out/badge.svg'], project);
check(formats.code === 1 && readFileSync(path.join(project, 'out', 'junit.xml'), 'utf8').includes('<testsuites') && readFileSync(path.join(project, 'out', 'badge.svg'), 'utf8').startsWith('<svg'), 'junit, sarif and badge outputs from one run');
const many = path.join(project, 'many');
mkdirSync(many);
for (let i = 0; i < 80; i++) writeFileSync(path.join(many, `list-${i}.md`), `## High\n\n- [ ] task ${i}\n- [x] done ${i}\n`);
const threads = run('npx', ['--no-install', 'shipready', 'report', 'many', '--format', 'json', '--concurrency', '2'], project);
check(threads.code === 0 && JSON.parse(threads.stdout).totals.items === 160, 'worker threads (tinypool from its own folder) give the same totals');
const library = run(process.execPath, ['--input-type=module', '-e', "const { analyze } = await import('shipready'); const { report } = await analyze({ paths: ['TODO.md'], cwd: process.cwd() }); console.log(report.totals.items);"], project);
check(library.code === 0 && library.stdout.trim() === '3', `the library entry: analyze() (got ${library.stdout.trim()} ${library.stderr.trim()})`);

console.log(failed ? 'pack test: FAILED' : 'pack test: passed');
process.exitCode = failed ? 1 : 0;
