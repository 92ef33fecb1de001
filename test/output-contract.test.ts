/**
 * The output contract (docs/architecture.md, "Output contract"): one verdict
 * sentence in every format, formats chosen and handled by their registry
 * traits, and one sanitiser for every destination.
 */
import { describe, expect, it } from 'vitest';
import { type CommandName, formats, formatsFor } from '../src/render/index.js';
import { listFormats } from '../src/render/list.js';
import { escapeControls, printablePath, sanitizeText, workflowMessage, workflowProperty, xmlSafe } from '../src/text/sanitize.js';
import { runCli } from './helpers.js';

const READY_SEED = 'fixtures/seeds/004_2f307842d6d35cc9.md';
const SEEDS = 'fixtures/seeds';

describe('one verdict sentence', () => {
  for (const [seed, sentence] of [
    [READY_SEED, 'READY — no blocking items (4 open)'],
    [SEEDS, 'NOT READY — 28 blocking items open (critical)'],
  ] as const) {
    it(`says "${sentence}" in every format and on stderr`, async () => {
      const run = (...argv: string[]) => runCli([...argv, '--no-config', seed]);
      const [table, text, markdown, github, json] = await Promise.all([
        run('report'),
        run('check'),
        run('report', '--format', 'markdown'),
        run('report', '--format', 'github'),
        run('check', '--format', 'json'),
      ]);
      expect(table.stdout.split('\n')[0]).toBe(sentence);
      expect(text.stdout.split('\n')[0]).toBe(sentence);
      const head = sentence.slice(0, sentence.indexOf(' — '));
      expect(markdown.stdout).toContain(`**${head}**${sentence.slice(head.length)}\n`);
      expect(github.stdout.trimEnd().split('\n').at(-1)).toBe(`shipready: ${sentence}`);
      expect(json.stderr.split('\n')[0]).toBe(`shipready: ${sentence}`);
    });
  }

  it('is the gate verdict in a format that states it, and is not repeated on stderr', async () => {
    const result = await runCli(['check', '--no-config', '--format', 'table', '--min-percent', '50', READY_SEED]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('NOT READY — overall 42.86% done (3/7), below the minimum of 50%');
    expect(result.stderr).not.toContain('NOT READY');
  });
});

describe('format registry', () => {
  const commands: CommandName[] = ['report', 'check', 'watch'];

  it('names exactly one default per command, among the formats the command offers', () => {
    for (const command of commands) {
      expect(formatsFor(command, formats).filter((name) => formats[name].defaultFor.includes(command))).toHaveLength(1);
    }
    expect(formatsFor('list', listFormats).filter((name) => listFormats[name].defaultFor.includes('list'))).toHaveLength(1);
  });

  it('offers each command the formats its registry entries name, in registry order', async () => {
    for (const command of ['report', 'check'] as const) {
      const help = (await runCli([command, '--help'])).stdout.replace(/\s+/g, ' ');
      const choices = formatsFor(command, formats).map((name) => `"${name}"`).join(', ');
      expect(help).toContain(`(choices: ${choices})`);
    }
  });

  it('writes nothing on --quiet only for a format that says so', async () => {
    const quietText = await runCli(['check', '--no-config', '--quiet', SEEDS]);
    expect(formats.text.silentWhenQuiet).toBe(true);
    expect(quietText.stdout).toBe('');
    const quietJson = await runCli(['check', '--no-config', '--quiet', '--format', 'json', SEEDS]);
    expect(formats.json.silentWhenQuiet).toBe(false);
    expect(JSON.parse(quietJson.stdout)).toHaveProperty('ready', false);
  });
});

describe('sanitiser', () => {
  const crafted = 'a\u001b[31mred\u001b[0m\tb\nc\u0007d\u0085e\u007ff';

  it('keeps a terminal line free of escapes and controls, whitespace collapsed', () => {
    expect(sanitizeText(crafted)).toBe('ared b cdef');
  });

  it('percent-escapes every control character of a path', () => {
    expect(printablePath('x\ny\u001b\tz\u0085.md')).toBe('x%0Ay%1B%09z%85.md');
  });

  it('shows a diff\'s controls as \\xNN but keeps tab and line endings', () => {
    expect(escapeControls('a\tb\r\nc\u001bd\u000be\u007f')).toBe('a\tb\r\nc\\x1bd\\x0be\\x7f');
  });

  it('drops only what XML 1.0 cannot carry', () => {
    expect(xmlSafe('a\u0000b\tc\nd\u007fe\ufffff\ud800g😀')).toBe('ab\tc\nd\u007fefg😀');
  });

  it('escapes workflow-command messages and properties so they cannot end the command', () => {
    expect(workflowMessage('50% done\n::error::x')).toBe('50%25 done ::error::x');
    expect(workflowProperty('a:b,c\n\u001b.md')).toBe('a%3Ab%2Cc%0A%1B.md');
  });
});
