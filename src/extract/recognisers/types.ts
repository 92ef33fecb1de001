import type { PlanningFields } from '../types.js';
import type { ListItem, Paragraph } from 'mdast';
import type { ItemKind, Priority, Status } from '../../model.js';
import type { DocumentContext } from '../context.js';
import type { Field } from '../fields.js';
import type { Section } from '../sections.js';

/**
 * An item as a recogniser finds it, before its id, status, priority and
 * effort are settled (docs/architecture.md, "Recognisers"). Never changed
 * once made.
 */
export interface Candidate {
  readonly kind: ItemKind;
  /** The section the item sits in (a heading item: the section its heading opens). */
  readonly section: Section;
  /** The section whose path, priority, group status and cancelling heading the item takes. */
  readonly scope: Section;
  /** 1-based line and column of the item's start. */
  readonly line: number;
  readonly column: number;
  readonly title: string;
  /** Text searched for blocking and status markers. */
  readonly markerText: string;
  /** Text searched for the item's own priority marker (tag, ⭐, leading colour emoji). */
  readonly priorityText: string;
  /** Text searched for a parenthesised estimate when no effort field is given. */
  readonly effortText: string;
  /** A checkbox's state; null when the item has none. */
  readonly checked: boolean | null;
  /** Status given by the item's form: an Obsidian marker, a leading emoji, a whole-title strike. */
  readonly formStatus: Status | null;
  /**
   * How the status is settled (docs/rules.md, "Status"): `checkbox` for task
   * items (the box first, then the form, markers, fields, the group);
   * `stated` for items whose status is written (the form, a `Status:` field,
   * markers in the title).
   */
  readonly statusRule: 'checkbox' | 'stated';
  readonly fields: readonly Field[];
  /** The enclosing item for nested items, else null. */
  readonly parent: Candidate | null;
  /** Planning fields the recogniser read (ref, owner, dates, dependencies, tags, optional); absent ones default. */
  readonly planning?: Readonly<Partial<PlanningFields>>;
  /** Things the recogniser met and could not use (an unknown box character), reported as warnings at the item's line. */
  readonly warnings?: readonly string[];
}

/** Handlers for the content of one section, keyed by the mdast node they read. */
export interface ContentHandlers {
  /**
   * A list item that is itself an item (its first paragraph the title), or
   * null. The first recogniser to return one takes the list item; its
   * nested lists are read with that item as `parent`.
   */
  listItem?(node: ListItem, parent: Candidate | null): Candidate | null;
  /**
   * Items in a paragraph that is not a list item's own text (a line each),
   * or none. The first recogniser to return some takes the paragraph.
   */
  paragraph?(node: Paragraph, parent: Candidate | null): Candidate[];
}

/** What a section recogniser knows about a section once its content is read. */
export interface SectionFacts {
  readonly doc: DocumentContext;
  /** The section's own fields (in its content, not inside task items). */
  readonly fields: readonly Field[];
  /** The computed priority of any section (docs/rules.md, "Priority"). */
  priorityOf(section: Section): Priority;
  /** The section or one below it already holds an item (content items, or section items found below). */
  readonly holdsItems: boolean;
}

/**
 * One way of writing items: the unit a new planning format is added as.
 * Modelled on mdast-util-from-markdown's handler tables: a recogniser
 * declares handlers for what it reads and returns what it finds; the walk,
 * the order and the settling of items are the extractor's.
 */
export interface Recogniser {
  /** A short name, for messages and tests. */
  readonly name: string;
  /**
   * Handlers for one section's content, or null when the recogniser reads
   * nothing there. Asked once per section, in document order.
   */
  content?(section: Section, doc: DocumentContext): ContentHandlers | null;
  /**
   * The section itself as an item, or null. Asked once the content of every
   * section is read and its priority known, innermost section first.
   */
  section?(section: Section, facts: SectionFacts): Candidate | null;
}
