import type { Totals } from '../model.js';
import type { CommitInfo } from '../history/series.js';
import type { GitRepository, TreeFile } from './repository.js';
import type { RevisionAnalyzer } from './revisions.js';

/**
 * The totals at each commit on the first-parent line that changed a matched
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
): Promise<Array<{ commit: CommitInfo; totals: Totals }>> {
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
  return commits.map(({ commit, date, time, subject }, i) => ({ commit: { commit, date, time, subject }, totals: revisions.totalsOf(sets[i]!) }));
}
