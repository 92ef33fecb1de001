import type { PlanningUnit } from './types.js';

// `1.1 Task`, `2.3.1 Task`: a dotted number (at least two parts) before the title. A plain `3.` is a
// list number, not a ref (docs/rules.md#item-identity).
const DOTTED = /^(\d+(?:\.\d+)+)\.?\s/;

/** OpenSpec `tasks.md` (docs/rules.md#planning-formats): `- [ ] 1.1 Task` has the ref `1.1`. */
export const openSpecUnit: PlanningUnit = {
  name: 'openspec',
  read({ title }) {
    const match = DOTTED.exec(title);
    return match ? { ref: match[1]! } : null;
  },
};
