/**
 * `shipready check` (issue 4, SPEC.md §5, §8): exit codes, the short output,
 * every policy, the hook's file-name mode, GitHub Actions auto-selection and
 * the step summary — the CLI run in-process on real checklists, and as a
 * process for each exit code.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { runCli, spawnCli } from './helpers.js';

const SEEDS = 'fixtures/seeds';
const READY_SEED = 'fixtures/seeds/004_2f307842d6d35cc9.md';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** The JSON report of the same paths: what the check's output is compared with. */
async function reportOf(argv: string[], cwd?: string): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', ...argv], { cwd });
  return JSON.parse(result.stdout) as Report;
}

/** A release checklist: 2 of 5 done; one critical item open, one high, one low; a stale claim. */
const RELEASE = [
  '# Release 2.0',
  '',
  'Progress: 80%',
  '',
  '## Critical',
  '- [x] sign the contract',
  '- [ ] rotate the production keys',
  '## High',
  '- [x] write the changelog',
  '- [ ] update the docs',
  '## Low',
  '- [ ] polish the logo',
  '',
].join('\n');

describe('exit codes (as a process)', () => {
  it('0 when ready', () => {
    const result = spawnCli(['check', READY_SEED]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('READY — no blocking items (4 open)\n');
    expect(result.stderr).toBe('');
  });

  it('1 when not ready', () => {
    const result = spawnCli(['check', SEEDS]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^NOT READY — 28 blocking items open \(critical\)\n/);
  });

  it('1 when a policy fails although nothing blocks', () => {
    const result = spawnCli(['check', READY_SEED, '--min-percent', '50']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('NOT READY — overall 42.86% done (3/7), below the minimum of 50%\n');
  });

  it('2 on a usage error: an unknown option, a bad value, a bad --format, never 1', () => {
    for (const argv of [
      ['check', '--no-such-option'],
      ['check', '--fail-on', 'urgent', SEEDS],
      ['check', '--min-percent', 'lots', SEEDS],
      ['check', '--format', 'xml', SEEDS],
    ]) {
      const result = spawnCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).not.toBe('');
    }
  });

  it('2 on a path that matches nothing, naming it', () => {
    const result = spawnCli(['check', 'no/such.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`no/such.md`');
  });

  it('2, not 1, when a file cannot be read — after checking the others', async () => {
    if (process.getuid?.() === 0) {
      // root reads any file; on Linux /proc/self/mem is a file that cannot be read from its start (EIO).
      if (process.platform !== 'linux') return;
      const dir = project({ 'a.md': '- [ ] open critical (P0)\n' });
      const result = spawnCli(['check', 'a.md', '/proc/self/mem'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stdout).toContain('a.md:1:1: error: open critical');
      expect(result.stderr).toMatch(/proc\/self\/mem:1:1: error: cannot read file \(EIO\)/);
      return;
    }
    const dir = project({ 'a.md': '- [ ] open critical (P0)\n', 'b.md': '- [x] done\n' });
    chmodSync(path.join(dir, 'b.md'), 0o000);
    const result = spawnCli(['check', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('a.md:1:1: error: open critical');
    expect(result.stderr).toMatch(/^b\.md:1:1: error: cannot read file/m);
  });
});

describe('short output', () => {
  it('prints the verdict, then each blocking item as path:line:column: error: title (priority) and each stale claim as a warning — nothing else', async () => {
    const report = await reportOf([SEEDS]);
    const result = await runCli(['check', SEEDS]);
    const lines = result.stdout.trimEnd().split('\n');
    const blocking = report.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => `${f.path}:${i.line}:${i.column}: error: ${i.title} (${i.priority})`));
    const stale = report.files.flatMap((f) => f.claims.filter((c) => c.stale === true).map((c) => `${f.path}:${c.line}:${c.column}: warning: stale claim`));
    expect(lines[0]).toBe('NOT READY — 28 blocking items open (critical)');
    expect(lines.slice(1, 1 + blocking.length).map((line) => line.replace(/ \[in progress\] \(/, ' ('))).toEqual(blocking);
    expect(lines.slice(1 + blocking.length).map((line) => line.replace(/ ".+" but counted .+$/, ''))).toEqual(stale);
    expect(lines).toHaveLength(1 + blocking.length + stale.length);
    // Info diagnostics (repaired mojibake) only with --verbose.
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });

  it('marks an item that is in progress, and names the counted numbers of a stale claim', async () => {
    const result = await runCli(['check', SEEDS]);
    expect(result.stdout).toContain('fixtures/seeds/001_68c690fd1671e9f8.md:179:1: error: README.md accurately reflects feature states - ⚠️ PARTIAL (needs review) [in progress] (critical)\n');
    expect(result.stdout).toContain('fixtures/seeds/001_68c690fd1671e9f8.md:28:34: warning: stale claim "7/10 incomplete" but counted 7 of 7 open\n');
  });

  it('adds the passed checks, the totals and info diagnostics with --verbose', async () => {
    const result = await runCli(['check', READY_SEED, '--verbose', '--max-open', '10']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'READY — no blocking items (4 open)',
      'ok no blocking items',
      'ok 4 items open (maximum 10)',
      '1 file · 7 items · 3 done · 4 open · 42.86% done · fail-on critical',
      '',
    ]);
    expect(result.stderr).toBe('fixtures/seeds/004_2f307842d6d35cc9.md:7:1: info: repaired Windows-1252 mojibake\n');
  });

  it('prints nothing with --quiet; the exit code still speaks', async () => {
    const result = await runCli(['check', SEEDS, '--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('');
  });

  it('colours the verdict only when asked', async () => {
    const result = await runCli(['check', READY_SEED, '--color']);
    expect(result.stdout).toMatch(/^\u001b\[/);
  });

  it('prints any other format on stdout with the verdict on stderr', async () => {
    const result = await runCli(['check', SEEDS, '--format', 'json']);
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as Report).totals.blocking).toBe(28);
    expect(result.stderr).toBe('shipready: NOT READY — 28 blocking items open (critical)\n');
  });

  it('writes the output to --output FILE', async () => {
    const dir = project({ 'TODO.md': RELEASE });
    const result = await runCli(['check', 'TODO.md', '--output', 'gate.txt'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(readFileSync(path.join(dir, 'gate.txt'), 'utf8')).toMatch(/^NOT READY — 1 blocking item open \(critical\)\nTODO\.md:7:1: error: rotate the production keys \(critical\)\n/);
  });
});

describe('policies', () => {
  const dir = project({ 'TODO.md': RELEASE });
  const check = (...argv: string[]) => runCli(['check', 'TODO.md', ...argv], { cwd: dir });

  it('--fail-on: critical by default, lower levels block more, none blocks nothing', async () => {
    expect((await check()).stdout).toMatch(/^NOT READY — 1 blocking item open \(critical\)\n/);
    const high = await check('--fail-on', 'high');
    expect(high.code).toBe(1);
    expect(high.stdout).toMatch(/^NOT READY — 2 blocking items open \(critical, high\)\nTODO\.md:7:1: error: rotate the production keys \(critical\)\nTODO\.md:10:1: error: update the docs \(high\)\n/);
    const none = await check('--fail-on', 'none');
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^READY — no blocking items \(3 open\)\n/);
  });

  it('--min-percent N holds the overall share done', async () => {
    const fails = await check('--fail-on', 'none', '--min-percent', '50');
    expect(fails.code).toBe(1);
    expect(fails.stdout).toMatch(/^NOT READY — overall 40% done \(2\/5\), below the minimum of 50%\n/);
    const passes = await check('--fail-on', 'none', '--min-percent', '40%');
    expect(passes.code).toBe(0);
  });

  it('--min-percent LEVEL=N,… holds each priority; a level without items passes', async () => {
    const result = await check('--fail-on', 'none', '--min-percent', 'critical=100,high=50,medium=100');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('NOT READY — critical 50% done (1/2), below the minimum of 100%');
    const verbose = await check('--fail-on', 'none', '--min-percent', 'critical=50,high=50,medium=100', '--verbose');
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toContain('ok critical 50% done (minimum 50%)\nok high 50% done (minimum 50%)\nok medium: no items (minimum 100% done)\n');
  });

  it('--max-open LEVEL=N caps open items per priority, N alone overall; repeated options add up', async () => {
    const result = await check('--fail-on', 'none', '--max-open', 'low=0', '--max-open', '2');
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('NOT READY — 3 items open, above the maximum of 2; 1 low item open, above the maximum of 0');
    expect((await check('--fail-on', 'none', '--max-open', 'low=1,high=1')).code).toBe(0);
  });

  it('--fail-on-stale fails on stale claims, which are otherwise warnings', async () => {
    const plain = await check('--fail-on', 'none');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('TODO.md:3:1: warning: stale claim "Progress: 80%" but counted 40.0% done\n');
    const strict = await check('--fail-on', 'none', '--fail-on-stale');
    expect(strict.code).toBe(1);
    expect(strict.stdout.split('\n')[0]).toBe('NOT READY — 1 stale claim');
  });

  it('--warn-only reports every failure and exits 0', async () => {
    const result = await check('--warn-only', '--min-percent', '90', '--fail-on-stale');
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe(
      'NOT READY (warn-only) — 1 blocking item open (critical); overall 40% done (2/5), below the minimum of 90%; 1 stale claim',
    );
  });

  it('rejects malformed thresholds with exit 2, naming the option and the entry', async () => {
    for (const [option, value] of [
      ['--min-percent', 'urgent=5'],
      ['--min-percent', '101'],
      ['--min-percent', 'critical='],
      ['--max-open', 'high=1.5'],
      ['--max-open', '-1'],
    ] as const) {
      const result = await check(option, value);
      expect(result.code, `${option} ${value}`).toBe(2);
      expect(result.stderr).toContain(`Unexpected \`${value}\` in ${option}, expected`);
    }
  });

  it('reads the policies from the configuration; the command line wins, per level and per flag', async () => {
    const configured = project({
      'TODO.md': RELEASE,
      '.shipreadyrc.yaml': 'failOn: none\nminPercent: {critical: 100, high: 50}\nmaxOpen: 5\nfailOnStale: true\n',
    });
    const run = (...argv: string[]) => runCli(['check', 'TODO.md', ...argv], { cwd: configured });
    const fromFile = await run();
    expect(fromFile.code).toBe(1);
    expect(fromFile.stdout.split('\n')[0]).toBe('NOT READY — critical 50% done (1/2), below the minimum of 100%; 1 stale claim');
    const overridden = await run('--min-percent', 'critical=50', '--no-fail-on-stale');
    expect(overridden.code).toBe(0);
    const warnOnly = project({ 'TODO.md': RELEASE, 'shipready.config.json': '{"warnOnly": true}' });
    expect((await runCli(['check', 'TODO.md'], { cwd: warnOnly })).code).toBe(0);
    expect((await runCli(['check', 'TODO.md', '--no-warn-only'], { cwd: warnOnly })).code).toBe(1);
  });
});

describe('file names, as hooks pass them', () => {
  const dir = project({
    'RELEASE.md': RELEASE,
    'CLEAN.md': '# Done\n\n- [x] ship it\n- [ ] nice to have someday\n',
    'README.md': '# Project\n\nNo checklist here; `- [ ] in code` does not count.\n',
    'docs/BLOCKERS.md': '## Critical\n- [ ] unrelated blocker\n',
  });

  it('checks only the files named', async () => {
    const result = await runCli(['check', 'CLEAN.md', 'README.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('READY — no blocking items (1 open)\n');
    const blocked = await runCli(['check', 'README.md', 'RELEASE.md'], { cwd: dir });
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).not.toContain('BLOCKERS');
  });

  it('passes a file with no items', async () => {
    const result = await runCli(['check', 'README.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('READY — no blocking items\n');
  });

  it('passes a file with no items under every policy', async () => {
    const result = await runCli(['check', 'README.md', '--min-percent', '100', '--max-open', '0', '--fail-on-stale'], { cwd: dir });
    expect(result.code).toBe(0);
  });

  it('checks the current directory, or the config include, when none are named', async () => {
    expect((await runCli(['check'], { cwd: dir })).stdout).toContain('docs/BLOCKERS.md:2:1: error: unrelated blocker');
    const included = project({ 'CLEAN.md': '- [x] done\n', 'OTHER.md': '## Critical\n- [ ] open\n', '.shipreadyrc.json': '{"include": ["CLEAN.md"]}' });
    expect((await runCli(['check'], { cwd: included })).code).toBe(0);
  });
});

describe('GitHub Actions', () => {
  it('selects --format github when GITHUB_ACTIONS=true and no --format is given', async () => {
    const env = { GITHUB_ACTIONS: 'true' };
    const auto = await runCli(['check', SEEDS], { env });
    expect(auto.code).toBe(1);
    expect(auto.stdout).toMatch(/^::notice file=fixtures\/seeds\/000_1cabd79905a08843\.md,line=3,title=shipready::repaired Mac OS Roman mojibake$/m);
    // GitHub shows 10 error annotations per step: the other 18 are log lines, and a notice counts them.
    expect(auto.stdout.match(/^::error file=/gm)).toHaveLength(10);
    expect(auto.stdout.match(/^shipready: \S+:\d+: error: Blocking item/gm)).toHaveLength(18);
    expect(auto.stdout.trimEnd().split('\n').at(-1)).toBe('shipready: NOT READY — 28 blocking items open (critical)');
    const text = await runCli(['check', SEEDS, '--format', 'text'], { env });
    expect(text.stdout).toMatch(/^NOT READY/);
    expect((await runCli(['check', SEEDS], { env: { GITHUB_ACTIONS: 'false' } })).stdout).toMatch(/^NOT READY/);
  });

  it('annotates policy failures as errors, or warnings with --warn-only', async () => {
    const result = await runCli(['check', READY_SEED, '--format', 'github', '--min-percent', '50']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error title=shipready check::overall 42.86%25 done (3/7), below the minimum of 50%25\n');
    const warn = await runCli(['check', READY_SEED, '--format', 'github', '--min-percent', '50', '--warn-only']);
    expect(warn.code).toBe(0);
    expect(warn.stdout).toContain('::warning title=shipready check::overall 42.86%25 done');
  });

  it('appends the markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const dir = project({ 'TODO.md': RELEASE, 'summary.md': '## Earlier step\n' });
    // The same run as --format markdown: the report with the gate's verdict.
    const markdown = await runCli(['check', 'TODO.md', '--min-percent', 'high=100', '--format', 'markdown'], { cwd: dir });
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('🔴 **NOT READY** — 1 blocking item open (critical); high 50% done (1/2), below the minimum of 100%\n');
    const result = await runCli(['check', 'TODO.md', '--min-percent', 'high=100'], {
      cwd: dir,
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') },
    });
    expect(result.code).toBe(1);
    const summary = readFileSync(path.join(dir, 'summary.md'), 'utf8');
    expect(summary.startsWith(`## Earlier step\n${markdown.stdout}`)).toBe(true);
    expect(summary).toContain('**shipready check:** NOT READY — 1 blocking item open (critical); high 50% done (1/2), below the minimum of 100%\n');
    expect(summary).toContain('- ❌ high 50% done (1/2), below the minimum of 100%\n');
  });

  it('exits 2 when $GITHUB_STEP_SUMMARY cannot be written', async () => {
    const dir = project({ 'TODO.md': '- [x] done\n' });
    const result = await runCli(['check', 'TODO.md', '--format', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: path.join(dir, 'missing', 'summary.md') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot append to GITHUB_STEP_SUMMARY');
  });
});

describe('help', () => {
  it('lists the gate options and the formats', async () => {
    const result = await runCli(['check', '--help']);
    expect(result.code).toBe(0);
    for (const flag of ['--min-percent', '--max-open', '--fail-on-stale', '--warn-only', '--verbose', '--config', '--no-config']) {
      expect(result.stdout).toContain(flag);
    }
    for (const format of ['text', 'github', 'junit', 'sarif']) expect(result.stdout).toContain(`"${format}"`);
  });
});
