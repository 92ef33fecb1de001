/**
 * Hostile input (issue 7): every regular expression applied to file text is
 * free of super-linear backtracking, checked by scslre (the analyser behind
 * eslint-plugin-regexp's `no-super-linear-backtracking` and
 * `no-super-linear-move`), and inputs built to make the old patterns
 * backtrack — long runs of digits, dashes, spaces, tabs, `*` — finish in
 * well under a second. The rewritten patterns are checked against the
 * one-regex definitions they replaced, on short inputs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { analyse } from 'scslre';
import { describe, expect, it } from 'vitest';
import type { Nodes } from 'mdast';
import { findLineClaims } from '../src/extract/claims.js';
import { summaryMarker } from '../src/text/summary-marker.js';
import { parentheticalEffort, parseEffort } from '../src/extract/effort.js';
import { extractDocument } from '../src/extract/extract.js';
import { readField } from '../src/extract/fields.js';
import { createPriorityMatcher } from '../src/extract/priority.js';
import { leadingStatusEmoji, statusFieldValue, statusMarker } from '../src/extract/status.js';
import { sanitizeText } from '../src/extract/text.js';
import { buildVocabulary, negatedAt } from '../src/extract/vocabulary.js';
import { decodeMarkdown } from '../src/load/decode.js';
import type { LoadedDocument } from '../src/load/load.js';
import { DEFAULT_REPORT_OPTIONS } from '../src/model.js';
import { parseMarkdown } from '../src/parse/parse.js';
import { reportFromDocuments } from '../src/engine/engine.js';
import { summarize } from '../src/summarize/summarize.js';
import { ROOT } from './helpers.js';

const vocabulary = buildVocabulary();
const priority = createPriorityMatcher(vocabulary);

/** Every markdown input under fixtures/ (the seeds included). */
function fixtureFiles(): string[] {
  const dir = path.join(ROOT, 'fixtures');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.md$/.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}

function loaded(file: string, bytes: Uint8Array): LoadedDocument {
  const decoded = decodeMarkdown(bytes);
  return {
    path: path.relative(ROOT, file), absolutePath: file, text: decoded.text, bom: decoded.bom,
    skipped: decoded.binary, repairs: decoded.repairs, diagnostics: decoded.diagnostics,
  };
}

interface SeenRegExp {
  source: string;
  flags: string;
  /** Where it was run from: `src/extract/claims.ts` or `node_modules/micromark…`. */
  origin: string;
}

/**
 * Every regular expression run while reading `files`, found by wrapping
 * `RegExp.prototype.exec`, through which `test`, `match`, `replace` and
 * `split` go as well once it is replaced.
 */
function regexpsRunOn(files: readonly string[]): SeenRegExp[] {
  const seen = new Map<string, SeenRegExp>();
  const exec = RegExp.prototype.exec;
  let inside = false;
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    if (!inside) {
      inside = true; // the bookkeeping below runs regular expressions of its own
      const key = `/${this.source}/${this.flags}`;
      if (!seen.has(key)) {
        const frames = (new Error().stack ?? '').split('\n').slice(2);
        const caller = frames.find((frame) => frame.includes(ROOT) && !frame.includes('/test/')) ?? '';
        // `at f (/path:1:2)`, or `at /path:1:2` for an anonymous function.
        const where = /\((.*?):\d+:\d+\)$|^at (.*?):\d+:\d+$/.exec(caller.trim());
        const origin = where?.[1] ?? where?.[2] ?? caller;
        seen.set(key, { source: this.source, flags: this.flags, origin: path.relative(ROOT, origin) });
      }
      inside = false;
    }
    return exec.call(this, input);
  };
  try {
    const documents = files.map((file) => loaded(file, readFileSync(file)));
    reportFromDocuments(documents, DEFAULT_REPORT_OPTIONS, vocabulary);
  } finally {
    RegExp.prototype.exec = exec;
  }
  return [...seen.values()];
}

describe('regular expressions applied to file text', () => {
  const regexps = regexpsRunOn(fixtureFiles());

  it('are found in every extractor (the collection is not empty by accident)', () => {
    const origins = new Set(regexps.map((r) => r.origin));
    const modules = ['blocking', 'claims', 'document-claims', 'effort', 'fields', 'priority', 'status', 'text', 'vocabulary'];
    for (const module of [...modules, 'recognisers/forms', 'recognisers/heading', 'recognisers/marker']) {
      expect([...origins]).toContain(`src/extract/${module}.ts`);
    }
    // Titles are sanitised by the one sanitiser.
    expect([...origins]).toContain('src/text/sanitize.ts');
    expect(regexps.length).toBeGreaterThan(40);
  });

  it('have no super-linear backtracking or moves (scslre), ours and the libraries’ alike', () => {
    const flagged = regexps.flatMap(({ source, flags, origin }) =>
      analyse({ source, flags }).reports.map((report) => {
        const where = report.type === 'Trade' ? `${report.startQuant.raw} and ${report.endQuant.raw}` : report.quant.raw;
        return `${origin}: /${source}/${flags} — ${report.type} on ${JSON.stringify(report.character.pick)} at ${where}`;
      }),
    );
    expect(flagged).toEqual([]);
  });

  it('the checker does flag the patterns that were rewritten', () => {
    // The definitions before issue 7: a checker that passes these would prove nothing.
    const before = [
      String.raw`^\s*(\p{L}[\p{L}\p{N} _/&'’().-]{0,39}?)\s*:\s*(.*)$`,
      String.raw`[[(]\s*priority\s*[:#]?\s*([1-4])\s*[\])]`,
      String.raw`(?<![\p{L}\p{N}_.])~?\s*(\d+)(?:\s*(?:-|–|—|to)\s*~?\s*(\d+))?\s*(h|d)`,
      String.raw`^<!--\s*shipready:summary(?<attributes>(?:\s[^]*?)?)\s*-->$`,
      String.raw`[.!]+$`,
      String.raw`(?<!\/\s*)(?<a>\d+)\s+done`,
    ];
    for (const source of before) expect(analyse({ source, flags: 'iu' }).reports.length, source).toBeGreaterThan(0);
  });
});

/** Runs `fn` and returns how long it took, in milliseconds. */
function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

const N = 100_000;

/** Inputs of about `N` characters shaped to make patterns with overlapping quantifiers backtrack. */
const adversarial = (N: number): Record<string, string> => ({
  'digits': '1'.repeat(N),
  'digits then a space run': `1${' '.repeat(N)}x`,
  'dashes': '-'.repeat(N),
  'number-dash pairs': '1-'.repeat(N / 2),
  'spaces': ` ${' '.repeat(N)}x`,
  'tabs': `\t${'\t'.repeat(N)}\u0000`,
  'stars': '*'.repeat(N),
  'underscores': '_'.repeat(N),
  'tilde then spaces': `~${' '.repeat(N)}`,
  'a field name then spaces': `Effort${' '.repeat(N)}x`,
  'a field then spaces and a line break': `Effort:${' '.repeat(N)}\n`,
  'a priority tag then spaces': `(priority${' '.repeat(N)}x`,
  'a percentage then spaces': `1/2 done (5% a${' '.repeat(N)}x`,
  'unclosed durations': '(2h '.repeat(N / 4),
  'a range then spaces': `(1 -${' '.repeat(N)}x`,
  'many claims': '1/2 done (5%) '.repeat(N / 14),
  'negated markers': 'not blocker not critical '.repeat(N / 25),
  'full stops': `x${'!'.repeat(N)}.`,
  'a summary marker then spaces': `<!-- shipready:summary${' '.repeat(N)}x`,
  'many summary attributes': `<!-- shipready:summary${' paths=""'.repeat(N / 10)} -->`,
  'escape sequences': '\u001b['.repeat(N / 2),
});

describe('inputs built to backtrack finish in well under a second', () => {
  const budget = 1000; // ms; each case takes a few ms when linear, minutes when quadratic

  for (const [name, input] of Object.entries(adversarial(N))) {
    it(name, () => {
      const masks: Array<[number, number]> = Array.from({ length: N / 10 }, (_, i) => [i * 10, i * 10 + 3]);
      const elapsed = timed(() => {
        findLineClaims(input);
        findLineClaims(input, masks);
        parseEffort(input);
        parentheticalEffort(input);
        readField(input, 1);
        statusMarker(input);
        statusFieldValue(input);
        leadingStatusEmoji(input);
        priority.heading(input);
        priority.itemMarker(input);
        priority.fieldValue(input);
        sanitizeText(input);
        summaryMarker(input);
      });
      expect(elapsed).toBeLessThan(budget);
    });
  }

  it('the whole extraction, over items, headings, markers, fields and claims made of them', () => {
    // A quarter of the length: the input is in six places, and a line of 7,000 claims is a lot of honest work.
    for (const [name, input] of Object.entries(adversarial(N / 4))) {
      const elapsed = timed(() => extractHostile(input));
      expect(elapsed, name).toBeLessThan(budget);
    }
  });
});

const PLACEHOLDER = 'PLACEHOLDER';
const TEMPLATE = ['# Tasks', '', `### 1${PLACEHOLDER}`, '', `- [ ] ${PLACEHOLDER}`, '', '## Done', '', `- ✅ ${PLACEHOLDER}`, '', `Effort: ${PLACEHOLDER}`, '', PLACEHOLDER].join('\n');

/**
 * Extraction and summary of a checklist whose titles, fields and paragraph
 * hold `input`. The tree is parsed from the template and its placeholder
 * text nodes are given `input` afterwards: the markdown parser has worst
 * cases of its own (see test/load-bad-input.test.ts), kept out of this timing.
 */
function extractHostile(input: string): void {
  const tree = parseMarkdown(TEMPLATE);
  const visit = (node: Nodes): void => {
    if (node.type === 'text') node.value = node.value.replace(PLACEHOLDER, () => input);
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  const text = TEMPLATE.replaceAll(PLACEHOLDER, () => input);
  const document = extractDocument(tree, text, { path: 'hostile.md', vocabulary });
  summarize([{ document, diagnostics: [], skipped: false }], DEFAULT_REPORT_OPTIONS, '0.0.0');
}

describe('rewritten patterns match as their one-regex definitions did', () => {
  const alphabet = (...parts: string[]) => fc.array(fc.constantFrom(...parts), { maxLength: 14 }).map((p) => p.join(''));

  it('negatedAt', () => {
    const reference = /(?:^|[^\p{L}\p{N}_])(?:not|non|no|never)[\s-]+$/iu;
    fc.assert(
      fc.property(alphabet('not', 'NON', 'no', 'Never', 'x', '𝐀', 'é', '_', '1', ' ', '-', '\t', 'blocking'), fc.nat(), (text, n) => {
        const index = n % (text.length + 1);
        expect(negatedAt(text, index)).toBe(reference.test(text.slice(0, index)));
      }),
      { numRuns: 2000 },
    );
  });

  it('readField', () => {
    const reference = /^\s*(\p{L}[\p{L}\p{N} _/&'’().-]{0,39}?)\s*:\s*(.*)$/u;
    fc.assert(
      fc.property(alphabet('Effort', 'a', ' ', '  ', '\t', ':', '2h', '\n', '(x)', '.', '’', '1', '\u2028'), (text) => {
        const match = reference.exec(text);
        const field = readField(text, 1);
        if (!match) expect(field).toBeNull();
        else if (field) expect(field.value).toBe(match[2]!.trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('summaryMarker', () => {
    const reference = /^<!--\s*shipready:summary(?<attributes>(?:\s[^]*?)?)\s*-->$/;
    fc.assert(
      fc.property(alphabet('<!--', 'shipready:summary', ' ', '\n', '-->', 'paths="a"', "paths='b'", 'x', '='), (text) => {
        const value = text.trim();
        const isClose = /^<!--\s*\/\s*shipready:summary\s*-->$/.test(value);
        expect(summaryMarker(text) !== null).toBe(isClose || reference.test(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseEffort and parentheticalEffort', () => {
    const number = String.raw`\d+(?:[.,]\d+)?`;
    const unit = String.raw`minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|wk|w`;
    const duration = new RegExp(String.raw`(?<![\p{L}\p{N}_.])~?\s*(${number})(?:\s*(?:-|–|—|to)\s*~?\s*(${number}))?\s*(${unit})(?![\p{L}\p{N}_])`, 'iu');
    // Parentheses that hold a duration and nothing else (docs/rules.md#effort).
    const parenthesised = new RegExp(
      String.raw`\(((?:\s*(?:approx\.?|approximately|est\.?|estimated|about|~))*\s*~?\s*${number}(?:\s*(?:-|–|—|to)\s*~?\s*${number})?\s*(?:${unit})(?:\s+(?:each|per item|per task|apiece))?\s*)\)`,
      'iu',
    );
    fc.assert(
      fc.property(alphabet('(', ')', '2', '1.5', ' ', '~', '-', '–', 'to', 'h', 'min', 'days', 'x', 'each', '.', ','), (text) => {
        const match = duration.exec(text);
        const effort = parseEffort(text);
        expect(effort === null).toBe(match === null);
        if (match && effort) expect(effort.each).toBe(/^\s*(?:each|per item|per task|apiece)(?![\p{L}])/iu.test(text.slice(match.index + match[0].length)));
        const inner = parenthesised.exec(text)?.[1];
        expect(parentheticalEffort(text)).toEqual(inner === undefined ? null : parseEffort(inner));
      }),
      { numRuns: 2000 },
    );
  });
});
