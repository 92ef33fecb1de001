import { Worker } from 'node:worker_threads';
import { emptyDocument } from '../extract/extract.js';
import type { FileAnalysis, FileAnalysisOptions, LoadedDocument } from '../engine/types.js';

/** What the budget thread is given: one loaded document and the analysis settings. */
export interface BudgetTask {
  doc: LoadedDocument;
  options: FileAnalysisOptions;
}

/** Heap a budget thread may use before it is stopped: 1 GiB (README.md#scale). */
export const MEMORY_BUDGET_MB = 1024;

/**
 * Analyses one document on a worker thread of its own, stopped when it runs
 * past `options.fileTimeoutMs` or {@link MEMORY_BUDGET_MB}: the file is then
 * skipped with an error that names the budget and what to do. Never rejects.
 */
export function analyzeOnBudgetThread(doc: LoadedDocument, options: FileAnalysisOptions): Promise<FileAnalysis> {
  const over = (message: string): FileAnalysis => ({
    document: emptyDocument(doc.path),
    skipped: true,
    diagnostics: [...doc.diagnostics, { line: null, severity: 'error', message }],
  });
  return new Promise((resolve) => {
    const worker = new Worker(budgetScript(), {
      workerData: { doc, options } satisfies BudgetTask,
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_BUDGET_MB },
    });
    let settled = false;
    const settle = (analysis: FileAnalysis): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(analysis);
    };
    const seconds = options.fileTimeoutMs / 1000;
    const timer = setTimeout(() => {
      settle(over(`not analysed: parsing did not finish within the ${seconds} s budget; split the file, add it to \`ignore\`, or raise \`fileTimeout\` (--file-timeout)`));
    }, options.fileTimeoutMs);
    worker.once('message', (analysis: string) => settle(JSON.parse(analysis) as FileAnalysis));
    worker.once('error', (error: Error & { code?: string }) => {
      settle(over(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `not analysed: parsing needed more than the ${MEMORY_BUDGET_MB / 1024} GiB memory budget; split the file or add it to \`ignore\``
        : `not analysed: the parse failed (${error.message}); add the file to \`ignore\` and report the problem`));
    });
    worker.once('exit', () => settle(over('not analysed: the parse stopped without a result; add the file to `ignore` and report the problem')));
  });
}

/**
 * The thread's module: the bundle's `budget-worker.js` beside this one once
 * built, or from dist/bundle/ when the test runner loads the TypeScript
 * sources (`npm test` builds first).
 */
function budgetScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/bundle/budget-worker.js', import.meta.url)
    : new URL('./budget-worker.js', import.meta.url);
}
