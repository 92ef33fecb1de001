/**
 * The remark pipeline's extension points, through the CLI as a process: the
 * configuration's `remarkPlugins` (a real plugin, remark-emoji, and a local
 * one with options), on the main thread and on worker threads, as part of
 * the cache's identity, and the one-line errors of plugins that cannot be
 * loaded; `.mdx` files found in directories and read through remark-mdx,
 * and an MDX file that does not parse reported while the run goes on.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ListedItem as ListItem } from '../src/list/filter.js';
import type { Report } from '../src/model.js';
import { ROOT, spawnCli } from './helpers.js';

const EMOJI = path.join(ROOT, 'test', 'config-fixtures', 'remark-emoji');

/** A temporary project: file path → content. Returns its directory. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-remark-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function listItems(argv: string[], cwd: string): { items: Array<Pick<ListItem, 'id' | 'title' | 'status'>>; code: number | null; stderr: string } {
  const result = spawnCli(['list', '--format', 'json', '--status', 'all', ...argv], { cwd });
  const items = result.stdout ? (JSON.parse(result.stdout) as { items: ListItem[] }).items : [];
  return { items: items.map(({ id, title, status }) => ({ id, title, status })), code: result.code, stderr: result.stderr };
}

describe('remarkPlugins', () => {
  it('runs remark-emoji before the checklist is read: `:white_check_mark:` under a work heading is a done marker item', () => {
    const withPlugin = listItems([], EMOJI);
    expect(withPlugin.code).toBe(0);
    expect(withPlugin.items).toContainEqual({ id: 'TODO.md:5', title: 'ship it', status: 'done' });
    // Without the configuration the shortcode is plain text: no marker item at all.
    const without = listItems(['--no-config'], EMOJI);
    expect(without.items).toEqual([]);
  });

  it('loads the plugins on worker threads too', () => {
    const main = listItems(['--concurrency', 'off'], EMOJI);
    const workers = listItems(['--concurrency', '2'], EMOJI);
    expect(workers.code).toBe(0);
    expect(workers.items).toEqual(main.items);
    expect(workers.items).toContainEqual({ id: 'TODO.md:5', title: 'ship it', status: 'done' });
  });

  it('makes the plugins part of the cache identity: a cached run without them is not reused with them', () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'shipready-remark-cache-'));
    const without = listItems(['--no-config', '--cache-location', cache], EMOJI);
    expect(without.items).toEqual([]);
    const withPlugin = listItems(['--cache-location', cache], EMOJI);
    expect(withPlugin.items).toContainEqual({ id: 'TODO.md:5', title: 'ship it', status: 'done' });
    expect(listItems(['--no-config', '--cache-location', cache], EMOJI).items).toEqual([]);
  });

  it('resolves a local plugin from the config file\'s directory and passes it its options', () => {
    // Turns the word in `from` at the start of a text into `to`; no dependencies, so it loads from a temporary directory.
    const plugin = [
      'export default function replaceWord(options) {',
      '  return (tree) => {',
      '    const stack = [tree];',
      '    while (stack.length > 0) {',
      '      const node = stack.pop();',
      "      if (node.type === 'text' && node.value.startsWith(options.from)) node.value = options.to + node.value.slice(options.from.length);",
      '      if (node.children) stack.push(...node.children);',
      '    }',
      '  };',
      '}',
      '',
    ].join('\n');
    const dir = project({
      'docs/.shipreadyrc.yaml': 'remarkPlugins:\n  - [../plugins/replace-word.mjs, { from: "SHIPPED", to: "✅" }]\n',
      'plugins/replace-word.mjs': plugin,
      'docs/TODO.md': '# Release\n\n## Done\n\n- SHIPPED the installer\n- the docs\n',
    });
    const { items, code } = listItems([], path.join(dir, 'docs'));
    expect(code).toBe(0);
    expect(items).toEqual([{ id: 'TODO.md:5', title: 'the installer', status: 'done' }]);
  });

  it('stops with exit 2 and one line naming the file and the plugin when a plugin is not installed', () => {
    const dir = project({ '.shipreadyrc.yaml': 'remarkPlugins: [remark-not-installed-anywhere]\n', 'TODO.md': '- [ ] x\n' });
    const result = spawnCli(['report'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'shipready: error: .shipreadyrc.yaml: cannot load remark plugin `remark-not-installed-anywhere` (MODULE_NOT_FOUND from the config file\'s directory); install it (npm install --save-dev remark-not-installed-anywhere) or remove it from remarkPlugins\n',
    );
  });

  it('stops with exit 2 when a module is no plugin, or an entry is neither a name nor a pair', () => {
    const notPlugin = project({ '.shipreadyrc.yaml': 'remarkPlugins: [./settings.mjs]\n', 'settings.mjs': 'export default 42;\n', 'TODO.md': '- [ ] x\n' });
    const result = spawnCli(['report'], { cwd: notPlugin });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'shipready: error: .shipreadyrc.yaml: cannot load remark plugin `./settings.mjs` (it exports no plugin function (default export)); check that it is a remark plugin, or remove it from remarkPlugins\n',
    );
    const badEntry = project({ '.shipreadyrc.yaml': 'remarkPlugins: [[remark-emoji]]\n', 'TODO.md': '- [ ] x\n' });
    const bad = spawnCli(['report'], { cwd: badEntry });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('shipready: error: .shipreadyrc.yaml: Unexpected remarkPlugins[0] `["remark-emoji"]`, expected a module name or path, or a [name, options] pair\n');
  });
});

describe('.mdx files', () => {
  it('are found in directories and read as MDX: ESM, JSX and expressions are no items, task list items are', () => {
    const dir = project({
      'docs/plan.mdx': "import { Note } from './note.js'\n\n# Plan\n\n<Note type=\"tip\">Ship it {1 + 1}</Note>\n\n## Tasks\n\n- [ ] write it {props.when}\n- [x] test it\n",
      'TODO.md': '# Plan\n\n- [ ] plain markdown\n',
    });
    const result = spawnCli(['report', '--format', 'json', '--no-config'], { cwd: dir });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((file) => file.path)).toEqual(['TODO.md', 'docs/plan.mdx']);
    const mdx = report.files[1]!;
    expect(mdx.diagnostics).toEqual([]);
    expect(mdx.items.map((item) => [item.line, item.title, item.status])).toEqual([
      [9, 'write it', 'todo'],
      [10, 'test it', 'done'],
    ]);
  });

  it('reports an MDX file that does not parse as an error naming line and column, and goes on with the others (exit 2)', () => {
    const dir = project({ 'broken.mdx': '# Plan\n\n## Tasks\n\n- [ ] write it\n- [x] test it {oops\n', 'ok.md': '# Plan\n\n- [ ] fine\n' });
    const result = spawnCli(['report', '--format', 'json', '--no-config'], { cwd: dir });
    expect(result.code).toBe(2);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.files.map((file) => [file.path, file.totals.items])).toEqual([['broken.mdx', 0], ['ok.md', 1]]);
    expect(report.files[0]!.diagnostics).toEqual([{
      line: 6,
      severity: 'error',
      message: 'cannot read the file as MDX (column 20: Unexpected end of file in expression, expected a corresponding closing brace for `{`); fix the MDX syntax, or rename the file to .md',
    }]);
    expect(result.stderr).toContain('broken.mdx:6:1: error: cannot read the file as MDX (column 20:');
  });
});
