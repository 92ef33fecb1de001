import { backlogRecogniser } from './backlog.js';
import { headingRecogniser } from './heading.js';
import { markerRecogniser } from './marker.js';
import { taskRecogniser } from './task.js';
import type { Recogniser } from './types.js';

export type { Candidate, ContentHandlers, Recogniser, SectionFacts } from './types.js';

/**
 * The recognisers, in the order they are asked: where two would take the
 * same list item, paragraph or section, the first wins (a checkbox item with
 * a status emoji is a task item). A new way of writing items is one more
 * entry here (docs/architecture.md, "Recognisers").
 */
export const RECOGNISERS: readonly Recogniser[] = [backlogRecogniser, taskRecogniser, markerRecogniser, headingRecogniser];
