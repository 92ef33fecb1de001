/**
 * The layer rules of shipready (docs/architecture.md, "Layer rules"), checked
 * by dependency-cruiser: `npm run lint:layers`, and test/layers.test.ts in
 * `npm test`. Each rule names the layer it protects and why.
 *
 * @type {import('dependency-cruiser').IConfiguration}
 */

/** Node's modules that reach the file system or other processes. */
const FILE_SYSTEM = '^(node:)?(fs|fs/promises|child_process)$';
/** The same, and threads: what a pure stage must not touch. */
const IO = '^(node:)?(fs|fs/promises|child_process|worker_threads)$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes the stages impossible to read, test or load on their own: break it by moving the shared part down a layer.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'render-is-pure',
      severity: 'error',
      comment:
        'Renderers turn the output contract into text: they import no policy (src/gate), no CLI and no I/O. The verdict reaches them in the contract.',
      from: { path: '^src/render/' },
      to: {
        path: ['^src/(gate|load|cli|fix|watch|cache|workers)/', FILE_SYSTEM],
      },
    },
    {
      name: 'extract-is-pure',
      severity: 'error',
      comment: 'Recognisers and the summary work on trees and values only: no file system, processes, threads, loading, cache, workers or CLI.',
      from: { path: '^src/(extract|summarize)/' },
      to: {
        path: ['^src/(load|cache|workers|cli)/', IO],
      },
    },
    {
      name: 'gate-knows-no-output',
      severity: 'error',
      comment: 'The gate decides the verdict; how it is printed belongs to the renderers and the CLI.',
      from: { path: '^src/gate/' },
      to: { path: '^src/(render|cli)/' },
    },
    {
      name: 'watch-knows-no-cli',
      severity: 'error',
      comment: 'watch is a consumer of the engine; the CLI wires it up, not the other way round.',
      from: { path: '^src/watch/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'only-the-entry-imports-the-cli',
      severity: 'error',
      comment: 'The CLI sits on top: only src/index.ts (the public API) and the CLI itself import it.',
      from: { path: '^src/', pathNot: ['^src/cli/', '^src/index\\.ts$'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-test-imports',
      severity: 'error',
      comment: 'Shipped code never depends on the tests.',
      from: { pathNot: '^test/' },
      to: { path: '^test/' },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment:
        'Every import resolves. Also guards the rules above: an import that cannot be resolved (a `.js` specifier not mapped to its `.ts` source) would escape them.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a renderer that imports a type from the gate still knows the gate.
    tsPreCompilationDeps: true,
    // Maps the `.js` specifiers of NodeNext ESM to the `.ts` sources.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
