/**
 * `shipready fix` (docs/rules.md "Claims"): rewrites the numbers of stale
 * claims so they state what was counted, and regenerates summary blocks,
 * changing no other byte of any file. With `write: false` (`--check`,
 * `--diff`) it computes the same result and touches nothing.
 *
 * One of the two stages that touch the file system: it reads
 * each file's bytes again to edit them, and replaces them through
 * ./safe-write.ts (README.md#fix), leaving alone a file whose bytes changed
 * on disk since they were read.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import { NoFilesMatchedError } from '../errors.js';
import { decodeMarkdown } from '../load/decode.js';
import { discoverFiles, displayPath } from '../load/discover.js';
import { type LoadedDocument, loadDocument } from '../load/load.js';
import { analyze, byPath, reportFromDocuments } from '../engine/engine.js';
import { parserFor } from '../engine/file.js';
import type { AnalyzeOptions } from '../engine/types.js';
import type { Diagnostic, Report, ReportOptions } from '../model.js';
import { parseMarkdown } from '../parse/parse.js';
import type { MarkdownParser } from '../parse/parse.js';
import { gateOutcome } from '../gate/evaluate.js';
import { loadRenderer, outputText, type Renderer } from '../render/index.js';
import { editBytes, sameBytes, type TextEdit, unwritableReason } from './bytes.js';
import { type ClaimFix, planClaimFixes } from './claims.js';
import { findSummaryBlocks, type SummaryBlock, summaryContent, summaryEdit } from './summary.js';
import { isInside, safeReplace } from './safe-write.js';

/** What to fix and how: the engine's options (its run keeps the loaded documents), and more. */
export interface FixOptions extends Omit<AnalyzeOptions, 'keepDocuments'> {
  /** Report options in full: summary blocks are rendered with them too. */
  report: ReportOptions;
  /** Write the changed files; false computes the changes only (`--check`, `--diff`). */
  write: boolean;
}

/** A summary block whose content changes. */
export interface SummaryFix {
  /** 1-based line of the opening marker (in the file as read). */
  line: number;
  /** The marker's `paths`, or null for the file itself. */
  paths: string | null;
}

/**
 * What `fix` did, or would do, to one file:
 * `unchanged` — nothing to change; `changed` — changes computed, not
 * written (`write: false`); `written` — changes written; `skipped` — there
 * was something to change but the file was left alone (see `diagnostics`).
 */
export type FixOutcome = 'unchanged' | 'changed' | 'written' | 'skipped';

/** The result of `fix` for one analysed file. */
export interface FileFix {
  /** Relative to the working directory, `/` separators. */
  path: string;
  absolutePath: string;
  outcome: FixOutcome;
  /** Stale claims rewritten (or that would be), in line order. */
  claims: ClaimFix[];
  /** Summary blocks regenerated (or that would be). */
  summaries: SummaryFix[];
  /** The bytes as read and as they are after `fix`; null when the file was not read for fixing. */
  before: Uint8Array | null;
  after: Uint8Array | null;
  /** Why something was left alone; `error` makes the run exit 2. */
  diagnostics: Diagnostic[];
}

/** The result of a `fix` run. */
export interface FixResult {
  /** The report of the files as they were read (with load diagnostics). */
  report: Report;
  /** One entry per analysed file, in report order. */
  files: FileFix[];
  /** Warnings about the run itself (a cache that could not be written), one line each, for stderr. */
  warnings: string[];
}

/** Rounds of summary regeneration before giving up: a block's line count changes the line numbers it links to. */
const MAX_SUMMARY_ROUNDS = 5;

/**
 * Fixes (or, with `write: false`, plans the fixes of) every file the paths
 * name, from one run of the engine that keeps each file's text. Never
 * throws for a file: a file it cannot fix gets a diagnostic.
 *
 * @throws NoFilesMatchedError when a path matches no file.
 */
export async function fixFiles(options: FixOptions): Promise<FixResult> {
  const { report, documents, warnings } = await analyze({ ...options, keepDocuments: true });
  const targets: Target[] = [];
  const files: FileFix[] = [];
  // Files with nothing to count are not listed in the report; they may still hold summary blocks.
  const reported = new Map(report.files.map((file) => [file.path, file]));
  for (const document of documents) {
    const file = reported.get(document.path);
    const fix: FileFix = {
      path: document.path, absolutePath: document.absolutePath, outcome: 'unchanged',
      claims: [], summaries: [], before: null, after: null, diagnostics: [],
    };
    files.push(fix);
    if (document.skipped) continue;
    const plan = file ? planClaimFixes(file, document.text) : { fixes: [], diagnostics: [] };
    const found = mentionsShipready(document.text) ? findSummaryBlocks(parseMarkdown(document.text), document.text) : { blocks: [], diagnostics: [] };
    fix.diagnostics.push(...plan.diagnostics, ...found.diagnostics);
    if (plan.fixes.length === 0 && found.blocks.length === 0) continue;
    const target = await prepareTarget(fix, document, plan.fixes, found.blocks);
    if (target) targets.push(target);
  }

  const loaded = new Map(documents.map((d) => [d.absolutePath, d]));
  const roots = await givenRoots(options.paths, options.cwd);
  await resolveSummaryPaths(targets, loaded, options, [await repositoryRoot(options.cwd), ...roots]);
  if (targets.some((target) => target.blocks.length > 0)) {
    const parser = await parserFor([...loaded.keys()], { remarkPlugins: options.remarkPlugins ?? [] });
    regenerateSummaries(targets, loaded, options, await loadRenderer('markdown'), parser);
  }

  for (const target of targets) {
    const { fix } = target;
    const after = target.bytes();
    fix.after = after;
    fix.summaries = target.blocks
      .filter((b) => b.content !== b.original && b.documents !== null)
      .map((b) => ({ line: b.block.line, paths: b.block.paths }));
    if (sameBytes(after, target.original)) continue;
    fix.outcome = options.write ? await write(fix, target.original, after, roots) : 'changed';
  }
  return { report, files, warnings };
}

/** Every summary marker, well-formed or not, names shipready: a text without the word is not parsed again for blocks. */
function mentionsShipready(text: string): boolean {
  return /shipready/i.test(text);
}

/** A summary block being regenerated. */
interface BlockState {
  block: SummaryBlock;
  /** The content as read, and as regenerated so far. */
  original: string;
  content: string;
  /** Absolute paths of the documents it summarises; null when they could not be resolved (left alone). */
  documents: string[] | null;
}

/** A file with something to fix: its bytes as read and the edits so far. */
interface Target {
  fix: FileFix;
  document: LoadedDocument;
  original: Uint8Array;
  claimEdits: TextEdit[];
  blocks: BlockState[];
  /** The bytes with every edit so far. */
  bytes(): Uint8Array;
  /** The bytes with every edit so far, decoded as `load` would, with `path` as given. */
  decoded(displayPath: string): LoadedDocument;
}

/**
 * Reads a file's bytes again for editing. Null (with a diagnostic) when it
 * cannot be rewritten: invalid UTF-8 or NUL bytes, or changed since the
 * analysis read it.
 */
async function prepareTarget(fix: FileFix, document: LoadedDocument, claims: ClaimFix[], blocks: SummaryBlock[]): Promise<Target | null> {
  fix.claims = claims;
  const leave = (severity: Diagnostic['severity'], reason: string): null => {
    fix.outcome = 'skipped';
    fix.diagnostics.push({ line: null, severity, message: `not rewritten: ${reason}` });
    return null;
  };
  let original: Uint8Array;
  try {
    original = await readFile(document.absolutePath);
  } catch (error) {
    return leave('error', `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'}); check that it exists and is readable`);
  }
  const unwritable = unwritableReason(original);
  if (unwritable) return leave('warning', unwritable);
  const decoded = decodeMarkdown(original);
  if (decoded.text !== document.text || decoded.bom !== document.bom) {
    return leave('error', CHANGED);
  }
  fix.before = original;
  const claimEdits = claims.flatMap((c) => c.edits);
  const states: BlockState[] = blocks.map((block) => {
    const content = document.text.slice(block.contentStart, block.contentEnd);
    return { block, original: content, content, documents: null };
  });
  let cache: { key: string; bytes: Uint8Array } | null = null;
  const bytes = (): Uint8Array => {
    const key = states.map((s) => s.content).join('\u0000');
    if (cache?.key !== key) {
      const edits = [...claimEdits, ...states.map((s) => summaryEdit(s.block, s.content))];
      cache = { key, bytes: editBytes(original, document, edits) };
    }
    return cache.bytes;
  };
  const decodedAs = (displayPath: string): LoadedDocument => {
    const result = decodeMarkdown(bytes());
    return {
      path: displayPath, absolutePath: document.absolutePath, text: result.text, bom: result.bom,
      skipped: false, repairs: result.repairs, diagnostics: result.diagnostics,
    };
  };
  return { fix, document, original, claimEdits, blocks: states, bytes, decoded: decodedAs };
}

const CHANGED = 'changed while shipready ran; run fix again';

/** Characters that make a path segment a glob (globby's syntax). */
const GLOB_SEGMENT = /[*?[\]{}()!]/;

/**
 * Real paths of what the user named (README.md#fix): each path, or a
 * glob's directory part up to its first pattern segment; the working
 * directory when none is given.
 */
async function givenRoots(paths: readonly string[], cwd: string): Promise<string[]> {
  const roots: string[] = [];
  for (const given of paths.length > 0 ? paths : ['.']) {
    const segments = given.split(/[\\/]/);
    const firstGlob = segments.findIndex((segment) => GLOB_SEGMENT.test(segment));
    const stem = firstGlob < 0 ? given : segments.slice(0, firstGlob).join('/') || '.';
    const absolute = path.resolve(cwd, stem);
    roots.push(await realpath(absolute).catch(() => absolute));
  }
  return roots;
}

/** The repository a run works in: the nearest directory from `cwd` upward holding `.git`, else `cwd` (real paths). */
async function repositoryRoot(cwd: string): Promise<string> {
  const start = await realpath(cwd).catch(() => path.resolve(cwd));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (await lstat(path.join(dir, '.git')).then(() => true, () => false)) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

/**
 * Resolves what each summary block summarises: the file itself, or the
 * files its `paths` names (relative to the file's directory). Files that
 * are not yet loaded are read into `loaded`. A `paths` that matches nothing,
 * or names a file outside `allowed` (the repository and the paths given:
 * a block must not copy a private file's items into a shared one), leaves
 * the block alone with a warning.
 */
async function resolveSummaryPaths(targets: readonly Target[], loaded: Map<string, LoadedDocument>, options: FixOptions, allowed: readonly string[]): Promise<void> {
  for (const target of targets) {
    const dir = path.dirname(target.document.absolutePath);
    for (const state of target.blocks) {
      if (state.block.paths === null) {
        state.documents = [target.document.absolutePath];
        continue;
      }
      const pattern = toPattern(path.relative(options.cwd, dir), state.block.paths);
      try {
        const documents = await discoverFiles([pattern], { cwd: options.cwd, ignore: options.ignore });
        const outside = await firstOutside(documents, allowed);
        if (outside !== null) {
          target.fix.diagnostics.push({
            line: state.block.line,
            severity: 'warning',
            message: `summary block paths \`${state.block.paths}\` reach \`${displayPath(outside, options.cwd)}\`, outside the repository and the paths given; the block is left as it is`,
          });
          continue;
        }
        state.documents = documents;
        for (const absolute of state.documents) {
          if (!loaded.has(absolute)) loaded.set(absolute, await loadDocument(absolute, options.cwd));
        }
      } catch (error) {
        if (!(error instanceof NoFilesMatchedError)) throw error;
        target.fix.diagnostics.push({
          line: state.block.line,
          severity: 'warning',
          message: `summary block paths \`${state.block.paths}\` matched no markdown file; the block is left as it is`,
        });
      }
    }
  }
}

/** The first of `files` whose real path lies outside every root of `allowed`, or null. */
async function firstOutside(files: readonly string[], allowed: readonly string[]): Promise<string | null> {
  for (const file of files) {
    const real = await realpath(file).catch(() => file);
    if (!allowed.some((root) => isInside(real, root))) return file;
  }
  return null;
}

/** A `paths` value written relative to a file's directory, as a path or glob relative to the working directory. */
function toPattern(dirFromCwd: string, paths: string): string {
  if (path.isAbsolute(paths)) return paths;
  const prefix = dirFromCwd.split(path.sep).join('/');
  return prefix === '' ? paths : `${prefix}/${paths}`;
}

/**
 * Regenerates every summary block from the files as they will be written,
 * round after round until nothing changes: a block's length moves the lines
 * that it (and blocks in other files) links to.
 */
function regenerateSummaries(
  targets: readonly Target[],
  loaded: ReadonlyMap<string, LoadedDocument>,
  options: FixOptions,
  renderMarkdown: Renderer,
  parser: MarkdownParser,
): void {
  const targetByPath = new Map(targets.map((t) => [t.document.absolutePath, t]));
  for (let round = 0; round < MAX_SUMMARY_ROUNDS; round++) {
    let changed = false;
    for (const target of targets) {
      const dir = path.dirname(target.document.absolutePath);
      for (const state of target.blocks) {
        if (state.documents === null) continue;
        // Paths relative to the file that holds the block, so the summary reads the same from any working directory.
        const documents = state.documents.map((absolute): LoadedDocument => {
          const display = displayPath(absolute, dir);
          const target = targetByPath.get(absolute);
          return target ? target.decoded(display) : { ...loaded.get(absolute)!, path: display };
        });
        const sorted = documents.sort((a, b) => byPath(a.path, b.path));
        const report = reportFromDocuments(sorted, options.report, options.vocabulary, parser);
        const rendered = outputText(renderMarkdown({
          report, ...gateOutcome(report), options: { color: false, width: 80, unicode: true, headingDepth: state.block.headingDepth, linkBase: '', embedded: true },
        }));
        const content = summaryContent(rendered, state.block.eol);
        if (content !== state.content) {
          state.content = content;
          changed = true;
        }
      }
    }
    if (!changed) return;
  }
  for (const target of targets) {
    for (const state of target.blocks) {
      if (state.content !== state.original) {
        target.fix.diagnostics.push({
          line: state.block.line,
          severity: 'warning',
          message: `summary block still changed after ${MAX_SUMMARY_ROUNDS} rounds; run fix again`,
        });
      }
    }
  }
}

/** Replaces a file's bytes through the safe write path; what it refuses and every failure become diagnostics (errors: exit 2). */
async function write(fix: FileFix, before: Uint8Array, after: Uint8Array, roots: readonly string[]): Promise<FixOutcome> {
  try {
    const result = await safeReplace(fix.absolutePath, before, after, { roots });
    if (result.status === 'written') return 'written';
    const reason = result.status === 'changed' ? CHANGED : result.reason;
    fix.diagnostics.push({ line: null, severity: 'error', message: `not rewritten: ${reason}` });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const what = code === 'ENOSPC' ? 'the disk is full' : code === 'EDQUOT' ? 'the disk quota is exceeded' : code;
    fix.diagnostics.push({ line: null, severity: 'error', message: `not rewritten: cannot write (${what}); the file is unchanged — free space or check the directory, then run fix again` });
  }
  return 'skipped';
}
