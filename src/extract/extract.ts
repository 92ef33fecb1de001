import type { Heading, ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { ClaimNumberSpan, ClaimReport, Effort, Item, ItemKind, Priority, Status } from '../model.js';
import { findLineClaims, summaryMarker } from './claims.js';
import { parentheticalEffort, parseEffort } from './effort.js';
import { type Field, findField, readField } from './fields.js';
import { createPriorityMatcher, type PriorityMatcher } from './priority.js';
import { ancestors, buildSections, type Section, sectionPath, subtree } from './sections.js';
import { leadingStatusEmoji, statusFieldValue, statusMarker } from './status.js';
import { phrasingLines, sanitizeText } from './text.js';
import {
  CANCELLING_HEADING,
  MARKER_HEADING_WORDS,
  negatedAt,
  PLACEHOLDERS,
  TASK_FIELD_NAMES,
  type Vocabulary,
  WORK_HEADING_WORDS,
  wholeWord,
  wordPattern,
} from './vocabulary.js';

/** Options of {@link extractDocument}. */
export interface ExtractOptions {
  /** Path of the document as reported (relative, `/` separators); used in item ids. */
  path: string;
  /** Hours in one day of effort (SPEC.md §4). */
  hoursPerDay: number;
  vocabulary: Vocabulary;
}

/** An item as extracted: the public fields except `blocking`, plus what summarize needs. */
export interface ExtractedItem extends Omit<Item, 'blocking'> {
  /** The item's own text carries a blocking marker (SPEC.md §5). */
  blockingMarker: boolean;
  /** Index of the section the item sits in. */
  sectionIndex: number;
}

/** An estimate written for a group (SPEC.md §4), covering the items of the group's section. */
export interface GroupEffort {
  sectionIndex: number;
  effort: Effort;
  /** Ids of the items the estimate covers. */
  itemIds: string[];
}

/** A claim as found (SPEC.md §6), before it is compared with the counts. */
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
  line: number;
  priority: Priority;
}

/** Everything extracted from one document. */
export interface ExtractedDocument {
  path: string;
  /** Sections in document order; index 0 is the root section (text before the first heading). */
  sections: ExtractedSection[];
  /** Items in document order (line, then column). */
  items: ExtractedItem[];
  groupEfforts: GroupEffort[];
  claims: ExtractedClaim[];
}

/** Intermediate item while walking; status and priority are settled at the end. */
interface Draft {
  kind: ItemKind;
  section: Section;
  line: number;
  column: number;
  title: string;
  /** Text searched for markers (the title, before any leading emoji is removed). */
  markerText: string;
  checked: boolean | null;
  /** Status given by the item's form: an Obsidian marker, a leading emoji, a whole-title strike. */
  formStatus: Status | null;
  fields: Field[];
  parent: Draft | null;
  id?: string;
}

// The separator after the number is `\s*[.):]\s+` or `\s+`: written `\s*[.):]?\s+`, it backtracks quadratically over spaces.
const NUMBERED_HEADING = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*(\d+(?:\s*[-–]\s*\d+)?(?:\.\d+)*)(?:\s*[.):]\s+|\s+)(?=\S)/u;
const REQUIRES_SEPARATOR = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*\d+(?:\s*[-–]\s*\d+)?(?:[.):]|\.\d)/u;
const OBSIDIAN_TASK = /^\[([/-])\][ \t]+/;
const OTHER_MARKDOWN_FILE = /(?<![\w./-])((?:[\w.-]+\/)*[\w.-]+\.(?:md|markdown))(?![\w])/i;

/**
 * mdast → items, sections, groups and claims for one document (SPEC.md
 * §1–§4, §6). `text` is the analysed source the tree was parsed from (for
 * claim positions). Pure: no I/O; never throws on a tree from `parseMarkdown`.
 */
export function extractDocument(tree: Root, text: string, options: ExtractOptions): ExtractedDocument {
  const { vocabulary, hoursPerDay } = options;
  const { priority, effortNames, blockingMarker } = matchersFor(vocabulary);
  // Text that `shipready fix` generated is not the author's checklist: no sections, items or claims in it.
  const authored = withoutSummaryBlocks(tree);
  const sections = buildSections(authored);
  const sourceLines = text.split('\n');
  const sourceLine = (line: number): string => (sourceLines[line - 1] ?? '').replace(/\r$/, '');

  // 1. Priority set by each heading's own text (SPEC.md §2).
  for (const section of sections) {
    if (section.heading) section.ownPriority = priority.heading(section.title);
  }

  // 2. Task and marker items in each section's own content.
  const drafts: Draft[] = [];
  const taskSections = new Set<Section>();
  for (const section of sections) {
    const markerSection = section.heading !== null && namesMarkerWork.test(section.title);
    for (const node of section.content) walkBlock(node, section, null, markerSection);
  }

  function walkBlock(node: RootContent | Nodes, section: Section, parent: Draft | null, markerSection: boolean): void {
    switch (node.type) {
      case 'list':
        for (const item of node.children) walkListItem(item, section, parent, markerSection);
        return;
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) walkBlock(child, section, parent, markerSection);
        return;
      case 'paragraph':
        if (markerSection) markerLines(node, section, parent);
        return;
      default:
        return; // code, html, front matter, tables, thematic breaks: never items
    }
  }

  function walkListItem(listItem: ListItem, section: Section, parent: Draft | null, markerSection: boolean): void {
    const first = listItem.children[0];
    const paragraph = first?.type === 'paragraph' ? first : null;
    let draft: Draft | null = null;
    if (typeof listItem.checked === 'boolean' || (paragraph && obsidianMarker(paragraph))) {
      draft = taskDraft(listItem, paragraph, section, parent);
      taskSections.add(section);
    } else if (markerSection && paragraph) {
      const lines = phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1);
      const firstLine = lines[0];
      const lead = firstLine ? leadingStatusEmoji(sanitizeText(firstLine.text)) : null;
      if (firstLine && lead && !isPlaceholder(lead.rest)) {
        draft = {
          kind: 'marker', section, line: listItem.position?.start.line ?? firstLine.line,
          column: listItem.position?.start.column ?? 1, title: lead.rest,
          markerText: sanitizeText(firstLine.text), checked: null, formStatus: lead.status,
          fields: ownFields(listItem), parent,
        };
      }
    }
    if (draft) drafts.push(draft);
    for (const child of listItem.children) {
      if (child.type === 'list') walkBlock(child, section, draft ?? parent, markerSection);
      else if (child.type !== 'paragraph') walkBlock(child, section, draft ?? parent, markerSection);
    }
  }

  function taskDraft(listItem: ListItem, paragraph: Paragraph | null, section: Section, parent: Draft | null): Draft {
    const line = listItem.position?.start.line ?? 1;
    const lines = paragraph ? phrasingLines(paragraph.children, paragraph.position?.start.line ?? line) : [];
    // Continuation lines that are fields (`Effort: 2h`) are not part of the title.
    const titleLines = lines.filter((l, i) => i === 0 || !readField(sanitizeText(l.text), l.line));
    let title = sanitizeText(titleLines.map((l) => l.text).join(' '));
    let formStatus: Status | null = null;
    const obsidian = paragraph ? obsidianMarker(paragraph) : null;
    if (obsidian) {
      title = title.replace(OBSIDIAN_TASK, '').trim();
      formStatus = obsidian === '/' ? 'in_progress' : 'cancelled';
    }
    if (paragraph && isWhollyStruck(paragraph)) formStatus = 'cancelled';
    return {
      kind: 'task', section, line, column: listItem.position?.start.column ?? 1, title, markerText: title,
      checked: typeof listItem.checked === 'boolean' ? listItem.checked : null, formStatus,
      fields: ownFields(listItem), parent,
    };
  }

  function markerLines(paragraph: Paragraph, section: Section, parent: Draft | null): void {
    for (const line of phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1)) {
      const clean = sanitizeText(line.text);
      const lead = leadingStatusEmoji(clean);
      if (!lead || isPlaceholder(lead.rest)) continue;
      const source = sourceLine(line.line);
      drafts.push({
        kind: 'marker', section, line: line.line, column: source.length - source.trimStart().length + 1,
        title: lead.rest, markerText: clean, checked: null, formStatus: lead.status,
        fields: [], parent,
      });
    }
  }

  // 3. Groups: sections whose subtree holds task items (SPEC.md §1.1 rule 4).
  // Bottom-up, once: later sections are never parents of earlier ones.
  const tasksBelow = new Set<Section>();
  for (const section of [...sections].reverse()) {
    if (taskSections.has(section) || section.children.some((child) => tasksBelow.has(child))) tasksBelow.add(section);
  }
  const subtreeHasTasks = (section: Section): boolean => tasksBelow.has(section);
  const groups = sections.filter((s) => s.heading && subtreeHasTasks(s));
  const sectionFields = new Map<Section, Field[]>(sections.map((s) => [s, contentFields(s.content)]));

  // A group's own `Priority:` field sets its priority like a heading word would.
  for (const group of groups) {
    const field = findField(sectionFields.get(group)!, ['priority']);
    const level = field ? priority.fieldValue(field.value) : null;
    if (level) group.ownPriority = level;
  }
  for (const section of sections) {
    section.priority = section.ownPriority ?? section.parent?.priority ?? 'none';
  }

  // 4. Heading items (SPEC.md §1.1 rule 2), innermost first so a numbered heading above numbered items is not one.
  const sectionsWithItems = new Set<Section>(drafts.map((d) => d.section));
  const headingItemSections = new Set<Section>();
  for (const section of [...sections].reverse()) {
    if (!section.heading || !REQUIRES_SEPARATOR.test(section.title) || !NUMBERED_HEADING.test(section.title)) continue;
    const below = subtree(section);
    if (below.some((s) => sectionsWithItems.has(s) || headingItemSections.has(s))) continue;
    const fields = sectionFields.get(section)!;
    const enclosing = ancestors(section).filter((s) => s.heading);
    const marked =
      enclosing.some((s) => s.priority !== 'none' || namesWork.test(s.title)) ||
      fields.some((f) => TASK_FIELD_NAMES.has(f.name) || effortNames.has(f.name));
    if (!marked) continue;
    headingItemSections.add(section);
    const afterNumber = section.title.replace(NUMBERED_HEADING, '');
    const lead = leadingStatusEmoji(afterNumber);
    drafts.push({
      kind: 'heading', section, line: section.line,
      column: section.heading.position?.start.column ?? 1, title: section.title, markerText: afterNumber,
      checked: null, formStatus: isWhollyStruck(section.heading) ? 'cancelled' : (lead?.status ?? null),
      fields, parent: null,
    });
  }

  // 5. Settle every item: id, status, priority, effort, blocking marker.
  drafts.sort((a, b) => a.line - b.line || a.column - b.column);
  const ids = new Set<string>();
  for (const draft of drafts) {
    // `<path>:<line>` (SPEC.md §1); two items on one line (or a tree without positions) get `:<column>`, then `#n`.
    let id = `${options.path}:${draft.line}`;
    if (ids.has(id)) id = `${id}:${draft.column}`;
    for (let n = 2; ids.has(id); n++) id = `${options.path}:${draft.line}:${draft.column}#${n}`;
    ids.add(id);
    draft.id = id;
  }
  const groupStatus = new Map<Section, Status | null>(
    groups.map((g) => {
      const field = findField(sectionFields.get(g)!, ['status']);
      const status = field ? statusMarker(field.value) : null;
      return [g, status];
    }),
  );
  const items: ExtractedItem[] = drafts.map((draft) => {
    // A heading item sits in its own section but takes its priority and path from the enclosing one.
    const section = draft.kind === 'heading' ? (draft.section.parent ?? draft.section) : draft.section;
    const cancelledBySection = [section, ...ancestors(section)].some((s) => s.heading && CANCELLING_HEADING.test(s.title));
    const itemPriority = ownPriority(draft, priority) ?? section.priority;
    const status = settleStatus(draft, cancelledBySection, () => {
      for (const s of [section, ...ancestors(section)]) {
        const fromGroup = groupStatus.get(s);
        if (fromGroup) return fromGroup;
      }
      return null;
    });
    const effortField = findField(draft.fields, effortNames);
    const effort =
      (effortField ? parseEffort(effortField.value, hoursPerDay) : null) ??
      parentheticalEffort(draft.kind === 'heading' ? draft.title : draft.markerText, hoursPerDay);
    return {
      id: draft.id!,
      title: draft.title,
      status,
      priority: itemPriority,
      effort,
      kind: draft.kind,
      line: draft.line,
      column: draft.column,
      sectionPath: sectionPath(section),
      parentId: draft.parent?.id ?? null,
      blockingMarker: blockingMarker(draft.markerText),
      sectionIndex: draft.section.index,
    };
  });

  // 6. Group estimates (SPEC.md §4): a group's own effort field, else a duration in its heading.
  const groupEfforts: GroupEffort[] = [];
  for (const group of groups) {
    const field = findField(sectionFields.get(group)!, effortNames);
    const effort = (field ? parseEffort(field.value, hoursPerDay) : null) ?? parentheticalEffort(group.title, hoursPerDay);
    if (!effort) continue;
    const inside = new Set(subtree(group).map((s) => s.index));
    groupEfforts.push({
      sectionIndex: group.index,
      effort,
      itemIds: items.filter((item) => inside.has(item.sectionIndex)).map((item) => item.id),
    });
  }

  // 7. Claims in headings and paragraphs (SPEC.md §6).
  const claims = findClaims(authored, sections, drafts);

  return {
    path: options.path,
    sections: sections.map((s) => ({
      index: s.index, parentIndex: s.parent?.index ?? null, title: s.title, depth: s.depth, line: s.line, priority: s.priority,
    })),
    items,
    groupEfforts,
    claims,
  };

  // ---- helpers that need the document ----

  /**
   * Claims in heading lines and paragraph lines (SPEC.md §6): not in task
   * item text, marker item lines, code, HTML, tables, inline code,
   * or struck-through text. Summary blocks were removed before the walk.
   */
  function findClaims(root: Root, allSections: Section[], itemDrafts: Draft[]): ExtractedClaim[] {
    const itemLines = new Set(itemDrafts.filter((d) => d.kind !== 'heading').map((d) => d.line));
    const masks = inlineCodeRanges(root);
    // Lines as mdast counts them: `\r\n`, `\r` and `\n` all end a line.
    const lines = text.split(/\r\n|\r|\n/);
    const candidates: Array<{ line: number; section: Section }> = [];
    for (const section of allSections) {
      if (section.heading) candidates.push({ line: section.line, section });
      for (const node of section.content) {
        for (const paragraph of claimParagraphs(node)) {
          const start = paragraph.position?.start.line;
          const end = paragraph.position?.end.line;
          if (start === undefined || end === undefined) continue;
          for (let line = start; line <= end; line++) {
            if (!itemLines.has(line)) candidates.push({ line, section });
          }
        }
      }
    }
    const found: ExtractedClaim[] = [];
    const seen = new Set<number>();
    for (const { line, section } of candidates) {
      if (seen.has(line)) continue;
      seen.add(line);
      const raw = lines[line - 1] ?? '';
      const masked = (masks.get(line) ?? []).map(([s, e]) => [s - 1, e - 1] as const);
      const lineClaims = findLineClaims(raw, masked);
      if (lineClaims.length === 0) continue;
      const other = OTHER_MARKDOWN_FILE.exec(raw)?.[1] ?? null;
      const otherFile = other && basename(other) !== basename(options.path) ? other : null;
      for (const claim of lineClaims) {
        found.push({
          kind: claim.kind,
          line,
          column: claim.start + 1,
          endLine: line,
          endColumn: claim.end + 1,
          text: raw.slice(claim.start, claim.end),
          claimed: claim.claimed,
          tolerance: claim.tolerance,
          sectionIndex: section.index,
          otherFile,
          numbers: claim.numbers.map((n) => ({ key: n.key, line, column: n.start + 1, endColumn: n.end + 1 })),
        });
      }
    }
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

/** The item's own explicit priority: a tag or leading emoji in its text, else its `Priority:` field (SPEC.md §2). */
function ownPriority(draft: Draft, matcher: PriorityMatcher): Priority | null {
  // Marker items: after the status emoji, so `✅ 🔴 X` is critical; heading items: after the number.
  const marker = matcher.itemMarker(draft.kind === 'marker' ? draft.title : draft.markerText);
  if (marker) return marker;
  const field = findField(draft.fields, ['priority']);
  return field ? matcher.fieldValue(field.value) : null;
}

/** Status rules of SPEC.md §1.2 for one item. */
function settleStatus(draft: Draft, cancelledBySection: boolean, groupStatus: () => Status | null): Status {
  if (draft.kind === 'task') {
    if (draft.checked === true) return 'done';
    if (draft.formStatus === 'cancelled' || cancelledBySection) return 'cancelled';
    if (draft.formStatus) return draft.formStatus;
    const statusField = findField(draft.fields, ['status']);
    const fromField = statusField ? statusMarker(statusField.value) : null;
    return statusMarker(draft.markerText) ?? fromField ?? groupStatus() ?? 'todo';
  }
  // Heading and marker items: leading emoji, then a Status field, then markers in the title.
  let status: Status | null = draft.formStatus;
  if (!status) {
    const statusField = findField(draft.fields, ['status']);
    status = statusField ? statusFieldValue(statusField.value) : null;
  }
  status ??= statusMarker(draft.title) ?? 'todo';
  if (status !== 'done' && cancelledBySection) return 'cancelled';
  return status;
}

/** Fields in a list item's own paragraphs and in its direct non-task sub-items (SPEC.md §3). */
function ownFields(listItem: ListItem): Field[] {
  const fields: Field[] = [];
  for (const child of listItem.children) {
    if (child.type === 'paragraph') fields.push(...paragraphFields(child));
    if (child.type === 'list') {
      for (const sub of child.children) {
        const first = sub.children[0];
        if (typeof sub.checked !== 'boolean' && first?.type === 'paragraph') fields.push(...paragraphFields(first).slice(0, 1));
      }
    }
  }
  return fields;
}

/** Fields in a section's own content: paragraph lines and list items, but not inside task items (SPEC.md §3). */
function contentFields(content: readonly RootContent[]): Field[] {
  const fields: Field[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'paragraph') fields.push(...paragraphFields(node));
    else if (node.type === 'list') {
      for (const item of node.children) {
        if (typeof item.checked === 'boolean') continue;
        const first = item.children[0];
        if (first?.type === 'paragraph') fields.push(...paragraphFields(first));
        for (const child of item.children.slice(1)) visit(child);
      }
    } else if (node.type === 'blockquote') node.children.forEach(visit);
  };
  content.forEach(visit);
  return fields;
}

function paragraphFields(paragraph: Paragraph): Field[] {
  return phrasingLines(paragraph.children, paragraph.position?.start.line ?? 1)
    .map((line) => readField(sanitizeText(line.text), line.line))
    .filter((field): field is Field => field !== null);
}

/**
 * Paragraphs that may hold claims: not the text of a task item (GFM or
 * Obsidian `[/]`, `[-]`, lazy continuation lines included), not in code,
 * HTML or tables.
 */
function claimParagraphs(node: Nodes): Paragraph[] {
  switch (node.type) {
    case 'paragraph':
      return [node];
    case 'list':
      return node.children.flatMap((item) => {
        const first = item.children[0];
        const isTask = typeof item.checked === 'boolean' || (first?.type === 'paragraph' && obsidianMarker(first) !== null);
        return item.children.flatMap((child) => (isTask && child.type === 'paragraph' ? [] : claimParagraphs(child)));
      });
    case 'blockquote':
    case 'footnoteDefinition':
      return node.children.flatMap(claimParagraphs);
    default:
      return [];
  }
}

/**
 * 1-based `[startColumn, endColumn)` ranges per line of text that holds no
 * claim: inline code, struck-through text (`~~3/5 done~~` is history, not a
 * claim) and inline HTML. A range that spans lines covers the rest of its
 * first line, the whole of the lines between and the start of its last line.
 */
function inlineCodeRanges(tree: Root): Map<number, Array<[number, number]>> {
  const ranges = new Map<number, Array<[number, number]>>();
  const add = (line: number, start: number, end: number): void => {
    const list = ranges.get(line) ?? [];
    list.push([start, end]);
    ranges.set(line, list);
  };
  const visit = (node: Nodes): void => {
    const position = node.position;
    if ((node.type === 'inlineCode' || node.type === 'delete' || node.type === 'html') && position) {
      const { start, end } = position;
      for (let line = start.line; line <= end.line; line++) {
        add(line, line === start.line ? start.column : 1, line === end.line ? end.column : Number.POSITIVE_INFINITY);
      }
      return;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return ranges;
}

/**
 * The tree without the top-level nodes between `<!-- shipready:summary -->`
 * and `<!-- /shipready:summary -->` (markers as `fix` writes them; the
 * markers themselves stay): generated text, so neither items, sections nor
 * hand-written claims. An unclosed or malformed block is left in place.
 */
function withoutSummaryBlocks(tree: Root): Root {
  const hidden = new Set<number>();
  let openedAt: number | null = null;
  tree.children.forEach((node, index) => {
    const marker = node.type === 'html' ? summaryMarker(node.value) : null;
    if (marker?.kind === 'open' && marker.problem === null) openedAt = index;
    if (marker?.kind === 'close' && openedAt !== null) {
      for (let i = openedAt + 1; i < index; i++) hidden.add(i);
      openedAt = null;
    }
  });
  return hidden.size === 0 ? tree : { ...tree, children: tree.children.filter((_, index) => !hidden.has(index)) };
}

function obsidianMarker(paragraph: Paragraph): '/' | '-' | null {
  const first = paragraph.children[0];
  if (first?.type !== 'text') return null;
  const match = OBSIDIAN_TASK.exec(first.value);
  return match ? (match[1] as '/' | '-') : null;
}

/** True when the whole text of a paragraph or heading is struck through (`~~…~~`). */
function isWhollyStruck(node: Paragraph | Heading): boolean {
  const meaningful = node.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  const withoutMarker = meaningful.filter((child, i) => !(i === 0 && child.type === 'text' && OBSIDIAN_TASK.test(child.value) && child.value.replace(OBSIDIAN_TASK, '').trim() === ''));
  return withoutMarker.length > 0 && withoutMarker.every((child) => child.type === 'delete');
}

function isPlaceholder(text: string): boolean {
  return PLACEHOLDERS.has(withoutFinalStops(text.toLowerCase()).trim()) || text.trim() === '';
}

/** `text` without its trailing `.` and `!` (a loop: `/[.!]+$/` rescans a long run of them from every start). */
function withoutFinalStops(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '.' || text[end - 1] === '!')) end--;
  return text.slice(0, end);
}

const namesWork = wholeWord(WORK_HEADING_WORDS.join('|'));
const namesMarkerWork = wholeWord(MARKER_HEADING_WORDS.join('|'));

/** The matchers built from a vocabulary, once per vocabulary rather than once per document. */
interface Matchers {
  priority: PriorityMatcher;
  effortNames: ReadonlySet<string>;
  blockingMarker: (text: string) => boolean;
}
const matcherCache = new WeakMap<Vocabulary, Matchers>();

function matchersFor(vocabulary: Vocabulary): Matchers {
  let matchers = matcherCache.get(vocabulary);
  if (!matchers) {
    matchers = {
      priority: createPriorityMatcher(vocabulary),
      effortNames: new Set(vocabulary.effortFields),
      blockingMarker: createBlockingMatcher(vocabulary.blockingMarkers),
    };
    matcherCache.set(vocabulary, matchers);
  }
  return matchers;
}

/**
 * Blocking markers (SPEC.md §5): `BLOCKING`/`BLOCKER` in capitals, `(blocking)`
 * or `[blocker]` tags, `blocker`, `Blocks Everything`, `🚫 blocker`, plus
 * configured markers; negated by `not`/`non`.
 */
function createBlockingMatcher(extra: readonly string[]): (text: string) => boolean {
  const patterns = [
    /(?<![\p{L}\p{N}_])(?:BLOCKING|BLOCKER|BLOCKS EVERYTHING)(?![\p{L}\p{N}_])/u,
    /[[(]\s*(?:blocking|blocker)\s*[\])]/iu,
    /(?<![\p{L}\p{N}_])(?:blocker|blocks\s+everything)(?![\p{L}\p{N}_])/iu,
    ...extra.map((word) => wholeWord(wordPattern(word))),
  ];
  const global = patterns.map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));
  return (text) =>
    global.some((pattern) => {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (!negatedAt(text, m.index)) return true;
      }
      return false;
    });
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).toLowerCase();
}
