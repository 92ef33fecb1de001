/**
 * The scan (docs/architecture.md#the-scan): a file it rules out gives no
 * item and no claim when parsed in full. Proven over generated documents
 * built to come close (checkboxes in code and HTML comments, vocabulary in
 * prose, emoji in tables, numbered headings, markup inside words, character
 * references), over random markdown-ish text, and over every fixture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/extract.js';
import { RECOGNISERS } from '../src/extract/recognisers/index.js';
import type { Recogniser } from '../src/extract/recognisers/types.js';
import { scanFor } from '../src/extract/scan.js';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { decodeMarkdown } from '../src/load/decode.js';
import { parseMarkdownWithDiagnostics } from '../src/parse/parse.js';
import { ROOT } from './helpers.js';

const vocabulary = buildVocabulary();
const scan = scanFor(vocabulary);

/** What a full parse finds: items, claims and parse warnings. */
function fullParse(text: string, recognisers: readonly Recogniser[] = RECOGNISERS, file = 'doc.md'): { items: number; claims: number; warnings: number } {
  const parsed = parseMarkdownWithDiagnostics(text);
  const document = extractDocument(parsed.tree, text, { path: file, vocabulary }, recognisers);
  return { items: document.items.length, claims: document.claims.length, warnings: parsed.diagnostics.length };
}

/** Blocks that come close to an item or a claim without being one, and some that are. */
const BLOCKS = [
  '# Guide', '## 1. Installation', '### 2) Configure', '## Tasks', '## Critical fixes', '## Backlog', '# Notes',
  '## **1.** Deploy', '## `1`. Code', '## <b>2</b>. Bold', '## Ta**sks**', '## Back<i>log</i>', '## [To](x)dos', '## 🔴 Urgent',
  '## Phase 1: Set-up', '### 3. Rotate keys', '## &#49;. Entity number', '## Ta&#115;ks',
  '1. Installation\n===', 'Tasks\n---', 'Intro\n2: Two\n---', '1: Setup\n===',
  '- [ ] Write the changelog', '- [x] Tag the release', '* [/] Half done', '- [-] Dropped', '1. [ ] Numbered box', '> - [ ] Quoted box',
  '- plain bullet', '- ✅ Shipped it', '- ❌ None', '✅ Done line', '⏳ Waiting on review', '- \\[/\\] escaped Obsidian', '- &#91; ] referenced box',
  '```\n- [ ] in a fence\n```', '    - [ ] indented code', '<!-- - [ ] in a comment -->', '`- [ ] inline code`',
  '| Feature | State |\n|---|---|\n| Export | ✅ |\n| Import | ❌ |',
  'We should open the door before 3 people left.', 'The task is done.', 'Version 1.2 is out: 40% faster.', 'See step 3. It is complete.',
  '5 tasks remaining', 'Done: 5', 'Progress: 45%', '3/5 done', '~32% of checklist completed', '3 of 5 tasks done', '7/10 incomplete',
  '**Done**: 5', 'do*ne*: 3', '3 **tasks** are still open', 'Effort: 2h', 'Status: done', 'Priority: high', '**Effort**: 3d',
  '- Effort: 2h', 'Owner: ana', '&#x2705; Ship it', 'Remaining: 3 hours', 'Week 1 of 3 complete', '12 open issues',
  '---\ntitle: Release 1.0\nstatus: done\n---', '***', '> ## 1. Quoted heading', '- ## 2. Listed heading', '',
  // Hand-written boxes, Kiro's optional star, struck-through titles, other languages, word-first claims.
  '- [✓] Hand-ticked', '- [] Empty box', '- [~] Dropped by hand', '- [!] Important', '- [ ]* Optional', '- [⏳] Waiting',
  '- ~~Wire the API~~ ✓ DONE', '- ~~Old idea~~ dropped', '## 任务', '## 할 일', '## Aufgaben', '## 高优先级', '## 🔄 In progress',
  '완료 3/5', '已完成 3/5', '✅ ALL COMPLETE (9/9)', 'Complete (85%)', '3 erledigt', 'Total Completed: 41 tasks', '[priority:: high]',
  '- [ ] T001 [P] Set up', 'Priorität: hoch', '## Hohe Priorität', '## 1. Étape',
  // Invisible characters, words split or bounded by markup, words inside longer words.
  '## Ta\u200bsks', '- \u200b✅ Shipped', '\u001b[1m✅\u001b[0m Done line', '## x\\*Ta**sks**', '## High*', '## Workflow', '## 1. Database',
  '## P**0**', '## must-have features', '## Highest', '## `Critical`', '## <b>Low</b>er',
  // Fences and what may hide one: HTML blocks, front matter, indentation, an unclosed fence.
  '```\n## Tasks\n### 1. In code\n```', '<!--\n```\n-->', '<div>\n```\n</div>', ' ```\n- [ ] one-space fence\n ```', '  ```', '~~~~\n- [ ] tilde\n~~~',
  '```js `x`', '---\ntitle: x\n```\n---', '```',
];

const documents = fc.array(fc.constantFrom(...BLOCKS), { minLength: 1, maxLength: 8 }).chain((blocks) =>
  fc.array(fc.constantFrom('\n', '\n\n'), { minLength: blocks.length, maxLength: blocks.length }).map((seps) =>
    blocks.map((block, i) => block + seps[i]).join(''),
  ),
);

/** Characters markdown gives meaning to, and letters of the words the recognisers look for. */
const ALPHABET = ['#', ' ', '\n', '1', '2', '.', ')', ':', '-', '=', '[', ']', 'x', '/', '>', '*', '_', '`', '<', '&', ';', '%', '~',
  '✅', '🔴', 'T', 'a', 's', 'k', 'd', 'o', 'n', 'e', 'h', 'i', 'g', ' done', ' tasks', ' open', 'Effort', 'Progress'];
const markdownish = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 60 }).map((parts) => parts.join(''));

describe('a file the scan rules out gives nothing when parsed in full', () => {
  it('on generated documents with near misses', () => {
    let skipped = 0;
    let candidates = 0;
    fc.assert(
      fc.property(documents, (text) => {
        if (scan.isCandidate(text)) {
          candidates++;
          return;
        }
        skipped++;
        expect({ text, ...fullParse(text) }).toEqual({ text, items: 0, claims: 0, warnings: 0 });
      }),
      { numRuns: 1500 },
    );
    // The property says something only if both sides are reached.
    expect(skipped).toBeGreaterThan(50);
    expect(candidates).toBeGreaterThan(50);
  });

  it('on random markdown-ish text', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        if (scan.isCandidate(text)) return;
        expect({ text, ...fullParse(text) }).toEqual({ text, items: 0, claims: 0, warnings: 0 });
      }),
      { numRuns: 3000 },
    );
  });

  it('recogniser by recogniser: a text none of its own triggers match gives it no item', () => {
    for (const recogniser of RECOGNISERS) {
      const alone = scanFor(vocabulary, [recogniser]);
      fc.assert(
        fc.property(documents, (text) => {
          if (alone.isCandidate(text)) return;
          // The claim finder's triggers are in every scan: compare items only.
          expect({ recogniser: recogniser.name, text, items: fullParse(text, [recogniser]).items }).toEqual({ recogniser: recogniser.name, text, items: 0 });
        }),
        { numRuns: 500 },
      );
    }
  });

  it('claims alone: a text the claim triggers reject gives no claim (the claim search is left out there)', () => {
    let rejected = 0;
    fc.assert(
      fc.property(documents, (text) => {
        if (scan.mayHoldClaims(text)) return;
        rejected++;
        expect({ text, claims: fullParse(text).claims }).toEqual({ text, claims: 0 });
      }),
      { numRuns: 1500 },
    );
    expect(rejected).toBeGreaterThan(50);
  });

  it('on every fixture', () => {
    const dir = path.join(ROOT, 'fixtures');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(?:md|markdown)$/.test(file) && !file.includes('.expected.'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = decodeMarkdown(readFileSync(path.join(dir, file))).text;
      const where = file.split(path.sep).join('/');
      if (!scan.mayHoldClaims(text)) expect({ file, claims: fullParse(text, RECOGNISERS, where).claims }).toEqual({ file, claims: 0 });
      if (scan.isCandidate(text, where)) continue;
      expect({ file, ...fullParse(text, RECOGNISERS, where) }).toEqual({ file, items: 0, claims: 0, warnings: 0 });
    }
  });
});

describe('the scan is the union of what the recognisers declare', () => {
  it('a recogniser added to the list makes its own texts candidates', () => {
    const text = 'Nothing here but the word zyzzyva.\n';
    expect(scan.isCandidate(text)).toBe(false);
    const added: Recogniser = { name: 'zyzzyva', triggers: () => [[{ view: 'source', test: /zyzzyva/ }]] };
    expect(scanFor(vocabulary, [...RECOGNISERS, added]).isCandidate(text)).toBe(true);
  });

  it('configured priority words are triggers: a numbered heading under a heading with one is a candidate', () => {
    const text = '# Zappzarapp\n\n## 1. Rotate keys\n';
    expect(scan.isCandidate(text)).toBe(false);
    const configured = buildVocabulary({ priorityWords: { critical: ['zappzarapp'], high: [], medium: [], low: [] } });
    expect(scanFor(configured).isCandidate(text)).toBe(true);
    expect(fullParse(text).items).toBe(0);
  });

  it('rules out plain documentation: a README with numbered sections, a table of emoji, code and vocabulary in prose', () => {
    const readme = [
      '# my-lib', '', 'A library. Version 2.1 is 40% faster.', '', '## 1. Installation', '', '```sh', 'npm i my-lib # then: 1. import it', '```', '',
      '## 2. Usage', '', '| Feature | Supported |', '|---|---|', '| ESM | ✅ |', '', 'Open an issue when something is left out.', '',
    ].join('\n');
    expect(scan.isCandidate(readme)).toBe(false);
    expect(fullParse(readme)).toEqual({ items: 0, claims: 0, warnings: 0 });
  });
});
