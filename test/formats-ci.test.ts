/**
 * The CI-native formats (issue 4): GitHub Actions workflow commands, JUnit XML
 * and SARIF 2.1.0. SARIF is validated against the published 2.1.0 schema (as
 * shipped by @microsoft/jest-sarif), JUnit is parsed with fast-xml-parser and
 * checked for the structure GitLab and Jenkins read, workflow commands are
 * parsed back by GitHub's escaping rules.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { escapeData, escapeProperty } from '../src/text/sanitize.js';
import { FORMAT_NAMES } from '../src/render/index.js';
import { ROOT, runCli, spawnCli } from './helpers.js';

// CommonJS packages: under NodeNext the default import is the module object, at runtime it may be either.
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv04Module }).default ?? Ajv04Module) as unknown as typeof Ajv04Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as typeof addFormatsModule.default;

const SEEDS = 'fixtures/seeds';

async function jsonReport(argv: string[], cwd?: string): Promise<Report> {
  return JSON.parse((await runCli(['report', '--format', 'json', ...argv], { cwd })).stdout) as Report;
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-formats-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

/** A workflow command parsed back as the runner does: `::name k=v,k=v::message`, unescaped. */
interface WorkflowCommand {
  name: string;
  properties: Record<string, string>;
  message: string;
}

function parseCommand(line: string): WorkflowCommand | null {
  const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
  if (!match) return null;
  const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s: string) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties: Record<string, string> = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { name: match[1]!, properties, message: unescapeData(match[3]!) };
}

describe('--format github', () => {
  it('escapes data and properties as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a: b, c%\n')).toBe('a%3A b%2C c%25%0A');
  });

  it('annotates each blocking item as ::error and each stale claim as ::warning, at their file and line', async () => {
    const report = await jsonReport([SEEDS]);
    const result = await runCli(['check', SEEDS, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    const commands = lines.map(parseCommand);
    // Every line but the closing verdict is a workflow command.
    expect(commands.slice(0, -1).every((c) => c !== null)).toBe(true);
    expect(lines.at(-1)).toBe('shipready: NOT READY — 28 blocking items open (critical)');

    const errors = commands.filter((c) => c?.name === 'error').map((c) => `${c!.properties.file}:${c!.properties.line} ${c!.message}`);
    const blocking = report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => `${f.path}:${i.line} ${i.title}`));
    expect(errors.map((e) => e.replace(/ \[in progress\]$/, ''))).toEqual(blocking);

    const warnings = commands.filter((c) => c?.name === 'warning');
    const stale = report.files.flatMap((f) => f.claims.filter((c) => c.stale === true).map((c) => `${f.path}:${c.line}`));
    expect(warnings.map((c) => `${c!.properties.file}:${c!.properties.line}`)).toEqual(stale);
    expect(warnings.every((c) => c!.properties.title === 'Stale claim')).toBe(true);
    expect(warnings[0]!.message).toMatch(/^".+" but counted /);

    const notices = commands.filter((c) => c?.name === 'notice');
    expect(notices.map((c) => c!.message)).toEqual(report.files.flatMap((f) => f.diagnostics.map((d) => d.message)));
  });

  it('keeps a command intact whatever the file name and title hold', async () => {
    const dir = project({ 'release: v1,2 100%.md': '## Critical\n- [ ] ship 100%, then: celebrate\n' });
    const result = await runCli(['check', '--format', 'github', 'release: v1,2 100%.md'], { cwd: dir });
    const command = parseCommand(result.stdout.split('\n')[0]!);
    expect(command).toEqual({
      name: 'error',
      properties: { file: 'release: v1,2 100%.md', line: '2', col: '1', title: 'Blocking item (critical)' },
      message: 'ship 100%, then: celebrate',
    });
  });

  it('is a renderer of the report command too', async () => {
    const result = await runCli(['report', SEEDS, '--format', 'github']);
    expect(result.code).toBe(0);
    expect(result.stdout.match(/^::error /gm)).toHaveLength(28);
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  type Case = { name: string; classname: string; file: string; line: string; failure?: { message: string; type: string; '#text'?: string }; skipped?: { message: string }; error?: { message: string } };
  type Suite = { name: string; tests: string; failures: string; errors: string; skipped: string; testcase?: Case[] };
  type Doc = { testsuites: Suite & { testsuite: Suite[] } };

  it('is well-formed XML with one suite per file and one test case per item, blocking items failing', async () => {
    const report = await jsonReport([SEEDS]);
    const result = await runCli(['report', SEEDS, '--format', 'junit']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const doc = parser.parse(result.stdout) as Doc;
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(report.files.map((f) => f.path));

    for (const [index, file] of report.files.entries()) {
      const suite = suites[index]!;
      const cases = suite.testcase ?? [];
      const counted = file.items.length;
      expect(cases).toHaveLength(counted);
      expect(Number(suite.tests)).toBe(counted);
      const failing = cases.filter((c) => c.failure !== undefined);
      expect(Number(suite.failures)).toBe(failing.length);
      expect(failing.map((c) => Number(c.line))).toEqual(file.items.filter((i) => i.blocking).map((i) => i.line));
      expect(failing.every((c) => c.failure!.type === 'blocking' && c.failure!.message.startsWith('Blocking item'))).toBe(true);
      const skipped = cases.filter((c) => c.skipped !== undefined);
      expect(Number(suite.skipped)).toBe(skipped.length);
      expect(skipped).toHaveLength(file.items.filter((i) => i.status !== 'done' && !i.blocking).length);
      for (const testcase of cases) {
        expect(testcase.name).toMatch(/\(line \d+\)$/);
        expect(testcase.file).toBe(file.path);
        expect(testcase.classname).toBe(file.path.replace(/\.md$/, ''));
      }
    }
    const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + Number(s[key]), 0);
    expect(Number(doc.testsuites.tests)).toBe(sum('tests'));
    expect(Number(doc.testsuites.failures)).toBe(28);
    expect(Number(doc.testsuites.failures)).toBe(sum('failures'));
    expect(Number(doc.testsuites.skipped)).toBe(sum('skipped'));
  });

  it('adds the gate checks as a last suite under check', async () => {
    const result = await runCli(['check', 'fixtures/seeds/004_2f307842d6d35cc9.md', '--format', 'junit', '--min-percent', '50', '--max-open', '10']);
    expect(result.code).toBe(1);
    const doc = parser.parse(result.stdout) as Doc;
    const gate = doc.testsuites.testsuite.at(-1)!;
    expect(gate.name).toBe('shipready check');
    expect(gate.testcase!.map((c) => [c.name, c.failure?.message ?? null])).toEqual([
      ['no blocking items', null],
      ['overall at least 50% done', 'overall 42.86% done (3/7), below the minimum of 50%'],
      ['at most 10 open items', null],
    ]);
    expect(Number(doc.testsuites.failures)).toBe(1);
  });

  it('escapes markup in titles and reports an unreadable file as an error', async () => {
    const dir = project({ 'a.md': '## Critical\n- [ ] escape `<b>&amp;</b>` "quotes" \'and\' ]]>\n' });
    const result = await runCli(['check', 'a.md', '/proc/self/mem', '--format', 'junit'], { cwd: dir });
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    const doc = parser.parse(result.stdout) as Doc;
    const [first] = doc.testsuites.testsuite.find((suite) => suite.name === 'a.md')!.testcase!;
    expect(first!.name).toBe('escape <b>&amp;</b> "quotes" \'and\' ]]> (line 2)');
    if (process.platform === 'linux') {
      expect(result.code).toBe(2);
      const unreadable = doc.testsuites.testsuite.find((suite) => suite.name.endsWith('proc/self/mem'))!;
      expect(Number(unreadable.errors)).toBe(1);
      expect(unreadable.testcase![0]!.error!.message).toContain('cannot read file');
      expect(Number(doc.testsuites.errors)).toBe(1);
    }
  });
});

describe('--format sarif', () => {
  const require = createRequire(import.meta.url);
  const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
  // unicodeRegExp: false — the published schema has a language pattern (`^[a-zA-Z]{2}|…]?$`) that is invalid with the u flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  type Result = {
    ruleId: string;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
    partialFingerprints: Record<string, string>;
  };
  type Log = { version: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Result[]; invocations: Array<{ executionSuccessful: boolean }> }> };

  it('validates against the SARIF 2.1.0 schema, and the schema rejects a broken log', async () => {
    const result = await runCli(['check', SEEDS, '--format', 'sarif']);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout) as Log;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const broken = structuredClone(log);
    (broken.runs[0]!.results[0]! as { level: string }).level = 'fatal';
    expect(validate(broken)).toBe(false);
  });

  it('holds each open blocking item as an error and each stale claim as a warning, with locations', async () => {
    const report = await jsonReport([SEEDS]);
    const log = JSON.parse((await runCli(['report', SEEDS, '--format', 'sarif'])).stdout) as Log;
    const run = log.runs[0]!;
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.name).toBe('shipready');
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['blocking-item', 'stale-claim']);
    const where = (r: Result) => `${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`;
    const errors = run.results.filter((r) => r.ruleId === 'blocking-item');
    expect(errors.every((r) => r.level === 'error')).toBe(true);
    expect(errors.map(where)).toEqual(report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => `${f.path}:${i.line}`)));
    const warnings = run.results.filter((r) => r.ruleId === 'stale-claim');
    expect(warnings.every((r) => r.level === 'warning')).toBe(true);
    expect(warnings).toHaveLength(report.files.reduce((n, f) => n + f.claims.filter((c) => c.stale === true).length, 0));
    const fingerprints = run.results.map((r) => r.partialFingerprints['shipreadyFinding/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('percent-encodes file names into URI references and stays valid', async () => {
    const dir = project({ 'release plan #2.md': '## Critical\n- [ ] ship it\n' });
    const result = await runCli(['check', 'release plan #2.md', '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(result.stdout) as Log;
    expect(validate(log)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('release%20plan%20%232.md');
  });

  it('as a process: one JSON document on stdout, the verdict on stderr', () => {
    const result = spawnCli(['check', SEEDS, '--format', 'sarif']);
    expect(result.code).toBe(1);
    expect(validate(JSON.parse(result.stdout))).toBe(true);
    expect(result.stderr).toBe('shipready: NOT READY — 28 blocking items open (critical)\n');
  });
});

describe('the public surface', () => {
  it('registers github, junit and sarif in the renderer map, --help and the README', async () => {
    for (const name of ['github', 'junit', 'sarif']) expect(FORMAT_NAMES).toContain(name);
    const help = await runCli(['report', '--help']);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of ['github', 'junit', 'sarif']) {
      expect(help.stdout).toContain(`"${name}"`);
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    }
  });
});
