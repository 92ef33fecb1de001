/**
 * Hostile input (issue 7): text from files — titles with terminal escapes,
 * control characters and HTML, and crafted file names — never reaches a
 * terminal, a CI log or a rendered summary raw, in any format.
 *
 * - No output holds a control character other than a newline.
 * - No line but a real workflow command starts with `::` (GitHub Actions
 *   reads `::error::…` on stdout and stderr as a command).
 * - `github` properties follow the workflow-command rules (`%`, CR, LF, `:`,
 *   `,`) and a decoded `file=` is the file's path (or its printable form).
 * - HTML in titles is text in markdown (no HTML node when the summary is
 *   parsed back), escaped in JUnit XML, plain text in SARIF.
 */
import { copyFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Nodes } from 'mdast';
import { beforeAll, describe, expect, it } from 'vitest';
import { printablePath } from '../src/load/discover.js';
import type { Report } from '../src/model.js';
import { parseMarkdown } from '../src/parse/parse.js';
import { ROOT, runCli } from './helpers.js';

const HOSTILE_TITLE = 'Escape <script>alert(1)</script> in the preview';
/** File names a repository could hold: a newline that starts a workflow command, ESC, `%`, `:`, `,`, tab, CR. */
const CRAFTED = ['evil\n::error file=x::pwned.md', 'esc\u001b[31mred\u001b[0m %:,.md', 'tab\there\r.md'];
const CLAIMED = '# Critical\n\n- [ ] Rotate the keys (P0)\n\nProgress: 1/7 done\n';

let dir = '';
let paths: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shipready-escapes-'));
  for (const fixture of ['html-in-titles', 'terminal-escapes', 'control-characters']) {
    copyFileSync(path.join(ROOT, 'fixtures', fixture, 'input.md'), path.join(dir, `${fixture}.md`));
  }
  for (const name of CRAFTED) writeFileSync(path.join(dir, name), CLAIMED);
  writeFileSync(path.join(dir, 'binary\n::error::injected.md'), Buffer.from([0, 1, 2]));
  symlinkSync('gone\n::error::link', path.join(dir, 'link\u001b]0;title\u0007.md'));
  const json = await runCli(['report', '--format', 'json', '--no-config', '.'], { cwd: dir });
  paths = (JSON.parse(json.stdout) as Report).files.map((file) => file.path);
});

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** Runs shipready in the hostile directory and checks what every format must hold. */
async function hostileRun(argv: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const result = await runCli([...argv, '--no-config', '.'], { cwd: dir });
  expect(result.stdout).not.toMatch(CONTROL);
  expect(result.stderr).not.toMatch(CONTROL);
  for (const line of result.stderr.split('\n')) expect(line.startsWith('::'), line).toBe(false);
  return result;
}

describe('hostile titles and file names', () => {
  it('the directory holds every crafted file (the test is not vacuous)', () => {
    expect(paths).toEqual(expect.arrayContaining([...CRAFTED, 'html-in-titles.md', 'terminal-escapes.md']));
    expect(paths).toHaveLength(8);
  });

  for (const argv of [['report'], ['report', '--format', 'json'], ['check'], ['list'], ['report', '--by', 'section']]) {
    it(`${argv.join(' ')}: no control character, no line that is a workflow command`, async () => {
      const result = await hostileRun(argv);
      for (const line of result.stdout.split('\n')) expect(line.startsWith('::'), line).toBe(false);
      if (!argv.includes('json')) expect(result.stdout).toContain('Escape <script>alert(1)</script>');
    });
  }

  it('github: one command per line, properties escaped as the workflow-command rules say', async () => {
    const result = await hostileRun(['report', '--format', 'github']);
    const lines = result.stdout.trimEnd().split('\n');
    const decode = (value: string): string =>
      value.replace(/%(25|0D|0A|3A|2C)/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    let commands = 0;
    for (const line of lines) {
      if (line.startsWith('shipready: ')) continue;
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      commands++;
      const file = /(?:^|,)file=([^,]*)/.exec(match![2]!)?.[1];
      // Decoded, it is the path, its control characters aside (those the rules leave are written `%1B`).
      if (file !== undefined) expect(paths.map(printablePath)).toContain(printablePath(decode(file)));
    }
    // 3 crafted files × (1 blocking item + 1 stale claim), the fixtures' own, the unreadable two.
    expect(commands).toBeGreaterThanOrEqual(8);
    expect(result.stdout).toContain('file=evil%0A%3A%3Aerror file=x%3A%3Apwned.md,');
    expect(result.stdout).toContain('file=esc%1B[31mred%1B[0m %25%3A%2C.md,');
    expect(result.stdout).toContain(`::${HOSTILE_TITLE}`);
  });

  it('markdown: HTML in titles is escaped text, never an HTML node of the summary (only the footer and folds are HTML)', async () => {
    const result = await hostileRun(['report', '--format', 'markdown']);
    const tree = parseMarkdown(result.stdout);
    const html: string[] = [];
    let text = '';
    const visit = (node: Nodes): void => {
      if (node.type === 'html') html.push(node.value);
      if (node.type === 'text') text += node.value;
      if ('children' in node) (node.children as Nodes[]).forEach(visit);
    };
    visit(tree);
    for (const value of html) expect(value).toMatch(/^(<details>\n<summary>[\w ]+<\/summary>|<\/details>|<p><sub>shipready [\w.· :-]+<\/sub><\/p>)$/);
    expect(text).toContain(HOSTILE_TITLE);
    expect(result.stdout).not.toContain('](javascript:');
  });

  it('junit: well-formed XML whose names read back as the titles', async () => {
    const result = await hostileRun(['report', '--format', 'junit']);
    for (const line of result.stdout.split('\n')) expect(line.trimStart().startsWith('::'), line).toBe(false);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    expect(result.stdout).not.toContain('<script>');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout) as {
      testsuites: { testsuite: Array<{ testcase?: Array<{ name: string }> | { name: string } }> };
    };
    const names = parsed.testsuites.testsuite.flatMap((suite) => [suite.testcase ?? []].flat().map((testcase) => testcase.name));
    // The name ends with the item's `path:line` (JUnit has no line attribute on a test case).
    expect(names.some((name) => name.startsWith(`${HOSTILE_TITLE} (`) && name.endsWith(':5)'))).toBe(true);
  });

  it('sarif: valid JSON, titles as plain message text', async () => {
    const result = await hostileRun(['report', '--format', 'sarif']);
    const log = JSON.parse(result.stdout) as { runs: Array<{ results: Array<{ message: { text: string } }> }> };
    expect(log.runs[0]!.results.map((r) => r.message.text)).toContain(`Blocking item (critical): ${HOSTILE_TITLE}`);
  });
});
