/**
 * OSC 8 terminal hyperlinks (https://gist.github.com/egmontkob/eb114294efbcd5adb1944c9f3cb5feaf),
 * as ESLint's and Vitest's reporters write them: `shown` stays the visible
 * text (string-width counts the escape codes as zero columns), the link
 * opens `path` (relative to `base`, a `file://` URL ending in `/`), at
 * `line` where the terminal supports `#L` fragments… most ignore them.
 */
export function fileLink(shown: string, base: string, path: string, line?: number): string {
  const target = new URL(path.split('/').map(encodeURIComponent).join('/'), base).href;
  const url = line === undefined ? target : `${target}#L${line}`;
  return `\u001B]8;;${url}\u0007${shown}\u001B]8;;\u0007`;
}
