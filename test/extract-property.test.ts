import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { singleFile } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/extract.js';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { parseMarkdown } from '../src/parse/parse.js';
import { reportFromDocuments } from '../src/engine/engine.js';
import { DEFAULT_REPORT_OPTIONS } from '../src/model.js';
import type { LoadedDocument } from '../src/load/load.js';

/**
 * Robustness of extraction on open-ended input (STYLE.md "robustness as a
 * test"): generated checklists and arbitrary text never make it throw, and
 * the totals always add up.
 */

const vocabulary = buildVocabulary();
const options = { path: 'generated.md', vocabulary };

const word = fc.constantFrom('Fix', 'the', 'critical', 'HIGH', 'P1', 'bug', 'BLOCKING', 'NOT', 'done', 'WIP', '🔴', '🟢', '✅', '❌', '🔄', '(2h)', '(15-30 minutes each)', '3/4', 'incomplete', '45%', '~', 'Progress:', '**', '_', '`x`', '~~', '[P0]', 'won\'t', 'have');
const title = fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
const line = fc.oneof(
  fc.tuple(fc.constantFrom('#', '##', '###', '####'), fc.option(fc.constantFrom('1.', '2)', '22-25.'), { nil: undefined }), title)
    .map(([hashes, number, text]) => `${hashes} ${number ? `${number} ` : ''}${text}`),
  fc.tuple(fc.constantFrom('', '  ', '    ', '> '), fc.constantFrom('- [ ]', '- [x]', '* [X]', '1. [ ]', '- [/]', '- [-]', '-', '1.'), title)
    .map(([indent, marker, text]) => `${indent}${marker} ${text}`),
  fc.tuple(fc.constantFrom('Effort', 'Priority', 'Status', 'Time', 'Owner', 'Risk'), title).map(([name, value]) => `**${name}**: ${value}`),
  title,
  fc.constantFrom('', '```', '---', '<!--', '-->', '| a | b |', '|---|---|'),
);
const checklist = fc.array(line, { maxLength: 40 }).map((lines) => lines.join('\n'));

function totalsOf(text: string) {
  const document: LoadedDocument = { path: 'generated.md', absolutePath: '/generated.md', text, bom: false, skipped: false, repairs: [], diagnostics: [] };
  return singleFile(reportFromDocuments([document], DEFAULT_REPORT_OPTIONS, vocabulary), 'generated.md');
}

describe('extraction on generated checklists', () => {
  it('never throws and items = done + open, open = todo + in progress + blocked', () => {
    fc.assert(
      fc.property(checklist, (text) => {
        const file = totalsOf(text);
        const t = file.totals;
        expect(t.items).toBe(t.done + t.open);
        expect(t.open).toBe(t.todo + t.inProgress + t.blocked);
        expect(t.items + t.cancelled).toBe(file.items.length);
        expect(t.effort.minHours).toBeLessThanOrEqual(t.effort.maxHours);
        expect(t.percent).toBeGreaterThanOrEqual(0);
        expect(t.percent).toBeLessThanOrEqual(100);
        // Every item id is unique and lines are 1-based and ordered.
        expect(new Set(file.items.map((i) => i.id)).size).toBe(file.items.length);
        const lines = file.items.map((i) => i.line);
        expect(lines.every((l) => l >= 1)).toBe(true);
        expect([...lines].sort((a, b) => a - b)).toEqual(lines);
      }),
      { numRuns: 300 },
    );
  });

  it('counts every checked GFM task item as done and every unchecked one as open or cancelled', () => {
    const task = fc.tuple(fc.boolean(), fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,20}$/));
    fc.assert(
      fc.property(fc.array(task, { minLength: 1, maxLength: 30 }), (tasks) => {
        const text = `# Tasks\n\n${tasks.map(([done, t]) => `- [${done ? 'x' : ' '}] ${t}`).join('\n')}\n`;
        const file = totalsOf(text);
        expect(file.totals.done).toBe(tasks.filter(([done]) => done).length);
        expect(file.totals.items).toBe(tasks.length);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const file = totalsOf(text);
        expect(file.totals.items).toBe(file.totals.done + file.totals.open);
      }),
      { numRuns: 300 },
    );
  });
});

describe('extraction on trees without positions', () => {
  it('does not throw and finds the same items on a seed whose tree lost its positions', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../fixtures/nested-subtasks/input.md', import.meta.url), 'utf8');
    const tree = parseMarkdown(text);
    const stripped = structuredClone(tree) as Root;
    const strip = (node: Nodes): void => {
      delete node.position;
      if ('children' in node) (node.children as Nodes[]).forEach(strip);
    };
    strip(stripped);
    const withPositions = extractDocument(tree, text, options);
    const without = extractDocument(stripped, text, options);
    expect(without.items.map((i) => i.status)).toEqual(expect.arrayContaining(withPositions.items.map((i) => i.status)));
    expect(without.items).toHaveLength(withPositions.items.length);
  });
});
