/**
 * The engine's types: what one file's analysis is, what it depends on, and
 * what a run of the engine is asked to do (docs/architecture.md "Engine").
 * This module sits below the engine, the cache and the workers, which all
 * import it; it imports types only, and nothing from the cache, the workers
 * or the CLI.
 */
import type { ExtractedDocument } from '../extract/extract.js';
import type { Vocabulary } from '../extract/vocabulary.js';
import type { Diagnostic, Report, ReportOptions } from '../model.js';
import type { LoadedDocument } from '../load/load.js';
import type { RemarkPluginSpec } from '../parse/plugins.js';

/** A markdown file read and decoded for analysis (made by `load`; the type lives with it). */
export type { LoadedDocument };

/**
 * One file's analysis: what extract found, plus the diagnostics of loading
 * and parsing it. The unit that is cached, sent back by workers, kept by
 * `watch` and summarised into the report.
 */
export interface FileAnalysis {
  document: ExtractedDocument;
  /** The file was not analysed (binary, unreadable): it is counted in `scanned.skipped`. */
  skipped: boolean;
  /** Load's diagnostics, then parse's (1-based lines, or null for the whole file). */
  diagnostics: Diagnostic[];
}

/**
 * What a file's analysis depends on besides its text. Built in one place
 * only (`fileAnalysisOptions` in ./engine.ts), so the cache's identity and
 * the workers' payload always agree with the inline analysis.
 */
export interface FileAnalysisOptions {
  vocabulary: Vocabulary;
  /** remark plugins from the configuration, applied after the built-in syntax; plain data, so workers load them too. */
  remarkPlugins: readonly RemarkPluginSpec[];
  /**
   * Parse big texts in chunks split at top-level headings. The results are
   * the same either way (test/engine-modes.test.ts), so it is no part of the
   * cache's identity.
   */
  chunking: boolean;
  /**
   * Recognise files with nothing to count from a cheap scan of their text,
   * without parsing them (docs/architecture.md#the-scan). The results are
   * the same either way (test/engine-modes.test.ts); off when remark plugins are
   * configured (a plugin may create items).
   */
  scan: boolean;
  /** Parse budget per file, in milliseconds (`fileTimeout`); past it the file is skipped with an error. */
  fileTimeoutMs: number;
  /** Files larger than this, in bytes, are not read (`maxFileSize`); they are skipped with an error. */
  maxFileSize: number;
}

/** `--concurrency`: worker threads to use; `auto` decides from the files and the cores, `off` uses none. */
export type Concurrency = number | 'auto' | 'off';

/** How a run may go faster; the report is the same either way (test/engine-modes.test.ts). */
export interface PerformanceOptions {
  /** Keep per-file analyses between runs, keyed by content hash: the cache directory (absolute or relative to `cwd`), or null for none (the default). */
  cacheLocation?: string | null;
  /** Worker threads; default `auto`. */
  concurrency?: Concurrency;
  /** See {@link FileAnalysisOptions.chunking}; default true. */
  chunking?: boolean;
  /** See {@link FileAnalysisOptions.scan}; default true (always off with remark plugins). */
  scan?: boolean;
}

/** A file's budget (README.md#scale): parse time in seconds and size in bytes; defaults 10 s and 64 MB. */
export interface BudgetOptions {
  fileTimeout?: number;
  maxFileSize?: number;
}

/** A run's progress, after each file: files analysed so far, of `total`, and how many of them hold items. */
export interface Progress {
  done: number;
  total: number;
  withItems: number;
}

/** What to analyse and how. Everything but `paths` and `cwd` has a default. */
export interface AnalyzeOptions extends PerformanceOptions, BudgetOptions {
  /** Files, directories or globs, relative to `cwd`; empty means `cwd`. */
  paths: readonly string[];
  /** The working directory: paths are resolved and reported relative to it. */
  cwd: string;
  /** Report options; missing ones are the defaults (`DEFAULT_REPORT_OPTIONS`). */
  report?: Partial<ReportOptions>;
  /** The words that mean a status or a priority; default `buildVocabulary()`. */
  vocabulary?: Vocabulary;
  /** Extra ignore globs (the configuration's `ignore`). */
  ignore?: readonly string[];
  /** remark plugins from the configuration (`LoadedConfig.remarkPlugins`); default none. */
  remarkPlugins?: readonly RemarkPluginSpec[];
  /** Also return every file's loaded document (its text), in report order: `fix` edits them. */
  keepDocuments?: boolean;
  /** Aborts the run between files (`watch` on Ctrl-C); the run then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called as files are analysed (not for files found in the cache), for a progress display. */
  onProgress?: (progress: Progress) => void;
}

/** {@link AnalyzeOptions} with every default applied: what the engine's steps take. */
export interface EngineOptions {
  paths: readonly string[];
  cwd: string;
  ignore: readonly string[];
  report: ReportOptions;
  file: FileAnalysisOptions;
  cacheLocation: string | null;
  concurrency: Concurrency;
  keepDocuments: boolean;
  signal: AbortSignal | undefined;
  onProgress: ((progress: Progress) => void) | undefined;
}

/** The result of a run of the engine. */
export interface Analysis {
  report: Report;
  /** Warnings about the run itself (a cache that could not be written), one line each, for stderr. */
  warnings: string[];
  /** With `keepDocuments`: each file's loaded document, in the order of `report.files`. */
  documents?: LoadedDocument[];
}

/** Each file's analysis (and, when asked for, its loaded document), in the order the files were given. */
export interface FileResults {
  analyses: FileAnalysis[];
  /** With `keepDocuments`, else null. */
  documents: LoadedDocument[] | null;
  warnings: string[];
}
