import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveColor } from '../src/cli/color.js';
import { runCli, spawnCli } from './helpers.js';

/**
 * Colour rules (issue 3, SPEC.md §10): `--color`/`--no-color`, `NO_COLOR`,
 * `FORCE_COLOR`, no colour when stdout is not a TTY — and no control
 * character from a file ever reaching the terminal, coloured or not.
 */
const SGR = /\u001b\[[0-9;]*m/;
const SEED = 'fixtures/seeds/001_68c690fd1671e9f8.md';

describe('resolveColor', () => {
  const cases: Array<[string, Parameters<typeof resolveColor>[0], boolean]> = [
    ['a TTY', { flag: undefined, env: {}, isTTY: true }, true],
    ['a pipe', { flag: undefined, env: {}, isTTY: false }, false],
    ['NO_COLOR on a TTY', { flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }, false],
    ['an empty NO_COLOR', { flag: undefined, env: { NO_COLOR: '' }, isTTY: true }, true],
    ['FORCE_COLOR on a pipe', { flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }, true],
    ['FORCE_COLOR=0 on a TTY', { flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }, false],
    ['--color beats NO_COLOR', { flag: true, env: { NO_COLOR: '1' }, isTTY: false }, true],
    ['--no-color beats FORCE_COLOR', { flag: false, env: { FORCE_COLOR: '1' }, isTTY: true }, false],
    ['TERM=dumb', { flag: undefined, env: { TERM: 'dumb' }, isTTY: true }, false],
  ];
  for (const [name, inputs, want] of cases) it(name, () => expect(resolveColor(inputs)).toBe(want));
});

describe('colour in the terminal report', () => {
  it('colours on a TTY', async () => {
    const { stdout } = await runCli([SEED], { isTTY: true, columns: 80 });
    expect(stdout).toMatch(SGR);
    expect(stdout.startsWith('\u001b[1m\u001b[31mNOT READY')).toBe(true);
  });

  it('does not colour when NO_COLOR is set, even on a TTY', async () => {
    const { stdout } = await runCli([SEED], { isTTY: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(stdout).not.toMatch(/\u001b/);
  });

  it('does not colour when stdout is not a TTY', async () => {
    const { stdout } = await runCli([SEED], { isTTY: false, columns: 80 });
    expect(stdout).not.toMatch(/\u001b/);
  });

  it('colours a pipe with FORCE_COLOR or --color, and never with --no-color', async () => {
    expect((await runCli([SEED], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(SGR);
    expect((await runCli([SEED, '--color'])).stdout).toMatch(SGR);
    expect((await runCli([SEED, '--no-color'], { isTTY: true, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b/);
  });

  it('never colours markdown, json or list json, whatever is forced', async () => {
    for (const args of [['--format', 'markdown'], ['--format', 'json'], ['list', '--format', 'json']]) {
      const argv = args[0] === 'list' ? [...args, SEED] : [SEED, ...args];
      const { stdout } = await runCli([...argv, '--color'], { isTTY: true });
      expect(stdout).not.toMatch(/\u001b/);
    }
  });

  it('colours list text on a TTY only', async () => {
    expect((await runCli(['list', SEED], { isTTY: true, columns: 120 })).stdout).toMatch(SGR);
    expect((await runCli(['list', SEED])).stdout).not.toMatch(/\u001b/);
  });

  it('prints no colour as a process with NO_COLOR=1', () => {
    const result = spawnCli([SEED, '--by', 'section']);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b/);
  });
});

/** Any C0/C1 control character but newline, or an escape sequence that is not one of our own colours. */
function foreignControls(text: string): string[] {
  const withoutOurColours = text.replace(/\u001b\[[0-9;]*m/g, '');
  return [...withoutOurColours.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map((m) => JSON.stringify(m[0]));
}

describe('text from files never reaches the terminal with control characters', () => {
  // fixtures/terminal-escapes holds ESC/CSI, OSC 0 and OSC 8 (BEL- and ST-terminated), BEL,
  // backspace, a C1 CSI and a vertical tab in titles, headings and a claim.
  const inputs = ['fixtures/terminal-escapes/input.md', 'fixtures/control-characters/input.md'];
  const formats: string[][] = [
    ['report'],
    ['report', '--by', 'section'],
    ['report', '--format', 'markdown'],
    ['report', '--format', 'markdown', '--by', 'section'],
    ['list', '--status', 'all'],
    ['list', '--status', 'all', '--group-by', 'section'],
  ];
  for (const input of inputs) {
    for (const format of formats) {
      for (const color of [false, true]) {
        it(`${input}: ${format.join(' ')}${color ? ' (coloured)' : ''}`, async () => {
          const result = await runCli([...format, '--no-config', input], { isTTY: color, columns: 120 });
          expect(result.code).toBe(0);
          expect(result.stdout.length).toBeGreaterThan(0);
          expect(foreignControls(result.stdout)).toEqual([]);
          expect(foreignControls(result.stderr)).toEqual([]);
        });
      }
    }
  }

  it('shows the sanitised text: titles, headings and claims keep their words', async () => {
    const { stdout } = await runCli(['report', '--by', 'section', '--no-config', 'fixtures/terminal-escapes/input.md'], { columns: 120 });
    expect(stdout).toContain('Title with a link and bell here (2h)');
    expect(stdout).toContain('Critical work');
    expect(stdout).toContain('"Done: 1 of 3"');
    expect(stdout).not.toContain('evil.example');
    expect(stdout).not.toContain('owned');
  });

  it('sanitises paths: a file name with an escape sequence in it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-escapes-'));
    const name = 'evil\u001b[31m\u0007name.md';
    try {
      writeFileSync(path.join(dir, name), '# Tasks\n\n## Critical\n\n- [ ] Ship it\n\nDone: 1 of 2\n');
    } catch {
      return; // a file system that refuses such names cannot carry them either
    }
    for (const args of [['report'], ['report', '--format', 'markdown'], ['list']]) {
      const result = await runCli([...args, '--no-config', '.'], { cwd: dir, isTTY: true, columns: 100 });
      expect(result.stdout).toContain('evilname.md');
      expect(foreignControls(result.stdout)).toEqual([]);
    }
  });
});
