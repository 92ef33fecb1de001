import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/engine.js';
import { ITEMS_PER_CHUNK, renderJsonChunks } from '../src/render/json.js';
import { SEEDS_DIR } from './helpers.js';

describe('the JSON report in chunks', () => {
  it('is JSON.stringify(report, null, 2) once joined, on the seeds, with one chunk per file', async () => {
    const { report } = await analyze({ paths: [SEEDS_DIR], cwd: SEEDS_DIR });
    const chunks = renderJsonChunks(report);
    expect(chunks).toHaveLength(report.files.length + 2);
    expect(chunks.join('')).toBe(`${JSON.stringify(report, null, 2)}\n`);
  });

  it('is JSON.stringify(report, null, 2) for a report without files', async () => {
    const { report } = await analyze({ paths: [SEEDS_DIR], cwd: SEEDS_DIR });
    const empty = { ...report, files: [] };
    expect(renderJsonChunks(empty).join('')).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });

  it('is JSON.stringify(report, null, 2) for a file of many items, written in several chunks', async () => {
    const { report } = await analyze({ paths: [SEEDS_DIR], cwd: SEEDS_DIR });
    const file = report.files.find((f) => f.items.length > 1)!;
    const items = Array.from({ length: 2 * ITEMS_PER_CHUNK + 7 }, (_, i) => ({ ...file.items[i % file.items.length]!, line: i + 1 }));
    const big = { ...report, files: [report.files[0]!, { ...file, items }, report.files.at(-1)!] };
    const chunks = renderJsonChunks(big);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.join('')).toBe(`${JSON.stringify(big, null, 2)}\n`);
  });
});
