import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

/**
 * The output contract, pinned byte for byte: every command and format run
 * once over all of `fixtures/` (seeds included), stdout and stderr and the
 * exit code kept in `test/golden/<case>.txt`. A refactor of the engine or
 * the renderers must leave these files unchanged; a deliberate change of
 * output is made with `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`
 * and reviewed in the diff.
 */
const GOLDEN = path.join(ROOT, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

const CASES: Record<string, string[]> = {
  'report-table': ['report', 'fixtures'],
  'report-table-by-section': ['report', '--by', 'section', 'fixtures/seeds'],
  'report-json': ['report', '--format', 'json', 'fixtures'],
  'report-markdown': ['report', '--format', 'markdown', 'fixtures'],
  'report-github': ['report', '--format', 'github', 'fixtures'],
  'report-junit': ['report', '--format', 'junit', 'fixtures'],
  'report-sarif': ['report', '--format', 'sarif', 'fixtures'],
  'report-html': ['report', '--format', 'html', 'fixtures'],
  'report-hours-per-day-6': ['report', '--format', 'json', '--hours-per-day', '6', 'fixtures/seeds', 'fixtures/effort-units'],
  'check-text': ['check', 'fixtures'],
  'check-text-verbose': ['check', '--verbose', '--min-percent', '50', '--max-open', 'high=5', '--fail-on-stale', 'fixtures'],
  'check-ready': ['check', '--fail-on', 'none', 'fixtures/seeds/000_1cabd79905a08843.md'],
  'check-github': ['check', '--format', 'github', '--min-percent', '50', 'fixtures'],
  'check-junit': ['check', '--format', 'junit', '--max-open', '10', 'fixtures'],
  'check-json': ['check', '--format', 'json', 'fixtures/seeds'],
  'check-sarif': ['check', '--format', 'sarif', 'fixtures/seeds'],
  'list-text': ['list', 'fixtures'],
  'list-json': ['list', '--format', 'json', '--status', 'all', 'fixtures'],
  'list-grouped': ['list', '--group-by', 'priority', '--sort', 'effort', 'fixtures/seeds'],
  'fix-check': ['fix', '--check', 'fixtures'],
  'fix-diff': ['fix', '--diff', 'fixtures'],
};

describe('output contract (golden files)', () => {
  for (const [name, argv] of Object.entries(CASES)) {
    it(`${name}: shipready ${argv.join(' ')}`, async () => {
      // A fixed commit and time: the markdown report's footer stamps them.
      const result = await runCli([...argv, '--no-config', '--no-color'], { env: { GITHUB_SHA: '0123456789abcdef', SOURCE_DATE_EPOCH: '1767225600' } });
      const actual = `$ shipready ${argv.join(' ')}\n# exit ${result.code}\n# stdout\n${result.stdout}\n# stderr\n${result.stderr}`;
      const file = path.join(GOLDEN, `${name}.txt`);
      if (update || !existsSync(file)) {
        if (!update) throw new Error(`missing test/golden/${name}.txt; run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts and review it`);
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, actual);
      }
      expect(actual).toBe(readFileSync(file, 'utf8'));
    });
  }
});
