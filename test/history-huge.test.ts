/**
 * history over a generated repository (scripts/gen-history-repo.js): the
 * last point agrees with `report` on the working tree, and every commit
 * that changed a checklist has its point. 40 commits in `npm test`; 1,000
 * with SHIPREADY_HUGE=1.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const COMMITS = process.env.SHIPREADY_HUGE === '1' ? 1000 : 40;
const dir = mkdtempSync(path.join(tmpdir(), 'shipready-gen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(`history over ${COMMITS} generated commits`, () => {
  it('has a point per commit, and its last point is the working tree\'s report', async () => {
    execFileSync('node', [path.join(ROOT, 'scripts/gen-history-repo.js'), dir, String(COMMITS), '5']);
    const history = JSON.parse((await runCli(['history', '--format', 'json'], { cwd: dir })).stdout);
    expect(history.points).toHaveLength(COMMITS);
    const report = JSON.parse((await runCli(['report', '--format', 'json'], { cwd: dir })).stdout);
    const last = history.points.at(-1);
    expect([last.items, last.done, last.open, last.blocking, last.effort]).toEqual([
      report.totals.items, report.totals.done, report.totals.open, report.totals.blocking, report.totals.effort,
    ]);
    const times = history.points.map((p: { time: number }) => p.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  }, 300_000);
});
