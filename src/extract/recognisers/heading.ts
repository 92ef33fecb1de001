import { ancestors, type Section } from '../sections.js';
import { leadingStatusEmoji } from '../status.js';
import { escapeRegExp, NAMES_WORK, PRIORITY_EMOJI, TASK_FIELD_NAMES, UNSPACED_WORK, type Vocabulary, WORK_HEADING_WORDS } from '../vocabulary.js';
import { isWhollyStruck } from './forms.js';
import { afterLineLead, GAP, wordsAlternation } from './triggers.js';
import type { Candidate, Recogniser, SectionFacts } from './types.js';

// The separator after the number is `\s*[.):]\s+` or `\s+`: written `\s*[.):]?\s+`, it backtracks quadratically over spaces.
const NUMBERED_HEADING = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*(\d+(?:\s*[-–]\s*\d+)?(?:\.\d+)*)(?:\s*[.):]\s+|\s+)(?=\S)/u;
const REQUIRES_SEPARATOR = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*\d+(?:\s*[-–]\s*\d+)?(?:[.):]|\.\d)/u;

/**
 * Heading items (docs/rules.md, "Items"): a numbered heading (`### 3.
 * Rotate keys`) with no item in or below its section, under a heading that
 * names work or sets a priority, or with task fields of its own. The item
 * takes its path and priority from the enclosing section.
 */
export const headingRecogniser: Recogniser = {
  name: 'heading',
  // A numbered heading, and a heading that names work or sets a priority, or a task field.
  triggers: (vocabulary) => [
    [{ view: 'headings', test: /\d(?:[.):]|\s*[-–])/ }, { view: 'markedHeadings', test: markedHeading(vocabulary) }],
    [{ view: 'headings', test: /\d(?:[.):]|\s*[-–])/ }, { view: 'plain', test: fieldNames([...TASK_FIELD_NAMES, ...vocabulary.effortFields]) }],
  ],
  section: headingItem,
};

/**
 * Words that name work, every level word (priority words, adjectives, the
 * noun-bound and unspaced ones) and priority emoji, in any case, on the
 * `markedHeadings` view. Spaced words must stand alone, as the rules want
 * them, but a {@link GAP} (removed markup) may stand inside a word and
 * counts as a boundary beside it: `Ta**sks**` and `high*` are found,
 * `Workflow` is not. Unspaced words and emoji anywhere.
 */
function markedHeading(vocabulary: Vocabulary): RegExp {
  const levels = [vocabulary.priorityWords, vocabulary.adjectiveWords, vocabulary.nounBoundWords];
  const spaced = [...WORK_HEADING_WORDS, ...levels.flatMap((one) => Object.values(one).flat())]
    .map((word) => word.replace(/[\\*_]+/g, '').trim())
    .filter((word) => word !== '')
    .map((word) => word.split(/[\s-]+/).map((part) => [...part].map(escapeRegExp).join(`${GAP}*`)).join(`[\\s${GAP}-]+`));
  const anywhere = [wordsAlternation([...UNSPACED_WORK, ...Object.values(vocabulary.unspacedWords).flat()]), ...PRIORITY_EMOJI.map(([emoji]) => emoji)];
  return new RegExp([`(?<![\\p{L}\\p{N}_])(?:${spaced.join('|')})(?![\\p{L}\\p{N}_])`, ...anywhere.filter((one) => one !== '')].join('|'), 'iu');
}

/**
 * Field names followed by a colon (`Effort:`), in any case, where a line's
 * text starts (after container markers, list numbers, emoji); spaces match
 * any white space.
 */
function fieldNames(names: readonly string[]): (text: string) => boolean {
  const alternation = names.map((name) => name.replace(/[\\*_]+/g, '').split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
  return afterLineLead(`(?:${alternation})\\s*:`, 'iu', /[^\p{L}\n\r]*/uy);
}

function headingItem(section: Section, facts: SectionFacts): Candidate | null {
  const { heading, title } = section;
  if (!heading || !REQUIRES_SEPARATOR.test(title) || !NUMBERED_HEADING.test(title)) return null;
  if (facts.holdsItems) return null;
  const effortNames = facts.doc.matchers.effortNames;
  const marked =
    ancestors(section).some((s) => s.heading !== null && (facts.priorityOf(s) !== 'none' || NAMES_WORK.test(s.title))) ||
    facts.fields.some((f) => TASK_FIELD_NAMES.has(f.name) || effortNames.has(f.name));
  if (!marked) return null;
  const afterNumber = title.replace(NUMBERED_HEADING, '');
  return {
    kind: 'heading', section, scope: section.parent ?? section, line: section.line,
    column: heading.position?.start.column ?? 1, title, markerText: afterNumber,
    priorityText: afterNumber, effortText: title, checked: null,
    formStatus: isWhollyStruck(heading) ? 'cancelled' : (leadingStatusEmoji(afterNumber)?.status ?? null),
    statusRule: 'stated', fields: facts.fields, parent: null,
  };
}
