import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportFromDocuments } from '../src/engine/engine.js';
import type { LoadedDocument } from '../src/engine/types.js';
import { matchItems, titleSimilarity } from '../src/history/match.js';
import { DEFAULT_REPORT_OPTIONS, type Item } from '../src/model.js';

/** The items of one markdown text, through the engine. */
function itemsOf(text: string): Item[] {
  const doc: LoadedDocument = { path: 'plan.md', absolutePath: '/plan.md', text, bom: false, skipped: false, repairs: [], diagnostics: [] };
  return reportFromDocuments([doc], DEFAULT_REPORT_OPTIONS).files.flatMap((file) => file.items);
}

interface Entry {
  title: string;
  done: boolean;
  wrap: number;
}

const WORDS = ['rotate', 'keys', 'ship', 'docs', 'fix', 'login', 'cache', 'deploy', 'audit', 'logs', 'alpha', 'beta', 'zeta', 'queue'];
const title = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 }).map((words) => words.join(' '));
const entry = fc.record({ title, done: fc.boolean(), wrap: fc.nat(4) });
/** Sections with distinct item titles (an item that shares its title and headings with another is told apart by occurrence, which is no "other" item). */
const plan = fc
  .array(fc.uniqueArray(entry, { selector: (e) => e.title, minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
  .map((sections) => sections.map((items, i) => ({ heading: `Part ${['one', 'two', 'three'][i]}`, items })));

function render(sections: Array<{ heading: string; items: Entry[] }>, rewrap: boolean): string {
  return sections
    .map(({ heading, items }) => {
      const lines = items.map(({ title: t, done, wrap }) => {
        const words = t.split(' ');
        const cut = rewrap ? Math.min(wrap, words.length - 1) : 0;
        const head = words.slice(0, words.length - cut).join(' ');
        const tail = words.slice(words.length - cut).join(' ');
        return `- [${done ? 'x' : ' '}] ${head}${cut > 0 ? `\n  ${tail}` : ''}`;
      });
      return `## ${heading}\n\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

describe('item identity', () => {
  it('shuffling, re-wrapping, inserting or deleting other items keeps a surviving item\'s fingerprint', () => {
    fc.assert(
      fc.property(plan, fc.array(fc.nat(), { maxLength: 8 }), fc.array(entry, { maxLength: 4 }), fc.integer(), fc.boolean(), (sections, drops, inserts, seed, rewrap) => {
        const before = new Map(itemsOf(render(sections, false)).map((item) => [`${item.sectionPath.join('/')}|${item.title}`, item.fingerprint]));
        // Delete some items, insert new ones with fresh titles, shuffle each section.
        const edited = sections.map(({ heading, items }, s) => {
          const kept = items.filter((_, i) => !drops.includes(i + s * 10));
          const taken = new Set(items.map((i) => i.title));
          const added = inserts.filter((e) => !taken.has(e.title)).map((e) => ({ ...e, title: `${e.title} extra` }));
          const mixed = [...kept, ...added.filter((e, i, all) => all.findIndex((o) => o.title === e.title) === i)];
          return { heading, items: shuffle(mixed, seed + s), keptTitles: new Set(kept.map((e) => e.title)) };
        });
        const after = itemsOf(render(edited, rewrap));
        for (const item of after) {
          const key = `${item.sectionPath.join('/')}|${item.title}`;
          const section = edited.find((e) => e.heading === item.sectionPath.at(-1));
          if (section?.keptTitles.has(item.title)) expect(item.fingerprint).toBe(before.get(key));
        }
        expect(after.filter((i) => edited.some((e) => e.keptTitles.has(i.title))).length).toBe(edited.reduce((n, e) => n + e.keptTitles.size, 0));
      }),
      { numRuns: 60 },
    );
  });

  it('an edited title is paired with the most similar leftover title under the same headings, at 0.8 or more', () => {
    const before = itemsOf('## Launch\n\n- [ ] Rotate the signing keys\n- [ ] Write the docs\n\n## Later\n\n- [ ] Rotate the signing key\n');
    const after = itemsOf('## Launch\n\n- [x] Rotate the signing key\n- [ ] Write release notes\n\n## Later\n\n- [ ] Rotate the signing key\n');
    const match = matchItems(before, after);
    expect(match.pairs.map((p) => [p.before.title, p.after.title, p.by])).toEqual([
      ['Rotate the signing keys', 'Rotate the signing key', 'similar-title'],
      ['Rotate the signing key', 'Rotate the signing key', 'fingerprint'],
    ]);
    expect(match.removed.map((i) => i.title)).toEqual(['Write the docs']);
    expect(match.added.map((i) => i.title)).toEqual(['Write release notes']);
    expect(titleSimilarity('Write the docs', 'Write release notes')).toBeLessThan(0.8);
  });
});

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
