import path from 'node:path';
import { byPath, summarizeAnalyses } from '../engine/engine.js';
import { analyzeLoadedDocument, parserFor } from '../engine/file.js';
import type { FileAnalysis, FileAnalysisOptions } from '../engine/types.js';
import { documentFromBytes } from '../load/load.js';
import type { Report, ReportOptions, Totals } from '../model.js';
import { assembleReport, type WeighedFile, weighFile } from '../summarize/summarize.js';
import { VERSION } from '../version.js';
import type { MarkdownParser } from '../parse/parse.js';
import type { GitRepository, TreeFile } from './repository.js';

/** A store of analyses between runs, keyed by blob id and path (the CLI's `--cache`). */
export interface BlobStore {
  get(key: string): FileAnalysis | undefined;
  set(key: string, analysis: FileAnalysis): void;
}

/**
 * Analyses file versions read from git objects with the engine's per-file
 * step (docs/architecture.md#engine), each blob once: a blob seen again —
 * in another commit, or after a file went back to an earlier text — comes
 * from the in-memory cache, keyed by blob id and path.
 */
export class RevisionAnalyzer {
  private readonly cache = new Map<string, FileAnalysis>();
  private readonly weighed = new WeakMap<FileAnalysis, WeighedFile>();
  private parser: MarkdownParser | null = null;
  private parserReadsMdx = false;

  constructor(
    readonly repo: GitRepository,
    private readonly options: FileAnalysisOptions,
    private readonly reportOptions: ReportOptions,
    private readonly store: BlobStore | null = null,
  ) {}

  /** Blobs analysed so far (each at most once per path). */
  get analysed(): number {
    return this.cache.size;
  }

  /**
   * The analyses of the given file versions (paths relative to the
   * repository's top), in report order. Blobs not yet analysed are read in
   * one `git cat-file --batch` run first.
   */
  async analyses(files: readonly TreeFile[]): Promise<FileAnalysis[]> {
    await this.prefetch([files]);
    return files
      .map((file) => this.cache.get(key(file))!)
      .sort((a, b) => byPath(a.document.path, b.document.path));
  }

  /** The report of a set of file versions, summarised as `report` would summarise the same files on disk. */
  async report(files: readonly TreeFile[]): Promise<Report> {
    return summarizeAnalyses(await this.analyses(files), this.reportOptions);
  }

  /**
   * The totals of a set of file versions, as {@link report} would give
   * them: each file is weighed once (effort, blocking), and the totals added
   * up per set, so a long history costs one step per file per commit.
   * Call {@link prefetch} first.
   */
  totalsOf(files: readonly TreeFile[]): Totals {
    const weighed = files.map((file) => {
      const analysis = this.cache.get(key(file));
      if (analysis === undefined) throw new Error(`blob ${file.blob} of ${file.path} was not prefetched`);
      let one = this.weighed.get(analysis);
      if (one === undefined) this.weighed.set(analysis, (one = weighFile(analysis, this.reportOptions)));
      return one;
    });
    return assembleReport(weighed, [], this.reportOptions, VERSION).totals;
  }

  /** Reads and analyses, in one batch, every blob of these sets of files not yet in the cache. */
  async prefetch(sets: Iterable<readonly TreeFile[]>): Promise<void> {
    const wanted = new Map<string, TreeFile>();
    for (const files of sets) {
      for (const file of files) {
        const id = key(file);
        if (this.cache.has(id) || wanted.has(id)) continue;
        const stored = this.store?.get(id);
        if (stored !== undefined) this.cache.set(id, stored);
        else wanted.set(id, file);
      }
    }
    if (wanted.size === 0) return;
    const files = [...wanted.values()];
    const blobs = await this.repo.readBlobs([...new Set(files.map((file) => file.blob))]);
    const mdx = files.some((file) => /\.mdx$/i.test(file.path));
    if (this.parser === null || (mdx && !this.parserReadsMdx)) {
      this.parser = await parserFor(files.map((file) => file.path), this.options);
      this.parserReadsMdx = mdx;
    }
    for (const file of files) {
      const absolutePath = path.join(this.repo.root, file.path);
      const doc = documentFromBytes(this.repo.displayPath(file.path), absolutePath, blobs.get(file.blob) ?? new Uint8Array());
      const analysis = analyzeLoadedDocument(doc, this.options, this.parser);
      this.cache.set(key(file), analysis);
      this.store?.set(key(file), analysis);
    }
  }
}

function key(file: TreeFile): string {
  return `${file.blob}\0${file.path}`;
}
