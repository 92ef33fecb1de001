/**
 * Configuration (SPEC.md §10, issue 4): discovery from the working directory
 * upward, `--config FILE`, `--no-config`, validation against
 * schema/config.schema.json with one-line errors, and every key's effect on
 * a real run — command-line options winning over the file.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILES, loadConfig } from '../src/config/load.js';
import { githubWorkflowSnippet, preCommitSnippet, STARTER_CONFIG } from '../src/config/starter.js';
import { validateConfig } from '../src/config/validate.js';
import type { Report } from '../src/model.js';
import { VERSION } from '../src/version.js';
import { ROOT, runCli, spawnCli } from './helpers.js';

/** A temporary project: file path → content. Returns its directory. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A checklist with one open item in each priority section and one done item. */
const CHECKLIST = [
  '# Release',
  '## Critical',
  '- [x] sign the contract',
  '## High',
  '- [ ] write the changelog (2d)',
  '## Launch gate',
  '- [ ] rotate the keys',
  '',
].join('\n');

async function jsonReport(argv: string[], cwd: string): Promise<{ report: Report; code: number | null; stderr: string }> {
  const result = await runCli(['report', '--format', 'json', ...argv], { cwd });
  return { report: result.stdout ? (JSON.parse(result.stdout) as Report) : (null as unknown as Report), code: result.code, stderr: result.stderr };
}

describe('discovery', () => {
  const cases: Array<[string, string]> = [
    ['shipready.config.json', '{"hoursPerDay": 6}'],
    ['.shipreadyrc.json', '{"hoursPerDay": 6}'],
    ['.shipreadyrc.yaml', 'hoursPerDay: 6\n'],
    ['.shipreadyrc.yml', 'hoursPerDay: 6\n'],
    ['package.json', '{"name": "x", "shipready": {"hoursPerDay": 6}}'],
  ];
  it.each(cases)('reads %s in the working directory', async (name, content) => {
    const dir = project({ [name]: content, 'TODO.md': CHECKLIST });
    const { report, code } = await jsonReport(['TODO.md'], dir);
    expect(code).toBe(0);
    expect(report.options.hoursPerDay).toBe(6);
  });

  it('searches upward from the working directory', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'hoursPerDay: 4\n', 'docs/deep/TODO.md': CHECKLIST });
    const { report } = await jsonReport(['TODO.md'], path.join(dir, 'docs', 'deep'));
    expect(report.options.hoursPerDay).toBe(4);
    // 2d at 4 h per day
    expect(report.totals.effort.maxHours).toBe(8);
  });

  it('takes the nearest directory first, and the search order within one directory', async () => {
    const dir = project({
      '.shipreadyrc.yaml': 'hoursPerDay: 4\n',
      'sub/.shipreadyrc.yml': 'hoursPerDay: 5\n',
      'sub/.shipreadyrc.json': '{"hoursPerDay": 7}',
      'sub/TODO.md': CHECKLIST,
    });
    const loaded = await loadConfig({ cwd: path.join(dir, 'sub') });
    expect(loaded?.displayPath).toBe('.shipreadyrc.json');
    expect(loaded?.config.hoursPerDay).toBe(7);
    expect(CONFIG_FILES.indexOf('.shipreadyrc.json')).toBeLessThan(CONFIG_FILES.indexOf('.shipreadyrc.yml'));
  });

  it('skips a package.json without a "shipready" key and keeps searching upward', async () => {
    const dir = project({ '.shipreadyrc.json': '{"hoursPerDay": 3}', 'app/package.json': '{"name": "app"}', 'app/TODO.md': CHECKLIST });
    const loaded = await loadConfig({ cwd: path.join(dir, 'app') });
    expect(loaded?.displayPath).toBe('../.shipreadyrc.json');
    expect(loaded?.config.hoursPerDay).toBe(3);
  });

  it('treats an empty file as an empty configuration', async () => {
    const dir = project({ '.shipreadyrc.yaml': '', 'TODO.md': CHECKLIST });
    const { report, code } = await jsonReport(['TODO.md'], dir);
    expect(code).toBe(0);
    expect(report.options).toEqual({ failOn: 'critical', hoursPerDay: 8 });
  });

  it('reads --config FILE instead of searching, relative to the working directory', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'hoursPerDay: 4\n', 'ci/strict.json': '{"failOn": "high"}', 'TODO.md': CHECKLIST });
    const { report } = await jsonReport(['--config', 'ci/strict.json', 'TODO.md'], dir);
    expect(report.options).toEqual({ failOn: 'high', hoursPerDay: 8 });
  });

  it('reads no file at all with --no-config', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'failOn: nonsense\n', 'TODO.md': CHECKLIST });
    const { report, code } = await jsonReport(['--no-config', 'TODO.md'], dir);
    expect(code).toBe(0);
    expect(report.options.failOn).toBe('critical');
  });
});

describe('keys', () => {
  it('failOn and hoursPerDay set the report options; command-line options override them', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'failOn: high\nhoursPerDay: 6\n', 'TODO.md': CHECKLIST });
    const fromFile = await jsonReport(['TODO.md'], dir);
    expect(fromFile.report.options).toEqual({ failOn: 'high', hoursPerDay: 6 });
    expect(fromFile.report.totals.blocking).toBe(1);
    const overridden = await jsonReport(['--fail-on', 'critical', '--hours-per-day', '8', 'TODO.md'], dir);
    expect(overridden.report.options).toEqual({ failOn: 'critical', hoursPerDay: 8 });
    expect(overridden.report.totals.blocking).toBe(0);
  });

  it('include names what to analyse when no path is given, relative to the config file', async () => {
    const dir = project({
      '.shipreadyrc.yaml': 'include:\n  - docs/TODO.md\n',
      'docs/TODO.md': CHECKLIST,
      'docs/other.md': '- [ ] not included\n',
      'README.md': '- [ ] not included either\n',
    });
    const atRoot = await jsonReport([], dir);
    expect(atRoot.report.files.map((f) => f.path)).toEqual(['docs/TODO.md']);
    const inDocs = await jsonReport([], path.join(dir, 'docs'));
    expect(inDocs.report.files.map((f) => f.path)).toEqual(['TODO.md']);
    const explicit = await jsonReport(['README.md'], dir);
    expect(explicit.report.files.map((f) => f.path)).toEqual(['README.md']);
  });

  it('ignore skips files in directories and globs', async () => {
    const dir = project({
      '.shipreadyrc.json': '{"ignore": ["docs/archive/**", "**/CHANGELOG.md"]}',
      'docs/TODO.md': CHECKLIST,
      'docs/archive/old.md': '- [ ] old\n',
      'pkg/CHANGELOG.md': '- [ ] entry\n',
    });
    const { report } = await jsonReport(['.'], dir);
    expect(report.files.map((f) => f.path)).toEqual(['docs/TODO.md']);
  });

  it('priorityWords, effortFields and blockingMarkers extend the vocabulary', async () => {
    const checklist = [
      '## Launch gate',
      '- [ ] rotate the keys',
      '  Budget: 3h',
      '## Later',
      '- [ ] polish the docs STOP-SHIP',
      '',
    ].join('\n');
    const config = JSON.stringify({ priorityWords: { critical: ['launch gate'] }, effortFields: ['Budget'], blockingMarkers: ['STOP-SHIP'] });
    const dir = project({ '.shipreadyrc.json': config, 'TODO.md': checklist });
    const without = await jsonReport(['--no-config', 'TODO.md'], dir);
    expect(without.report.files[0]!.items.map((i) => [i.priority, i.blocking])).toEqual([['none', false], ['none', false]]);
    const { report } = await jsonReport(['TODO.md'], dir);
    const items = report.files[0]!.items;
    expect(items.map((i) => [i.priority, i.blocking])).toEqual([['critical', true], ['none', true]]);
    expect(items[0]!.effort).toMatchObject({ minHours: 3, maxHours: 3 });
  });
});

/** Every way a configuration can be wrong: the file, what it holds, and what the one-line message must say. */
const ERROR_CASES: Array<{ name: string; file: string; content: string; message: string }> = [
  { name: 'a bad failOn', file: '.shipreadyrc.yaml', content: 'failOn: urgent\n', message: '.shipreadyrc.yaml: Unexpected failOn `urgent`, expected one of critical, high, medium, low, none' },
  { name: 'an unknown key', file: 'shipready.config.json', content: '{"colour": true}', message: 'shipready.config.json: Unexpected key `colour`, expected one of include, ignore, failOn, hoursPerDay, priorityWords, effortSizes, effortFields, blockingMarkers, minPercent, maxOpen, failOnStale, failOnEmpty, failOnOverdue, warnOnly, fileTimeout, maxFileSize, remarkPlugins' },
  { name: 'a key in the wrong case', file: '.shipreadyrc.json', content: '{"failon": "high"}', message: 'Unexpected key `failon` (did you mean `failOn`?)' },
  { name: 'a string for a number', file: '.shipreadyrc.yaml', content: 'hoursPerDay: "8"\n', message: '.shipreadyrc.yaml: Unexpected hoursPerDay `"8"` (a string), expected a number' },
  { name: 'hoursPerDay 0', file: '.shipreadyrc.yaml', content: 'hoursPerDay: 0\n', message: 'Unexpected hoursPerDay `0`, expected a number above 0 and at most 24' },
  { name: 'hoursPerDay 25', file: '.shipreadyrc.yaml', content: 'hoursPerDay: 25\n', message: 'Unexpected hoursPerDay `25`, expected a number above 0 and at most 24' },
  { name: 'a list of numbers', file: '.shipreadyrc.yaml', content: 'include: [3]\n', message: 'Unexpected include[0] `3` (a whole number), expected a string' },
  { name: 'a string for a list', file: '.shipreadyrc.yaml', content: 'ignore: CHANGELOG.md\n', message: 'Unexpected ignore `"CHANGELOG.md"` (a string), expected a list' },
  { name: 'an empty glob', file: '.shipreadyrc.yaml', content: 'ignore: [""]\n', message: 'Unexpected ignore[0] `""`, expected a non-empty string' },
  { name: 'an unknown priority level', file: '.shipreadyrc.yaml', content: 'priorityWords:\n  urgent: [asap]\n', message: 'Unexpected key `urgent` in priorityWords, expected one of critical, high, medium, low' },
  { name: 'minPercent over 100', file: '.shipreadyrc.yaml', content: 'minPercent: {critical: 150}\n', message: 'Unexpected minPercent.critical `150`, expected a number from 0 to 100' },
  { name: 'minPercent as text', file: '.shipreadyrc.yaml', content: 'minPercent: "80%"\n', message: 'Unexpected minPercent `"80%"` (a string), expected a number or an object' },
  { name: 'a negative maxOpen', file: '.shipreadyrc.yaml', content: 'maxOpen: {high: -1}\n', message: 'Unexpected maxOpen.high `-1`, expected a whole number of at least 0' },
  { name: 'a fractional maxOpen', file: '.shipreadyrc.yaml', content: 'maxOpen: 1.5\n', message: 'Unexpected maxOpen `1.5` (a number), expected a whole number or an object' },
  { name: 'an unknown maxOpen scope', file: '.shipreadyrc.yaml', content: 'maxOpen: {urgent: 1}\n', message: 'Unexpected key `urgent` in maxOpen, expected one of overall, critical, high, medium, low, none' },
  { name: 'a string for a boolean', file: '.shipreadyrc.yaml', content: 'failOnStale: "yes"\n', message: 'Unexpected failOnStale `"yes"` (a string), expected true or false' },
  { name: 'a list at the top', file: '.shipreadyrc.yaml', content: '- failOn: high\n', message: '.shipreadyrc.yaml: Unexpected configuration `[{"failOn":"high"}]` (a list), expected an object' },
  { name: 'a bad value under package.json', file: 'package.json', content: '{"name": "x", "shipready": {"failOn": 1}}', message: 'package.json: Unexpected failOn `1`, expected one of critical, high, medium, low, none' },
  { name: 'broken JSON', file: '.shipreadyrc.json', content: '{"failOn": }', message: '.shipreadyrc.json: cannot parse the configuration: ' },
  { name: 'broken YAML', file: '.shipreadyrc.yaml', content: 'failOn: [high\n', message: '.shipreadyrc.yaml: cannot parse the configuration: ' },
];

describe('configuration errors exit 2 with one line naming the file, the key, the value and what is allowed', () => {
  it.each(ERROR_CASES)('$name', async ({ file, content, message }) => {
    const dir = project({ [file]: content, 'TODO.md': CHECKLIST });
    for (const command of ['report', 'check']) {
      const result = await runCli([command, 'TODO.md'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.startsWith(`shipready: error: ${file}: `)).toBe(true);
      expect(result.stderr).toContain(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });

  it('names a --config file that does not exist, or is a directory', async () => {
    const dir = project({ 'TODO.md': CHECKLIST, 'conf/.keep': '' });
    const missing = await runCli(['check', '--config', 'nope.yaml', 'TODO.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('shipready: error: Cannot read config file `nope.yaml`: no such file; check the --config path\n');
    const directory = await runCli(['check', '--config', 'conf', 'TODO.md'], { cwd: dir });
    expect(directory.code).toBe(2);
    expect(directory.stderr).toContain('Cannot read config file `conf`: it is a directory');
  });

  it('as a process, too: exit 2, nothing on stdout', () => {
    const dir = project({ '.shipreadyrc.yaml': 'failOn: urgent\n', 'TODO.md': CHECKLIST });
    const result = spawnCli(['check', 'TODO.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('shipready: error: .shipreadyrc.yaml: Unexpected failOn `urgent`, expected one of critical, high, medium, low, none\n');
  });

  it('names the file relative to the working directory when it was found above it', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'failOn: urgent\n', 'docs/TODO.md': CHECKLIST });
    const result = await runCli(['check', 'TODO.md'], { cwd: path.join(dir, 'docs') });
    expect(result.stderr).toContain('shipready: error: ../.shipreadyrc.yaml: Unexpected failOn `urgent`');
  });
});

describe('schema/config.schema.json', () => {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schema/config.schema.json'), 'utf8')) as Record<string, unknown>;

  it('compiles in strict mode and accepts its own examples', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    const properties = schema.properties as Record<string, { examples?: unknown[] }>;
    for (const [key, property] of Object.entries(properties)) {
      for (const example of property.examples ?? []) expect(validate({ [key]: example }), `${key}: ${JSON.stringify(example)}`).toBe(true);
    }
  });

  it('describes every key the configuration type and SPEC.md §10 name', () => {
    const keys = Object.keys(schema.properties as object);
    for (const key of ['include', 'ignore', 'failOn', 'hoursPerDay', 'priorityWords', 'effortFields', 'blockingMarkers']) expect(keys).toContain(key);
    for (const key of ['minPercent', 'maxOpen', 'failOnStale', 'warnOnly']) expect(keys).toContain(key);
  });

  it('accepts the starter configuration of `shipready init`, and each commented example once uncommented', () => {
    expect(validateConfig(parseYaml(STARTER_CONFIG), '.shipreadyrc.yaml')).toEqual({ failOn: 'critical', hoursPerDay: 8 });
    // Example lines are commented YAML (`# key: value`, `#   - item`); prose lines are sentences.
    const uncommented = STARTER_CONFIG.split('\n')
      .filter((line) => !line.startsWith('#') || /^# ?(\s*- |\s*[A-Za-z]+:)/.test(line))
      .map((line) => line.replace(/^# ?/, '').replace(/\s+#.*$/, ''))
      .filter((line) => !line.startsWith('minPercent: {'))
      .join('\n');
    const all = parseYaml(uncommented) as Record<string, unknown>;
    expect(Object.keys(all).sort()).toEqual(
      ['blockingMarkers', 'effortFields', 'failOn', 'failOnEmpty', 'failOnOverdue', 'failOnStale', 'hoursPerDay', 'ignore', 'include', 'maxOpen', 'minPercent', 'priorityWords', 'warnOnly'],
    );
    expect(() => validateConfig(all, '.shipreadyrc.yaml')).not.toThrow();
  });

  it('ships in the package', () => {
    const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(packed.status).toBe(0);
    const files = (JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path);
    expect(files).toContain('schema/config.schema.json');
    // …and resolves by its package path, for tools that import it.
    const require = createRequire(path.join(ROOT, 'package.json'));
    expect(require.resolve('shipready/schema/config.schema.json')).toBe(path.join(ROOT, 'schema', 'config.schema.json'));
  });
});

describe('shipready init', () => {
  it('writes the commented starter config, prints the hook and CI snippets, and the config then works', async () => {
    const dir = project({ 'TODO.md': CHECKLIST });
    const result = await runCli(['init'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(readFileSync(path.join(dir, '.shipreadyrc.yaml'), 'utf8')).toBe(STARTER_CONFIG);
    expect(STARTER_CONFIG).toMatch(/^# /m);
    expect(result.stdout).toContain(`# .pre-commit-config.yaml\n${preCommitSnippet(VERSION)}`);
    expect(result.stdout).toContain(`# .github/workflows/readiness.yml\n${githubWorkflowSnippet(VERSION)}`);
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded?.displayPath).toBe('.shipreadyrc.yaml');
    expect((await runCli(['check', 'TODO.md'], { cwd: dir })).code).toBe(0);
  });

  it('refuses to overwrite an existing config without --force (exit 2), and overwrites with it', async () => {
    const dir = project({ '.shipreadyrc.yaml': 'failOn: high\n' });
    const refused = await runCli(['init'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('shipready: error: `.shipreadyrc.yaml` already exists; pass --force to overwrite it\n');
    expect(readFileSync(path.join(dir, '.shipreadyrc.yaml'), 'utf8')).toBe('failOn: high\n');
    const forced = await runCli(['init', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, '.shipreadyrc.yaml'), 'utf8')).toBe(STARTER_CONFIG);
  });

  it('refuses to add a second config beside one that would take precedence, even with --force', async () => {
    for (const [file, content] of [
      ['shipready.config.json', '{}'],
      ['package.json', '{"name": "x", "shipready": {}}'],
    ] as const) {
      const dir = project({ [file]: content });
      const result = await runCli(['init', '--force'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`Unexpected \`${file}\`: it already configures shipready here`);
    }
    const plainPackage = project({ 'package.json': '{"name": "x"}' });
    expect((await runCli(['init'], { cwd: plainPackage })).code).toBe(0);
  });

  it('prints the same snippets the README shows', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(preCommitSnippet(VERSION));
    expect(readme).toContain(githubWorkflowSnippet(VERSION));
  });

  it('exits 2 on an unknown option, like every command', async () => {
    const result = await runCli(['init', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--yes'");
  });
});
