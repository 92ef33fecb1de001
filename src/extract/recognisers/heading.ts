import { ancestors, type Section } from '../sections.js';
import { leadingStatusEmoji } from '../status.js';
import { escapeRegExp, PRIORITY_EMOJI, TASK_FIELD_NAMES, WORK_HEADING_WORDS, wholeWord } from '../vocabulary.js';
import { anyOf, anyPattern, anyWord } from './triggers.js';
import { isWhollyStruck } from './forms.js';
import type { Candidate, Recogniser, SectionFacts } from './types.js';

// The separator after the number is `\s*[.):]\s+` or `\s+`: written `\s*[.):]?\s+`, it backtracks quadratically over spaces.
const NUMBERED_HEADING = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*(\d+(?:\s*[-–]\s*\d+)?(?:\.\d+)*)(?:\s*[.):]\s+|\s+)(?=\S)/u;
const REQUIRES_SEPARATOR = /^[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}*_]*\d+(?:\s*[-–]\s*\d+)?(?:[.):]|\.\d)/u;
const namesWork = wholeWord(WORK_HEADING_WORDS.join('|'));

/**
 * Heading items (docs/rules.md, "Items"): a numbered heading (`### 3.
 * Rotate keys`) with no item in or below its section, under a heading that
 * names work or sets a priority, or with task fields of its own. The item
 * takes its path and priority from the enclosing section.
 */
export const headingRecogniser: Recogniser = {
  name: 'heading',
  triggers: (vocabulary) => {
    const marked = [
      anyPattern(WORK_HEADING_WORDS),
      anyWord([...Object.values(vocabulary.priorityWords).flat()]),
      anyOf(PRIORITY_EMOJI.map(([emoji]) => emoji)),
      { view: 'plain', test: fieldNames([...TASK_FIELD_NAMES, ...vocabulary.effortFields]) },
    ] as const;
    return marked.map((trigger) => [{ view: 'plain', test: numberedHeading }, trigger]);
  },
  section: headingItem,
};

/** A number as a numbered heading starts (`1.`, `2)`, `3:`, `1.5`, `1 - 2.`), loosely. */
const NUMBER_START = /\d(?:[.):]|\s*[-–])/;
/** A line that may underline a setext heading (any container prefix, or none). */
const UNDERLINE = /^[ \t>]*(?:=+|-+)[ \t]*$/;
/** A blank line, inside block quotes too. */
const BLANK = /^[ \t>]*$/;

/**
 * Whether the text may hold a numbered heading: a line with `# ` (an ATX
 * heading, in any container) and a number after it, or a setext underline
 * below a run of lines one of which holds a number (a setext heading's
 * title starts on the run's first line). One pass over the lines, one test
 * of each, so linear.
 */
function numberedHeading(text: string): boolean {
  const setext = /^[ \t>]*(?:=+|-+)[ \t]*$/m.test(text);
  if (!setext && !/#[ \t]/.test(text)) return false;
  let numberInRun = false;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const atx = line.search(/#[ \t]/);
    if (atx >= 0 && NUMBER_START.test(line.slice(atx))) return true;
    if (!setext) continue;
    if (BLANK.test(line)) numberInRun = false;
    else if (numberInRun && UNDERLINE.test(line)) return true;
    else if (NUMBER_START.test(line)) numberInRun = true;
  }
  return false;
}

/** Field names followed by a colon (`Effort:`), in any case; spaces match any white space. */
function fieldNames(names: readonly string[]): RegExp {
  const alternation = names.map((name) => name.replace(/[\\*_]+/g, '').split(/\s+/).map(escapeRegExp).join('\\s+')).join('|');
  return new RegExp(`(?:${alternation})\\s*:`, 'iu');
}

function headingItem(section: Section, facts: SectionFacts): Candidate | null {
  const { heading, title } = section;
  if (!heading || !REQUIRES_SEPARATOR.test(title) || !NUMBERED_HEADING.test(title)) return null;
  if (facts.holdsItems) return null;
  const effortNames = facts.doc.matchers.effortNames;
  const marked =
    ancestors(section).some((s) => s.heading !== null && (facts.priorityOf(s) !== 'none' || namesWork.test(s.title))) ||
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
