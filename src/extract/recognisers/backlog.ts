import type { Yaml } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { Status } from '../../model.js';
import type { DocumentContext } from '../context.js';
import type { Field } from '../fields.js';
import type { PlanningFields } from '../types.js';
import { sanitizeText } from '../text.js';
import { taskRecogniser } from './task.js';
import type { Candidate, Recogniser } from './types.js';

/** Where Backlog.md keeps its task files (docs/rules.md#planning-formats). */
const BACKLOG_FILE = /(?:^|\/)\.?backlog\/(?:tasks|drafts|completed)\/[^/]+$/;

const documents = new WeakMap<DocumentContext, Candidate | null>();

/**
 * Backlog.md task files (docs/rules.md#planning-formats): a file under
 * `backlog/tasks/`, `backlog/drafts/` or `backlog/completed/` whose YAML
 * front matter has a `title` is one item of kind `document` (its `id` the
 * ref, `status`, `priority`, `assignee`, `dependencies`, `labels`), and the
 * file's checkboxes are items under it. Other files are left to the other
 * recognisers.
 */
export const backlogRecogniser: Recogniser = {
  name: 'backlog',
  // A task file where Backlog.md keeps them; its checkboxes are the task recogniser's triggers.
  triggers: () => [[{ view: 'path', test: BACKLOG_FILE }]],
  content(section, doc) {
    const task = documentItem(doc);
    if (!task) return null;
    const handlers = taskRecogniser.content!(section, doc)!;
    return { listItem: (node, parent) => handlers.listItem!(node, parent ?? task) };
  },
  section: (section, facts) => (section.index === 0 ? documentItem(facts.doc) : null),
};

function documentItem(doc: DocumentContext): Candidate | null {
  if (documents.has(doc)) return documents.get(doc)!;
  const item = BACKLOG_FILE.test(doc.path) ? fromFrontMatter(doc) : null;
  documents.set(doc, item);
  return item;
}

function fromFrontMatter(doc: DocumentContext): Candidate | null {
  const root = doc.sections[0]!;
  const yaml = root.content.find((node): node is Yaml => node.type === 'yaml');
  if (!yaml) return null;
  let data: unknown;
  try {
    data = parseYaml(yaml.value);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const meta = data as Record<string, unknown>;
  const title = typeof meta.title === 'string' ? sanitizeText(meta.title) : null;
  if (!title) return null;
  const line = yaml.position?.start.line ?? 1;
  const fields: Field[] = [];
  if (typeof meta.priority === 'string') fields.push({ name: 'priority', value: meta.priority, line });
  const owners = list(meta.assignee).map((a) => a.replace(/^@/, ''));
  const planning: Partial<PlanningFields> = {
    ...(scalar(meta.id) ? { ref: scalar(meta.id)! } : {}),
    ...(owners.length > 0 ? { owner: owners[0]! } : {}),
    dependsOn: list(meta.dependencies),
    tags: list(meta.labels),
  };
  return {
    kind: 'document', section: root, scope: root, line, column: 1,
    title, markerText: title, priorityText: '', effortText: '',
    checked: null, formStatus: backlogStatus(scalar(meta.status)), statusRule: 'stated', fields, parent: null, planning,
  };
}

/** Backlog.md's statuses: `To Do`, `In Progress`, `Done` (and the same words in other cases). */
function backlogStatus(status: string | null): Status | null {
  switch (status?.toLowerCase().replace(/[\s_-]+/g, ' ').trim()) {
    case 'done': case 'completed': return 'done';
    case 'in progress': return 'in_progress';
    case 'blocked': return 'blocked';
    case 'to do': case 'todo': return 'todo';
    default: return null;
  }
}

function scalar(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : null;
}

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return values.map(scalar).filter((v): v is string => v !== null);
}
