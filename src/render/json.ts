import type { Report } from '../model.js';
import type { Renderer } from './types.js';

/**
 * `--format json`: exactly one JSON document (the schema in
 * schema/report.schema.json), two-space indent, keys in the model's fixed
 * order, a trailing newline; as chunks, see {@link renderJsonChunks}.
 */
export const renderJson: Renderer = ({ report }) => renderJsonChunks(report);

/**
 * The document of {@link renderJson} as chunks (the head, then one per
 * file, a file of more than {@link ITEMS_PER_CHUNK} items in several) whose
 * concatenation is `JSON.stringify(report, null, 2) + '\n'`: a report of
 * 10,000 checklists, or one checklist of 100,000 items, is more text than
 * one JavaScript string should hold (V8's limit is about 512 MB), so the
 * CLI writes the chunks one by one.
 */
export function renderJsonChunks(report: Report): string[] {
  // `files` is the report's last key: the head ends in `"files": []\n}`, and the files go between the brackets.
  const { files, ...head } = report;
  const headText = JSON.stringify({ ...head, files: [] }, null, 2);
  if (files.length === 0) return [`${headText}\n`];
  const chunks = [`${headText.slice(0, -'[]\n}'.length)}[\n`];
  files.forEach((file, i) => {
    const comma = i < files.length - 1 ? ',' : '';
    if (file.items.length <= ITEMS_PER_CHUNK) {
      chunks.push(`${atDepth([file], 2)}${comma}\n`);
      return;
    }
    // The file without its items, cut where they go: `"items": []` is the one line at the file's own key depth.
    const text = atDepth([{ ...file, items: [] }], 2);
    const marker = '\n      "items": []';
    const cut = text.indexOf(marker) + marker.length - 1;
    chunks.push(`${text.slice(0, cut)}\n`);
    for (let k = 0; k < file.items.length; k += ITEMS_PER_CHUNK) {
      const last = k + ITEMS_PER_CHUNK >= file.items.length;
      chunks.push(`${atDepth(file.items.slice(k, k + ITEMS_PER_CHUNK), 4)}${last ? '' : ','}\n`);
    }
    chunks.push(`      ${text.slice(cut)}${comma}\n`);
  });
  chunks.push('  ]\n}\n');
  return chunks;
}

/** Items per chunk of a big file's part of the JSON report. */
export const ITEMS_PER_CHUNK = 1000;

/**
 * `values` as `JSON.stringify` with a two-space indent writes them as the
 * elements of an array at `depth - 1` (each line indented for `depth`),
 * separated by `,\n`, without the brackets: stringified inside `depth - 1`
 * wrapping arrays, whose lines are cut off (the `[` lines before and the
 * `]` lines after are `depth * (depth + 1)` code units each way), so the
 * text is made in one pass, not re-indented.
 */
function atDepth(values: readonly unknown[], depth: number): string {
  let wrapped: unknown = values;
  for (let d = 1; d < depth; d++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  const cut = depth * (depth + 1);
  return text.slice(cut, text.length - cut);
}
