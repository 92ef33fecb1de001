import type { Field } from '../fields.js';
import type { PlanningFields } from '../types.js';

/** What a planning unit reads of one item: its plain-text title and its fields (continuation lines, sub-bullets). */
export interface PlanningInput {
  readonly title: string;
  readonly fields: readonly Field[];
}

/**
 * One planning format's reader (docs/rules.md#planning-formats): the
 * planning fields the format writes on an item, or null when the item is
 * not written in it. Pure.
 */
export interface PlanningUnit {
  readonly name: string;
  read(input: PlanningInput): Partial<PlanningFields> | null;
}
