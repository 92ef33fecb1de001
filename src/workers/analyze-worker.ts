import { analyzeWithinBudget, parserFor } from '../engine/file.js';
import type { FileAnalysis, FileAnalysisOptions, LoadedDocument } from '../engine/types.js';
import { loadDocument } from '../load/load.js';

/** One batch of files for a worker thread: absolute paths, the working directory and the analysis settings. */
export interface AnalyzeBatch {
  files: string[];
  cwd: string;
  options: FileAnalysisOptions;
  /** Send each file's loaded document back too (`fix` needs the text). */
  keepDocuments: boolean;
}

/** One file's result from a worker: the analysis, and the loaded document when the batch asked for it. */
export interface WorkerResult {
  analysis: FileAnalysis;
  document?: LoadedDocument;
}

/**
 * The worker thread's task (tinypool calls the default export): load and
 * analyse each file of the batch. Never throws for a bad file (loadDocument
 * turns it into a diagnostic). Returns the results in the batch's order.
 */
export default async function analyzeBatch(batch: AnalyzeBatch): Promise<WorkerResult[]> {
  const results: WorkerResult[] = [];
  // Each thread imports the configured remark plugins itself (once: loaded parsers are kept).
  const parser = await parserFor(batch.files, batch.options);
  for (const file of batch.files) {
    const document = await loadDocument(file, batch.cwd, { maxFileSize: batch.options.maxFileSize });
    const analysis = await analyzeWithinBudget(document, batch.options, parser);
    results.push(batch.keepDocuments ? { analysis, document } : { analysis });
  }
  return results;
}
