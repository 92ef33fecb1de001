import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { applyEdits, editBytes, offsetBeforeRepair, textBeforeRepair, unwritableReason } from '../src/fix/bytes.js';
import { unifiedDiff } from '../src/fix/diff.js';
import { fixFiles } from '../src/fix/fix.js';
import { formatLike } from '../src/fix/numbers.js';
import { summaryContent } from '../src/fix/summary.js';
import { safeReplace } from '../src/fix/safe-write.js';
import { decodeMarkdown } from '../src/load/decode.js';
import { DEFAULT_REPORT_OPTIONS, type Report } from '../src/model.js';
import { modeOptions, ROOT, runCli, spawnCli } from './helpers.js';

/**
 * `shipready fix` (SPEC.md §6, issue 5): stale claim numbers rewritten in
 * the author's form, nothing else in the file changed, byte for byte; summary
 * blocks regenerated; `--check` and `--diff` change nothing.
 */

const SEEDS = path.join(ROOT, 'fixtures', 'seeds');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'shipready-fix-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function copySeeds(): string[] {
  const names = readdirSync(SEEDS).filter((name) => name.endsWith('.md'));
  for (const name of names) copyFileSync(path.join(SEEDS, name), path.join(dir, name));
  return names;
}

async function reportOf(cwd: string, ...paths: string[]): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', '--no-config', ...paths], { cwd });
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

/**
 * A file's bytes (read as Latin-1, one character a byte) with every number
 * replaced by `#`: equal skeletons mean only numbers changed.
 */
function skeleton(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1').replace(/\d(?:[\d,.]*\d)?/g, '#');
}

describe('numbers in the author’s form', () => {
  it.each([
    ['68', 100, '100'],
    ['10', 7, '7'],
    ['32', 13.56, '14'],
    ['68', 86.44, '86'],
    ['45.5', 13.56, '13.6'],
    ['45.50', 13.5, '13.50'],
    ['12', 12.5, '13'],
    ['1,234', 51, '51'],
    ['1,234', 12345, '12,345'],
    ['07', 4, '04'],
    ['0', 4, '4'],
  ] as const)('%s written as %s → %s', (original, value, expected) => {
    expect(formatLike(original, value)).toBe(expected);
  });

  it('refuses what is not a number', () => {
    expect(() => formatLike('v1', 2)).toThrow(RangeError);
    expect(() => formatLike('3', -1)).toThrow(RangeError);
  });
});

describe('from the analysed text back to the bytes', () => {
  it('keeps the BOM, CRLF, trailing spaces and mojibake around an edit', () => {
    // `âœ…` is ✅ saved through Windows-1252; the decoder repairs it for analysis.
    const source = '\uFEFF# Tasks âœ… (0/1 done)  \r\n\r\n- [x] One  \r\n';
    const bytes = Buffer.from(source, 'utf8');
    const decoded = decodeMarkdown(bytes);
    expect(decoded.text).toContain('✅');
    const at = decoded.text.indexOf('0/1');
    const after = editBytes(bytes, decoded, [{ start: at, end: at + 1, text: '1' }]);
    expect(Buffer.from(after).toString('utf8')).toBe(source.replace('0/1', '1/1'));
  });

  it('maps offsets through repairs, refusing one inside a repaired run', () => {
    const decoded = decodeMarkdown(Buffer.from('a âœ… b', 'utf8'));
    const repair = decoded.repairs[0]!;
    expect(textBeforeRepair(decoded)).toBe('a âœ… b');
    expect(offsetBeforeRepair(repair.offset, decoded.repairs)).toBe(2);
    expect(offsetBeforeRepair(repair.offset + repair.length, decoded.repairs)).toBe(5);
    expect(offsetBeforeRepair(decoded.text.length, decoded.repairs)).toBe('a âœ… b'.length);
    if (repair.length > 1) expect(offsetBeforeRepair(repair.offset + 1, decoded.repairs)).toBeNull();
  });

  it('refuses bytes that do not decode to the analysed text', () => {
    const decoded = decodeMarkdown(Buffer.from('one', 'utf8'));
    expect(() => editBytes(Buffer.from('two', 'utf8'), decoded, [])).toThrow(RangeError);
  });

  it('names why invalid UTF-8 and NUL bytes cannot be rewritten', () => {
    expect(unwritableReason(Buffer.from([0x61, 0xff, 0x62]))).toMatch(/invalid UTF-8/);
    expect(unwritableReason(Buffer.from([0x61, 0x00, 0x62]))).toMatch(/NUL/);
    expect(unwritableReason(Buffer.from('café ✅', 'utf8'))).toBeNull();
  });

  it('applies edits in any order and rejects overlaps', () => {
    expect(applyEdits('a1b2', [{ start: 3, end: 4, text: '9' }, { start: 1, end: 2, text: '8' }])).toBe('a8b9');
    expect(() => applyEdits('abc', [{ start: 0, end: 2, text: '' }, { start: 1, end: 3, text: '' }])).toThrow(RangeError);
  });
});

describe('fix on copies of the seeds', () => {
  it('rewrites every stale claim, after which a new report finds none, and changes only claim numbers', async () => {
    const names = copySeeds();
    const before = new Map(names.map((name) => [name, readFileSync(path.join(dir, name))]));
    const stale = (await reportOf(dir, '.')).files.flatMap((f) => f.claims.filter((c) => c.stale === true));
    expect(stale.length).toBeGreaterThan(0);

    const result = await runCli(['fix', '--no-config', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Rewrote ${stale.length} stale claims in 2 files.`);

    const after = await reportOf(dir, '.');
    expect(after.files.flatMap((f) => f.claims.filter((c) => c.stale === true))).toEqual([]);
    // Seed 001 line 4 names another file: unverifiable, never rewritten.
    expect(after.files[1]!.claims.filter((c) => c.stale === null).map((c) => c.text)).toEqual(['61 incomplete tasks']);

    for (const name of names) {
      const after = readFileSync(path.join(dir, name));
      // Only numbers changed, every other byte is the same (BOM, CRLF, trailing spaces, mojibake).
      expect(skeleton(after)).toBe(skeleton(before.get(name)!));
      if (!name.startsWith('001') && !name.startsWith('002')) expect(after).toEqual(before.get(name));
    }
    const changedLines = (name: string): number[] => {
      const old = before.get(name)!.toString('latin1').split('\n');
      const now = readFileSync(path.join(dir, name)).toString('latin1').split('\n');
      return now.flatMap((line, i) => (line === old[i] ? [] : [i + 1]));
    };
    // Exactly the lines of the stale claims of SPEC.md §9.
    expect(changedLines('001_68c690fd1671e9f8.md')).toEqual([22, 28, 118, 142, 156, 171, 189, 200, 318]);
    expect(changedLines('002_815a210c10cbfa6a.md')).toEqual([5, 6]);
  });

  it('keeps the author’s form: ratios, percentages in parentheses, `~`', async () => {
    copySeeds();
    expect((await runCli(['fix', '--no-config', '.'], { cwd: dir })).code).toBe(0);
    const lines = readFileSync(path.join(dir, '001_68c690fd1671e9f8.md'), 'utf8').split('\n');
    expect(lines[21]).toBe('**Completion Rate**: **~14% of checklist completed**, **~86% remaining**');
    expect(lines[27]).toBe('### Week 1: Core Infrastructure (7/7 incomplete)');
    expect(lines[155]).toBe('### Week 4: Developer Experience (4/4 incomplete)');
    expect(lines[170]).toBe('**9/9 items incomplete (100%)**:');
    expect(lines[317]).toBe('**Status**: **51 incomplete tasks** (86% of checklist)  ');
    // Line 4 names another file that is not in the report: left as written.
    expect(lines[3]).toContain('**61 incomplete tasks** remaining in PRODUCTION_IMPLEMENTATION_CHECKLIST.md');
    const seed002 = readFileSync(path.join(dir, '002_815a210c10cbfa6a.md'), 'utf8');
    expect(seed002).toContain('**Total: 22 Incomplete Items**');
    expect(seed002).toContain('**Production Readiness: ~0% (NOT 97%)**');
  });

  it('keeps items, done and open of every seed', async () => {
    copySeeds();
    const before = await reportOf(dir, '.');
    await runCli(['fix', '--no-config', '.'], { cwd: dir });
    const after = await reportOf(dir, '.');
    expect(after.totals).toEqual(before.totals);
    expect(after.files.map((f) => f.items.map((i) => [i.id, i.status, i.priority]))).toEqual(
      before.files.map((f) => f.items.map((i) => [i.id, i.status, i.priority])),
    );
  });

  it('keeps the file’s permissions', async () => {
    copySeeds();
    const file = path.join(dir, '002_815a210c10cbfa6a.md');
    chmodSync(file, 0o640);
    await runCli(['fix', '--no-config', file], { cwd: dir });
    expect(readFileSync(file, 'utf8')).toContain('22 Incomplete Items');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe('fix --check and --diff', () => {
  it('--check lists what would change, changes nothing and exits 1', async () => {
    const names = copySeeds();
    const before = names.map((name) => readFileSync(path.join(dir, name)));
    const result = await runCli(['fix', '--check', '--no-config', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('001_68c690fd1671e9f8.md:28:34: warning: stale claim 7/10 incomplete → 7/7 incomplete');
    expect(result.stdout).toContain('001_68c690fd1671e9f8.md:171:26: warning: stale claim (68%) → (100%)');
    expect(result.stdout).toContain('would be rewritten; run `shipready fix` to rewrite them.');
    expect(names.map((name) => readFileSync(path.join(dir, name)))).toEqual(before);
  });

  it('--check exits 0 once everything is fixed', async () => {
    copySeeds();
    await runCli(['fix', '--no-config', '.'], { cwd: dir });
    const result = await runCli(['fix', '--check', '--no-config', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Nothing to fix: no stale claims, and every summary block is up to date.\n');
  });

  it('--diff prints a unified diff that only swaps numbers, and writes nothing', async () => {
    copySeeds();
    const file = path.join(dir, '002_815a210c10cbfa6a.md');
    const before = readFileSync(file);
    const result = await runCli(['fix', '--diff', '--no-config', '002_815a210c10cbfa6a.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(file)).toEqual(before);
    expect(result.stdout.startsWith('--- a/002_815a210c10cbfa6a.md\n+++ b/002_815a210c10cbfa6a.md\n@@ ')).toBe(true);
    const removed = result.stdout.split('\n').filter((l) => l.startsWith('-') && !l.startsWith('---'));
    const added = result.stdout.split('\n').filter((l) => l.startsWith('+') && !l.startsWith('+++'));
    expect(removed).toEqual(['-**Total: 25 Incomplete Items**  ', '-**Production Readiness: ~66% (NOT 97%)**']);
    expect(added).toEqual(['+**Total: 22 Incomplete Items**  ', '+**Production Readiness: ~0% (NOT 97%)**']);
    expect(result.stderr).toContain('2 stale claims in 1 file would be rewritten');
  });

  it('--check --diff exits 1 when something would change', async () => {
    copySeeds();
    const result = await runCli(['fix', '--check', '--diff', '--no-config', '002_815a210c10cbfa6a.md'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('+**Total: 22 Incomplete Items**');
  });

  it('shows control characters from a file as text in a terminal diff', () => {
    const diff = unifiedDiff('x.md', Buffer.from('a\n'), Buffer.from('a\u001b[31m\n'), { color: false, terminal: true });
    expect(diff).toContain('+a\\x1b[31m');
    expect(diff).not.toContain('\u001b');
  });
});

describe('fix leaves alone what it must not rewrite', () => {
  it('a file with invalid UTF-8: warns, keeps the bytes, goes on with the others', async () => {
    const bad = Buffer.concat([Buffer.from('# T (0/1 done)\n\n- [x] A \xff\n', 'latin1')]);
    writeFileSync(path.join(dir, 'bad.md'), bad);
    writeFileSync(path.join(dir, 'good.md'), '# T (0/1 done)\n\n- [x] A\n');
    const result = await runCli(['fix', '--no-config', '.'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'bad.md'))).toEqual(bad);
    expect(readFileSync(path.join(dir, 'good.md'), 'utf8')).toBe('# T (1/1 done)\n\n- [x] A\n');
    expect(result.stderr).toContain('bad.md:1:1: warning: not rewritten: it holds invalid UTF-8; save it as UTF-8');
    expect(result.stdout).toContain('bad.md:1:6: info: stale claim 0/1 done → 1/1 done  (not rewritten, see below)');
  });

  it('a file with NUL bytes past the binary sniff: warns and keeps the bytes', async () => {
    const bytes = Buffer.concat([Buffer.from(`# T (0/1 done)\n\n- [x] A\n\n${'x'.repeat(8100)}\n`), Buffer.from([0]), Buffer.from('\n')]);
    writeFileSync(path.join(dir, 'nul.md'), bytes);
    const result = await runCli(['fix', '--no-config', 'nul.md'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'nul.md'))).toEqual(bytes);
    expect(result.stderr).toContain('nul.md:1:1: warning: not rewritten: it holds NUL bytes');
  });

  it('a claim about a file outside the report (stale: null), while one about a file in it is fixed', async () => {
    mkdirSync(path.join(dir, 'h'));
    for (const name of ['input.md', 'TASKS.md']) copyFileSync(path.join(ROOT, 'fixtures/claims-other-file', name), path.join(dir, 'h', name));
    await runCli(['fix', '--no-config', 'h'], { cwd: dir });
    const text = readFileSync(path.join(dir, 'h/input.md'), 'utf8');
    expect(text).toContain('**4 incomplete tasks** remaining in TASKS.md');
    expect(text).toContain('**2 incomplete tasks** remaining in MISSING.md');
  });

  it('a file that changed on disk since it was read', async () => {
    const file = path.join(dir, 'x.md');
    writeFileSync(file, 'edited meanwhile');
    expect(await safeReplace(file, Buffer.from('as read'), Buffer.from('fixed'), { roots: [dir] })).toEqual({ status: 'changed' });
    expect(readFileSync(file, 'utf8')).toBe('edited meanwhile');
    expect(await safeReplace(file, Buffer.from('edited meanwhile'), Buffer.from('fixed'), { roots: [dir] })).toEqual({ status: 'written' });
    expect(readFileSync(file, 'utf8')).toBe('fixed');
  });

  it('claims in code blocks and summary blocks, and claims that agree', async () => {
    const source = '# T (1/1 done)\n\n```\n0/1 done\n```\n\n- [x] A\n';
    writeFileSync(path.join(dir, 'ok.md'), source);
    const result = await runCli(['fix', '--no-config', 'ok.md'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'ok.md'), 'utf8')).toBe(source);
  });
});

describe('summary blocks', () => {
  const todo = ['# Project', '', '<!-- shipready:summary -->', '<!-- /shipready:summary -->', '', '## Tasks', '', '- [x] One', '- [ ] Two', ''].join('\n');

  async function fix(...args: string[]) {
    return runCli(['fix', '--no-config', ...args], { cwd: dir });
  }

  it('regenerates the block with the markdown summary of the file, once', async () => {
    writeFileSync(path.join(dir, 'TODO.md'), todo);
    const check = await fix('--check', 'TODO.md');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('TODO.md:3:1: warning: summary block out of date');

    expect((await fix('TODO.md')).code).toBe(0);
    const text = readFileSync(path.join(dir, 'TODO.md'), 'utf8');
    const block = text.slice(text.indexOf('<!-- shipready:summary -->'), text.indexOf('<!-- /shipready:summary -->'));
    // One level below the heading the block sits under.
    expect(block).toContain('\n## Readiness report\n');
    expect(block).toContain('**50.0%** complete: 1 of 2 items done, 1 open in `TODO.md`.');
    // Everything outside the block is as it was.
    expect(text.replace(block, '<!-- shipready:summary -->\n')).toBe(todo);

    const again = await fix('--check', 'TODO.md');
    expect(again.code).toBe(0);
  });

  it('fails --check when the block is out of date', async () => {
    writeFileSync(path.join(dir, 'TODO.md'), todo);
    await fix('TODO.md');
    const file = path.join(dir, 'TODO.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('- [ ] Two', '- [x] Two'));
    const check = await fix('--check', 'TODO.md');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('summary block out of date');
  });

  it('summarises the paths the marker names, relative to the file, in the file’s line endings', async () => {
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs/a.md'), '# A\n\n- [ ] Write the guide\n');
    writeFileSync(path.join(dir, 'docs/b.md'), '# B\n\n- [x] Ship\n');
    const readme = '# Readme\r\n\r\n<!-- shipready:summary paths="docs/**/*.md" -->\r\nold\r\n<!-- /shipready:summary -->\r\n\r\nText.\r\n';
    writeFileSync(path.join(dir, 'README.md'), readme);
    expect((await fix('README.md')).code).toBe(0);
    const text = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(text).toContain('1 of 2 items done, 1 open in 2 files.');
    expect(text).toContain('[docs/a.md](docs/a.md)');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text.endsWith('<!-- /shipready:summary -->\r\n\r\nText.\r\n')).toBe(true);
    // From another working directory the block reads the same.
    const check = await runCli(['fix', '--check', '--no-config', path.join(dir, 'README.md')], { cwd: ROOT });
    expect(check.code).toBe(0);
  });

  it('leaves a malformed or unclosed block alone, with a warning', async () => {
    const source = '# T\n\n<!-- shipready:summary path="x.md" -->\nkept\n<!-- /shipready:summary -->\n\n<!-- shipready:summary -->\nopen\n';
    writeFileSync(path.join(dir, 'T.md'), source);
    const result = await fix('T.md');
    expect(result.code).toBe(0);
    expect(readFileSync(path.join(dir, 'T.md'), 'utf8')).toBe(source);
    expect(result.stderr).toContain('T.md:3:1: warning: Unexpected attribute `path` in the summary marker, expected `paths`');
    expect(result.stderr).toContain('T.md:7:1: warning: summary block is never closed');
  });

  it('lays out the content between blank lines in the block’s line ending', () => {
    expect(summaryContent('# A\n\nB\n', '\r\n')).toBe('\r\n# A\r\n\r\nB\r\n\r\n');
    expect(summaryContent('# A', '\n')).toBe('\n# A\n\n');
  });
});

describe('fix from the library and the command line', () => {
  it('fixFiles plans without writing when write is false', async () => {
    copySeeds();
    const result = await fixFiles({
      paths: ['.'], cwd: dir, report: DEFAULT_REPORT_OPTIONS, vocabulary: buildVocabulary(), write: false, ...modeOptions(),
    });
    const seed001 = result.files.find((f) => f.path === '001_68c690fd1671e9f8.md')!;
    expect(seed001.outcome).toBe('changed');
    expect(seed001.claims.map((c) => c.claim.line)).toEqual([22, 22, 28, 118, 142, 156, 171, 171, 189, 189, 200, 200, 318, 318]);
    expect(Buffer.from(seed001.before!)).toEqual(readFileSync(path.join(dir, '001_68c690fd1671e9f8.md')));
    expect(result.files.filter((f) => f.outcome !== 'unchanged').map((f) => f.path)).toEqual(['001_68c690fd1671e9f8.md', '002_815a210c10cbfa6a.md']);
  });

  it('exits 2 for a path that matches nothing and for an unknown option', async () => {
    const missing = await runCli(['fix', '--no-config', 'nope.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No markdown files matched `nope.md`');
    expect((await runCli(['fix', '--format', 'json'], { cwd: dir })).code).toBe(2);
  });

  it('runs as a process: --check exits 1, fix 0, then --check 0', () => {
    copySeeds();
    expect(spawnCli(['fix', '--check', '--no-config', '.'], { cwd: dir }).code).toBe(1);
    const fixed = spawnCli(['fix', '--no-config', '.'], { cwd: dir });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('Rewrote');
    expect(spawnCli(['fix', '--check', '--no-config', '.'], { cwd: dir }).code).toBe(0);
  });
});
