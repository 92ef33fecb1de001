/**
 * Huge and pathological markdown (issue 7), run as processes beside a good
 * checklist: each must finish — a hang is killed and fails — exit 0, report
 * the good file and count the bad one as stated, with bounded memory.
 * Inputs are generated at test time, never committed.
 *
 * The quick cases run in `npm test`. The long ones (100,000 task items,
 * 10,000 headings, deep indentation, a huge table, 50 MB) take from tens of
 * seconds to minutes each and run only with `SHIPREADY_HUGE=1`:
 *
 *   SHIPREADY_HUGE=1 HARDENING_TABLE=table.json npx vitest run test/scale-pathological
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { caseDir, expectGoodReported, fileOf, runCase, writeUsageTable } from './hardening-helpers.js';

afterAll(writeUsageTable);

const HUGE = process.env.SHIPREADY_HUGE === '1';
const MiB = 1024 * 1024;

interface HugeCase {
  input: string;
  /** The bad file's content, built at test time. */
  make(): string;
  /** What the bad file must count: items, and the stderr lines expected (all of them). */
  items: number;
  stderr: RegExp[];
  /** Seconds before the process is killed. */
  seconds: number;
  /** Peak memory allowed, MiB. */
  peakMiB: number;
}

const repeat = (count: number, line: (i: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('');
const NESTING_CUT = /^bad\.md:\d+:1: warning: nesting deeper than 32 levels on \d+ lines?: the deeper levels are read as plain text$/;

const QUICK: HugeCase[] = [
  {
    input: '10,000-deep nested lists',
    make: () => `# Tasks\n\n${'- '.repeat(10_000)}[ ] deep\n`,
    items: 0, // the levels past 32 are plain text, the task among them
    stderr: [NESTING_CUT],
    seconds: 30,
    peakMiB: 1024,
  },
  {
    input: '10,000-deep nested blockquotes',
    make: () => `# Tasks\n\n${'> '.repeat(10_000)}- [ ] deep\n`,
    items: 0,
    stderr: [NESTING_CUT],
    seconds: 30,
    peakMiB: 1024,
  },
  {
    input: 'a 5 MB single line',
    make: () => `# Tasks\n\n- [ ] ${'word '.repeat(1_000_000)}\n`,
    items: 1,
    stderr: [],
    seconds: 30,
    peakMiB: 2048,
  },
  {
    input: 'unclosed fences (100,000 task lines after an open fence)',
    make: () => `# Tasks\n\n- [ ] before\n\n\`\`\`\n${'- [ ] inside\n'.repeat(100_000)}`,
    items: 1,
    stderr: [],
    seconds: 30,
    peakMiB: 1024,
  },
];

const LONG: HugeCase[] = [
  {
    input: '100,000 task items in one file',
    make: () => `# Tasks\n\n${repeat(100_000, (i) => `- [${i % 3 === 0 ? 'x' : ' '}] task ${i} (1h)\n`)}`,
    items: 100_000,
    stderr: [],
    seconds: 120,
    peakMiB: 3072,
  },
  {
    input: 'one list of 100,000 tasks, some nested, some with markup (2 MB)',
    make: () =>
      `# Release\n\n${repeat(100_000 - 200, (i) => `- [${i % 3 === 0 ? 'x' : ' '}] Do task ${i}\n${i % 500 === 0 ? '  - [ ] a *sub* task\n' : ''}`)}`,
    items: 100_000,
    stderr: [],
    seconds: 600,
    peakMiB: 1024,
  },
  {
    input: '10,000 headings',
    make: () => repeat(10_000, (i) => `## Heading ${i} (P${i % 4})\n\n- [ ] task ${i}\n\n`),
    items: 10_000,
    stderr: [],
    seconds: 120,
    peakMiB: 2048,
  },
  {
    input: '2,000 levels of nested lists by indentation (4 MB)',
    make: () => `# Tasks\n\n${repeat(2_000, (i) => `${'  '.repeat(i)}- [ ] item ${i}\n`)}`,
    items: 32,
    stderr: [NESTING_CUT],
    seconds: 120,
    peakMiB: 2048,
  },
  {
    input: 'a huge table (100,000 rows × 10 columns, 5 MB)',
    make: () =>
      `# Tasks\n\n- [ ] before\n\n| ${repeat(10, (i) => `c${i} | `)}\n|${'---|'.repeat(10)}\n${repeat(100_000, () => `| ${repeat(10, (j) => `v${j} | `)}\n`)}`,
    items: 1,
    stderr: [],
    seconds: 120,
    peakMiB: 4096,
  },
  {
    input: 'a 50 MB file (5,000 top-level sections of prose, 2 tasks each)',
    make: () => {
      const prose = `${'Lorem ipsum dolor sit amet, consectetur adipiscing elit; 3 of the 7 steps. '.repeat(13)}\n\n`;
      return repeat(5_000, (i) => `# Section ${i}\n\n- [ ] task ${i} (2h)\n- [x] done ${i}\n\n${prose.repeat(11)}`);
    },
    items: 10_000,
    stderr: [],
    seconds: 600,
    peakMiB: 4096,
  },
];

function runHuge(huge: HugeCase): void {
  const dir = caseDir();
  const content = huge.make();
  writeFileSync(path.join(dir, 'bad.md'), content);
  const size = `${(Buffer.byteLength(content) / MiB).toFixed(1)} MB`;
  const outcome = runCase(`${huge.input} [${size}]`, dir, ['--file-timeout', String(huge.seconds), '.'], { timeout: huge.seconds * 1000 });
  expect(outcome.signal, `ended by a signal: killed after ${huge.seconds} s (a hang) or crashed (SIGABRT: out of memory)`).toBeNull();
  expect(outcome.code).toBe(0);
  expectGoodReported(outcome);
  expect(fileOf(outcome.report, 'bad.md')?.totals.items).toBe(huge.items);
  expect(outcome.stderr).toHaveLength(huge.stderr.length);
  huge.stderr.forEach((pattern, i) => expect(outcome.stderr[i]).toMatch(pattern));
  if (outcome.maxRssKiB !== null) expect(outcome.maxRssKiB / 1024).toBeLessThan(huge.peakMiB);
}

describe('pathological markdown finishes, counts and reports the other files', () => {
  for (const huge of QUICK) it(huge.input, () => runHuge(huge), (huge.seconds + 30) * 1000);
  for (const huge of LONG) it.runIf(HUGE)(huge.input, () => runHuge(huge), (huge.seconds + 60) * 1000);
});
