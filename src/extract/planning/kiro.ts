import { findField } from '../fields.js';
import { refList } from './dates.js';
import type { PlanningUnit } from './types.js';

const NUMBERED = /^(\d+(?:\.\d+)*)\.?\s/;

/**
 * Kiro specs' `tasks.md` (docs/rules.md#planning-formats): a task with a
 * `_Requirements: 1.2, 3.1_` sub-bullet takes its leading number (`2.1`,
 * `1.`) as its ref and each requirement as a tag `req:1.2`.
 */
export const kiroUnit: PlanningUnit = {
  name: 'kiro',
  read({ title, fields }) {
    const requirements = findField(fields, ['requirements', 'requirement']);
    if (!requirements) return null;
    const number = NUMBERED.exec(title);
    return {
      ...(number ? { ref: number[1]! } : {}),
      tags: refList(requirements.value.replace(/_/g, ' ')).map((r) => `req:${r.replace(/\.$/, '')}`),
    };
  },
};
