import type { PlanningUnit } from './types.js';

// `T012 [P] [US1] Title`: the task id, then bracketed markers before the description.
const SPEC_KIT_TASK = /^(T\d{3,})\b((?:\s*\[[A-Za-z][A-Za-z0-9_.-]{0,15}\])*)/;
const MARKER = /\[([A-Za-z][A-Za-z0-9_.-]{0,15})\]/g;
const DEPENDENCY = /\b(?:depends on|after|blocked by|requires)\s+(T\d{3,}(?:\s*(?:,|and|&)\s*T\d{3,})*)\b/gi;

/**
 * GitHub spec-kit `tasks.md` (docs/rules.md#planning-formats): `T012` is
 * the ref, `[P]` and `[US1]` are tags (never priorities), and "depends on /
 * after / blocked by T010" in the text are dependencies.
 */
export const specKitUnit: PlanningUnit = {
  name: 'spec-kit',
  read({ title }) {
    const dependsOn = [...title.matchAll(DEPENDENCY)].flatMap((m) => m[1]!.split(/\s*(?:,|and|&)\s*/i));
    const task = SPEC_KIT_TASK.exec(title);
    if (!task && dependsOn.length === 0) return null;
    return {
      ...(task ? { ref: task[1]!, tags: [...task[2]!.matchAll(MARKER)].map((m) => m[1]!) } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    };
  },
};
