import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileReport, Report } from '../src/model.js';
import { ROOT, runCli } from './helpers.js';

/**
 * Walks every fixture folder: each markdown or MDX file `X.md` / `X.mdx` is
 * a case with its expected file report beside it (`X.expected.json`;
 * `input.md` ↔ `expected.json`). A new folder is a new test. `UPDATE_FIXTURES=1` rewrites
 * the expected files — review the diff before committing it.
 */
const FIXTURES = path.join(ROOT, 'fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

function cases(): Array<{ name: string; input: string; expected: string }> {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      readdirSync(path.join(FIXTURES, dir.name))
        .filter((file) => /\.(md|markdown|mdx)$/.test(file) && !file.endsWith('.expected.md'))
        .map((file) => {
          const stem = file.replace(/\.(md|markdown|mdx)$/, '');
          const expected = stem === 'input' ? 'expected.json' : `${stem}.expected.json`;
          return {
            name: `${dir.name}/${file}`,
            input: `fixtures/${dir.name}/${file}`,
            expected: path.join(FIXTURES, dir.name, expected),
          };
        }),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}

describe('fixtures', () => {
  for (const fixture of cases()) {
    it(fixture.name, async () => {
      const result = await runCli(['report', '--format', 'json', '--no-config', fixture.input]);
      const report = JSON.parse(result.stdout) as Report;
      expect(report.scanned.files).toBe(1);
      // A file with nothing to count (no item, claim, warning or error) is only counted: its expected report is null.
      expect(report.files.length).toBeLessThanOrEqual(1);
      const file = report.files[0] ?? null;
      if (update || !existsSync(fixture.expected)) {
        if (!update) throw new Error(`missing ${path.relative(ROOT, fixture.expected)}; run UPDATE_FIXTURES=1 npm test and review it`);
        writeFileSync(fixture.expected, `${JSON.stringify(file, null, 2)}\n`);
      }
      const expected = JSON.parse(readFileSync(fixture.expected, 'utf8')) as FileReport | null;
      expect(file).toEqual(expected);
      if (file === null) return;
      // Invariants that hold for every file (docs/rules.md#items).
      expect(file.totals.items).toBe(file.totals.done + file.totals.open);
      expect(file.totals.open).toBe(file.totals.todo + file.totals.inProgress + file.totals.blocked);
    });
  }
});
