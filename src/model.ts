/**
 * The shipready model: every type the pipeline passes between its stages.
 *
 * load → parse → extract → summarize → render. Each stage's input and output
 * types live here so that the shape of the product (docs/rules.md#items, #exit-codes) can be
 * read in one file. String-literal unions, never enums; every list is ordered
 * (files by path, items by line then column).
 */

/** Status of an item (docs/rules.md#status). `todo`, `in_progress` and `blocked` are *open*. */
export type Status = 'todo' | 'in_progress' | 'blocked' | 'done' | 'cancelled';

/** All statuses, in display order. */
export const STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const satisfies readonly Status[];

/** Statuses that count as open work (docs/rules.md#items). */
export const OPEN_STATUSES: ReadonlySet<Status> = new Set<Status>(['todo', 'in_progress', 'blocked']);

/** Priority level, highest first (docs/rules.md#priority). */
export type Priority = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** All priority levels, highest first; the index is the rank (0 = highest). */
export const PRIORITIES = ['critical', 'high', 'medium', 'low', 'none'] as const satisfies readonly Priority[];

/** The `--fail-on` level: a priority, where `none` disables priority-based blocking (docs/rules.md#blocking-and-readiness). */
export type FailOn = Priority;

/**
 * Whether `priority` blocks by rank at the `failOn` level: true when it
 * ranks at or above `failOn`; never when `failOn` is `none`, which turns
 * priority-based blocking off (docs/rules.md, "Blocking").
 */
export function atOrAbove(priority: Priority, failOn: FailOn): boolean {
  return failOn !== 'none' && PRIORITIES.indexOf(priority) <= PRIORITIES.indexOf(failOn);
}

/** How an item was written (docs/rules.md#items): a checkbox, a numbered heading, a status-emoji line, or a planning tool's task file. */
export type ItemKind = 'task' | 'heading' | 'marker' | 'document';

/** Severity of a diagnostic. `error` makes the run exit 2 (docs/rules.md#exit-codes). */
export type Severity = 'info' | 'warning' | 'error';

/**
 * An effort estimate (docs/rules.md#effort), in hours. A single value has
 * `minHours === maxHours`. `text` is the source text it was read from.
 */
export interface Effort {
  /** Lower bound, hours (≥ 0). */
  minHours: number;
  /** Upper bound, hours (≥ minHours). */
  maxHours: number;
  /** The source text of the estimate, e.g. `3-4 days of focused test writing`. */
  text: string;
  /** True when the estimate is per item (`1-2 hours each`). */
  each: boolean;
}

/** One unit of work found in a document (docs/rules.md#items). */
export interface Item {
  /** `<path>:<line>`, stable within a run. */
  id: string;
  /** Plain text: markdown stripped, mojibake repaired, control characters removed. */
  title: string;
  status: Status;
  priority: Priority;
  /** Open and blocking readiness (docs/rules.md#blocking-and-readiness). */
  blocking: boolean;
  /** The item's own estimate; group estimates are not copied here (docs/rules.md#effort). */
  effort: Effort | null;
  kind: ItemKind;
  /** 1-based line of the item's start. */
  line: number;
  /** 1-based column of the item's start. */
  column: number;
  /** Titles of the enclosing headings, outermost first. */
  sectionPath: string[];
  /** Id of the enclosing task item for nested subtasks, else null. */
  parentId: string | null;
  /** Identity across versions of the file: 16 hex characters (docs/rules.md#item-identity). */
  fingerprint: string;
  /** The item's own label (`T012`, `1.2`, `TASK-01`), else null (docs/rules.md#planning-formats). */
  ref: string | null;
  /** Marked optional (Kiro's `- [ ]*`, an `(optional)` tag): counted, never blocking. */
  optional: boolean;
  /** Who the item is assigned to, else null. */
  owner: string | null;
  /** Due date, ISO `YYYY-MM-DD`, else null. */
  due: string | null;
  /** Scheduled date (Obsidian Tasks `⏳`), ISO, else null. */
  scheduled: string | null;
  /** Start date (Obsidian Tasks `🛫`), ISO, else null. */
  start: string | null;
  /** Done date (Obsidian Tasks `✅ 2025-03-01`), ISO, else null. */
  doneDate: string | null;
  /** Refs of the items this one depends on, as written. */
  dependsOn: string[];
  /** Tags (`#tag`, spec-kit's `[P]`, `[US1]`), as written, without duplicates. */
  tags: string[];
  /** Open with a due date before the report's day (docs/rules.md#planning-formats). */
  overdue: boolean;
}

/** Remaining effort of a set of items (docs/rules.md#effort), hours. */
export interface EffortTotals {
  minHours: number;
  maxHours: number;
  /** Open items covered by no estimate of their own or of a group. */
  unestimated: number;
}

/**
 * Counts for a set of items. `items = done + open`; cancelled items are
 * counted only in `cancelled`. `percent` is `done / items × 100` (0–100, two
 * decimals; 0 when there are no items). Same shape everywhere (docs/rules.md#exit-codes).
 */
export interface Totals {
  items: number;
  done: number;
  open: number;
  todo: number;
  inProgress: number;
  blocked: number;
  cancelled: number;
  percent: number;
  blocking: number;
  effort: EffortTotals;
  /** Open items marked optional (never blocking). */
  optionalOpen: number;
  /** Open items past their due date. */
  overdue: number;
}

/** Totals per priority level. */
export type ByPriority = Record<Priority, Totals>;

/** A heading and everything beneath it up to the next heading of the same or lower depth. */
export interface SectionReport {
  /** Plain text of the heading. */
  title: string;
  /** Heading depth, 1–6. */
  depth: number;
  /** 1-based line of the heading. */
  line: number;
  /** Effective priority: the heading's own, else inherited (docs/rules.md#priority). */
  priority: Priority;
  /** Totals of the section with its subsections. */
  totals: Totals;
  /** The estimate written for the section as a group, in hours, else null; shown even when its items' own estimates cancel it (docs/rules.md#effort). */
  effort: Omit<Effort, 'each'> | null;
}

/** What a claim states or what was counted. Only the keys the claim speaks of are present. */
export interface ClaimNumbers {
  /** Open items. */
  open?: number;
  /** Done items. */
  done?: number;
  /** All (non-cancelled) items. */
  items?: number;
  /** Share of items done, percent 0–100. */
  donePercent?: number;
  /** Share of items open, percent 0–100. */
  openPercent?: number;
}

/**
 * Where one claimed number is written: what `shipready fix` rewrites
 * (docs/rules.md#claims). Positions are in the analysed text (BOM removed, mojibake
 * repaired), like every position of the report.
 */
export interface ClaimNumberSpan {
  /** Which of the claimed numbers this is. */
  key: keyof ClaimNumbers;
  /** 1-based line. */
  line: number;
  /** 1-based column of the number's first digit. */
  column: number;
  /** 1-based column just past the number's last digit. */
  endColumn: number;
}

/** How a claim is written (docs/rules.md#claims). */
export type ClaimKind = 'ratio' | 'count' | 'percent';

/** A hand-written count found in the text and checked against the items (docs/rules.md#claims). */
export interface ClaimReport {
  kind: ClaimKind;
  /** 1-based line of the claim's first character. */
  line: number;
  /** 1-based column of the claim's first character (in the repaired text). */
  column: number;
  /** 1-based line of the claim's last character. */
  endLine: number;
  /** 1-based column just past the claim's last character. */
  endColumn: number;
  /** The claim as written, e.g. `7/10 incomplete` or `~68% remaining`. */
  text: string;
  /** What the claim states. */
  claimed: ClaimNumbers;
  /** What was counted in the claim's scope (same keys); null when unverifiable. */
  counted: ClaimNumbers | null;
  /** True when stale, false when it agrees, null when it cannot be checked. */
  stale: boolean | null;
  /** The section the claim was checked against, or the other file it names. */
  scope: { title: string | null; line: number | null; path: string };
  /** Where each claimed number is written, in `claimed` key order (always present in shipready's own reports). */
  numbers?: ClaimNumberSpan[];
}

/** A finding about the input that is not an item (repaired encoding, skipped file, …). */
export interface Diagnostic {
  /** 1-based line, or null for the whole file. */
  line: number | null;
  severity: Severity;
  message: string;
}

/** One document's part of the report (docs/rules.md#exit-codes). */
export interface FileReport {
  /** Relative to the working directory, `/` separators. */
  path: string;
  totals: Totals;
  byPriority: ByPriority;
  sections: SectionReport[];
  items: Item[];
  claims: ClaimReport[];
  diagnostics: Diagnostic[];
}

/** Options that change the numbers of a report. */
export interface ReportOptions {
  /** Lowest priority whose open items block readiness; `none` disables it. Default `critical`. */
  failOn: FailOn;
  /** Hours in one day of effort (one week is 5 days). Default 8. */
  hoursPerDay: number;
  /** The day items are overdue against, ISO `YYYY-MM-DD` (`--today`); default the local date. Not part of the JSON's `options`. */
  today?: string;
}

/** What a run read (docs/rules.md#files-and-scale): every file, those with items, those not analysed. */
export interface Scanned {
  /** Markdown files read (or tried). */
  files: number;
  /** Files holding at least one item. */
  withItems: number;
  /** Files not analysed: binary, unreadable, over the size or time budget. */
  skipped: number;
}

/** The whole report, exactly the JSON of schema/report.schema.json. */
export interface Report {
  schemaVersion: 2;
  tool: { name: 'shipready'; version: string };
  options: Pick<ReportOptions, 'failOn' | 'hoursPerDay'>;
  /** True when no item is blocking (docs/rules.md#blocking-and-readiness). */
  ready: boolean;
  totals: Totals;
  byPriority: ByPriority;
  /** What was read. */
  scanned: Scanned;
  /** The files with an item, a claim, a warning or an error, by path (files with nothing to count are only counted in `scanned`). */
  files: FileReport[];
}

/** Default report options (docs/rules.md#effort, #blocking-and-readiness). */
export const DEFAULT_REPORT_OPTIONS: ReportOptions = { failOn: 'critical', hoursPerDay: 8 };

/** The rule a gate check applies. */
export type GateRule = 'blocking' | 'min-percent' | 'max-open' | 'stale-claims' | 'not-empty' | 'since' | 'overdue';

/**
 * One rule of the gate applied to one scope, passed or failed. Data only:
 * what a check is called and what it says is the renderers' wording.
 */
export interface GateCheck {
  rule: GateRule;
  /** The scope of a threshold (`overall` or a priority level; for `overdue` the lowest level held); null for `blocking`, `stale-claims`, `not-empty` and `since`. */
  scope: Priority | 'overall' | null;
  passed: boolean;
  /** What was measured: blocking items, percent done (0–100), open items, stale claims, items (`not-empty`), items made worse (`since`), open overdue items. */
  actual: number;
  /** The limit it was held to; null for `blocking`, `stale-claims`, `not-empty`, `since` and `overdue`. */
  limit: number | null;
  /**
   * `since` (`check --since REF`, README.md#check---since) only: the revision
   * compared with, and the blocking items already open there (listed, not
   * failing). `actual` counts the items made worse since it.
   */
  since?: { ref: string; alreadyOpen: number };
}

/** The verdict of a run: `shipready check`'s policy, or readiness alone for the other commands. */
export interface GateVerdict {
  /** True when every check passed. */
  ready: boolean;
  /** `--warn-only`: failures are reported, the exit code is 0. */
  warnOnly: boolean;
  /** Every check that was made, in a fixed order: blocking (or since), min-percent, max-open, stale claims, not-empty, overdue. */
  checks: GateCheck[];
  /** The failed checks, same order. */
  failures: GateCheck[];
}

/**
 * What a CI output points at in a file: an open blocking item (an error) or
 * a stale claim (a warning). Data only; its wording is the renderers'.
 */
export interface Finding {
  kind: 'blocking' | 'stale-claim';
  /** Relative to the working directory, `/` separators. */
  path: string;
  /** 1-based line and column of the start. */
  line: number;
  column: number;
  /** 1-based end line and the column just past the end, when known (claims). */
  endLine: number | null;
  endColumn: number | null;
  /** Blocking findings: true when the item blocks only by its blocking marker, not by its priority. */
  byMarker: boolean;
  /** The item, for blocking findings. */
  item: Item | null;
  /** The claim, for stale-claim findings. */
  claim: ClaimReport | null;
}

/** The findings of a report, each list in file then line order. */
export interface Findings {
  /** Open blocking items (docs/rules.md, "Blocking"). */
  blocking: Finding[];
  /** Claims known to be stale, not the unverifiable ones (docs/rules.md, "Claims"). */
  stale: Finding[];
}
