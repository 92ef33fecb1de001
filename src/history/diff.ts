import type { Item, Priority, Report, Status, Totals } from '../model.js';
import { OPEN_STATUSES } from '../model.js';
import { VERSION } from '../version.js';
import { matchItems } from './match.js';

/** An item as the diff names it: where it is now (or was, when removed) and what it is. */
export interface DiffItem {
  path: string;
  /** 1-based line in that version of the file. */
  line: number;
  title: string;
  fingerprint: string;
  status: Status;
  priority: Priority;
  blocking: boolean;
  /** The same item at the base, for changed items; absent for added and removed ones. */
  before?: { path: string; line: number; title: string; status: Status; priority: Priority; blocking: boolean };
}

/** One file that changed between the two revisions. */
export interface DiffFile {
  path: string;
  /** The path at the base when git found the file renamed, else null. */
  previousPath: string | null;
  status: 'added' | 'removed' | 'renamed' | 'modified';
}

/** One side of the comparison: a git revision, or the working tree. */
export interface DiffSide {
  /** The revision as given (`main`, `HEAD~3`, `merge-base(HEAD, origin/main)`), or null for the working tree. */
  ref: string | null;
  /** The commit, or null for the working tree. */
  commit: string | null;
}

/**
 * What changed in the checklists between two revisions (README.md#diff;
 * schema/diff.schema.json). Item lists are in path, then line order.
 */
export interface DiffReport {
  schemaVersion: 2;
  tool: { name: 'shipready'; version: string };
  base: DiffSide;
  head: DiffSide;
  files: DiffFile[];
  /** Items only in the newer version. */
  added: DiffItem[];
  /** Items only in the base. */
  removed: DiffItem[];
  /** Open at the base, done or cancelled now. */
  completed: DiffItem[];
  /** Done or cancelled at the base, open now. */
  reopened: DiffItem[];
  /** Priority changed. */
  reprioritised: DiffItem[];
  /** Blocking now and not at the base (added, reopened or re-prioritised). */
  newlyBlocking: DiffItem[];
  /** Blocking at the base and still blocking. */
  stillBlocking: DiffItem[];
  totals: { before: Totals; after: Totals };
}

/**
 * Compares two reports of the same checklists (docs/rules.md#item-identity):
 * files are paired by path, following `renames` (path now → path at the
 * base, as git's rename detection found them); items within a pair of files
 * by fingerprint, then by similar title. Pure.
 */
export function diffReports(before: Report, after: Report, base: DiffSide, head: DiffSide, renames: ReadonlyMap<string, string> = new Map()): DiffReport {
  const oldFiles = new Map(before.files.map((file) => [file.path, file]));
  const paired = new Set<string>();
  const files: DiffFile[] = [];
  const diff: DiffReport = {
    schemaVersion: 2,
    tool: { name: 'shipready', version: VERSION },
    base,
    head,
    files,
    added: [],
    removed: [],
    completed: [],
    reopened: [],
    reprioritised: [],
    newlyBlocking: [],
    stillBlocking: [],
    totals: { before: before.totals, after: after.totals },
  };

  for (const file of after.files) {
    const renamedFrom = renames.get(file.path);
    const previous = oldFiles.get(file.path) ?? (renamedFrom !== undefined ? oldFiles.get(renamedFrom) : undefined);
    if (previous !== undefined) paired.add(previous.path);
    const match = matchItems(previous?.items ?? [], file.items);
    const status: DiffFile['status'] = previous === undefined ? 'added' : previous.path !== file.path ? 'renamed' : 'modified';
    let changed = status !== 'modified';
    for (const item of match.added) {
      diff.added.push(diffItem(item, file.path));
      if (item.blocking) diff.newlyBlocking.push(diffItem(item, file.path));
      changed = true;
    }
    for (const item of match.removed) {
      diff.removed.push(diffItem(item, previous!.path));
      changed = true;
    }
    for (const { before: old, after: now } of match.pairs) {
      const entry = { ...diffItem(now, file.path), before: { path: previous!.path, line: old.line, title: old.title, status: old.status, priority: old.priority, blocking: old.blocking } };
      const wasOpen = OPEN_STATUSES.has(old.status);
      const isOpen = OPEN_STATUSES.has(now.status);
      if (wasOpen && !isOpen) diff.completed.push(entry);
      if (!wasOpen && isOpen) diff.reopened.push(entry);
      if (old.priority !== now.priority) diff.reprioritised.push(entry);
      if (now.blocking && !old.blocking) diff.newlyBlocking.push(entry);
      if (now.blocking && old.blocking) diff.stillBlocking.push(entry);
      if (old.title !== now.title || old.status !== now.status || old.priority !== now.priority || old.line !== now.line) changed = true;
    }
    if (changed) files.push({ path: file.path, previousPath: status === 'renamed' ? previous!.path : null, status });
  }
  for (const file of before.files) {
    if (paired.has(file.path)) continue;
    files.push({ path: file.path, previousPath: null, status: 'removed' });
    for (const item of file.items) diff.removed.push(diffItem(item, file.path));
  }
  files.sort((a, b) => compare(a.path, b.path));
  for (const list of [diff.added, diff.removed, diff.completed, diff.reopened, diff.reprioritised, diff.newlyBlocking, diff.stillBlocking]) {
    list.sort((a, b) => compare(a.path, b.path) || a.line - b.line);
  }
  return diff;
}

function diffItem(item: Item, path: string): DiffItem {
  return { path, line: item.line, title: item.title, fingerprint: item.fingerprint, status: item.status, priority: item.priority, blocking: item.blocking };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
