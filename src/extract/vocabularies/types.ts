/**
 * One language's words (docs/rules.md#other-languages): priority levels, the
 * heading words that name work or progress, and the completion words of
 * claims. Plain data, one file per language; `vocabulary.ts` merges them.
 */
export interface LanguageWords {
  /** BCP 47 language tag (`de`, `ko`). */
  readonly language: string;
  /** Where the lists came from (dictionaries, tools' own translations, style guides). */
  readonly sources: readonly string[];
  /**
   * Level words that count wherever they stand as whole words
   * (`kritisch`, `Blocker`, `긴급`).
   */
  readonly levels: Readonly<Record<'critical' | 'high' | 'medium' | 'low', readonly string[]>>;
  /**
   * Level words that are everyday adjectives: a level only when they stand
   * alone, follow a priority noun (`Priorität hoch`, `prioridad alta`) or are
   * followed by one (`hohe Priorität`); `hoch performant` sets nothing.
   */
  readonly adjectives: Readonly<Record<'critical' | 'high' | 'medium' | 'low', readonly string[]>>;
  /** Nouns for "priority" (`Priorität`, `priorité`, `우선순위`, `优先级`). */
  readonly priorityNouns: readonly string[];
  /** Heading words that name work (`Aufgaben`, `할 일`). */
  readonly workWords: readonly string[];
  /** Heading words that name progress or a state (`erledigt`, `진행 중`, `完了`). */
  readonly progressWords: readonly string[];
  /** Claim words for the done side (`erledigt`, `완료`). */
  readonly doneWords: readonly string[];
  /** Claim words for the open side (`offen`, `남음`). */
  readonly openWords: readonly string[];
  /** Claim words for progress as a done share (`Fortschritt`, `진행률`). */
  readonly progressClaimWords: readonly string[];
  /**
   * The script has no spaces between words (Chinese, Japanese): level
   * characters count only in a priority form (`优先级：高`, `【高】`, `(高)`),
   * and work words are found inside longer runs of text.
   */
  readonly unspaced: boolean;
  /**
   * False friends checked and how they are handled, for review: a word that
   * is a level here and ordinary prose elsewhere is kept out of `levels`.
   */
  readonly reviewed: readonly string[];
}
