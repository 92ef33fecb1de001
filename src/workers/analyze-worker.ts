import { loadDocument } from '../load/load.js';
import { analyzeLoadedDocument, type FileAnalysis, type FileAnalysisOptions, parserFor } from '../pipeline.js';

/** One batch of files for a worker thread: absolute paths, the working directory and the analysis settings. */
export interface AnalyzeBatch {
  files: string[];
  cwd: string;
  options: FileAnalysisOptions;
}

/**
 * The worker thread's task (tinypool calls the default export): load and
 * analyse each file of the batch. Never throws for a bad file (loadDocument
 * turns it into a diagnostic). Returns the analyses in the batch's order.
 */
export default async function analyzeBatch(batch: AnalyzeBatch): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = [];
  // Each thread imports the configured remark plugins itself (once: loaded parsers are kept).
  const parser = await parserFor(batch.files, batch.options.remarkPlugins);
  for (const file of batch.files) {
    results.push(analyzeLoadedDocument(await loadDocument(file, batch.cwd), batch.options, parser));
  }
  return results;
}
