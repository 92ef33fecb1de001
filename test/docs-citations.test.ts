import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/**
 * Comments cite the repository's own docs, never the product specification
 * or issue numbers, and every `docs/<page>.md#anchor` they cite exists
 * (GitHub's anchor of a heading: lower case, punctuation dropped, spaces to
 * hyphens).
 */
function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

function anchors(page: string): Set<string> {
  const text = readFileSync(path.join(ROOT, 'docs', page), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(
    [...text.matchAll(/^#{1,6} +(.+)$/gm)].map((m) => m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N} -]/gu, '').replace(/ /g, '-')),
  );
}

describe('comments cite the docs', () => {
  const files = sources(path.join(ROOT, 'src'));

  it('never cite SPEC.md, STYLE.md or issue numbers', () => {
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/SPEC\.md|STYLE\.md|\bissue #?\d+/i.test(line) ? [`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('cite anchors that exist', () => {
    const pages = new Map<string, Set<string>>();
    const broken: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/docs\/([\w-]+\.md)#([\w-]+)((?:, #[\w-]+)*)/g)) {
        const page = match[1]!;
        if (!pages.has(page)) pages.set(page, anchors(page));
        const wanted = [match[2]!, ...[...match[3]!.matchAll(/#([\w-]+)/g)].map((m) => m[1]!)];
        for (const anchor of wanted) if (!pages.get(page)!.has(anchor)) broken.push(`${path.relative(ROOT, file)}: docs/${page}#${anchor}`);
      }
    }
    expect(broken).toEqual([]);
    expect(pages.get('rules.md')?.size ?? 0).toBeGreaterThan(5);
  });
});
