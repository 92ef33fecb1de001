import { describe, expect, it } from 'vitest';
import { analyze } from '../src/engine/engine.js';
import { renderJsonChunks } from '../src/render/json.js';
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
});
