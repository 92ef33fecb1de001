import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../src/text/source.js';

describe('SourceText', () => {
  it('splits at LF, CRLF and a lone CR alike', () => {
    const cr = new SourceText('# Tasks\r\r  ✅ first\r    ❌ second\r');
    expect(cr.lines()).toEqual(['# Tasks', '', '  ✅ first', '    ❌ second', '']);
    const mixed = new SourceText('a\r\nb\nc\rd');
    expect(mixed.lines()).toEqual(['a', 'b', 'c', 'd']);
    expect([mixed.lineBreak(1), mixed.lineBreak(2), mixed.lineBreak(3), mixed.lineBreak(4)]).toEqual(['\r\n', '\n', '\r', '']);
  });

  it('maps offsets to 1-based lines and back', () => {
    const text = new SourceText('ab\r\ncd\n\nef');
    expect([0, 1, 2, 3, 4, 6, 7, 8, 10].map((offset) => text.lineOf(offset))).toEqual([1, 1, 1, 1, 2, 2, 3, 4, 4]);
    expect([1, 2, 3, 4, 5].map((line) => text.offsetOf(line))).toEqual([0, 4, 7, 8, 10]);
    expect(text.line(2)).toBe('cd');
    expect(text.line(9)).toBe('');
  });

  it('lines and breaks put back together are the text, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', ' ', '\n', '\r', '\r\n', 'é', '✅')).map((parts) => parts.join('')), (raw) => {
        const text = new SourceText(raw);
        let joined = '';
        for (let n = 1; n <= text.lineCount; n++) joined += text.line(n) + text.lineBreak(n);
        expect(joined).toBe(raw);
        for (let n = 1; n <= text.lineCount; n++) expect(text.lineOf(text.offsetOf(n))).toBe(n);
      }),
    );
  });
});
