import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { ROOT, runCli } from './helpers.js';

/**
 * T-shirt sizes (docs/rules.md#effort): with `effortSizes` in the
 * configuration they are estimates in the units mapped; without it the
 * items are unestimated and the run warns that sizes were seen.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'shipready-sizes-'));
copyFileSync(path.join(ROOT, 'fixtures', 'effort-tshirt-sizes', 'input.md'), path.join(dir, 'TODO.md'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function report(config: string | null): Promise<{ report: Report; stderr: string }> {
  const file = path.join(dir, '.shipreadyrc.json');
  rmSync(file, { force: true });
  if (config !== null) writeFileSync(file, config);
  const result = await runCli(['report', '--format', 'json', 'TODO.md'], { cwd: dir });
  return { report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

describe('effortSizes', () => {
  it('maps sizes to estimates (hours per day applied) and warns about none', async () => {
    const { report: r, stderr } = await report(JSON.stringify({ effortSizes: { S: '2-4h', M: '1-2d', L: '3-5d' } }));
    const byTitle = new Map(r.files[0]!.items.map((item) => [item.title, item.effort]));
    expect(byTitle.get('Add search')).toMatchObject({ minHours: 8, maxHours: 16, text: 'M' });
    expect(byTitle.get('Add filters (L)')).toMatchObject({ minHours: 24, maxHours: 40 });
    expect(byTitle.get('Add export')).toMatchObject({ minHours: 2, maxHours: 4 });
    expect(r.totals.effort).toEqual({ minHours: 36, maxHours: 62, unestimated: 0 });
    expect(r.files[0]!.diagnostics).toEqual([]);
    expect(stderr).not.toContain('T-shirt');
  });

  it('without a map, leaves sized items unestimated and says which sizes were seen', async () => {
    const { report: r } = await report(null);
    expect(r.totals.effort.unestimated).toBe(3);
    expect(r.files[0]!.diagnostics).toEqual([
      expect.objectContaining({ line: null, severity: 'warning', message: expect.stringContaining('M ×1, L ×1, S ×1') }),
    ]);
  });

  it('rejects a size that is not one, naming the key', async () => {
    writeFileSync(path.join(dir, '.shipreadyrc.json'), JSON.stringify({ effortSizes: { Huge: '1w' } }));
    const result = await runCli(['report', 'TODO.md'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('effortSizes');
  });
});
