/**
 * shipready's public API: the engine as functions, the model as types.
 * The CLI (`bin/shipready.js`) is built on exactly these: every command is
 * a consumer of {@link analyze} (or, for `watch`, of its steps through
 * {@link WatchSession}).
 */
export * from './model.js';
export { analyze, analyzeFiles, engineOptions, hasFileErrors, reportFromDocuments, summarizeAnalyses } from './engine/engine.js';
export { analyzeLoadedDocument } from './engine/file.js';
export type {
  Analysis,
  AnalyzeOptions,
  Concurrency,
  EngineOptions,
  FileAnalysis,
  FileAnalysisOptions,
  FileResults,
  LoadedDocument,
  PerformanceOptions,
} from './engine/types.js';
export { WatchSession, type WatchSessionOptions, type SessionChanges, type SessionUpdate } from './watch/session.js';
export { run } from './cli/run.js';
export type { RunContext, ExitCode, OutputStream } from './cli/context.js';
export { formats, formatsFor, loadRenderer, outputText, FORMAT_NAMES, type FormatName, type Renderer, type RenderContext, type RenderOptions } from './render/index.js';
export { buildVocabulary, type Vocabulary } from './extract/vocabulary.js';
export { ShipreadyError, UsageError, ConfigError, NoFilesMatchedError } from './errors.js';
export { loadConfig, type LoadedConfig, type LoadConfigOptions } from './config/load.js';
export { validateConfig, type ShipreadyConfig } from './config/validate.js';
export { evaluateGate, gateExitCode, gateOutcome, type GateCheck, type GateOutcome, type GateVerdict } from './gate/evaluate.js';
export { DEFAULT_GATE_POLICY, type GatePolicy, type Thresholds } from './gate/policy.js';
export { fixFiles, type FixOptions, type FixResult, type FileFix } from './fix/fix.js';
export { filterItems, sortItems, groupItems, type ItemFilter, type ListedItem } from './list/index.js';
