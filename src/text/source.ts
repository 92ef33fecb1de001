/**
 * One source of positions for every stage: a text with the offsets where its
 * lines start, split by CommonMark's line endings (`\n`, `\r\n` and a lone
 * `\r`). Load, parse, extract and fix map offsets to lines through this, so a
 * file saved with old-Mac CR-only endings reads as the LF file does.
 * See docs/rules.md, "Lines and positions".
 */
export class SourceText {
  /** The whole text, exactly as given. */
  readonly text: string;
  /** Offset (UTF-16 code units) of the first character of each line; `lineStarts[0]` is 0. */
  readonly lineStarts: readonly number[];

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) starts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  /** Number of lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line of an offset (0 ≤ offset ≤ text length; clamped otherwise). */
  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Offset of the start of a 1-based line; the text's length past the last line. */
  offsetOf(line: number): number {
    return line >= 1 && line <= this.lineStarts.length ? this.lineStarts[line - 1]! : line < 1 ? 0 : this.text.length;
  }

  /** The text of a 1-based line without its line break ('' outside the text). */
  line(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line - 1]!, this.lineEnd(line));
  }

  /** Offset just past a 1-based line's content, before its line break. */
  lineEnd(line: number): number {
    if (line >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line]!;
    return this.text.charCodeAt(next - 1) === 0x0a && this.text.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  }

  /** The line break that ends a 1-based line: `\n`, `\r\n`, `\r`, or '' for the last line. */
  lineBreak(line: number): string {
    if (line < 1 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineEnd(line), this.lineStarts[line]!);
  }

  /** Every line without its break, in order (`lines().length === lineCount`). */
  lines(): string[] {
    const out: string[] = [];
    for (let n = 1; n <= this.lineStarts.length; n++) out.push(this.line(n));
    return out;
  }
}
