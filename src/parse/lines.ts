/**
 * A text split into lines with their breaks kept: lines at even indices, the
 * line break after each (`\r\n`, `\r` or `\n`) at the odd index after it, so
 * `parts.join('')` is the text again and line `n` (1-based) is `parts[2n − 2]`.
 * The guards rewrite lines in place this way without moving an offset.
 */
export function splitLinesKeepingBreaks(text: string): string[] {
  return text.split(/(\r\n|\r|\n)/);
}
