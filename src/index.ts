/**
 * shipready's public API: the pipeline as functions, the model as types.
 * The CLI (`bin/shipready.js`) is built on exactly these.
 */
export * from './model.js';
export { analyze, reportFromDocuments, hasFileErrors, type AnalyzeOptions, type Analysis } from './pipeline.js';
export { run } from './cli/run.js';
export type { RunContext, ExitCode, OutputStream } from './cli/context.js';
export { renderers, FORMAT_NAMES, type FormatName, type Renderer, type RenderOptions } from './render/index.js';
export { buildVocabulary, type Vocabulary } from './extract/vocabulary.js';
export { ShipreadyError, UsageError, ConfigError, NoFilesMatchedError } from './errors.js';
