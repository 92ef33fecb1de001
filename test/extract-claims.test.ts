import { describe, expect, it } from 'vitest';
import { findLineClaims } from '../src/extract/claims.js';
import { summaryMarker } from '../src/text/summary-marker.js';
import type { ClaimNumbers, FileReport, Report } from '../src/model.js';
import { runCli } from './helpers.js';

/**
 * Claim detection (SPEC.md §6): every form the issue lists, with emphasis
 * around any part, and the numbers that are not claims. Each case names the
 * line, what is claimed, and the exact text of the claim.
 */

/** The claims of one line as `[text, claimed, tolerance]`. */
function claimsOf(line: string): Array<[string, ClaimNumbers, number]> {
  return findLineClaims(line).map((c) => [line.slice(c.start, c.end), c.claimed, c.tolerance]);
}

describe('claim forms', () => {
  const cases: Array<[string, Array<[string, ClaimNumbers]>]> = [
    // N/M word, with or without a noun
    ['### Week 1: Core Infrastructure (7/10 incomplete)', [['7/10 incomplete', { open: 7, items: 10 }]]],
    ['3/5 complete', [['3/5 complete', { done: 3, items: 5 }]]],
    ['3/5 completed', [['3/5 completed', { done: 3, items: 5 }]]],
    ['3/5 done', [['3/5 done', { done: 3, items: 5 }]]],
    ['2/5 open', [['2/5 open', { open: 2, items: 5 }]]],
    ['2/5 remaining', [['2/5 remaining', { open: 2, items: 5 }]]],
    ['15/22 items incomplete', [['15/22 items incomplete', { open: 15, items: 22 }]]],
    ['3 / 5 tasks done', [['3 / 5 tasks done', { done: 3, items: 5 }]]],
    ['15/22 items are still incomplete', [['15/22 items are still incomplete', { open: 15, items: 22 }]]],
    // N of M …
    ['3 of 5 tasks done', [['3 of 5 tasks done', { done: 3, items: 5 }]]],
    ['4 of 9 remaining', [['4 of 9 remaining', { open: 4, items: 9 }]]],
    ['3 out of 5 items are complete', [['3 out of 5 items are complete', { done: 3, items: 5 }]]],
    // Label: N of M, N/M
    ['Done: 5 of 5', [['Done: 5 of 5', { done: 5, items: 5 }]]],
    ['Progress: 3/10', [['Progress: 3/10', { done: 3, items: 10 }]]],
    ['Remaining: 2 of 9', [['Remaining: 2 of 9', { open: 2, items: 9 }]]],
    // N incomplete tasks, Total: N Incomplete Items
    ['**Status**: **61 incomplete tasks** remaining', [['61 incomplete tasks', { open: 61 }]]],
    ['**Total: 25 Incomplete Items**', [['25 Incomplete Items', { open: 25 }]]],
    ['3 completed tasks', [['3 completed tasks', { done: 3 }]]],
    ['5 tasks remaining', [['5 tasks remaining', { open: 5 }]]],
    ['2 items left', [['2 items left', { open: 2 }]]],
    ['Only 3 tasks to go', [['3 tasks to go', { open: 3 }]]],
    ['1,234 open items', [['1,234 open items', { open: 1234 }]]],
    // Label counts
    ['Done: 1, Remaining: 3', [['Done: 1', { done: 1 }], ['Remaining: 3', { open: 3 }]]],
    ['Tasks completed: 4', [['Tasks completed: 4', { done: 4 }]]],
    ['Open: 4 items', [['Open: 4 items', { open: 4 }]]],
    // Percentages
    ['45% complete', [['45% complete', { donePercent: 45 }]]],
    ['100% completed', [['100% completed', { donePercent: 100 }]]],
    ['12.5% done', [['12.5% done', { donePercent: 12.5 }]]],
    ['30% incomplete', [['30% incomplete', { openPercent: 30 }]]],
    ['Progress: 45%', [['Progress: 45%', { donePercent: 45 }]]],
    ['Overall Progress: 45%', [['Overall Progress: 45%', { donePercent: 45 }]]],
    ['Completion Rate: 32%', [['Completion Rate: 32%', { donePercent: 32 }]]],
    ['~32% of checklist completed', [['~32% of checklist completed', { donePercent: 32 }]]],
    ['40% of tasks are done', [['40% of tasks are done', { donePercent: 40 }]]],
    ['**Production Readiness: ~66% (NOT 97%)**', [['Production Readiness: ~66%', { donePercent: 66 }]]],
    ['Remaining: 20%', [['Remaining: 20%', { openPercent: 20 }]]],
    // A percentage in parentheses beside a count states that count's side
    ['**15/22 items incomplete (68%)**:', [['15/22 items incomplete', { open: 15, items: 22 }], ['(68%)', { openPercent: 68 }]]],
    ['**61 incomplete tasks** (68% of checklist)', [['61 incomplete tasks', { open: 61 }], ['(68% of checklist)', { openPercent: 68 }]]],
    ['Done: 5 (50%)', [['Done: 5', { done: 5 }], ['(50%)', { donePercent: 50 }]]],
    // …unless the parentheses name their own side
    ['15/22 items incomplete (32% complete)', [['15/22 items incomplete', { open: 15, items: 22 }], ['(32% complete)', { donePercent: 32 }]]],
    // Several claims per line
    ['Overall: 4/7 items incomplete (57%), Progress: 43%', [
      ['4/7 items incomplete', { open: 4, items: 7 }], ['(57%)', { openPercent: 57 }], ['Progress: 43%', { donePercent: 43 }],
    ]],
    ['**Completion Rate**: **~32% of checklist completed**, **~68% remaining**', [
      ['Completion Rate**: **~32%', { donePercent: 32 }], ['~68% remaining', { openPercent: 68 }],
    ]],
    // Emphasis around any part
    ['**3**/**5** _done_', [['3**/**5** _done', { done: 3, items: 5 }]]],
    ['*Progress*: *45%*', [['Progress*: *45%', { donePercent: 45 }]]],
  ];
  for (const [line, expected] of cases) {
    it(line, () => {
      expect(claimsOf(line).map(([text, claimed]) => [text, claimed])).toEqual(expected);
    });
  }

  it('widens the tolerance to 2 points for `~` and keeps 0.5 otherwise', () => {
    expect(claimsOf('~32% done')[0]?.[2]).toBe(2);
    expect(claimsOf('32% done')[0]?.[2]).toBe(0.5);
    expect(claimsOf('Progress: ~ 45%')[0]?.[2]).toBe(2);
  });

  it('gives the exact position of every claimed number', () => {
    const line = '### Week 1: Core (**7**/10 incomplete) — 61 incomplete tasks (68%)';
    const numbers = findLineClaims(line).flatMap((c) => c.numbers.map((n) => [n.key, line.slice(n.start, n.end)]));
    expect(numbers).toEqual([['open', '7'], ['items', '10'], ['open', '61'], ['openPercent', '68']]);
  });
});

describe('numbers that are not claims', () => {
  const lines = [
    '### 2. Run Test Suite - 4,462 Lines Exist, 0% Verified ⭐ HIGHEST RISK',
    '### 3. Apply Database Migration - 0% Applied ⭐ BLOCKING PERFORMANCE',
    '# 🎯 PRIORITIZED INCOMPLETE TASKS - 99% ACCURATE ASSESSMENT',
    '**Probability**: ~10% (based on complexity)',
    '**Target**: >80% coverage on critical paths',
    'Refactor the module (200-250 lines)',
    '### Week 1: Core Infrastructure',
    '**Date**: 2025-11-27',
    'Released v1.2.3, build 4 of 7 done',
    'Phase 1 of 3 complete',
    'Step 2/5 done',
    'Top 5 remaining tasks',
    'About 60 incomplete tasks',
    'Moderate (60% chance): 10-30% test failures',
    '20-30% complete',
    'Time remaining: 5',
    'Remaining: 3 hours',
    'Done: 2025-11-27',
    'Done: 10:30',
    'Done: 1.2',
    'Remaining: 3 of the budget',
    'Progress: 120%',
    '12/10 done',
    '3/0 done',
    'Best: 100% pass (unlikely first try)',
    'The 1% uncertainty is the exact scope of test failures',
    'Issue #3/5 done',
    '5 more tasks done',
    '0 of 0 tasks done',
    '3 / 0 tasks done',
    'Reduce redundant LLM calls (target: 60-80% hit rate)',
  ];
  for (const line of lines) {
    it(line, () => {
      expect(claimsOf(line)).toEqual([]);
    });
  }

  it('ignores masked ranges (inline code)', () => {
    const line = 'Run `echo 3/5 done` then 2/5 done';
    const start = line.indexOf('`');
    const end = line.indexOf('`', start + 1) + 1;
    expect(findLineClaims(line, [[start, end]]).map((c) => line.slice(c.start, c.end))).toEqual(['2/5 done']);
  });
});

describe('summary markers', () => {
  it('reads open and close markers, with or without paths', () => {
    expect(summaryMarker('<!-- shipready:summary -->')).toEqual({ kind: 'open', paths: null, problem: null });
    expect(summaryMarker('<!--shipready:summary paths="docs/**/*.md"-->')).toEqual({ kind: 'open', paths: 'docs/**/*.md', problem: null });
    expect(summaryMarker("<!-- shipready:summary paths='TODO.md' -->")).toEqual({ kind: 'open', paths: 'TODO.md', problem: null });
    expect(summaryMarker('<!-- /shipready:summary -->')).toEqual({ kind: 'close' });
  });

  it('reports an unknown attribute instead of guessing', () => {
    expect(summaryMarker('<!-- shipready:summary path="x.md" -->')).toMatchObject({ kind: 'open', problem: expect.stringContaining('Unexpected attribute `path`') });
  });

  it('is not fooled by other comments', () => {
    expect(summaryMarker('<!-- shipready:summaryX -->')).toBeNull();
    expect(summaryMarker('<!-- note: shipready:summary -->')).toBeNull();
  });
});

/** The claims of a fixture, through the CLI, as `line:column text → stale`. */
async function fixtureClaims(file: string, extra: string[] = []): Promise<FileReport['claims']> {
  const result = await runCli(['report', '--format', 'json', '--no-config', file, ...extra]);
  expect(result.code).toBe(0);
  return (JSON.parse(result.stdout) as Report).files.find((f) => f.path === file)!.claims;
}

describe('claims in documents', () => {
  it('finds claims in headings and paragraphs, never in code, tables, task text or summary blocks', async () => {
    const claims = await fixtureClaims('fixtures/claims-non-claims/input.md');
    expect(claims.map((c) => c.text)).toEqual(['2/3 done']);
  });

  it('checks the seeds as SPEC.md §9 says: 001', async () => {
    const claims = await fixtureClaims('fixtures/seeds/001_68c690fd1671e9f8.md');
    const staleLines = [...new Set(claims.filter((c) => c.stale === true).map((c) => c.line))];
    expect(staleLines).toEqual([22, 28, 118, 142, 156, 171, 189, 200, 318]);
    expect(claims.filter((c) => c.stale === null).map((c) => [c.line, c.scope.path])).toEqual([[4, 'PRODUCTION_IMPLEMENTATION_CHECKLIST.md']]);
  });

  it('checks the seeds as SPEC.md §9 says: 002', async () => {
    const claims = await fixtureClaims('fixtures/seeds/002_815a210c10cbfa6a.md');
    expect(claims.filter((c) => c.stale).map((c) => c.text.replace(/\*/g, ''))).toEqual([
      '25 Incomplete Items',
      'Production Readiness: ~66%',
    ]);
  });

  it('finds no stale claim in seeds 000, 003 and 004', async () => {
    for (const seed of ['000_1cabd79905a08843', '003_356ed9122aa68829', '004_2f307842d6d35cc9']) {
      const claims = await fixtureClaims(`fixtures/seeds/${seed}.md`);
      expect(claims.filter((c) => c.stale !== false)).toEqual([]);
    }
  });

  it('checks a claim against the other file it names when that file is in the report', async () => {
    const claims = await fixtureClaims('fixtures/claims-other-file/input.md', ['fixtures/claims-other-file/TASKS.md']);
    expect(claims.map((c) => [c.text, c.stale, c.scope.path])).toEqual([
      ['3 incomplete tasks', true, 'fixtures/claims-other-file/TASKS.md'],
      ['2 incomplete tasks', null, 'MISSING.md'],
    ]);
  });

  it('leaves a claim unverifiable in a document without items', async () => {
    const claims = await fixtureClaims('fixtures/claims-no-items/input.md');
    expect(claims.map((c) => [c.text, c.counted, c.stale])).toEqual([['Progress: 45%', null, null]]);
  });
});
