import { withDependencyWarnings } from '../plan/dependencies.js';
import type {
  ByPriority,
  Effort,
  ClaimNumbers,
  ClaimReport,
  FileReport,
  Item,
  Priority,
  Report,
  ReportOptions,
  SectionReport,
  Totals,
} from '../model.js';
import { atOrAbove, OPEN_STATUSES, PRIORITIES } from '../model.js';
import type { ExtractedDocument, ExtractedItem } from '../extract/extract.js';
import { effortInHours } from './hours.js';

import type { FileAnalysis } from '../engine/types.js';

/** An item with the share of remaining effort it carries (own estimate plus its part of group estimates). */
export interface Weighted {
  item: Item;
  minHours: number;
  maxHours: number;
  estimated: boolean;
}

/**
 * One file weighed: its items with blocking set and their shares of group
 * estimates, and the file's totals. It depends on that file alone, so
 * `watch` keeps it between updates and weighs only the files that changed.
 */
export interface WeighedFile {
  input: FileAnalysis;
  /** The file's items in line order, with their effort shares. */
  weighted: Weighted[];
  tally: Tally;
  priorityTallies: Record<Priority, Tally>;
  /** The file's totals (from `tally`). */
  totals: Totals;
  /** Each group section's own estimate in hours, by section index. */
  sectionEfforts: ReadonlyMap<number, Omit<Effort, 'each'>>;
}

/**
 * Items → the report (docs/architecture.md, "Output contract"): blocking,
 * totals, per-priority and per-section totals, remaining effort in hours
 * (`options.hoursPerDay` hours a day) and checked claims. `files` must
 * already be in report order. Pure.
 */
export function summarize(files: readonly FileAnalysis[], options: ReportOptions, version: string): Report {
  const weighed = files.map((input) => weighFile(input, options));
  const fileTotals = new Map<string, Totals>(weighed.map((file) => [file.input.document.path, file.totals]));
  return assembleReport(weighed, weighed.map((file) => fileReportOf(file, fileTotals)), options, version);
}

/** The part of {@link summarize} that depends on one file alone (effort and blocking). Pure. */
export function weighFile(input: FileAnalysis, options: ReportOptions): WeighedFile {
  const weighted = weighItems(input.document, options);
  const tally = tallyOf(weighted);
  const sectionEfforts = new Map(
    input.document.groupEfforts.map((group) => {
      const { each: _perItem, ...effort } = effortInHours(group.effort, options.hoursPerDay);
      return [group.sectionIndex, effort] as const;
    }),
  );
  return { input, weighted, tally, priorityTallies: priorityTallies(weighted), totals: totalsOfTally(tally), sectionEfforts };
}

/**
 * One file's part of the report: sections, items and checked claims.
 * `fileTotals` holds every file's totals by path; claims that name another
 * file are checked against it (docs/rules.md, "Claims"). Pure.
 */
export function fileReportOf(file: WeighedFile, fileTotals: ReadonlyMap<string, Totals>): FileReport {
  const { input: { document, diagnostics }, weighted, sectionEfforts } = file;
  const members = sectionMembers(document, weighted);
  // Counted once per section: the section list and the claims' scope widening both ask.
  const counted = new Map<number, Totals>();
  const sectionTotals = (index: number): Totals => {
    let totals = counted.get(index);
    if (!totals) counted.set(index, (totals = totalsOf(members.get(index) ?? [])));
    return totals;
  };
  const sections: SectionReport[] = document.sections
    .filter((s) => s.depth > 0)
    .map((s) => ({
      title: s.title, depth: s.depth, line: s.line, priority: s.priority, totals: sectionTotals(s.index), effort: sectionEfforts.get(s.index) ?? null,
    }));
  return {
    path: document.path,
    totals: file.totals,
    byPriority: byPriorityOf(file.priorityTallies),
    sections,
    items: weighted.map((w) => w.item),
    claims: checkClaims(document, sectionTotals, fileTotals),
    diagnostics,
  };
}

/**
 * The report from its weighed files and their file reports, both in report
 * order. Its totals are the files' tallies added up, so it costs one step
 * per file, not per item (`watch` assembles it on every update). Pure.
 */
export function assembleReport(
  files: readonly WeighedFile[],
  fileReports: FileReport[],
  options: ReportOptions,
  version: string,
): Report {
  const totals = totalsOfTally(addTallies(files.map((file) => file.tally)));
  const scanned = {
    files: files.length,
    withItems: files.filter((file) => file.input.document.items.length > 0).length,
    skipped: files.filter((file) => file.input.skipped).length,
  };
  return {
    schemaVersion: 2,
    tool: { name: 'shipready', version },
    options: { failOn: options.failOn, hoursPerDay: options.hoursPerDay },
    ready: totals.blocking === 0,
    totals,
    byPriority: Object.fromEntries(
      PRIORITIES.map((level) => [level, totalsOfTally(addTallies(files.map((file) => file.priorityTallies[level])))]),
    ) as ByPriority,
    scanned,
    files: withDependencyWarnings(fileReports).filter(isReported),
  };
}

/**
 * Whether a file is listed in the report: it holds an item or a claim, or
 * has a warning or an error; the others are only counted in `scanned`
 * (docs/rules.md#files-and-scale).
 */
export function isReported(file: FileReport): boolean {
  return file.items.length > 0 || file.claims.length > 0 || file.diagnostics.some((d) => d.severity !== 'info');
}

/** Whether an item is open: todo, in progress or blocked (docs/rules.md, "Status"). */
export function isOpen(item: Pick<Item, 'status'>): boolean {
  return OPEN_STATUSES.has(item.status);
}

/**
 * The blocking rule (docs/rules.md, "Blocking"): open, and at or above `failOn` or carrying a
 * blocking marker. `failOn: 'none'` turns blocking off altogether.
 */
export function isBlocking(item: Pick<ExtractedItem, 'status' | 'priority' | 'blockingMarker' | 'optional'>, failOn: ReportOptions['failOn']): boolean {
  if (!isOpen(item) || failOn === 'none' || item.optional) return false;
  return atOrAbove(item.priority, failOn) || item.blockingMarker;
}

/**
 * Sets `blocking`, converts estimates to hours (`hoursPerDay` hours a day) and
 * spreads each group estimate over the group's open items (equally, or per
 * item for `each`) unless an open item of the group has its own estimate, so any subset of items sums to its share and the whole
 * document sums to its remaining effort (docs/rules.md, "Effort").
 */
function weighItems(document: ExtractedDocument, options: ReportOptions): Weighted[] {
  const today = options.today ?? localDate(new Date());
  const weighted = new Map<string, Weighted>();
  for (const extracted of document.items) {
    // Fixed key order: the JSON report lists the fields in this order.
    const item: Item = {
      id: extracted.id,
      title: extracted.title,
      status: extracted.status,
      priority: extracted.priority,
      blocking: isBlocking(extracted, options.failOn),
      effort: extracted.effort ? effortInHours(extracted.effort, options.hoursPerDay) : null,
      kind: extracted.kind,
      line: extracted.line,
      column: extracted.column,
      sectionPath: extracted.sectionPath,
      parentId: extracted.parentId,
      fingerprint: extracted.fingerprint,
      ref: extracted.ref,
      optional: extracted.optional,
      owner: extracted.owner,
      due: extracted.due,
      scheduled: extracted.scheduled,
      start: extracted.start,
      doneDate: extracted.doneDate,
      dependsOn: extracted.dependsOn,
      tags: extracted.tags,
      overdue: OPEN_STATUSES.has(extracted.status) && extracted.due !== null && extracted.due < today,
    };
    const open = isOpen(item);
    weighted.set(item.id, {
      item,
      minHours: open && item.effort ? item.effort.minHours : 0,
      maxHours: open && item.effort ? item.effort.maxHours : 0,
      estimated: item.effort !== null,
    });
  }
  for (const group of document.groupEfforts) {
    // The group's estimate and its items' own describe the same work: never both (docs/rules.md#effort).
    if (group.coveredByItems) continue;
    const open = group.itemIds.map((id) => weighted.get(id)!).filter((w) => isOpen(w.item));
    const effort = effortInHours(group.effort, options.hoursPerDay);
    for (const w of open) {
      const share = effort.each ? 1 : 1 / open.length;
      w.minHours += effort.minHours * share;
      w.maxHours += effort.maxHours * share;
      w.estimated = true;
    }
  }
  return [...weighted.values()];
}

/**
 * The totals of a set of items before rounding: counts, and remaining
 * effort as raw sums of hours. The tallies of disjoint sets add up to the
 * tally of their union, which is how file tallies become the report's.
 */
export interface Tally extends Omit<Totals, 'percent' | 'effort'> {
  unestimated: number;
  /** Remaining effort, raw sums in hours (rounded only in `Totals`). */
  minHours: number;
  maxHours: number;
}

function emptyTally(): Tally {
  return {
    items: 0, done: 0, open: 0, todo: 0, inProgress: 0, blocked: 0, cancelled: 0, blocking: 0, optionalOpen: 0, overdue: 0,
    unestimated: 0, minHours: 0, maxHours: 0,
  };
}

/** Counts a set of items and their remaining effort in hours. */
function tallyOf(weighted: readonly Weighted[]): Tally {
  const tally = emptyTally();
  for (const { item, ...effort } of weighted) {
    if (item.status === 'cancelled') {
      tally.cancelled++;
      continue;
    }
    tally.items++;
    if (item.status === 'done') {
      tally.done++;
      continue;
    }
    tally.open++;
    if (item.status === 'todo') tally.todo++;
    else if (item.status === 'in_progress') tally.inProgress++;
    else tally.blocked++;
    if (item.blocking) tally.blocking++;
    if (item.optional) tally.optionalOpen++;
    if (item.overdue) tally.overdue++;
    tally.minHours += effort.minHours;
    tally.maxHours += effort.maxHours;
    if (!effort.estimated) tally.unestimated++;
  }
  return tally;
}

/** The sum of tallies, added in the order given. */
function addTallies(tallies: readonly Tally[]): Tally {
  const sum = emptyTally();
  // Field by field rather than over the keys: a report adds six tallies per file on every `watch` update.
  for (const tally of tallies) {
    sum.items += tally.items;
    sum.done += tally.done;
    sum.open += tally.open;
    sum.todo += tally.todo;
    sum.inProgress += tally.inProgress;
    sum.blocked += tally.blocked;
    sum.cancelled += tally.cancelled;
    sum.blocking += tally.blocking;
    sum.optionalOpen += tally.optionalOpen;
    sum.overdue += tally.overdue;
    sum.unestimated += tally.unestimated;
    sum.minHours += tally.minHours;
    sum.maxHours += tally.maxHours;
  }
  return sum;
}

/** Totals as reported: percent and hours rounded to two decimals. */
function totalsOfTally(tally: Tally): Totals {
  return {
    items: tally.items, done: tally.done, open: tally.open, todo: tally.todo, inProgress: tally.inProgress,
    blocked: tally.blocked, cancelled: tally.cancelled,
    percent: tally.items === 0 ? 0 : round2((tally.done / tally.items) * 100),
    blocking: tally.blocking,
    effort: { minHours: round2(tally.minHours), maxHours: round2(tally.maxHours), unestimated: tally.unestimated },
    optionalOpen: tally.optionalOpen,
    overdue: tally.overdue,
  };
}

/** Totals of a set of items. */
function totalsOf(weighted: readonly Weighted[]): Totals {
  return totalsOfTally(tallyOf(weighted));
}

/** The local calendar date of `date`, ISO `YYYY-MM-DD` (the machine's time zone, `TZ` honoured). */
/** The local calendar date of `date` as `YYYY-MM-DD` (`TZ` honoured). */
export function localDate(date: Date): string {
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0')).join('-');
}

/** Tallies per priority level, items kept in order. */
function priorityTallies(weighted: readonly Weighted[]): Record<Priority, Tally> {
  const byLevel = Object.fromEntries(PRIORITIES.map((level) => [level, [] as Weighted[]])) as Record<Priority, Weighted[]>;
  for (const w of weighted) byLevel[w.item.priority].push(w);
  return Object.fromEntries(PRIORITIES.map((level) => [level, tallyOf(byLevel[level])])) as Record<Priority, Tally>;
}

function byPriorityOf(tallies: Record<Priority, Tally>): ByPriority {
  return Object.fromEntries(PRIORITIES.map((level) => [level, totalsOfTally(tallies[level])])) as ByPriority;
}

/**
 * The items of each section, its subsections' included, in document order:
 * one walk up the section tree per item (a step per heading level), so a
 * file with thousands of sections costs no more per item than a small one.
 */
function sectionMembers(document: ExtractedDocument, weighted: readonly Weighted[]): Map<number, Weighted[]> {
  const parentOf = new Map(document.sections.map((s) => [s.index, s.parentIndex]));
  const sectionOf = new Map(document.items.map((i) => [i.id, i.sectionIndex]));
  const members = new Map<number, Weighted[]>();
  for (const w of weighted) {
    for (let s: number | null | undefined = sectionOf.get(w.item.id); s !== null && s !== undefined; s = parentOf.get(s)) {
      let list = members.get(s);
      if (!list) members.set(s, (list = []));
      list.push(w);
    }
  }
  return members;
}

/**
 * Compares each claim with the counts of its scope (docs/rules.md, "Claims"): the claim's
 * section, widened to the parent while it holds no items (cancelled ones
 * included: `## Won't do (0/3 done)` speaks of its own cancelled items); or
 * the whole other file the line names, when that file is in the report.
 * A claim is unverifiable (`stale: null`, `counted: null`) when the other
 * file is not in the report, or when its scope, once widened, has no
 * non-cancelled item to count — a document without a single checklist item
 * cannot prove `Progress: 45%` wrong, and `fix` must not rewrite it to 0%.
 */
function checkClaims(
  document: ExtractedDocument,
  sectionTotals: (index: number) => Totals,
  fileTotals: ReadonlyMap<string, Totals>,
): ClaimReport[] {
  const sectionsByIndex = new Map(document.sections.map((s) => [s.index, s]));
  return document.claims.map((claim) => {
    const base = {
      kind: claim.kind, line: claim.line, column: claim.column, endLine: claim.endLine, endColumn: claim.endColumn,
      text: claim.text, claimed: claim.claimed,
    };
    const numbers = claim.numbers.map((n) => ({ key: n.key, line: n.line, column: n.column, endColumn: n.endColumn }));
    const verdict = (totals: Totals, scope: ClaimReport['scope']): ClaimReport => {
      if (totals.items === 0) return { ...base, counted: null, stale: null, scope, numbers };
      const counted = countedFor(claim.claimed, totals);
      return { ...base, counted, stale: isStale(claim.claimed, counted, claim.tolerance), scope, numbers };
    };
    if (claim.otherFile) {
      const other = findOtherFile(document.path, claim.otherFile, fileTotals);
      if (!other) return { ...base, counted: null, stale: null, scope: { title: null, line: null, path: claim.otherFile }, numbers };
      return verdict(other.totals, { title: null, line: null, path: other.path });
    }
    let section = sectionsByIndex.get(claim.sectionIndex);
    let totals = sectionTotals(claim.sectionIndex);
    while (section && totals.items + totals.cancelled === 0 && section.parentIndex !== null) {
      section = sectionsByIndex.get(section.parentIndex);
      totals = sectionTotals(section!.index);
    }
    const isRoot = !section || section.depth === 0;
    return verdict(totals, { title: isRoot ? null : section!.title, line: isRoot ? null : section!.line, path: document.path });
  });
}

function findOtherFile(
  fromPath: string,
  named: string,
  fileTotals: ReadonlyMap<string, Totals>,
): { path: string; totals: Totals } | null {
  const dir = fromPath.includes('/') ? fromPath.slice(0, fromPath.lastIndexOf('/') + 1) : '';
  const wanted = named.replace(/^\.\//, '').toLowerCase();
  const candidates = [...fileTotals.keys()];
  const exact = candidates.find((p) => p.toLowerCase() === (dir + wanted).toLowerCase());
  const bySuffix = exact ?? candidates.find((p) => p.toLowerCase().endsWith(`/${wanted}`) || p.toLowerCase() === wanted);
  return bySuffix && bySuffix !== fromPath ? { path: bySuffix, totals: fileTotals.get(bySuffix)! } : null;
}

/**
 * The counted numbers for exactly the keys a claim states: open, done and
 * items as counts, `donePercent` as the report's `percent`, `openPercent` as
 * its complement (percent 0–100, two decimals).
 */
function countedFor(claimed: ClaimNumbers, totals: Totals): ClaimNumbers {
  const counted: ClaimNumbers = {};
  if (claimed.open !== undefined) counted.open = totals.open;
  if (claimed.done !== undefined) counted.done = totals.done;
  if (claimed.items !== undefined) counted.items = totals.items;
  if (claimed.donePercent !== undefined) counted.donePercent = totals.percent;
  if (claimed.openPercent !== undefined) counted.openPercent = totals.items === 0 ? 0 : round2(100 - totals.percent);
  return counted;
}

/**
 * Counts must match exactly; percentages within `tolerance` points (0.5, or
 * 2 when written with `~`; docs/rules.md, "Claims").
 */
function isStale(claimed: ClaimNumbers, counted: ClaimNumbers, tolerance: number): boolean {
  const keys = Object.keys(claimed) as Array<keyof ClaimNumbers>;
  return keys.some((key) => {
    const a = claimed[key]!;
    const b = counted[key]!;
    return key.endsWith('Percent') ? Math.abs(a - b) > tolerance + 1e-9 : a !== b;
  });
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
