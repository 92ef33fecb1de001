import type { ListItem, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { Diagnostic, Priority, Status } from '../model.js';
import { SourceText } from '../text/source.js';
import { summaryMarker } from '../text/summary-marker.js';
import { type DocumentContext, matchersFor } from './context.js';
import { findDocumentClaims } from './document-claims.js';
import type { Estimate } from './effort.js';
import { contentFields, type Field, findField } from './fields.js';
import { findGroups, groupEstimate, groupPriority, groupStatus } from './groups.js';
import { itemFingerprints } from './fingerprint.js';
import { itemIds } from './ids.js';
import { estimateOf, type ScopeFacts, settleItem } from './items.js';
import { sectionPriorities } from './priority.js';
import { type Candidate, type ContentHandlers, RECOGNISERS, type Recogniser } from './recognisers/index.js';
import { groupPlanning } from './planning/index.js';
import { buildSections, type Section, subtree } from './sections.js';
import type { ExtractedDocument, ExtractOptions, GroupEffort } from './types.js';
import { CANCELLING_HEADING } from './vocabulary.js';

export type { ExtractedClaim, ExtractedDocument, ExtractedItem, ExtractedSection, ExtractOptions, GroupEffort } from './types.js';
export type { Estimate, EffortUnit } from './effort.js';

/**
 * mdast → items, sections, groups and claims for one document
 * (docs/architecture.md, "Recognisers"; the rules in docs/rules.md).
 * `text` is the analysed source the tree was parsed from (for source lines
 * and claim positions). `recognisers` defaults to every recogniser there is.
 * Estimates stay in the unit written. Pure: no I/O; never throws on a tree
 * from `parseMarkdown`.
 */
export function extractDocument(
  tree: Root,
  text: string | SourceText,
  options: ExtractOptions,
  recognisers: readonly Recogniser[] = RECOGNISERS,
): ExtractedDocument {
  const matchers = matchersFor(options.vocabulary);
  // Text that `shipready fix` generated is not the author's checklist: no sections, items or claims in it.
  const authored = withoutSummaryBlocks(tree);
  const sections = buildSections(authored);
  const source = typeof text === 'string' ? new SourceText(text) : text;
  const doc: DocumentContext = { path: options.path, source, sections, matchers };

  const contentCandidates = sections.flatMap((section) => readContent(section, doc, recognisers));
  const groups = new Set(findGroups(sections, contentCandidates));
  const fields: Field[][] = sections.map((s) => contentFields(s.content));
  const holding = sectionsHolding(sections, contentCandidates);
  const ownPriority = (s: Section): Priority | null =>
    ((groups.has(s) || holding.has(s)) && s.heading ? groupPriority(fields[s.index]!, matchers.priority) : null) ?? (s.heading ? matchers.priority.heading(s.title) : null);
  const documentLevel = documentFields(sections, groups, holding, fields);
  const headingsSetPriority = sections.some((s) => s.heading !== null && ownPriority(s) !== null);
  const documentPriority = headingsSetPriority ? null : groupPriority(documentLevel, matchers.priority);
  const priorities = sectionPriorities(sections, (s) => (s.heading ? ownPriority(s) : documentPriority));
  const sectionCandidates = readSections(sections, contentCandidates, fields, priorities, doc, recognisers);

  const candidates = [...contentCandidates, ...sectionCandidates].sort((a, b) => a.line - b.line || a.column - b.column);
  const ids = itemIds(options.path, candidates);
  const idOf = new Map<Candidate, string>(candidates.map((c, i) => [c, ids[i]!]));
  const scopes = scopeFacts(sections, priorities, (s) => (groups.has(s) ? groupStatus(fields[s.index]!) : null), (s) => groupPlanning(fields[s.index]!));
  const sizesSeen: string[] = [];
  const items = candidates.map((c, i) =>
    settleItem(c, ids[i]!, c.parent ? (idOf.get(c.parent) ?? null) : null, scopes[c.scope.index]!, matchers, sizesSeen),
  );
  // Set in place: each settled item is a fresh object whose `fingerprint` key already has its place.
  itemFingerprints(items).forEach((fingerprint, i) => (items[i]!.fingerprint = fingerprint));

  const groupEfforts: GroupEffort[] = [];
  const separate = matchers.ruleOn('group-vs-item-effort');
  const addGroupEffort = (section: Section, effort: Estimate): void => {
    const inside = new Set(subtree(section).map((s) => s.index));
    const covered = items.filter((item) => inside.has(item.sectionIndex));
    groupEfforts.push({
      sectionIndex: section.index, effort, itemIds: covered.map((item) => item.id),
      coveredByItems: separate && covered.some((item) => OPEN.has(item.status) && item.effort !== null),
    });
  };
  for (const group of groups) {
    const effort = groupEstimate(group, fields[group.index]!, matchers, sizesSeen);
    if (effort) addGroupEffort(group, effort);
  }
  // A document-level estimate counts once, like a group's, when no heading carries one.
  if (groupEfforts.length === 0 && !items.some((item) => item.kind === 'heading' && item.effort !== null)) {
    const field = findField(documentLevel, matchers.effortNames);
    const effort = field ? estimateOf(field.value, '', matchers, sizesSeen) : null;
    if (effort && items.length > 0) addGroupEffort(sections[0]!, effort);
  }

  const itemLines = new Set(candidates.filter((c) => c.kind !== 'heading').map((c) => c.line));
  return {
    path: options.path,
    sections: sections.map((s) => ({
      index: s.index, parentIndex: s.parent?.index ?? null, title: s.title, depth: s.depth, line: s.line, priority: priorities[s.index]!,
    })),
    items,
    groupEfforts,
    claims: options.claims === false ? [] : findDocumentClaims(authored, source, sections, itemLines, options.path, matchers.ruleOn('claim-word-before')),
    diagnostics: documentDiagnostics(candidates, sizesSeen),
  };
}

const OPEN = new Set<Status>(['todo', 'in_progress', 'blocked']);

/** Sections whose own content, or a subsection's, holds a content item (task or marker). */
function sectionsHolding(sections: readonly Section[], candidates: readonly Candidate[]): Set<Section> {
  const holding = new Set<Section>(candidates.map((c) => c.section));
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (section.children.some((child) => holding.has(child))) holding.add(section);
  }
  return holding;
}

/**
 * Fields written outside every group (docs/rules.md#fields): in the text
 * before the first heading, then under headings that hold no item (an issue
 * file's `## Metadata`), in document order.
 */
function documentFields(sections: readonly Section[], groups: ReadonlySet<Section>, holding: ReadonlySet<Section>, fields: readonly Field[][]): Field[] {
  return sections.filter((s) => s.heading === null || (!groups.has(s) && !holding.has(s) && !NUMBERED.test(s.title))).flatMap((s) => fields[s.index]!);
}

/** A heading that may be a heading item: its fields are its own, not the document's. */
const NUMBERED = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*\d/u;

/** Warnings for what the document holds and the report cannot use (docs/rules.md#diagnostics). */
function documentDiagnostics(candidates: readonly Candidate[], sizesSeen: readonly string[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const candidate of candidates) {
    for (const message of candidate.warnings ?? []) diagnostics.push({ line: candidate.line, severity: 'warning', message });
  }
  if (sizesSeen.length > 0) {
    const counts = new Map<string, number>();
    for (const size of sizesSeen) counts.set(size, (counts.get(size) ?? 0) + 1);
    const list = [...counts].map(([size, n]) => `${size} ×${n}`).join(', ');
    diagnostics.push({
      line: null, severity: 'warning',
      message: `T-shirt sizes (${list}) left unestimated: map them with \`effortSizes\` in the configuration, e.g. {"S": "2-4h", "M": "1-2d"}`,
    });
  }
  return diagnostics;
}

/**
 * The items in one section's content, in walk order: lists, block quotes
 * and footnotes are entered, a list item taken by a recogniser is the
 * parent of the items in its nested lists; code, HTML, front matter, tables
 * and thematic breaks never hold items.
 */
function readContent(section: Section, doc: DocumentContext, recognisers: readonly Recogniser[]): Candidate[] {
  const handlers = recognisers.map((r) => r.content?.(section, doc) ?? null).filter((h): h is ContentHandlers => h !== null);
  if (handlers.length === 0) return [];
  const found: Candidate[] = [];
  const block = (node: RootContent | Nodes, parent: Candidate | null): void => {
    switch (node.type) {
      case 'list':
        for (const item of node.children) listItem(item, parent);
        return;
      case 'blockquote':
      case 'footnoteDefinition':
        for (const child of node.children) block(child, parent);
        return;
      case 'paragraph':
        found.push(...paragraph(node, parent));
        return;
      default:
        return;
    }
  };
  const paragraph = (node: Paragraph, parent: Candidate | null): Candidate[] => {
    for (const h of handlers) {
      const items = h.paragraph?.(node, parent) ?? [];
      if (items.length > 0) return items;
    }
    return [];
  };
  const listItem = (node: ListItem, parent: Candidate | null): void => {
    let item: Candidate | null = null;
    for (const h of handlers) {
      item = h.listItem?.(node, parent) ?? null;
      if (item) break;
    }
    if (item) found.push(item);
    // The list item's own paragraphs are its text, not more items.
    for (const child of node.children) if (child.type !== 'paragraph') block(child, item ?? parent);
  };
  for (const node of section.content) block(node, null);
  return found;
}

/**
 * Sections that are items themselves, asked innermost first (in reverse
 * document order every subsection comes before its section), so that a
 * numbered heading above numbered items is not one. Returns them in the
 * order found.
 */
function readSections(
  sections: readonly Section[],
  contentCandidates: readonly Candidate[],
  fields: readonly Field[][],
  priorities: readonly Priority[],
  doc: DocumentContext,
  recognisers: readonly Recogniser[],
): Candidate[] {
  const asked = recognisers.filter((r) => r.section);
  if (asked.length === 0) return [];
  const withContentItems = new Set<Section>(contentCandidates.map((c) => c.section));
  const holding = new Set<Section>();
  const priorityOf = (s: Section): Priority => priorities[s.index]!;
  const found: Candidate[] = [];
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    const holdsItems = withContentItems.has(section) || section.children.some((child) => holding.has(child));
    let item: Candidate | null = null;
    for (const recogniser of asked) {
      item = recogniser.section!(section, { doc, fields: fields[section.index]!, priorityOf, holdsItems });
      if (item) break;
    }
    if (item) found.push(item);
    if (holdsItems || item) holding.add(section);
  }
  return found;
}

/** Per section: its priority, whether a heading of it or above cancels its items, and the nearest group status. */
function scopeFacts(
  sections: readonly Section[],
  priorities: readonly Priority[],
  ownGroupStatus: (section: Section) => Status | null,
  ownPlanning: (section: Section) => ScopeFacts['groupPlanning'],
): ScopeFacts[] {
  const facts: ScopeFacts[] = [];
  for (const section of sections) {
    const parent = section.parent ? facts[section.parent.index]! : null;
    facts[section.index] = {
      priority: priorities[section.index]!,
      cancelled: (section.heading !== null && CANCELLING_HEADING.test(section.title)) || (parent?.cancelled ?? false),
      groupStatus: ownGroupStatus(section) ?? parent?.groupStatus ?? null,
      groupPlanning: { ...parent?.groupPlanning, ...ownPlanning(section) },
    };
  }
  return facts;
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

/** What {@link extractDocument} gives for a text with nothing in it: the root section alone. Also the document of a file not analysed. */
export function emptyDocument(path: string): ExtractedDocument {
  return {
    path,
    sections: [{ index: 0, parentIndex: null, title: '', depth: 0, line: 1, priority: 'none' }],
    items: [],
    groupEfforts: [],
    claims: [],
    diagnostics: [],
  };
}
