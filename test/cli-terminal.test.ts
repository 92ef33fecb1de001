import { pathToFileURL } from 'node:url';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { contrastRatio, TEXT_COLOURS, XTERM_PALETTE } from '../src/render/palette.js';
import { truncateMiddle } from '../src/render/text.js';
import { ROOT, runCli } from './helpers.js';

/**
 * Every command's terminal output at 40, 60, 80, 120 and 200 columns, with
 * colour off (NO_COLOR) and on (with OSC 8 links), over the seeds: no line
 * wider than the terminal (string-width), every item shown with where it is,
 * and the screen kept in test/terminal/<case>-<width>-<mode>.txt.
 */
const WIDTHS = [40, 60, 80, 120, 200] as const;
const SEEDS = 'fixtures/seeds';

interface Located {
  path: string;
  line: number;
}

const SCREENS: Record<string, { argv: string[]; expected: () => Promise<Located[]> }> = {
  'report-table': { argv: ['report', SEEDS], expected: async () => (await blocking()).slice(0, 10).concat(await staleClaims()) },
  'report-by-section': { argv: ['report', '--by', 'section', SEEDS], expected: async () => (await blocking()).slice(0, 10).concat(await staleClaims()) },
  'check-text': { argv: ['check', SEEDS], expected: async () => (await blocking()).concat(await staleClaims()) },
  list: { argv: ['list', SEEDS], expected: async () => listed(['list', '--format', 'json', SEEDS]) },
  'list-grouped': { argv: ['list', '--group-by', 'priority', '--status', 'all', SEEDS], expected: async () => listed(['list', '--format', 'json', '--status', 'all', SEEDS]) },
  'fix-check': { argv: ['fix', '--check', SEEDS], expected: staleClaims },
};

let reportJson: { files: Array<{ path: string; items: Array<{ line: number; blocking: boolean; priority: string }>; claims: Array<{ line: number; stale: boolean | null }> }> } | undefined;
async function report(): Promise<NonNullable<typeof reportJson>> {
  reportJson ??= JSON.parse((await runCli(['report', '--format', 'json', '--no-config', SEEDS])).stdout);
  return reportJson!;
}
const ORDER = ['critical', 'high', 'medium', 'low', 'none'];
async function blocking(): Promise<Located[]> {
  const { files } = await report();
  return files
    .flatMap((file) => file.items.filter((item) => item.blocking).map((item) => ({ path: file.path, line: item.line, rank: ORDER.indexOf(item.priority) })))
    .sort((a, b) => a.rank - b.rank)
    .map(({ path: p, line }) => ({ path: p, line }));
}
async function staleClaims(): Promise<Located[]> {
  const { files } = await report();
  return files.flatMap((file) => file.claims.filter((claim) => claim.stale === true).map((claim) => ({ path: file.path, line: claim.line })));
}
async function listed(argv: string[]): Promise<Located[]> {
  const { items } = JSON.parse((await runCli([...argv, '--no-config'])).stdout) as { items: Located[] };
  return items.map(({ path: p, line }) => ({ path: p, line }));
}

/**
 * Where each line of a screen says an item is: `path:line` written whole or
 * cut in its middle (`fixt…/001_68c6.md:31`), or a file heading followed by
 * `line:column` rows (the grouped layouts).
 */
function locations(screen: string): Array<{ shown: string; line: number }> {
  const found: Array<{ shown: string; line: number }> = [];
  let heading: string | null = null;
  for (const raw of screen.split('\n')) {
    const text = stripVTControlCharacters(raw);
    const head = /^ *(\S*\.mdx?)$/.exec(text);
    if (head) {
      heading = head[1]!;
      continue;
    }
    const row = /^ +(\d+):\d+ /.exec(text);
    if (row && heading !== null) {
      found.push({ shown: heading, line: Number(row[1]) });
      continue;
    }
    for (const match of text.matchAll(/(\S*\.mdx?):(\d+)/g)) found.push({ shown: match[1]!, line: Number(match[2]) });
  }
  return found;
}

/**
 * Whether `shown` is `full`, or `full` cut in its middle with `…` (the
 * directories' middle, or, at the narrowest, the file name's own middle
 * with the directories gone).
 */
function sameLocation(shown: string, full: string): boolean {
  if (shown === full) return true;
  const cut = shown.indexOf('…');
  if (cut < 0) return false;
  const whole = shown.slice(0, cut).includes('/') || shown.startsWith('…/') || shown.slice(cut + 1).includes('/') ? full : full.slice(full.lastIndexOf('/') + 1);
  return whole.startsWith(shown.slice(0, cut)) && whole.endsWith(shown.slice(cut + 1)) && shown.length <= whole.length;
}

describe('terminal screens at every width', () => {
  for (const [name, { argv, expected }] of Object.entries(SCREENS)) {
    for (const width of WIDTHS) {
      for (const mode of ['plain', 'colour'] as const) {
        it(`${name} at ${width} columns, ${mode}`, async () => {
          const env = mode === 'plain' ? { NO_COLOR: '1' } : { FORCE_COLOR: '1', FORCE_HYPERLINK: '1' };
          const result = await runCli([...argv, '--no-config'], { isTTY: true, columns: width, env });
          expect(result.code === 0 || result.code === 1).toBe(true);
          const lines = result.stdout.split('\n');
          const over = lines.filter((line) => stringWidth(line) > width);
          expect(over).toEqual([]);
          if (mode === 'plain') expect(result.stdout).not.toMatch(/\u001b/);
          else expect(result.stdout).toMatch(/\u001b\[/);
          const shown = locations(result.stdout);
          for (const item of await expected()) {
            const hit = shown.some((one) => one.line === item.line && sameLocation(one.shown, item.path));
            expect(hit, `${item.path}:${item.line} at ${width} columns`).toBe(true);
          }
          // Links point into this checkout: the snapshot names it <checkout>, so it holds in any clone.
          const portable = result.stdout.replaceAll(pathToFileURL(ROOT).href.replace(/\/?$/, '/'), 'file:///<checkout>/');
          await expect(portable).toMatchFileSnapshot(path.join('terminal', `${name}-${width}-${mode}.txt`));
        });
      }
    }
  }
});

describe('paths are cut from the middle', () => {
  it('keeps the file name and :line while they fit, and never exceeds the width', () => {
    expect(truncateMiddle('fixtures/seeds/001_68c690fd1671e9f8.md:31', 36)).toBe('fix…seeds/001_68c690fd1671e9f8.md:31');
    expect(truncateMiddle('fixtures/seeds/001_68c690fd1671e9f8.md:31', 30)).toBe('…/001_68c690fd1671e9f8.md:31');
    expect(truncateMiddle('fixtures/seeds/001_68c690fd1671e9f8.md:31', 20)).toBe('001_68c6…1e9f8.md:31');
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9_é日-]{1,12}$/), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 8, max: 80 }),
        (dirs, line, max) => {
          const full = `${dirs.join('/')}.md:${line}`;
          const cut = truncateMiddle(full, max);
          expect(stringWidth(cut)).toBeLessThanOrEqual(max);
          if (stringWidth(full) <= max) expect(cut).toBe(full);
          else if (max >= 12) expect(cut.endsWith(`.md:${line}`)).toBe(true);
        },
      ),
    );
  });
});

describe('colours', () => {
  it('paint text only in colours readable on black and on white (contrast 3:1 or more)', () => {
    for (const [role, colour] of Object.entries(TEXT_COLOURS)) {
      if (colour === null) continue;
      const rgb = XTERM_PALETTE[colour]!;
      expect(contrastRatio(rgb, [0, 0, 0]), `${role} on black`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(rgb, [255, 255, 255]), `${role} on white`).toBeGreaterThanOrEqual(3);
    }
    // What the table used before for medium: plain blue, unreadable on black.
    expect(contrastRatio(XTERM_PALETTE.blue!, [0, 0, 0])).toBeLessThan(3);
  });

  it('draws medium in bright blue, never plain ANSI blue (34)', async () => {
    const { stdout } = await runCli(['report', '--no-config', SEEDS], { isTTY: true, columns: 80, env: { FORCE_COLOR: '1' } });
    expect(stdout).toContain('\u001b[94mmedium');
    expect(stdout).not.toContain('\u001b[34m');
  });
});

describe('messages', () => {
  it('unknown command: did you mean, exit 2', async () => {
    const result = await runCli(['chek']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("shipready: error: unknown command 'chek' (did you mean check?); see `shipready --help`\n");
  });

  it("commander's errors in the one grammar, with its suggestion", async () => {
    const result = await runCli(['check', '--fial-on', 'high']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("shipready: error: unknown option '--fial-on' (did you mean --fail-on?); see `shipready --help`\n");
  });

  it('run-level failures start shipready: error:', async () => {
    const result = await runCli(['report', '--no-config', 'nowhere.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^shipready: error: No markdown files matched `nowhere\.md`/);
  });

  it('options before the command belong to it', async () => {
    const hoisted = await runCli(['--no-config', '--fail-on', 'none', 'check', SEEDS]);
    const inPlace = await runCli(['check', '--no-config', '--fail-on', 'none', SEEDS]);
    expect(hoisted.code).toBe(0);
    expect(hoisted).toEqual(inPlace);
  });

  it('-V and --version print the version', async () => {
    for (const flag of ['-V', '--version', '-v']) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    }
  });
});

describe('paths, globs and stdin', () => {
  const project = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-globs-'));
    writeFileSync(path.join(dir, 'README.md'), '- [ ] readme item\n');
    writeFileSync(path.join(dir, 'TODO.md'), '- [ ] todo item\n');
    writeFileSync(path.join(dir, 'package.json'), '{"name": "x", "description": "- [ ] not a checklist"}\n');
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'plan.md'), '- [ ] plan item\n');
    return dir;
  };
  const files = async (dir: string, argv: string[]): Promise<string[]> => {
    const result = await runCli(['report', '--format', 'json', '--no-config', ...argv], { cwd: dir });
    expect(result.stderr).toBe('');
    return (JSON.parse(result.stdout) as { files: Array<{ path: string }> }).files.map((file) => file.path);
  };

  it('a negation alone narrows the default paths and never reads other files', async () => {
    expect(await files(project(), ['!README.md'])).toEqual(['TODO.md', 'docs/plan.md']);
  });

  it('a negation leaves out what it matches from the globs before it', async () => {
    const dir = project();
    expect(await files(dir, ['**/*.md', '!README.md'])).toEqual(['TODO.md', 'docs/plan.md']);
    expect(await files(dir, ['.', '!docs'])).toEqual(['README.md', 'TODO.md']);
  });

  it('--ignore is repeatable', async () => {
    expect(await files(project(), ['--ignore', 'README.md', '--ignore', 'docs/**'])).toEqual(['TODO.md']);
  });

  it('a glob reads only markdown', async () => {
    expect(await files(project(), ['*'])).toEqual(['README.md', 'TODO.md']);
  });

  it('reads stdin for -, named by --stdin-filename', () => {
    const dir = project();
    const run = (args: string[]): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/shipready.js'), ...args], { cwd: dir, input: '- [ ] piped item (P0)\n', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const check = run(['check', '-', '--stdin-filename', 'NOTES.md']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('NOTES.md:1:1: error: piped item (P0) (critical)');
    const list = run(['list', '-']);
    expect(list.stdout).toContain('<stdin>:1');
    const fix = run(['fix', '-']);
    expect(fix.status).toBe(2);
    expect(fix.stderr).toMatch(/^shipready: error: Unexpected `-`: fix rewrites files in place/);
  });
});

describe('introspection', () => {
  it('--print-config says where each value came from', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-print-config-'));
    writeFileSync(path.join(dir, '.shipreadyrc.yaml'), 'failOn: high\nignore: [drafts/**]\n');
    writeFileSync(path.join(dir, 'TODO.md'), '- [ ] x\n');
    const result = await runCli(['check', '--print-config', 'TODO.md', '--hours-per-day', '6', '--ignore', 'old/**'], { cwd: dir });
    expect(result.code).toBe(0);
    const config = JSON.parse(result.stdout);
    expect(config.configFile).toBe('.shipreadyrc.yaml');
    expect(config.failOn).toEqual({ value: 'high', source: 'config file .shipreadyrc.yaml' });
    expect(config.hoursPerDay).toEqual({ value: 6, source: 'command line' });
    expect(config.ignore.value).toEqual(['drafts/**', 'old/**']);
    expect(config.file).toEqual({ path: 'TODO.md', readByDefaultRun: true });
  });

  it('--debug names the config file, the files and the time on stderr, and leaves stdout alone', async () => {
    const plain = await runCli(['check', '--no-config', SEEDS]);
    const debug = await runCli(['check', '--no-config', '--debug', SEEDS]);
    expect(debug.stdout).toBe(plain.stdout);
    expect(debug.stderr).toContain('shipready: debug: config file: none (--no-config)');
    expect(debug.stderr).toContain('shipready: debug: files: 5 markdown files read');
    expect(debug.stderr).toMatch(/shipready: debug: items: \d+ \(\d+ done, \d+ open\); analysed in \d+ ms/);
  });
});
