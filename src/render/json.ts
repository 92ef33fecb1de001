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
 * file) whose concatenation is `JSON.stringify(report, null, 2) + '\n'`: a
 * report of 10,000 checklists is more text than one JavaScript string may
 * hold (V8's limit is about 512 MB), so the CLI writes the chunks one by one.
 */
export function renderJsonChunks(report: Report): string[] {
  // `files` is the report's last key: the head ends in `"files": []\n}`, and the files go between the brackets.
  const { files, ...head } = report;
  const headText = JSON.stringify({ ...head, files: [] }, null, 2);
  if (files.length === 0) return [`${headText}\n`];
  const chunks = [`${headText.slice(0, -'[]\n}'.length)}[\n`];
  files.forEach((file, i) => {
    const text = JSON.stringify(file, null, 2).replaceAll('\n', '\n    ');
    chunks.push(`    ${text}${i < files.length - 1 ? ',' : ''}\n`);
  });
  chunks.push('  ]\n}\n');
  return chunks;
}
