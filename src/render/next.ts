import type { NextDocument, NextItem } from '../plan/next.js';

/** The formats of `shipready next` (README.md#shipready-next). */
export const NEXT_FORMATS = ['table', 'json', 'markdown', 'mermaid'] as const;
export type NextFormat = (typeof NEXT_FORMATS)[number];

/**
 * `next`'s answer in one format. Titles are the report's (already
 * sanitised); mermaid labels are escaped so no title can end a label or
 * add a statement to the diagram. Pure.
 */
export function renderNext(doc: NextDocument, format: NextFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(doc, null, 2)}\n`;
    case 'markdown': return markdownNext(doc);
    case 'mermaid': return mermaidNext(doc);
    default: return tableNext(doc);
  }
}

function name(item: NextItem): string {
  return item.ref ?? `${item.path}:${item.line}`;
}

function facts(item: NextItem): string {
  const parts = [item.priority === 'none' ? null : item.priority, item.overdue ? `OVERDUE (due ${item.due})` : item.due ? `due ${item.due}` : null,
    item.owner ? `@${item.owner}` : null, item.effort ? `${item.effort.maxHours} h` : null];
  return parts.filter((p) => p !== null).join(', ');
}

function line(item: NextItem): string {
  const extra = facts(item);
  return `${item.ref ? `${item.ref}  ` : ''}${item.title.startsWith(`${item.ref} `) ? item.title.slice(item.ref!.length + 1) : item.title}${extra ? `  [${extra}]` : ''}  ${item.path}:${item.line}`;
}

function tableNext(doc: NextDocument): string {
  const out: string[] = [];
  out.push(doc.ready.length === 0 ? `Nothing is ready to start (today ${doc.today}).` : `Ready to start (${doc.ready.length}), today ${doc.today}:`);
  doc.ready.forEach((item, i) => out.push(`  ${i + 1}. ${line(item)}`));
  for (const cycle of doc.cycles) out.push(`Dependency cycle: ${cycle.map(name).join(', ')}`);
  if (doc.waves) {
    doc.waves.forEach((wave, i) => {
      out.push('', `Wave ${i + 1} (${wave.length}):`);
      for (const item of wave) out.push(`  ${line(item)}`);
    });
  }
  if (doc.criticalPath) {
    const path = doc.criticalPath;
    out.push('', `Critical path: ${path.hours} h, ${path.items.map(name).join(' → ') || 'none'}`);
    if (path.unestimated.length > 0) out.push(`Unestimated (counted as 0 h): ${path.unestimated.map(name).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

function markdownNext(doc: NextDocument): string {
  const md = (text: string): string => text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
  const item = (i: NextItem): string => `${md(i.title)}${facts(i) ? ` — ${md(facts(i))}` : ''} (\`${i.path.replace(/`/g, '')}:${i.line}\`)`;
  const out: string[] = [`## Ready to start (${doc.ready.length})`, '', `Today: ${doc.today}`, ''];
  doc.ready.forEach((i, n) => out.push(`${n + 1}. ${item(i)}`));
  if (doc.cycles.length > 0) out.push('', '**Dependency cycles:**', '', ...doc.cycles.map((c) => `- ${md(c.map(name).join(', '))}`));
  if (doc.waves) {
    doc.waves.forEach((wave, n) => out.push('', `### Wave ${n + 1}`, '', ...wave.map((i) => `- ${item(i)}`)));
  }
  if (doc.criticalPath) {
    out.push('', `### Critical path: ${doc.criticalPath.hours} h`, '', ...doc.criticalPath.items.map((i, n) => `${n + 1}. ${item(i)}`));
    if (doc.criticalPath.unestimated.length > 0) out.push('', `Unestimated (counted as 0 h): ${md(doc.criticalPath.unestimated.map(name).join(', '))}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * A mermaid flowchart of the open items (the waves, or the ready set when
 * there are none): node ids are generated (`n1`, `n2`, …) and every label
 * character other than letters, digits, space and `.,:/_-` is written as a
 * mermaid entity (`#35;`), so a title cannot close a label or start a statement.
 */
export function mermaidNext(doc: NextDocument): string {
  const waves = doc.waves ?? [doc.ready];
  // Waves list an item after everything it waits for, which reducedEdges relies on.
  const ids = new Map<string, string>();
  const out = ['flowchart LR'];
  waves.forEach((wave, w) => {
    out.push(`  subgraph wave${w + 1}["Wave ${w + 1}"]`);
    for (const item of wave) {
      const id = `n${ids.size + 1}`;
      ids.set(item.id, id);
      out.push(`    ${id}["${mermaidLabel(item.ref && !item.title.startsWith(item.ref) ? `${item.ref} ${item.title}` : item.title)}"]`);
    }
    out.push('  end');
  });
  const critical = new Set(doc.criticalPath?.items.map((i) => i.id) ?? []);
  for (const [from, to] of reducedEdges(waves.flat())) {
    const a = ids.get(from);
    const b = ids.get(to);
    if (a && b) out.push(`  ${a} --> ${b}`);
  }
  const criticalIds = [...critical].map((id) => ids.get(id)).filter((id): id is string => id !== undefined);
  if (criticalIds.length > 0) {
    out.push('  classDef critical stroke-width:3px', `  class ${criticalIds.join(',')} critical`);
  }
  return `${out.join('\n')}\n`;
}

/** A label safe inside `["…"]`: letters, digits, space and `.,:/_-` as they are; every other character as `#code;`; never empty. */
export function mermaidLabel(text: string): string {
  const cut = [...text].slice(0, 80).join('').trim() || 'untitled';
  return cut.replace(/[^\p{L}\p{N} .,:/_-]/gu, (c) => `#${c.codePointAt(0)};`);
}

/**
 * The edges between the items, without those another path already implies
 * (a transitive reduction: spec-kit's phases make every task wait for every
 * earlier one, and the diagram draws only the nearest). `items` in wave order.
 */
function reducedEdges(items: readonly NextItem[]): Array<[string, string]> {
  const known = new Set(items.map((i) => i.id));
  const ancestors = new Map<string, Set<string>>();
  const edges: Array<[string, string]> = [];
  for (const item of items) {
    const direct = item.waitsFor.filter((id) => known.has(id));
    const implied = new Set<string>();
    for (const id of direct) for (const above of ancestors.get(id) ?? []) implied.add(above);
    for (const id of direct) if (!implied.has(id)) edges.push([id, item.id]);
    ancestors.set(item.id, new Set([...implied, ...direct]));
  }
  return edges;
}
