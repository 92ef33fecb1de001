import type { ClaimNumberSpan, ClaimReport, Diagnostic, Item, Priority } from '../model.js';
import type { Estimate } from './effort.js';
import type { Vocabulary } from './vocabulary.js';

/**
 * What planning formats and hand-written fields say of an item besides its
 * status and priority (docs/rules.md#planning-formats). A recogniser sets
 * what its format writes; the rest keep their defaults (null, [], false).
 */
export type PlanningFields = Pick<Item, 'ref' | 'optional' | 'owner' | 'due' | 'scheduled' | 'start' | 'doneDate' | 'dependsOn' | 'tags'>;

/** Options of `extractDocument`. */
export interface ExtractOptions {
  /** Path of the document as reported (relative, `/` separators); used in item ids. */
  path: string;
  vocabulary: Vocabulary;
  /**
   * False when the text is known to hold no claim: the claim finder's
   * triggers (`CLAIM_TRIGGERS`) reject it, and the scan applies
   * (docs/architecture.md#the-scan). Claims are then not searched for.
   * Default true.
   */
  claims?: boolean;
}

/**
 * An item as extracted: the public fields except `blocking`, with its
 * estimate in the unit written (the summary converts it to hours), plus
 * what the summary needs.
 */
export interface ExtractedItem extends Omit<Item, 'blocking' | 'effort' | 'overdue'> {
  /** The item's own estimate, in the unit written; null when it has none. */
  effort: Estimate | null;
  /** The item's own text carries a blocking marker (docs/rules.md, "Blocking"). */
  blockingMarker: boolean;
  /** Index of the section the item sits in. */
  sectionIndex: number;
}

/** An estimate written for a group (docs/rules.md, "Effort"), covering the items of the group's section. */
export interface GroupEffort {
  sectionIndex: number;
  /** In the unit written. */
  effort: Estimate;
  /** Ids of the items the estimate covers. */
  itemIds: string[];
  /**
   * An open item of the group carries its own estimate: the group's estimate
   * describes the same work and is left out of the totals (docs/rules.md#effort).
   */
  coveredByItems: boolean;
}

/** A claim as found (docs/rules.md, "Claims"), before it is compared with the counts. */
export interface ExtractedClaim
  extends Pick<ClaimReport, 'kind' | 'line' | 'column' | 'endLine' | 'endColumn' | 'text' | 'claimed'> {
  /** Allowed distance for percentages, in points. */
  tolerance: number;
  /** The section whose items the claim speaks of, before widening. */
  sectionIndex: number;
  /** Another markdown file the claim's line names, as written; null for this document. */
  otherFile: string | null;
  /** Source positions (1-based line and columns, in the analysed text) of each claimed number. */
  numbers: ClaimNumberSpan[];
}

/** A section as the summary needs it. */
export interface ExtractedSection {
  index: number;
  /** Index of the enclosing section; null for the root section. */
  parentIndex: number | null;
  title: string;
  depth: number;
  /** 1-based line of the heading; 1 for the root section. */
  line: number;
  priority: Priority;
}

/** Everything extracted from one document. Plain data (it is cached and sent between threads). */
export interface ExtractedDocument {
  path: string;
  /** Sections in document order; index 0 is the root section (text before the first heading). */
  sections: ExtractedSection[];
  /** Items in document order (line, then column). */
  items: ExtractedItem[];
  groupEfforts: GroupEffort[];
  claims: ExtractedClaim[];
  /**
   * What the document holds that could not be used (docs/rules.md#diagnostics):
   * unknown box characters, T-shirt sizes without `effortSizes`. Warnings and infos.
   */
  diagnostics: Diagnostic[];
}
