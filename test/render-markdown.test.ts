import path from 'node:path';
import type { Heading, Link, Root, Table, Text } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { gateOutcome } from '../src/gate/evaluate.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { outputText, type RenderOptions } from '../src/render/index.js';
import { expectGolden, runCli, SEEDS, SEEDS_DIR } from './helpers.js';

/**
 * `--format markdown` on real input: golden files beside each seed
 * (`<stem>.expected.markdown.txt`), and the document read back with the
 * same GFM parser GitHub's renderer follows, so tables, links and headings
 * are checked as a reader would see them. `UPDATE_FIXTURES=1` rewrites the
 * golden files — review the diff before committing it.
 */
const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);

/** Every node of `type` in document order. */
function nodes<T extends { type: string }>(tree: Root, type: T['type']): T[] {
  const found: T[] = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === type) found.push(node as unknown as T);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(tree);
  return found;
}

function plain(node: { children?: unknown[]; value?: string }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plain(child as { children?: unknown[]; value?: string })).join('');
}

async function report(args: string[]): Promise<Report> {
  const result = await runCli(['report', '--format', 'json', '--no-config', ...args]);
  return JSON.parse(result.stdout) as Report;
}

describe('markdown golden files', () => {
  for (const seed of SEEDS) {
    it(seed, async () => {
      const result = await runCli(['report', '--format', 'markdown', '--no-config', `fixtures/seeds/${seed}`], { isTTY: true, columns: 80, env: { GITHUB_SHA: '0123456789abcdef', SOURCE_DATE_EPOCH: '1767225600' } });
      expect(result.code).toBe(0);
      expect(result.stdout).not.toMatch(/\u001b/); // never coloured, even on a terminal
      expectGolden(path.join(SEEDS_DIR, seed.replace(/\.md$/, '.expected.markdown.txt')), result.stdout);
    });
  }
});

describe('markdown summary of the five seeds, read back as GFM', () => {
  it('has a title, the verdict, a priority table, a file table, linked blocking items and stale claims', async () => {
    const json = await report(['fixtures/seeds']);
    const { stdout } = await runCli(['report', '--format', 'markdown', '--no-config', 'fixtures/seeds']);
    const tree = parse(stdout);

    const headings = nodes<Heading>(tree, 'heading').map((h) => [h.depth, plain(h)]);
    expect(headings).toEqual([
      [1, 'Readiness report'],
      [2, 'Progress by priority'],
      [2, 'Files'],
      [2, 'Blocking items (28)'],
      [2, 'Stale claims (16)'],
      [2, 'Notes'],
    ]);
    expect(plain(tree.children[1] as never)).toBe('🔴 NOT READY — 28 blocking items open (critical)');

    const [priorities, files, claims] = nodes<Table>(tree, 'table');
    const rows = (table: Table): string[][] => table.children.map((row) => row.children.map((cell) => plain(cell)));
    expect(rows(priorities!).map((row) => row[0])).toEqual(['Priority', 'Critical', 'High', 'Medium', 'Low', 'None', 'All']);
    expect(rows(priorities!)[1]).toEqual(['Critical', '2', '28', '1', '0', '6.7%', '4–5.5 d', '13']);
    expect(rows(priorities!)[6]).toEqual(['All', '14', '194', '3', '0', '6.7%', '33–46 d', '93']);
    expect(rows(files!).slice(1).map((row) => row[0])).toEqual(json.files.map((f) => f.path));
    expect(rows(claims!)).toHaveLength(1 + 16);

    // Every open blocking item is a link to path#Lline with its title as the text.
    const blocking = json.files.flatMap((f) => f.items.filter((i) => i.blocking).map((i) => ({ url: `${f.path}#L${i.line}`, title: i.title })));
    const links = nodes<Link>(tree, 'link').map((link) => ({ url: link.url, title: plain(link) }));
    for (const item of blocking) expect(links).toContainEqual(item);
  });

  it('writes per-section tables with --by section', async () => {
    const { stdout } = await runCli(['report', '--format', 'markdown', '--by', 'section', '--no-config', 'fixtures/seeds/001_68c690fd1671e9f8.md']);
    const tree = parse(stdout);
    expect(nodes<Heading>(tree, 'heading').map(plain)).toContain('Progress by section');
    const table = nodes<Table>(tree, 'table')[0]!;
    const first = table.children.map((row) => plain(row.children[0]!).trim());
    expect(first[0]).toBe('Section');
    expect(first).toContain('Week 1: Core Infrastructure (7/10 incomplete)');
    expect(first.at(-1)).toBe('All');
  });
});

/** The markdown of a report as `report` renders it: the default verdict, the report's findings. */
const markdownOf = (json: Report, options: RenderOptions): string => outputText(renderMarkdown({ report: json, ...gateOutcome(json), options }));

describe('renderMarkdown as a function (for `fix` summary blocks)', () => {
  it('nests under a given heading depth and links relative to the file it is embedded in', async () => {
    const json = await report(['fixtures/seeds/002_815a210c10cbfa6a.md']);
    const text = markdownOf(json, { color: false, width: 80, unicode: true, headingDepth: 3, linkBase: 'fixtures/seeds' });
    const tree = parse(text);
    expect(nodes<Heading>(tree, 'heading').map((h) => h.depth)).toEqual([3, 4, 4, 4, 4]);
    const urls = nodes<Link>(tree, 'link').map((link) => link.url);
    expect(urls).toContain('002_815a210c10cbfa6a.md#L12');
    expect(urls.every((url) => !url.startsWith('fixtures/'))).toBe(true);
  });

  it('escapes markdown in titles: pipes, emphasis and brackets survive a round trip', async () => {
    const json = await report(['fixtures/seeds/001_68c690fd1671e9f8.md']);
    const item = json.files[0]!.items.find((i) => i.blocking)!;
    item.title = 'Fix a|b *not emphasis* [not a link](x) <b>html</b> `code`';
    const claim = json.files[0]!.claims.find((c) => c.stale)!;
    claim.text = '7/10 | incomplete `x`';
    const tree = parse(markdownOf(json, { color: false, width: 80, unicode: true }));
    const link = nodes<Link>(tree, 'link').find((l) => l.url.endsWith(`#L${item.line}`) && !plain(l).includes(':'))!;
    expect(plain(link)).toBe(item.title);
    const cells = nodes<Table>(tree, 'table').at(-1)!.children.map((row) => row.children.length);
    expect(new Set(cells)).toEqual(new Set([3])); // the pipe did not split a row
    const texts = nodes<Text>(tree, 'text').map((t) => t.value);
    expect(texts.some((t) => t.includes('<b>'))).toBe(true); // shown as text, not raw HTML
  });

  it('is pure: the same report renders the same text', async () => {
    const json = await report(['fixtures/seeds']);
    const options = { color: false, width: 80, unicode: true };
    expect(markdownOf(json, options)).toBe(markdownOf(structuredClone(json), options));
  });
});
