import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/engine.js';
import { buildVocabulary, type RuleSwitch } from '../src/extract/vocabulary.js';
import type { FileReport } from '../src/model.js';
import { ROOT } from './helpers.js';

/**
 * Every reading rule marked new in the specification has a fixture
 * (fixtures/RULES.json maps a short quote of the rule's line to fixture
 * folders), and for a sample of rules the fixture fails when the rule is
 * switched off: the fixtures test the rules rather than restate the output.
 */

interface Rule {
  quote: string;
  fixtures: string[];
  tests?: string[];
  off?: RuleSwitch;
}

const RULES = (JSON.parse(readFileSync(path.join(ROOT, 'fixtures', 'RULES.json'), 'utf8')) as { rules: Rule[] }).rules;
const SPEC = [path.join(ROOT, '..', 'shared', 'SPEC.md'), '/work/shared/SPEC.md'].find((file) => existsSync(file));

/** The lines of sections 1–6 that carry the new-rule mark. */
function markedLines(spec: string): string[] {
  const start = spec.search(/^## 1\. /m);
  const end = spec.search(/^## 7\. /m);
  return spec.slice(start, end).split('\n').filter((line) => line.includes('*(v2)*'));
}

/** The markdown files of a fixture folder with their expected reports. */
function fixtureCases(folder: string): Array<{ input: string; expected: string }> {
  const dir = path.join(ROOT, 'fixtures', folder);
  return readdirSync(dir)
    .filter((file) => /\.(md|mdx)$/.test(file) && !file.endsWith('.expected.md'))
    .map((file) => {
      const stem = file.replace(/\.(md|mdx)$/, '');
      return { input: `fixtures/${folder}/${file}`, expected: path.join(dir, stem === 'input' ? 'expected.json' : `${stem}.expected.json`) };
    });
}

describe('every new reading rule has a fixture', () => {
  it.skipIf(SPEC === undefined)('each marked line of sections 1-6 is quoted by a rule in fixtures/RULES.json', () => {
    const lines = markedLines(readFileSync(SPEC!, 'utf8'));
    expect(lines.length).toBeGreaterThan(10);
    const uncovered = lines.filter((line) => !RULES.some((rule) => line.includes(rule.quote)));
    expect(uncovered).toEqual([]);
  });

  it('each rule names fixtures that exist, with their expected reports, or tests that exist', () => {
    for (const rule of RULES) {
      expect(rule.fixtures.length + (rule.tests?.length ?? 0), rule.quote).toBeGreaterThan(0);
      for (const folder of rule.fixtures) {
        const cases = fixtureCases(folder);
        expect(cases.length, folder).toBeGreaterThan(0);
        for (const c of cases) expect(existsSync(c.expected), c.expected).toBe(true);
      }
      for (const test of rule.tests ?? []) expect(existsSync(path.join(ROOT, test)), test).toBe(true);
    }
  });
});

describe('a fixture fails when its rule is switched off', () => {
  for (const rule of RULES.filter((r) => r.off)) {
    it(`${rule.off}: ${rule.fixtures[0]}`, async () => {
      const cases = fixtureCases(rule.fixtures[0]!);
      const reports = async (rulesOff: RuleSwitch[]): Promise<Array<FileReport | null>> => {
        const { report } = await analyze({
          paths: cases.map((c) => c.input), cwd: ROOT, vocabulary: buildVocabulary({ rulesOff }), concurrency: 'off',
        });
        return cases.map((c) => report.files.find((file) => file.path === c.input) ?? null);
      };
      const expected = cases.map((c) => JSON.parse(readFileSync(c.expected, 'utf8')) as FileReport | null);
      // With the rule on, the engine reproduces the expected reports; switched off, it does not.
      expect(await reports([])).toEqual(expected);
      expect(await reports([rule.off!])).not.toEqual(expected);
    });
  }
});
