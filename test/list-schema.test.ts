import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

/** `schema/list.schema.json` against real `list --format json` output, with a standard validator (ajv). */
const load = (name: string): object => JSON.parse(readFileSync(path.join(ROOT, 'schema', name), 'utf8')) as object;
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(load('report.schema.json'));
const validate = ajv.compile(load('list.schema.json'));

describe('schema/list.schema.json', () => {
  it('accepts every item of the seeds, with the filters and grouping flattened', async () => {
    for (const args of [['--status', 'all'], ['--blocking', '--group-by', 'priority'], ['--priority', 'high+', '--sort', 'effort']]) {
      const result = await runCli(['list', '--no-config', '--format', 'json', ...args, 'fixtures/seeds']);
      const document = JSON.parse(result.stdout) as { count: number; items: unknown[] };
      const valid = validate(document);
      expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
      expect(document.count).toBe(document.items.length);
    }
  });

  it('rejects an item without its path and an unknown key', async () => {
    const result = await runCli(['list', '--no-config', '--format', 'json', 'fixtures/seeds/002_815a210c10cbfa6a.md']);
    const document = JSON.parse(result.stdout) as { items: Array<Record<string, unknown>> };
    const { path: _path, ...withoutPath } = document.items[0]!;
    expect(validate({ ...document, items: [withoutPath] })).toBe(false);
    expect(validate({ ...document, extra: true })).toBe(false);
  });
});
