import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The layer rules of docs/architecture.md, as .dependency-cruiser.cjs states them,
// over the real sources; and over a small made-up tree that breaks each rule once,
// so that a rule that matches nothing (a wrong path, an unresolved import) is caught too.

const ROOT = path.resolve(fileURLToPath(import.meta.url), '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');

/** Runs dependency-cruiser with the project's rules over `paths` (relative to `baseDir`). */
async function cruiseWithRules(paths: string[], baseDir: string): Promise<ICruiseResult> {
  const options: ICruiseOptions = { ...(await extractDepcruiseOptions(CONFIG)), validate: true, baseDir };
  const tsConfig = extractTSConfig(path.join(baseDir, 'tsconfig.json'));
  const result = await cruise(paths, options, {}, { tsConfig });
  return result.output as ICruiseResult;
}

/** One line per violation: `rule: from → to`, a cycle as its whole path. */
function describeViolation(violation: IViolation): string {
  const target = violation.cycle?.length ? [violation.from, ...violation.cycle.map((step) => step.name)].join(' → ') : `${violation.from} → ${violation.to}`;
  return `${violation.rule.name}: ${target}`;
}

describe('layer rules over src/', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseWithRules(['src'], ROOT);
  });

  it('resolves the `.js` specifiers to the TypeScript sources', () => {
    const index = result.modules.find((module) => module.source === 'src/index.ts');
    expect(index, 'src/index.ts was not cruised').toBeDefined();
    const resolved = index!.dependencies.map((dependency) => dependency.resolved);
    expect(resolved).toContain('src/model.ts');
    expect(resolved.every((file) => !file.endsWith('.js'))).toBe(true);
    expect(result.modules.filter((module) => module.source.startsWith('src/')).length).toBeGreaterThan(20);
  });

  it('has no violations', () => {
    const lines = (result.summary.violations ?? []).map(describeViolation).sort();
    expect(lines, `Layer rules broken (see .dependency-cruiser.cjs and docs/architecture.md):\n  ${lines.join('\n  ')}\n`).toEqual([]);
  });
});

describe('each layer rule catches what it forbids', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'shipready-layers-'));
    const files: Record<string, string> = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true }, include: ['src'] }),
      'src/model.ts': 'export type Item = { id: string };\n',
      'src/index.ts': "export { run } from './cli/run.js';\n",
      'src/cli/run.ts': "import { renderTable } from '../render/table.js';\nexport const run = (): string => renderTable();\n",
      'src/render/table.ts': "import type { Item } from '../model.js';\nexport const renderTable = (items: Item[] = []): string => String(items.length);\n",
      // Each of these breaks one rule (and only the one named beside it).
      'src/render/github.ts': "import { verdict } from '../gate/verdict.js';\nexport const g = verdict;\n", // render-is-pure
      'src/render/junit.ts': "import { readFileSync } from 'node:fs';\nexport const j = readFileSync;\n", // render-is-pure
      'src/gate/verdict.ts': "export const verdict = 'READY';\n",
      'src/gate/print.ts': "import { renderTable } from '../render/table.js';\nexport const p = renderTable;\n", // gate-knows-no-output
      'src/extract/items.ts': "import { Worker } from 'node:worker_threads';\nexport const w = Worker;\n", // extract-is-pure
      'src/summarize/totals.ts': "import { loadAll } from '../load/load.js';\nexport const t = loadAll;\n", // extract-is-pure
      'src/load/load.ts': "export const loadAll = (): string[] => [];\n",
      'src/watch/live.ts': "import { run } from '../cli/run.js';\nexport const l = run;\n", // watch-knows-no-cli + only-the-entry-imports-the-cli
      'src/list/order.ts': "import { run } from '../cli/run.js';\nexport const o = run;\n", // only-the-entry-imports-the-cli
      'src/fix/fix.ts': "import { sample } from '../../test/helpers.js';\nexport const f = sample;\n", // no-test-imports
      'test/helpers.ts': "export const sample = 'x';\n",
      'src/engine/a.ts': "import { b } from './b.js';\nexport const a = (): string => b();\n", // no-circular
      'src/engine/b.ts': "import { a } from './a.js';\nexport const b = (): string => typeof a;\n", // no-circular (reported once, from a.ts)
      'src/engine/c.ts': "import { gone } from './missing.js';\nexport const c = gone;\n", // resolvable
    };
    for (const [file, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), text);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports exactly the broken imports, by rule', async () => {
    const result = await cruiseWithRules(['src'], dir);
    const lines = (result.summary.violations ?? []).map(describeViolation).sort();
    expect(lines).toEqual(
      [
        'extract-is-pure: src/extract/items.ts → worker_threads',
        'extract-is-pure: src/summarize/totals.ts → src/load/load.ts',
        'gate-knows-no-output: src/gate/print.ts → src/render/table.ts',
        'no-circular: src/engine/a.ts → src/engine/b.ts → src/engine/a.ts',
        'no-test-imports: src/fix/fix.ts → test/helpers.ts',
        'only-the-entry-imports-the-cli: src/list/order.ts → src/cli/run.ts',
        'only-the-entry-imports-the-cli: src/watch/live.ts → src/cli/run.ts',
        'render-is-pure: src/render/github.ts → src/gate/verdict.ts',
        'render-is-pure: src/render/junit.ts → fs',
        'resolvable: src/engine/c.ts → ./missing.js',
        'watch-knows-no-cli: src/watch/live.ts → src/cli/run.ts',
      ].sort(),
    );
  });

  it('names every rule of the configuration in that tree', async () => {
    const { forbidden = [] } = (await import(pathToFileURL(CONFIG).href)).default as { forbidden?: Array<{ name: string }> };
    const result = await cruiseWithRules(['src'], dir);
    const broken = new Set((result.summary.violations ?? []).map((violation) => violation.rule.name));
    expect([...broken].sort()).toEqual(forbidden.map((rule) => rule.name).sort());
  });
});
