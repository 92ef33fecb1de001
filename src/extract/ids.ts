/**
 * Item ids (docs/rules.md, "Items"): `<path>:<line>`; a second item on one
 * line (or a tree without positions) gets `:<column>`, then `#n`.
 *
 * @param positions the items in document order (1-based line, then column).
 * @returns one id per position, in the same order, all different.
 */
export function itemIds(path: string, positions: ReadonlyArray<{ line: number; column: number }>): string[] {
  const taken = new Set<string>();
  return positions.map(({ line, column }) => {
    let id = `${path}:${line}`;
    if (taken.has(id)) id = `${id}:${column}`;
    for (let n = 2; taken.has(id); n++) id = `${path}:${line}:${column}#${n}`;
    taken.add(id);
    return id;
  });
}
