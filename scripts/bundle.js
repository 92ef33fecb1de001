#!/usr/bin/env node
/**
 * Bundles the CLI with esbuild into dist/bundle/ (run by `npm run build`
 * after tsc), so start-up reads a few files instead of ~300 modules. Modules
 * loaded on demand (renderers, chokidar, ajv, tinypool, file-entry-cache, the
 * fix machinery) stay separate chunks, loaded only by the runs that need
 * them. The worker threads run the tsc output in dist/workers/.
 */
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'src/cli/main.ts', 'budget-worker': 'src/workers/budget-worker.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist/bundle',
  // CommonJS dependencies (cli-table3, iconv-lite, write-file-atomic, …) use require() and __filename;
  // give every chunk of the ES module bundle its own.
  banner: {
    js: [
      "import { createRequire as __shipreadyRequire } from 'node:module';",
      "import { fileURLToPath as __shipreadyPath } from 'node:url';",
      "import { dirname as __shipreadyDirname } from 'node:path';",
      'const require = __shipreadyRequire(import.meta.url);',
      'const __filename = __shipreadyPath(import.meta.url);',
      'const __dirname = __shipreadyDirname(__filename);',
    ].join(' '),
  },
  // cosmiconfig requires TypeScript only to read a .ts config, which shipready does not search for;
  // tinypool starts its workers from a file beside its own module, so it must stay in node_modules.
  external: ['typescript', 'tinypool'],
  minify: true,
  logLevel: 'warning',
  legalComments: 'none',
});
