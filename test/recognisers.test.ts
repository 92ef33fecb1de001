import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../src/extract/extract.js';
import { RECOGNISERS, type Recogniser } from '../src/extract/recognisers/index.js';
import { buildVocabulary } from '../src/extract/vocabulary.js';
import { parseMarkdown } from '../src/parse/parse.js';
import { ROOT } from './helpers.js';

/**
 * The extractor runs a list of recognisers (docs/architecture.md,
 * "Recognisers"): leaving one out removes exactly its items, and a new one
 * is added as one more entry. Estimates come out in the unit written.
 */

const vocabulary = buildVocabulary();

function extractFixture(name: string, recognisers?: readonly Recogniser[]) {
  const file = `fixtures/${name}/input.md`;
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  return extractDocument(parseMarkdown(text), text, { path: file, vocabulary }, recognisers);
}

describe('recognisers', () => {
  it('are Backlog.md task files, task, marker and heading items, in that order', () => {
    expect(RECOGNISERS.map((r) => r.name)).toEqual(['backlog', 'task', 'marker', 'heading']);
  });

  it('leaving one out removes its items; the other recognisers still find theirs', () => {
    for (const fixture of ['marker-items', 'heading-items', 'nested-subtasks']) {
      const all = extractFixture(fixture).items;
      expect(all.length, fixture).toBeGreaterThan(0);
      for (const left of RECOGNISERS) {
        const without = extractFixture(fixture, RECOGNISERS.filter((r) => r !== left)).items;
        expect(without.filter((i) => i.kind === left.name), `${fixture} without ${left.name}`).toEqual([]);
        // Heading items stand only where nothing is below them, so they may come and go with the others.
        const kept = (items: typeof all) => items.filter((i) => i.kind !== left.name && i.kind !== 'heading').map((i) => `${i.kind} ${i.id}`);
        expect(kept(without), `${fixture} without ${left.name}`).toEqual(expect.arrayContaining(kept(all)));
      }
    }
  });

  it('a new recogniser is one more entry: a `TODO:` paragraph line becomes an item', () => {
    const todoLines: Recogniser = {
      name: 'todo-line',
      triggers: () => [[{ view: 'source', test: /TODO: / }]],
      content: (section) => ({
        paragraph: (node, parent) =>
          node.children.flatMap((child) =>
            child.type === 'text' && child.value.startsWith('TODO: ') && child.position
              ? [{
                  kind: 'marker' as const, section, scope: section, line: child.position.start.line, column: child.position.start.column,
                  title: child.value.slice(6), markerText: child.value, priorityText: child.value, effortText: child.value,
                  checked: null, formStatus: null, statusRule: 'stated' as const, fields: [], parent,
                }]
              : [],
          ),
      }),
    };
    const text = '# Notes\n\nTODO: Rotate the keys (2h) [critical]\n\n- [x] Shipped\n';
    const document = extractDocument(parseMarkdown(text), text, { path: 'notes.md', vocabulary }, [...RECOGNISERS, todoLines]);
    expect(document.items.map((i) => [i.title, i.status, i.priority, i.line])).toEqual([
      ['Rotate the keys (2h) [critical]', 'todo', 'critical', 3],
      ['Shipped', 'done', 'none', 5],
    ]);
    expect(document.items[0]!.effort).toEqual({ min: 2, max: 2, unit: 'hours', text: '2h', each: false });
  });
});

describe('estimates as extracted', () => {
  it('keep the number and unit written; hours per day play no part', () => {
    const document = extractFixture('effort-units');
    const byTitle = new Map(document.items.map((i) => [i.title, i.effort]));
    expect(byTitle.get('Minutes (45m)')).toMatchObject({ min: 45, max: 45, unit: 'minutes' });
    expect(byTitle.get('Decimal days (0.5 days)')).toMatchObject({ min: 0.5, max: 0.5, unit: 'days' });
    expect(byTitle.get('Weeks (1-2 weeks)')).toMatchObject({ min: 1, max: 2, unit: 'weeks' });
    expect(byTitle.get('Not a duration (200-250 lines)')).toBeNull();
    expect(document.groupEfforts.map((g) => g.effort)).toContainEqual({ min: 1, max: 2, unit: 'hours', text: '1-2 hours each', each: true });
  });
});
