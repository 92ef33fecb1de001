import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { hasCycle } from 'graphology-dag';
import type { Diagnostic, FileReport, Item } from '../model.js';

/** An item of the report with the path of its file. */
export interface PlacedItem {
  readonly path: string;
  readonly item: Item;
  /** Position in report order (files by path, items in file order). */
  readonly order: number;
}

/** A problem with the dependencies of an item: a ref that names nothing or several items, or a cycle. */
export interface DependencyProblem {
  readonly path: string;
  readonly line: number;
  readonly message: string;
}

/**
 * The dependency graph of a report (docs/rules.md#dependencies): a node per
 * item that is not cancelled (its id), an edge from each dependency to the
 * item that waits for it. `cycles` lists each cycle's item ids in report
 * order. Pure.
 */
export interface DependencyGraph {
  readonly graph: DirectedGraph;
  readonly items: ReadonlyMap<string, PlacedItem>;
  readonly problems: readonly DependencyProblem[];
  readonly cycles: readonly (readonly string[])[];
}

// A spec-kit phase heading: `Phase 3: User Story 1 …`.
const PHASE = /^phase\s+\d+\s*:/i;
const SPEC_KIT_REF = /^T\d{3,}$/;

/**
 * Builds the graph: each `dependsOn` ref resolved in the item's own file
 * first, then in its folder, then across the report when unique there; and
 * in a spec-kit `tasks.md` (`T###` refs under `## Phase N:` headings) each
 * task waits for every task of the phases before it. Refs compare without
 * case. An unknown or ambiguous ref, and each cycle, is a problem naming it.
 */
export function dependencyGraph(files: readonly Pick<FileReport, 'path' | 'items'>[]): DependencyGraph {
  const graph = new DirectedGraph();
  const items = new Map<string, PlacedItem>();
  const byRef = new Map<string, PlacedItem[]>();
  let order = 0;
  for (const file of files) {
    for (const item of file.items) {
      if (item.status === 'cancelled') continue;
      const placed = { path: file.path, item, order: order++ };
      items.set(item.id, placed);
      graph.addNode(item.id);
      if (item.ref !== null) {
        const key = item.ref.toLowerCase();
        byRef.set(key, [...(byRef.get(key) ?? []), placed]);
      }
    }
  }
  const problems: DependencyProblem[] = [];
  for (const placed of items.values()) {
    for (const ref of placed.item.dependsOn) {
      const found = resolveRef(ref, placed, byRef);
      if (typeof found === 'string') {
        problems.push({ path: placed.path, line: placed.item.line, message: `${label(placed.item)} depends on ${JSON.stringify(ref)}, ${found}` });
      } else if (found.item.id !== placed.item.id) {
        graph.mergeEdge(found.item.id, placed.item.id);
      }
    }
  }
  for (const file of files) addPhaseEdges(graph, file.items.filter((item) => items.has(item.id)));
  const cycles = hasCycle(graph) ? findCycles(graph, items) : [];
  for (const cycle of cycles) {
    const first = items.get(cycle[0]!)!;
    problems.push({
      path: first.path, line: first.item.line,
      message: `dependency cycle among ${cycle.map((id) => label(items.get(id)!.item)).join(', ')}; remove one of their dependencies`,
    });
  }
  return { graph, items, problems, cycles };
}

/**
 * The report's files with a warning for each dependency problem (unknown
 * or ambiguous ref, cycle) added to the file it is in
 * (docs/rules.md#dependencies). Files without dependencies come back as they are.
 */
export function withDependencyWarnings(files: FileReport[]): FileReport[] {
  if (!files.some((file) => file.items.some((item) => item.dependsOn.length > 0))) return files;
  const { problems } = dependencyGraph(files);
  if (problems.length === 0) return files;
  return files.map((file) => {
    const own: Diagnostic[] = problems.filter((p) => p.path === file.path).map((p) => ({ line: p.line, severity: 'warning', message: p.message }));
    return own.length === 0 ? file : { ...file, diagnostics: [...file.diagnostics, ...own] };
  });
}

/** How an item is named in messages: its ref, else its title, with its line. */
export function label(item: Item): string {
  return item.ref ?? (item.title.length > 40 ? `${item.title.slice(0, 39)}…` : item.title);
}

function resolveRef(ref: string, from: PlacedItem, byRef: ReadonlyMap<string, PlacedItem[]>): PlacedItem | string {
  const all = byRef.get(ref.toLowerCase()) ?? [];
  if (all.length === 0) return 'which no item carries (unknown ref; check its spelling)';
  const folder = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);
  for (const candidates of [all.filter((c) => c.path === from.path), all.filter((c) => folder(c.path) === folder(from.path)), all]) {
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length > 1) return `which ${candidates.length} items carry (ambiguous ref; give them distinct refs)`;
  }
  return 'which no item carries (unknown ref; check its spelling)';
}

function addPhaseEdges(graph: DirectedGraph, items: readonly Item[]): void {
  const phases: Item[][] = [];
  let current: string | null = null;
  for (const item of items) {
    const phase = item.sectionPath.find((title) => PHASE.test(title));
    if (!phase || item.ref === null || !SPEC_KIT_REF.test(item.ref)) continue;
    if (phase !== current) {
      phases.push([]);
      current = phase;
    }
    phases[phases.length - 1]!.push(item);
  }
  if (phases.length < 2) return;
  const earlier: Item[] = [];
  for (const phase of phases) {
    for (const item of phase) for (const before of earlier) graph.mergeEdge(before.id, item.id);
    earlier.push(...phase);
  }
}

function findCycles(graph: DirectedGraph, items: ReadonlyMap<string, PlacedItem>): string[][] {
  return stronglyConnectedComponents(graph)
    .filter((component) => component.length > 1 || graph.hasEdge(component[0]!, component[0]!))
    .map((component) => component.sort((a, b) => items.get(a)!.order - items.get(b)!.order))
    .sort((a, b) => items.get(a[0]!)!.order - items.get(b[0]!)!.order);
}
