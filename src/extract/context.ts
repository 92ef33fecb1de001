import type { SourceText } from '../text/source.js';
import { createBlockingMatcher } from './blocking.js';
import { createPriorityMatcher, type PriorityMatcher } from './priority.js';
import type { Section } from './sections.js';
import { type RuleSwitch, ruleOn, type Vocabulary } from './vocabulary.js';

/** The matchers built from a vocabulary, once per vocabulary rather than once per document. */
export interface Matchers {
  priority: PriorityMatcher;
  /** Field names (lower-case) whose value is an effort estimate. */
  effortNames: ReadonlySet<string>;
  /** Whether an item's text carries a blocking marker. */
  blockingMarker: (text: string) => boolean;
  /** Whether a rule is on (every rule is, unless a test switched it off: docs/rules.md). */
  ruleOn: (rule: RuleSwitch) => boolean;
  /** T-shirt sizes and their durations (`M` → `1-2d`), sizes upper-case. */
  effortSizes: ReadonlyMap<string, string>;
}

const matcherCache = new WeakMap<Vocabulary, Matchers>();

/** The matchers of a vocabulary, built on first use and kept while the vocabulary lives. */
export function matchersFor(vocabulary: Vocabulary): Matchers {
  let matchers = matcherCache.get(vocabulary);
  if (!matchers) {
    matchers = {
      priority: createPriorityMatcher(vocabulary),
      effortNames: new Set(vocabulary.effortFields),
      blockingMarker: createBlockingMatcher(vocabulary.blockingMarkers),
      ruleOn: (rule) => ruleOn(vocabulary, rule),
      effortSizes: new Map(Object.entries(vocabulary.effortSizes ?? {})),
    };
    matcherCache.set(vocabulary, matchers);
  }
  return matchers;
}

/** What every recogniser may read about the document being extracted. Read-only. */
export interface DocumentContext {
  /** Path of the document as reported (relative, `/` separators). */
  readonly path: string;
  /** The analysed text, for source lines and columns. */
  readonly source: SourceText;
  /** Sections in document order, root first. */
  readonly sections: readonly Section[];
  readonly matchers: Matchers;
}
