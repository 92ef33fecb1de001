import type { Heading, Root, RootContent } from 'mdast';
import { nodeText, sanitizeText } from './text.js';

/**
 * A section of a document (docs/rules.md, "Items"): a heading and its own content up to
 * the next heading, with subsections nested by heading depth. The root section
 * (depth 0, no heading) holds the text before the first heading.
 */
export interface Section {
  /** Index in document order; the root section is 0. */
  index: number;
  heading: Heading | null;
  /** Heading depth 1–6; 0 for the root section. */
  depth: number;
  /** Sanitised plain text of the heading; '' for the root section. */
  title: string;
  /** 1-based line of the heading; 1 for the root section. */
  line: number;
  parent: Section | null;
  children: Section[];
  /** Top-level nodes between this heading and the next heading. */
  content: RootContent[];
}

/**
 * Cuts a document's top-level nodes into sections with a heading stack cut
 * back by depth (remark-lint `no-duplicate-headings-in-section`). Returns the
 * sections in document order, root first, so a parent always comes before
 * its subsections. Built once per document and not changed afterwards. Pure.
 */
export function buildSections(tree: Root): Section[] {
  const root: Section = {
    index: 0, heading: null, depth: 0, title: '', line: 1, parent: null,
    children: [], content: [],
  };
  const sections: Section[] = [root];
  const stack: Section[] = [root];
  for (const node of tree.children) {
    if (node.type !== 'heading') {
      stack[stack.length - 1]!.content.push(node);
      continue;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= node.depth) stack.pop();
    const parent = stack[stack.length - 1]!;
    const section: Section = {
      index: sections.length,
      heading: node,
      depth: node.depth,
      title: sanitizeText(nodeText(node)),
      line: node.position?.start.line ?? parent.line,
      parent,
      children: [],
      content: [],
    };
    parent.children.push(section);
    sections.push(section);
    stack.push(section);
  }
  return sections;
}

/** The section and all its subsections, in document order. */
export function subtree(section: Section): Section[] {
  return [section, ...section.children.flatMap(subtree)];
}

/** Enclosing sections, nearest first (not including `section`). */
export function ancestors(section: Section): Section[] {
  const result: Section[] = [];
  for (let s = section.parent; s; s = s.parent) result.push(s);
  return result;
}

/** Heading titles from the outermost enclosing heading down to `section` (the items' `sectionPath`). */
export function sectionPath(section: Section): string[] {
  return [section, ...ancestors(section)].filter((s) => s.heading).map((s) => s.title).reverse();
}
