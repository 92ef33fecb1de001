import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { planChunks, splitAtTopLevelHeadings } from '../src/parse/chunks.js';
import { MAX_NESTING, guardNesting } from '../src/parse/nesting.js';
import { MAX_TABLE_ROWS, guardTables } from '../src/parse/tables.js';
import { parseMarkdown, parseMarkdownWithDiagnostics } from '../src/parse/parse.js';
import { SEEDS, SEEDS_DIR } from './helpers.js';

/** Blocks a checklist is made of, including the ones a split scan can get wrong. */
const block = fc.constantFrom(
  '# Release\n',
  '## High priority\n',
  '### 1. Rotate keys (2h)\n',
  '- [ ] open task\n- [x] done task\n  - [ ] nested task (1 day)\n',
  '1. [ ] first\n2. [x] second\n',
  'Progress: 3/10 done, ~30% complete.\n',
  '```bash\n# not a heading\n\n# still code\n```\n',
  '~~~\n# code\n~~~~\n',
  '- item\n  ```\n  # in a list fence\n',
  '```\n# an unclosed fence\n',
  '<!--\n\n# in a comment\n-->\n',
  '<div>\n# in html\n</div>\n',
  '<script>\n\n# in a script\n</script>\n',
  '> quoted\n> # quoted heading\n',
  '| a | b |\n|---|---|\n| 1/2 | 50% |\n',
  'Paragraph with *emphasis* and `code` and ~~strike~~.\n',
  '    # indented code\n',
  '\t# tab indented\n',
  '#not a heading\n',
  '---\n',
  '',
  // Bullet lists a split may cut: other markers, lazy lines, nested items, fences and HTML in items, breaks.
  '- [ ] a\n- [ ] b\n',
  '* [ ] star\n* [x] star done\n',
  '+ plus\n',
  '- lazy\ncontinued at column 0\n- next\n',
  '- item\n  - nested\n- item\n',
  '- with fence\n  ```\n- not an item\n  ```\n',
  '<div>\n- in html\n- still html\n',
  '- - -\n',
  '* * *\n',
  'A paragraph\n- interrupted by a list\n',
  'Setext\n---\n- after\n',
  // Plain task lines, built without micromark, and lines that only look plain.
  '- [ ] Plain task 1\n- [x] Plain task 2, done (1h)\n- [X] Ünïcödé: 50% ok?\n',
  '* [ ] a/b = c @d\n* [x] e\n',
  '- [ ] before a nested item\n  - [ ] nested\n',
  '- [ ] before a lazy line\nlazy\n',
  '- [ ] before a setext underline\n---\n',
  '- [ ] trailing space \n- [ ]  two spaces\n- [ ]\n- [ ] \n',
  '- [ ] *emphasis* and `code`\n- [ ] [link](x) and <b>\n- [ ] a_b ~c~ &amp; \\* | d\n',
  '- [ ] astral 𝐀 letter\n- [ ] tab\there\n- [ ](paren) [x]\n',
  '- [ ] 1. number\n- [ ] # hash\n',
);

const document = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n')), { maxLength: 40 }))
  .map(([frontMatter, blocks]) => (frontMatter ? '---\ntitle: x\n\n# yaml comment\n---\n' : '') + blocks.map(([b, sep]) => b + sep).join(''));

describe('parsing in chunks', () => {
  it('gives the same mdast as parsing whole, for any mix of blocks (split at every possible heading)', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(parseMarkdown(text, { chunking: true, chunkSize: 1 })).toEqual(parseMarkdown(text, { chunking: false }));
      }),
      { numRuns: Number(process.env.CHUNK_RUNS ?? 300) },
    );
  });

  it('gives the same mdast on the seeds, split as small as they allow', () => {
    for (const seed of SEEDS) {
      const text = readFileSync(path.join(SEEDS_DIR, seed), 'utf8');
      expect(parseMarkdown(text, { chunking: true, chunkSize: 1 }), seed).toEqual(parseMarkdown(text, { chunking: false }));
    }
  });

  it('builds runs of plain task lines without micromark, to the same mdast, with any line ending', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const lines = ['# Big list', ''];
      for (let i = 1; i <= 3000; i++) {
        lines.push(`${i % 700 === 0 ? '*' : '-'} [${i % 3 === 0 ? 'x' : ' '}] Do task ${i} (${i % 5}h)`);
        if (i % 50 === 0) lines.push('  - [ ] a nested item');
        if (i % 333 === 0) lines.push('- [ ] *not* plain');
      }
      const text = lines.join(eol) + eol;
      const plan = planChunks(text);
      expect(plan.chunks.filter((chunk) => chunk.plain).length).toBeGreaterThan(10);
      expect(parseMarkdown(text)).toEqual(parseMarkdown(text, { chunking: false }));
      expect(parseMarkdown(text.trimEnd())).toEqual(parseMarkdown(text.trimEnd(), { chunking: false }));
    }
  });

  it('splits only at top-level headings after a blank line, outside fences, HTML blocks and front matter', () => {
    const text = '---\na: 1\n\n# c\n---\n\n# One\n\n```\n\n# code\n```\n\n<!--\n\n# comment\n-->\n\n## Two\ntext\n# Three\n';
    const lines = splitAtTopLevelHeadings(text, 1).map((start) => start.line);
    expect(lines).toEqual([1, 7, 19]);
  });

  it('does not split a text with definitions, which resolve document-wide', () => {
    const text = '# One\n\n[a]: https://example.com\n\n# Two\n\n- [ ] see [a]\n';
    expect(splitAtTopLevelHeadings(text, 1)).toEqual([{ offset: 0, line: 1 }]);
  });
});

describe('the nesting guard', () => {
  it('leaves ordinary nesting alone', () => {
    const text = '- [ ] a\n  - [ ] b\n    - [ ] c\n> > quoted\n';
    expect(guardNesting(text)).toEqual({ text, diagnostics: [] });
  });

  it('cuts block quotes deeper than the limit, keeping every offset, with one warning', () => {
    const text = `intro\n${'>'.repeat(10_000)} - [ ] deep task\n`;
    const { text: guarded, diagnostics } = guardNesting(text);
    expect(guarded).toHaveLength(text.length);
    expect(guarded.startsWith(`intro\n${'>'.repeat(MAX_NESTING)}\u00a0`)).toBe(true);
    expect(diagnostics).toEqual([{ line: 2, severity: 'warning', message: expect.stringContaining(`deeper than ${MAX_NESTING} levels on 1 line`) }]);
  });

  it('cuts list items nested by indentation deeper than the limit', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- [ ] level ${i}`);
    const { text, diagnostics } = guardNesting(lines.join('\n'));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.line).toBe(MAX_NESTING + 1);
    const tree = parseMarkdown(text);
    let depth = 0;
    let list: Nodes | undefined = tree.children[0];
    while (list?.type === 'list') {
      depth++;
      list = list.children[0]!.children.find((child) => child.type === 'list');
    }
    expect(depth).toBeLessThanOrEqual(MAX_NESTING + 1);
    expect(depth).toBeGreaterThanOrEqual(MAX_NESTING - 1);
  });

  it('reports through the parser', () => {
    const { diagnostics } = parseMarkdownWithDiagnostics(`${'- '.repeat(5_000)}[ ] x\n`);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.severity).toBe('warning');
  });
});

describe('the table guard', () => {
  const table = (rows: number) => `| a | b |\n|---|---|\n${'| 1/2 done | 50% |\n'.repeat(rows)}`;

  it('leaves tables up to the limit alone', () => {
    const text = `# T\n\n${table(MAX_TABLE_ROWS)}\n- [ ] after\n`;
    expect(guardTables(text)).toEqual({ text, diagnostics: [] });
  });

  it('blanks the rows after the limit, keeping lines and offsets, and what follows the table', () => {
    const text = `# T\n\n${table(MAX_TABLE_ROWS + 500)}\n- [ ] after\n`;
    const { tree, diagnostics } = parseMarkdownWithDiagnostics(text);
    expect(diagnostics).toEqual([
      { line: 3 + 2 + MAX_TABLE_ROWS, severity: 'warning', message: expect.stringContaining(`table of ${MAX_TABLE_ROWS + 500} rows`) },
    ]);
    const parsedTable = tree.children.find((node) => node.type === 'table');
    expect(parsedTable?.type === 'table' && parsedTable.children).toHaveLength(MAX_TABLE_ROWS + 1);
    const list = tree.children.at(-1)!;
    expect(list.type).toBe('list');
    expect(list.position?.start.line).toBe(text.split('\n').length - 1);
    expect(list.position?.start.offset).toBe(text.indexOf('- [ ] after'));
  });

  it('does not take rows with another number of cells for a table', () => {
    const text = `| a | b | c |\n|---|---|\n${'| x |\n'.repeat(MAX_TABLE_ROWS + 10)}`;
    expect(guardTables(text).diagnostics).toEqual([]);
  });
});
