/**
 * The CI-native formats (issue 4): GitHub Actions workflow commands, JUnit XML
 * and SARIF 2.1.0. SARIF is validated against the published 2.1.0 schema (as
 * shipped by @microsoft/jest-sarif), JUnit is parsed with fast-xml-parser and
 * checked for the structure GitLab and Jenkins read, workflow commands are
 * parsed back by GitHub's escaping rules.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';
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

  it('annotates each blocking item as ::error and each stale claim as ::warning, at their file and line, ten of each kind', async () => {
    const report = await jsonReport([SEEDS]);
    const result = await runCli(['check', SEEDS, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('shipready: NOT READY — 28 blocking items open (critical)');
    // Every other line is a workflow command, or an annotation past GitHub's limit written as a plain log line.
    const commands = lines.slice(0, -1).map(parseCommand);
    const plain = lines.slice(0, -1).filter((line) => parseCommand(line) === null);
    expect(plain.every((line) => /^shipready: \S+:\d+: (error|warning|notice): /.test(line))).toBe(true);

    // Annotated first, then listed: together, every blocking item in file and line order.
    const annotated = commands.filter((c) => c?.name === 'error').map((c) => `${c!.properties.file}:${c!.properties.line} ${c!.message}`);
    const listed = plain.flatMap((line) => {
      const match = /^shipready: (\S+:\d+): error: Blocking item \([a-z]+\): (.*)$/.exec(line);
      return match ? [`${match[1]} ${match[2]}`] : [];
    });
    expect(annotated).toHaveLength(10);
    const blocking = report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => `${f.path}:${i.line} ${i.title}`));
    expect(blocking).toHaveLength(28);
    expect([...annotated, ...listed].map((e) => e.replace(/ \[in progress\]$/, '')).sort()).toEqual([...blocking].sort());

    const warnings = commands.filter((c) => c?.name === 'warning');
    const stale = report.files.flatMap((f) => f.claims.filter((c) => c.stale === true).map((c) => `${f.path}:${c.line}`));
    expect(warnings.map((c) => `${c!.properties.file}:${c!.properties.line}`)).toEqual(stale.slice(0, 10));
    expect(warnings.every((c) => c!.properties.title === 'Stale claim')).toBe(true);
    expect(warnings[0]!.message).toMatch(/^".+" but counted /);

    // Nine notices for diagnostics, and the last one names what was left out.
    const notices = commands.filter((c) => c?.name === 'notice');
    const diagnostics = report.files.flatMap((f) => f.diagnostics.map((d) => d.message));
    expect(notices.slice(0, -1).map((c) => c!.message)).toEqual(diagnostics.slice(0, 9));
    const leftErrors = 28 - 10;
    const leftWarnings = stale.length - 10;
    expect(notices.at(-1)!.message).toBe(
      `${leftErrors} errors and ${leftWarnings} warnings not annotated: GitHub shows 10 of each kind per step. They are in this step's log and summary.`,
    );
  });

  it('annotates files relative to GITHUB_WORKSPACE when run from a subfolder, and annotates a failed gate check before items', async () => {
    const dir = project({ 'TODO.md': readFileSync(path.join(ROOT, SEEDS, '001_68c690fd1671e9f8.md'), 'latin1') });
    mkdirSync(path.join(dir, 'docs'));
    const env = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir };
    const result = await runCli(['check', '..', '--min-percent', '50'], { cwd: path.join(dir, 'docs'), env });
    const commands = result.stdout.split('\n').map(parseCommand).filter((c) => c !== null);
    const files = new Set(commands.filter((c) => c!.properties.file !== undefined).map((c) => c!.properties.file));
    expect(files).toEqual(new Set(['TODO.md']));
    const errors = commands.filter((c) => c!.name === 'error');
    expect(errors).toHaveLength(10);
    // The min-percent failure keeps its slot although 24 items come first in the output.
    expect(errors.some((c) => c!.properties.title === 'shipready check' && c!.message.includes('below the minimum of 50%'))).toBe(true);
    // Without the workspace, the path stays relative to the working directory.
    const outside = await runCli(['check', '..', '--format', 'github'], { cwd: path.join(dir, 'docs') });
    expect(parseCommand(outside.stdout.split('\n')[0]!)!.properties.file).toBe('../TODO.md');
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
    expect(result.stdout.match(/^::error /gm)).toHaveLength(10);
    expect(result.stdout.match(/^shipready: \S+: error: /gm)).toHaveLength(18);
  });
});

describe('--format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  type Case = { name: string; classname: string; failure?: { message: string; type: string; '#text'?: string }; skipped?: string; 'system-out'?: string; error?: { message: string } };
  type Suite = { name: string; file?: string; tests: string; failures: string; errors: string; skipped: string; testcase?: Case[] };
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
      const lineOf = (c: Case) => Number(/:(\d+)\)$/.exec(c.name)![1]);
      expect(failing.map(lineOf)).toEqual(file.items.filter((i) => i.blocking).map((i) => i.line));
      expect(failing.every((c) => c.failure!.type === 'blocking' && c.failure!.message.startsWith('Blocking item'))).toBe(true);
      const skipped = cases.filter((c) => c.skipped !== undefined);
      expect(Number(suite.skipped)).toBe(skipped.length);
      expect(skipped).toHaveLength(file.items.filter((i) => i.status !== 'done' && !i.blocking).length);
      expect(suite.file).toBe(file.path);
      for (const testcase of cases) {
        // The file and line are in the case's name, and in its failure text or <system-out>.
        expect(testcase.name.endsWith(`(${file.path}:${lineOf(testcase)})`)).toBe(true);
        expect(testcase.failure?.['#text'] ?? testcase['system-out']).toMatch(new RegExp(`^${file.path.replace(/[.]/g, '\\.')}:${lineOf(testcase)}: `));
        expect(testcase.classname).toBe(file.path.replace(/\.md$/, ''));
      }
    }
    const sum = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + Number(s[key]), 0);
    expect(Number(doc.testsuites.tests)).toBe(sum('tests'));
    expect(Number(doc.testsuites.failures)).toBe(28);
    expect(Number(doc.testsuites.failures)).toBe(sum('failures'));
    expect(doc.testsuites.skipped).toBeUndefined();
    expect(sum('skipped')).toBeGreaterThan(0);
  });

  it('validates against the JUnit XSD of Jenkins (test/schemas/), and the XSD rejects what the old output had', async () => {
    const xsd = readFileSync(path.join(ROOT, 'test', 'schemas', 'jenkins-junit-10.xsd'), 'utf8');
    const validate = async (xml: string) => validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: xsd }] });
    const unreadableDir = project({ 'a.md': '## Critical\n- [ ] escape `<b>&amp;</b>` ]]>\n' });
    const outputs = [
      (await runCli(['report', SEEDS, '--format', 'junit'])).stdout,
      (await runCli(['check', 'fixtures', '--format', 'junit', '--max-open', '10', '--fail-on-empty'])).stdout,
      (await runCli(['check', 'a.md', '/proc/self/mem', '--format', 'junit'], { cwd: unreadableDir })).stdout,
    ];
    for (const xml of outputs) {
      const result = await validate(xml);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    }
    // What the output used to carry: each is refused by the schema.
    const old = outputs[0]!;
    const broken = [
      old.replace('<testsuites name="shipready"', '<testsuites name="shipready" skipped="3"'),
      old.replace('<testcase name=', '<testcase file="a.md" line="3" name='),
    ];
    for (const xml of broken) expect((await validate(xml)).valid).toBe(false);
    // Windy Road's JUnit.xsd allows no `message` on <skipped> (Jenkins' does): the reason is its text.
    for (const xml of outputs) expect(xml).not.toMatch(/<skipped [^>]*message=/);
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
    expect(first!.name).toBe('escape <b>&amp;</b> "quotes" \'and\' ]]> (a.md:2)');
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

  it('links its rules to the docs, and names the repository, commit and branch from git', async () => {
    const dir = project({ 'TODO.md': '## Critical\n- [ ] ship it\n' });
    mkdirSync(path.join(dir, 'docs'));
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://user:secret@example.com/team/app.git');
    git('add', '.');
    git('commit', '-qm', 'first');
    const head = git('rev-parse', 'HEAD').toString().trim();
    // In-process runs get only the variables given; git needs PATH to be found.
    const result = await runCli(['report', '..', '--format', 'sarif'], { cwd: path.join(dir, 'docs'), env: { PATH: process.env.PATH } });
    const log = JSON.parse(result.stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.tool.driver.rules.map((r: { helpUri: string }) => r.helpUri)).toEqual([
      expect.stringMatching(/#how-checklists-are-read$/),
      expect.stringMatching(/#fix$/),
    ]);
    expect(run.versionControlProvenance).toEqual([
      { repositoryUri: 'https://example.com/team/app.git', revisionId: head, branch: 'main', mappedTo: { uriBaseId: '%SRCROOT%' } },
    ]);
    // Paths relative to the repository root, which %SRCROOT% stands for.
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('TODO.md');
    expect(result.stdout).not.toContain('secret');
    for (const anchor of ['how-checklists-are-read', 'fix']) expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(new RegExp(`^#+ ${anchor.replace(/-/g, ' ')}$`, 'im'));
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
  it('registers the CI formats in the renderer map, --help and the README', async () => {
    for (const name of ['github', 'junit', 'sarif', 'gitlab', 'badge', 'badge-json']) expect(FORMAT_NAMES).toContain(name);
    const help = await runCli(['report', '--help']);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of FORMAT_NAMES.filter((one) => one !== 'text')) {
      expect(help.stdout).toContain(`"${name}"`);
      expect(readme).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    }
  });
});
