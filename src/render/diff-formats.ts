/**
 * `diff`'s `--format` names; the first is the default. Kept apart from the
 * renderers (`diff.ts`, which `diffFormats` keys by these names) so that the
 * command line can offer them without loading the markdown serialiser
 * (docs/architecture.md#start-up).
 */
export const DIFF_FORMATS = ['table', 'json', 'markdown'] as const;

/** One of {@link DIFF_FORMATS}. */
export type DiffFormat = (typeof DIFF_FORMATS)[number];
