import type { FileReport, Report } from '../model.js';

/**
 * A serializer for `watch --format json`: each report as one compact JSON
 * document on one line (NDJSON), exactly `JSON.stringify(report) + '\n'`
 * and so the report schema (SPEC.md §8). The text of each file's part is
 * kept while that part is the same object, so an update serializes only the
 * files it rebuilt: on 1,000 files the whole line is some 20 MB, which
 * `JSON.stringify` takes hundreds of milliseconds to write from scratch.
 */
export function createNdjsonSerializer(): (report: Report) => string {
  const texts = new WeakMap<FileReport, string>();
  return (report) => {
    const { files, ...head } = report;
    const parts = files.map((file) => {
      let text = texts.get(file);
      if (text === undefined) texts.set(file, (text = JSON.stringify(file)));
      return text;
    });
    // `files` is the report's last key: the head ends in `"files":[]}`, and the cached parts go between the brackets.
    const headText = JSON.stringify({ ...head, files: [] });
    return `${headText.slice(0, -'[]}'.length)}[${parts.join(',')}]}\n`;
  };
}
