import type { PlanningFields } from '../types.js';
import type { ListItem, Paragraph } from 'mdast';
import type { ItemKind, Priority, Status } from '../../model.js';
import type { DocumentContext } from '../context.js';
import type { Field } from '../fields.js';
import type { Section } from '../sections.js';
import type { Vocabulary } from '../vocabulary.js';

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
   * The cheap test that makes a file a candidate for this recogniser
   * (docs/architecture.md#the-scan): a file where none of the recognisers'
   * triggers and none of the claim finder's match is not parsed. Must be
   * conservative: a text it rejects must give this recogniser nothing.
   */
  triggers(vocabulary: Vocabulary): Triggers;
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

/**
 * The text a trigger is tested on (docs/architecture.md#the-scan):
 * `source` is the text with character references decoded and backslash
 * escapes removed; `plain` is that text without inline markup as well
 * (emphasis, code spans, strike-through, link and reference brackets, link
 * destinations, inline HTML tags), so that a word split by markup
 * (`Ta**sks**`, `Ta<b>sks</b>`) reads whole; `headings` is the lines of
 * the plain and source views that may belong to a heading: ATX heading lines
 * (`#` and a space, in any container) and every line of a run of lines
 * that a setext underline (`===`, `---`) ends; `markedHeadings` is those
 * lines read as `plain`, with U+0001 where markup was removed (for words
 * with boundaries); `path` is the document's path (relative, `/`
 * separators), for formats known by where they live.
 */
export type ScanView = 'source' | 'plain' | 'headings' | 'markedHeadings' | 'path';

/** One cheap test on one view of the text: a pattern found anywhere, or a predicate. */
export interface Trigger {
  readonly view: ScanView;
  readonly test: RegExp | ((text: string) => boolean);
}

/**
 * A recogniser's triggers: the text is a candidate when, for any one of the
 * lists, every trigger in it matches (any of, all of).
 */
export type Triggers = ReadonlyArray<readonly Trigger[]>;
