import type { LanguageWords } from './types.js';

/** English: the built-in words of docs/rules.md#priority, #items and #claims. */
export const en: LanguageWords = {
  language: 'en',
  sources: [
    'docs/rules.md#priority (the level table), MoSCoW (DSDM Agile Project Framework, "MoSCoW prioritisation")',
    'GitHub Issues/Jira default priority names (Highest, High, Medium, Low, Lowest)',
  ],
  levels: {
    critical: ['critical', 'blocker', 'blocking', 'highest', 'p0', 'must', 'must-have', 'must have', 'showstopper'],
    high: ['p1', 'should', 'should-have', 'should have', 'important', 'urgent'],
    medium: ['p2', 'could', 'could-have'],
    low: ['p3', 'p4', 'nice-to-have', 'nice to have', 'optional', 'someday', 'wishlist'],
  },
  adjectives: {
    critical: [],
    high: ['high'],
    medium: ['medium', 'moderate', 'normal'],
    low: ['low', 'lowest'],
  },
  priorityNouns: ['priority', 'prio', 'pri'],
  workWords: ['task', 'tasks', 'todo', 'todos', 'to-do', 'to-dos', 'action item', 'action items', 'backlog', 'checklist', 'checklists'],
  progressWords: ['done', 'complete', 'completed', 'finished', 'shipped', 'in progress', 'wip', 'blocked', 'on hold', 'progress', 'status'],
  doneWords: ['done', 'complete', 'completed', 'finished', 'closed', 'checked', 'ready'],
  openWords: ['incomplete', 'open', 'remaining', 'outstanding', 'left', 'pending', 'unfinished'],
  progressClaimWords: ['progress', 'completion', 'readiness'],
  unspaced: false,
  reviewed: [
    '"high", "low", "medium", "normal", "moderate", "lowest" are adjectives: `High Impact`, `Low-hanging fruit`, `Medium-Term` set nothing',
  ],
};
