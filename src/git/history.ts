import type { Report } from '../model.js';
import type { CommitInfo } from '../history/series.js';
import type { GitRepository, TreeFile } from './repository.js';
import type { RevisionAnalyzer } from './revisions.js';

/**
 * The report at each commit on the first-parent line that changed a matched
 * markdown file (README.md#history), oldest first. The first commit's files
 * come from its tree, later ones by applying each commit's changes; every
 * blob is read in one `git cat-file --batch` run and analysed once.
 *
 * @param since as `git log --since` takes it; `maxCount` the newest N commits.
 * @param keep filters repository paths (the configuration's `ignore`).
 */
export async function readHistory(
  repo: GitRepository,
  revisions: RevisionAnalyzer,
  paths: readonly string[],
  options: { since?: string; maxCount?: number; keep?: (file: string) => boolean },
): Promise<Array<{ commit: CommitInfo; report: Report }>> {
  const commits = await repo.log(paths, options.since, options.maxCount);
  if (commits.length === 0) return [];
  const keep = options.keep ?? (() => true);
  const state = new Map<string, string>();
  for (const file of await repo.tree(commits[0]!.commit, paths)) if (keep(file.path)) state.set(file.path, file.blob);
  const sets: TreeFile[][] = [];
  const matches = repo.matcher(paths);
  commits.forEach((commit, i) => {
    if (i > 0) {
      for (const change of commit.changes) {
        if (!keep(change.path) || !matches(change.path)) continue;
        if (change.blob === null) state.delete(change.path);
        else state.set(change.path, change.blob);
      }
    }
    sets.push([...state].map(([path, blob]) => ({ path, blob })));
  });
  await revisions.prefetch(sets);
  const out: Array<{ commit: CommitInfo; report: Report }> = [];
  for (let i = 0; i < commits.length; i++) {
    const { commit, date, time, subject } = commits[i]!;
    out.push({ commit: { commit, date, time, subject }, report: await revisions.report(sets[i]!) });
  }
  return out;
}
