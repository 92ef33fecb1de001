import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NextDocument, NextItem } from '../src/plan/next.js';
import { mermaidLabel, mermaidNext } from '../src/render/next.js';
import { ROOT, runCli } from './helpers.js';

/** `shipready next` against the answer written down in fixtures/planning/spec-kit/next.expected.json before next existed. */
const SPEC_KIT = 'fixtures/planning/spec-kit';
const expected = JSON.parse(readFileSync(path.join(ROOT, SPEC_KIT, 'next.expected.json'), 'utf8')) as {
  today: string; ready: string[]; overdue: string[]; waves: string[][]; criticalPath: string[]; criticalPathHours: number; unestimated: string[];
};
const load = (name: string): object => JSON.parse(readFileSync(path.join(ROOT, 'schema', name), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(load('report.schema.json'));
const validate = ajv.compile(load('next.schema.json'));

async function next(args: string[]): Promise<{ code: number | null; doc: NextDocument; stderr: string }> {
  const result = await runCli(['next', '--no-config', '--format', 'json', ...args]);
  return { code: result.code, doc: JSON.parse(result.stdout) as NextDocument, stderr: result.stderr };
}
const refs = (items: readonly NextItem[]): Array<string | null> => items.map((i) => i.ref);

describe('shipready next', () => {
  it('gives the ready set, waves and critical path written down for the spec-kit fixture', async () => {
    const { code, doc } = await next(['--waves', '--today', expected.today, SPEC_KIT]);
    expect(code).toBe(0);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(refs(doc.ready)).toEqual(expected.ready);
    expect(refs(doc.ready.filter((i) => i.overdue))).toEqual(expected.overdue);
    expect(doc.waves!.map(refs)).toEqual(expected.waves);
    expect(refs(doc.criticalPath!.items)).toEqual(expected.criticalPath);
    expect(doc.criticalPath!.hours).toBe(expected.criticalPathHours);
    expect(refs(doc.criticalPath!.unestimated)).toEqual(expected.unestimated);
  });

  it('without --waves gives the ready set alone; a later day makes more items overdue, and they come first', async () => {
    const { doc } = await next(['--today', '2026-03-02', SPEC_KIT]);
    expect(doc.waves).toBeNull();
    expect(doc.criticalPath).toBeNull();
    expect(refs(doc.ready)).toEqual(['T006', 'T005', 'T004']);
    expect(doc.ready.map((i) => i.overdue)).toEqual([true, true, false]);
  });

  it('reports a cycle and exits 2 instead of looping; the other commands warn', async () => {
    const { code, doc, stderr } = await next(['--waves', 'fixtures/planning/cycle']);
    expect(code).toBe(2);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.cycles.map(refs)).toEqual([['T001', 'T002']]);
    expect(doc.waves).toBeNull();
    expect(refs(doc.ready)).toEqual(['T003']);
    expect(stderr).toContain('dependency cycle among T001, T002');
    const report = await runCli(['report', '--no-config', '--format', 'json', 'fixtures/planning/cycle']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('dependency cycle among T001, T002');
  });

  it('rejects a --today that is not a calendar day with exit 2', async () => {
    const result = await runCli(['next', '--no-config', '--today', '2026-02-30', SPEC_KIT]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('expected a date as YYYY-MM-DD');
  });

  describe('--format mermaid, read by mermaid', () => {
    let parse: (text: string) => Promise<unknown>;
    beforeAll(async () => {
      // mermaid's parser needs a DOM (DOMPurify); jsdom gives it one outside a browser.
      const dom = new JSDOM('<!doctype html><html><body></body></html>');
      Object.assign(globalThis, { window: dom.window, document: dom.window.document });
      const mermaid = (await import('mermaid')).default;
      mermaid.initialize({ startOnLoad: false });
      parse = (text) => mermaid.parse(text);
    }, 60_000);

    it('parses the plan of the spec-kit fixture, one node per open item', async () => {
      const result = await runCli(['next', '--no-config', '--format', 'mermaid', '--today', expected.today, SPEC_KIT]);
      expect(result.code).toBe(0);
      await expect(parse(result.stdout)).resolves.toMatchObject({ diagramType: 'flowchart-v2' });
      expect(result.stdout.match(/^\s+n\d+\["/gm)).toHaveLength(expected.waves.flat().length);
      // Only the edges no other path implies: T008 waits for T005, T006 and T007 (T004 comes through T007),
      // T012 for T008 and T011, T014 for T013 alone.
      const node = (ref: string): string => new RegExp(`^\\s+(n\\d+)\\["${ref} `, 'm').exec(result.stdout)![1]!;
      const into = (ref: string): string[] =>
        [...result.stdout.matchAll(new RegExp(`^\\s+(n\\d+) --> ${node(ref)}$`, 'gm'))].map((m) => m[1]!);
      expect(into('T008')).toEqual([node('T005'), node('T006'), node('T007')]);
      expect(into('T012')).toEqual([node('T008'), node('T011')]);
      expect(into('T014')).toEqual([node('T013')]);
      expect(result.stdout.match(/-->/g)).toHaveLength(13);
    });

    it('a title cannot break out of its label or add statements', async () => {
      await expect(parse('flowchart LR\n  n1["x"] --> n2["y"]]\n')).rejects.toThrow();
      const hostile = 'T1 "] --> evil["pwned"]\nclick n1 call alert(1) %%{init: {}}%% <b>`x`</b> #35; ;';
      const doc = planOf([hostile, 'second']);
      const text = mermaidNext(doc);
      await expect(parse(text)).resolves.toBeTruthy();
      expect(text).not.toContain('evil["');
      expect(text.split('\n').filter((l) => l.includes('-->'))).toEqual(['  n1 --> n2']);
    });

    it('any title gives a diagram mermaid parses (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 30 }), async (a, b) => {
          await parse(mermaidNext(planOf([a, b])));
          expect(mermaidLabel(a)).toMatch(/^[\p{L}\p{N} .,:/_#;-]*$/u);
        }),
        { numRuns: 60 },
      );
    });
  });
});

/** A two-wave plan whose items carry the given titles, the second waiting for the first. */
function planOf(titles: readonly string[]): NextDocument {
  const items: NextItem[] = titles.map((title, i) => ({
    id: `x.md:${i + 1}`, ref: null, title, path: 'x.md', line: i + 1, status: 'todo', priority: 'none', owner: null, due: null,
    overdue: false, optional: false, effort: null, waitsFor: i === 0 ? [] : [`x.md:${i}`],
  }));
  return {
    schemaVersion: 1, tool: { name: 'shipready', version: '0.0.0' }, today: '2026-01-01', ready: [items[0]!],
    waves: items.map((item) => [item]), criticalPath: { items, hours: 0, unestimated: items }, cycles: [], warnings: [],
  };
}
