import type { Renderer } from './types.js';

/**
 * `--format json`: exactly one JSON document (SPEC.md §8), two-space indent,
 * keys in the model's fixed order, a trailing newline.
 */
export const renderJson: Renderer = (report) => `${JSON.stringify(report, null, 2)}\n`;
