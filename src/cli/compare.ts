import path from 'node:path';
import picomatch from 'picomatch';
import { analyze, engineOptions } from '../engine/engine.js';
import { GitRepository } from '../git/repository.js';
import { RevisionAnalyzer } from '../git/revisions.js';
import { type DiffReport, diffReports } from '../history/diff.js';
import type { Report } from '../model.js';
import type { RunContext } from './context.js';
import { analysisOptions, type Settings } from './settings.js';

/** A comparison of the checklists at a revision with the working tree or another revision, and the repository it came from. */
export interface Comparison {
  diff: DiffReport;
  /** The report of the newer side (the working tree, or `--to`). */
  after: Report;
  repo: GitRepository;
  warnings: string[];
}

/**
 * Compares the checklists under `paths` at `ref` (default: the merge base
 * with the remote's default branch) with the working tree, or with `to`.
 * The base is read from git objects; the working tree through the engine,
 * as `report` reads it. Renamed files are followed.
 *
 * @throws GitError (exit 2) outside a repository, for an unknown revision, or when no default base can be found.
 */
export async function compareRevisions(ctx: RunContext, settings: Settings, paths: readonly string[], ref: string | undefined, to: string | undefined): Promise<Comparison> {
  const repo = await GitRepository.open(ctx.cwd);
  const base = ref === undefined ? await repo.defaultBase() : { ref, commit: await repo.resolve(ref) };
  const headCommit = to === undefined ? null : await repo.resolve(to);
  const options = analysisOptions(ctx, settings, paths);
  const engine = engineOptions(options);
  const revisions = new RevisionAnalyzer(repo, engine.file, engine.report);
  const ignored = settings.ignore.length > 0 ? picomatch(settings.ignore, { dot: true }) : () => false;
  const treeOf = async (commit: string) => (await repo.tree(commit, options.paths)).filter((file) => !ignored(repo.displayPath(file.path)));
  const before = await revisions.report(await treeOf(base.commit));
  let after: Report;
  let warnings: string[] = [];
  if (headCommit === null) {
    const analysis = await analyze(options);
    after = analysis.report;
    warnings = analysis.warnings;
  } else {
    after = await revisions.report(await treeOf(headCommit));
  }
  const renames = new Map<string, string>();
  for (const [now, was] of await repo.renames(base.commit, headCommit, options.paths)) renames.set(repo.displayPath(now), repo.displayPath(was));
  const diff = diffReports(before, after, base, { ref: to ?? null, commit: headCommit }, renames);
  return { diff, after, repo, warnings };
}

/** The working directory relative to the repository's top, `/` separators (`''` at the top). */
export function repositoryPrefix(repo: GitRepository): string {
  return path.relative(repo.root, repo.cwd).split(path.sep).join('/');
}
