import { topologicalGenerations, topologicalSort } from 'graphology-dag';
import type { Effort, Item, Priority, Report, Status } from '../model.js';
import { PRIORITIES } from '../model.js';
import { dependencyGraph, type DependencyGraph, type PlacedItem } from './dependencies.js';

/** One item in the answer of `next` (docs/rules.md#what-to-do-next). */
export interface NextItem {
  id: string;
  ref: string | null;
  title: string;
  path: string;
  line: number;
  status: Status;
  priority: Priority;
  owner: string | null;
  due: string | null;
  overdue: boolean;
  optional: boolean;
  /** Remaining effort in hours, or null when unestimated. */
  effort: Effort | null;
  /** Ids of the open items this one waits for (written dependencies and spec-kit phases). */
  waitsFor: string[];
}

/** The critical path: the chain of open items with the most remaining effort (each item's maximum, unestimated as 0; on a tie, the longer chain). */
export interface CriticalPath {
  items: NextItem[];
  /** Sum of the items' maximum hours. */
  hours: number;
  /** Every open item without an estimate (counted as 0 h), in report order. */
  unestimated: NextItem[];
}

/** The JSON document of `shipready next` (schema/next.schema.json). */
export interface NextDocument {
  schemaVersion: 1;
  tool: { name: 'shipready'; version: string };
  /** The day overdue is measured against, `YYYY-MM-DD`. */
  today: string;
  /** Open, non-optional items none of whose dependencies is open, in the order to start them. */
  ready: NextItem[];
  /** With `--waves`: every open item in waves; wave n waits only for waves before it. Else null. */
  waves: NextItem[][] | null;
  /** With `--waves`: the critical path. Else null. */
  criticalPath: CriticalPath | null;
  /** Dependency cycles, each its items in report order; when any is present there are no waves. */
  cycles: NextItem[][];
  /** Refs that name no item or several (docs/rules.md#dependencies). */
  warnings: { path: string; line: number; message: string }[];
}

const OPEN: ReadonlySet<Status> = new Set(['todo', 'in_progress', 'blocked']);

/**
 * What can be started now, and with `waves` the plan (docs/rules.md#what-to-do-next).
 * `today` is the report's day (`YYYY-MM-DD`). Never loops: a cycle is
 * reported in `cycles`, and waves and critical path are then null. Pure.
 */
export function planNext(report: Report, options: { today: string; waves: boolean }): NextDocument {
  const deps = dependencyGraph(report.files);
  const open = [...deps.items.values()].filter((p) => OPEN.has(p.item.status));
  const openIds = new Set(open.map((p) => p.item.id));
  const waitsFor = (id: string): string[] =>
    deps.graph.inNeighbors(id).filter((n) => openIds.has(n)).sort((a, b) => deps.items.get(a)!.order - deps.items.get(b)!.order);
  const view = (p: PlacedItem): NextItem => nextItem(p, waitsFor(p.item.id));
  const ready = open.filter((p) => !p.item.optional && waitsFor(p.item.id).length === 0).sort(startOrder).map(view);
  const base = {
    schemaVersion: 1 as const,
    tool: report.tool,
    today: options.today,
    ready,
    cycles: deps.cycles.map((c) => c.map((id) => view(deps.items.get(id)!))),
    warnings: deps.problems.filter((p) => !p.message.startsWith('dependency cycle')).map((p) => ({ ...p })),
  };
  if (!options.waves || deps.cycles.length > 0) return { ...base, waves: null, criticalPath: null };
  const sub = deps.graph.copy();
  for (const node of deps.graph.nodes()) if (!openIds.has(node)) sub.dropNode(node);
  const byOrder = (a: string, b: string): number => deps.items.get(a)!.order - deps.items.get(b)!.order;
  const waves = topologicalGenerations(sub).map((wave) => wave.sort(byOrder).map((id) => view(deps.items.get(id)!)));
  return { ...base, waves, criticalPath: criticalPath(sub, deps, view) };
}

/** Priority, then overdue first, then due date (dated first), then report order. */
function startOrder(a: PlacedItem, b: PlacedItem): number {
  const rank = (p: Priority): number => PRIORITIES.indexOf(p);
  return (
    rank(a.item.priority) - rank(b.item.priority) ||
    Number(b.item.overdue) - Number(a.item.overdue) ||
    compareDue(a.item, b.item) ||
    a.order - b.order
  );
}

function compareDue(a: Item, b: Item): number {
  if (a.due === b.due) return 0;
  if (a.due === null) return 1;
  if (b.due === null) return -1;
  return a.due < b.due ? -1 : 1;
}

function criticalPath(sub: DependencyGraph['graph'], deps: DependencyGraph, view: (p: PlacedItem) => NextItem): CriticalPath {
  const hours = (id: string): number => deps.items.get(id)!.item.effort?.maxHours ?? 0;
  const order = (id: string): number => deps.items.get(id)!.order;
  // Each item's heaviest chain ending in it: most hours, then most items (so a plan without estimates
  // still shows its longest chain), then the earlier item in the report.
  const total = new Map<string, number>();
  const length = new Map<string, number>();
  const previous = new Map<string, string | null>();
  const heavier = (a: string, b: string | null): boolean =>
    b === null || total.get(a)! > total.get(b)! || (total.get(a) === total.get(b) && (length.get(a)! > length.get(b)! || (length.get(a) === length.get(b) && order(a) < order(b))));
  for (const id of topologicalSort(sub)) {
    let best: string | null = null;
    for (const before of sub.inNeighbors(id)) if (heavier(before, best)) best = before;
    previous.set(id, best);
    total.set(id, hours(id) + (best === null ? 0 : total.get(best)!));
    length.set(id, 1 + (best === null ? 0 : length.get(best)!));
  }
  let end: string | null = null;
  for (const id of total.keys()) if (heavier(id, end)) end = id;
  const path: string[] = [];
  for (let id = end; id !== null; id = previous.get(id) ?? null) path.unshift(id);
  const unestimated = [...deps.items.values()].filter((p) => OPEN.has(p.item.status) && p.item.effort === null).map(view);
  return { items: path.map((id) => view(deps.items.get(id)!)), hours: end === null ? 0 : round(total.get(end)!), unestimated };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}

function nextItem({ path, item }: PlacedItem, waitsFor: string[]): NextItem {
  return {
    id: item.id, ref: item.ref, title: item.title, path, line: item.line, status: item.status, priority: item.priority,
    owner: item.owner, due: item.due, overdue: item.overdue, optional: item.optional, effort: item.effort, waitsFor,
  };
}
