import type { FileReport, Report } from '../model.js';

/**
 * A serializer for `watch --format json`: each report as one compact JSON
 * document on one line (NDJSON), given as the chunks whose concatenation is
 * `JSON.stringify(report) + '\n'` in UTF-8, so each line is the report
 * schema (docs/rules.md#exit-codes).
 *
 * Each file's part is encoded once and kept while it is the same object, so
 * an update encodes only the files it rebuilt, and the chunks are written as
 * they are (one `writev`), never joined. On 1,000 files a line is some 20 MB
 * of text with emoji in it; stringifying and encoding it whole took 100–500
 * ms on the development machine, and joining it 5–20 ms plus the garbage
 * collection of 20 MB per save.
 */
export function createNdjsonSerializer(): (report: Report) => Buffer[] {
  const encoded = new WeakMap<FileReport, Buffer>();
  const comma = Buffer.from(',');
  return (report) => {
    const { files, ...head } = report;
    // `files` is the report's last key: its head ends in `"files":[]}`, and the parts go between the brackets.
    const headText = JSON.stringify({ ...head, files: [] });
    const chunks: Buffer[] = [Buffer.from(`${headText.slice(0, -']}'.length)}`)];
    files.forEach((file, i) => {
      let bytes = encoded.get(file);
      if (bytes === undefined) encoded.set(file, (bytes = Buffer.from(JSON.stringify(file))));
      if (i > 0) chunks.push(comma);
      chunks.push(bytes);
    });
    chunks.push(Buffer.from(']}\n'));
    return chunks;
  };
}
