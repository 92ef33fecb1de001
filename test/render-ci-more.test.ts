/**
 * The GitLab Code Quality report (validated against GitLab's own schema,
 * test/schemas/), the badges, several outputs in one run
 * (`--format NAME:FILE`), and `check --fail-on-empty`.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { ROOT, runCli, spawnCli } from './helpers.js';

const SEEDS = 'fixtures/seeds';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-formats-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

describe('--format gitlab', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'schemas', 'gitlab-codeclimate.json'), 'utf8')) as Record<string, unknown>;
  const validateIssue = new Ajv({ strict: false, allErrors: true }).compile(schema);
  type Issue = { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } };

  it('is an array of issues valid against GitLab’s schema, with the fields GitLab’s documentation requires', async () => {
    const report = JSON.parse((await runCli(['report', SEEDS, '--format', 'json'])).stdout) as Report;
    const result = await runCli(['check', SEEDS, '--format', 'gitlab']);
    expect(result.code).toBe(1);
    const issues = JSON.parse(result.stdout) as Issue[];
    expect(Array.isArray(issues)).toBe(true);
    for (const issue of issues) {
      expect(validateIssue(issue), JSON.stringify(validateIssue.errors)).toBe(true);
      expect(typeof issue.check_name).toBe('string');
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
    }
    // The schema does catch a broken issue.
    expect(validateIssue({ ...issues[0], location: { path: 'a.md', lines: { begin: 'one' } } })).toBe(false);
    expect(validateIssue({ description: 'x', severity: 'minor', location: {} })).toBe(false);

    const blockers = issues.filter((one) => one.check_name === 'shipready/blocking-item');
    expect(blockers.every((one) => one.severity === 'blocker')).toBe(true);
    expect(blockers.map((one) => `${one.location.path}:${one.location.lines.begin}`)).toEqual(
      report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => `${f.path}:${i.line}`)),
    );
    const stale = issues.filter((one) => one.check_name === 'shipready/stale-claim');
    expect(stale).toHaveLength(report.files.reduce((n, f) => n + f.claims.filter((c) => c.stale === true).length, 0));
    // Unique: GitLab pairs the issues of two pipelines by fingerprint.
    expect(new Set(issues.map((one) => one.fingerprint)).size).toBe(issues.length);
  });

  it('keeps fingerprints when lines above an item move, and paths relative to CI_PROJECT_DIR', async () => {
    const text = '# Plan\n\n## Critical\n\n- [ ] ship the release\n- [ ] write the notes\n';
    const dir = project({ 'TODO.md': text });
    const env = { GITLAB_CI: 'true', CI_PROJECT_DIR: path.dirname(dir) };
    const before = JSON.parse((await runCli(['check', 'TODO.md', '--format', 'gitlab'], { cwd: dir, env })).stdout) as Issue[];
    writeFileSync(path.join(dir, 'TODO.md'), text.replace('# Plan\n', '# Plan\n\nSome words added\nabove the list.\n'));
    const after = JSON.parse((await runCli(['check', 'TODO.md', '--format', 'gitlab'], { cwd: dir, env })).stdout) as Issue[];
    expect(after.map((one) => one.location.lines.begin)).toEqual(before.map((one) => one.location.lines.begin + 3));
    expect(after.map((one) => one.fingerprint)).toEqual(before.map((one) => one.fingerprint));
    expect(before[0]!.location.path).toBe(`${path.basename(dir)}/TODO.md`);
    // A retitled item is another issue.
    writeFileSync(path.join(dir, 'TODO.md'), text.replace('ship the release', 'ship the 1.0 release'));
    const retitled = JSON.parse((await runCli(['check', 'TODO.md', '--format', 'gitlab'], { cwd: dir, env })).stdout) as Issue[];
    expect(retitled[0]!.fingerprint).not.toBe(before[0]!.fingerprint);
    expect(retitled[1]!.fingerprint).toBe(before[1]!.fingerprint);
  });
});

describe('--format badge and badge-json', () => {
  it('draws an SVG badge with the verdict, and a shields.io endpoint document saying the same', async () => {
    const svg = await runCli(['check', SEEDS, '--format', 'badge']);
    expect(XMLValidator.validate(svg.stdout)).toBe(true);
    expect(svg.stdout).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.stdout).toContain('<title>shipready: not ready · 28 blocking</title>');
    const json = JSON.parse((await runCli(['check', SEEDS, '--format', 'badge-json'])).stdout);
    expect(json).toEqual({ schemaVersion: 1, label: 'shipready', message: 'not ready · 28 blocking', color: 'red' });
    const ready = JSON.parse((await runCli(['check', `${SEEDS}/000_1cabd79905a08843.md`, '--format', 'badge-json', '--fail-on', 'none'])).stdout);
    expect(ready).toEqual({ schemaVersion: 1, label: 'shipready', message: 'ready · 0% done', color: 'brightgreen' });
  });
});

describe('several outputs in one run', () => {
  it('writes each NAME:FILE, creating its directory, from the same report, and the plain format to stdout', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-outputs-'));
    const result = spawnCli(['check', path.join(ROOT, SEEDS), '--format', 'table', '--format', `sarif:${dir}/out/shipready.sarif`, '--format', `junit:${dir}/out/junit.xml`, '--format', `json:${dir}/report.json`]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('NOT READY');
    const sarif = JSON.parse(readFileSync(path.join(dir, 'out', 'shipready.sarif'), 'utf8'));
    const report = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    const junit = readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8');
    expect(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'blocking-item')).toHaveLength(report.totals.blocking);
    expect(junit).toContain(`failures="${report.totals.blocking + 1}"`); // + the gate's own check
    expect(junit).not.toContain('\u001b[');
  });

  it('defaults the stdout format when only files are named, and --output still works', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-outputs-'));
    const result = await runCli(['check', SEEDS, '--format', `gitlab:${dir}/gl.json`]);
    expect(result.stdout).toMatch(/NOT READY/);
    expect(existsSync(path.join(dir, 'gl.json'))).toBe(true);
    const plain = await runCli(['report', SEEDS, '--format', 'json', '--output', `${dir}/nested/r.json`]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'nested', 'r.json'), 'utf8')).totals.blocking).toBe(28);
  });

  it('refuses two formats for stdout, an unknown name and an empty file, with exit 2', async () => {
    const two = await runCli(['report', SEEDS, '--format', 'json', '--format', 'sarif']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('expected one format for stdout and NAME:FILE for the others');
    const unknown = await runCli(['report', SEEDS, '--format', 'pdf:x.pdf']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unexpected `pdf`');
    const empty = await runCli(['report', SEEDS, '--format', 'json:']);
    expect(empty.code).toBe(2);
  });

  it('says which file it cannot write, with exit 2', async () => {
    const dir = project({ 'blocker': 'a file where a directory is needed' });
    const result = await runCli(['report', SEEDS, '--format', `json:${dir}/blocker/r.json`]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^shipready: error: cannot write `.*blocker\/r\.json` \((ENOTDIR|EEXIST)/);
  });
});

describe('check --fail-on-empty', () => {
  const dir = project({ 'notes.md': '# Notes\n\nNothing to do here.\n' });

  it('says on stderr that nothing was found, and passes without the flag', async () => {
    const result = await runCli(['check', 'notes.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('shipready: warning: no checklist items found; check the paths (--fail-on-empty makes this fail)');
  });

  it('fails with the flag, or with failOnEmpty in the configuration, and --no-fail-on-empty overrides it', async () => {
    const flagged = await runCli(['check', 'notes.md', '--fail-on-empty'], { cwd: dir });
    expect(flagged.code).toBe(1);
    expect(flagged.stderr).toContain('shipready: error: no checklist items found');
    expect(flagged.stdout + flagged.stderr).toContain('no checklist items found (--fail-on-empty)');
    const configured = project({ 'notes.md': '# Notes\n', 'shipready.config.json': '{"failOnEmpty": true}' });
    expect((await runCli(['check', 'notes.md'], { cwd: configured })).code).toBe(1);
    expect((await runCli(['check', 'notes.md', '--no-fail-on-empty'], { cwd: configured })).code).toBe(0);
    const bad = project({ 'notes.md': '# Notes\n', 'shipready.config.json': '{"failOnEmpty": "yes"}' });
    const refused = await runCli(['check', 'notes.md'], { cwd: bad });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('failOnEmpty');
  });

  it('passes with the flag when there are items', async () => {
    const result = await runCli(['check', `${SEEDS}/000_1cabd79905a08843.md`, '--fail-on-empty', '--fail-on', 'none']);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('no checklist items');
  });
});
