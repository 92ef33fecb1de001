/**
 * Property tests of issue 7 on generated checklists (scripts/checklists.js,
 * shared with the 100,000-document fuzz run `npm run fuzz`): extraction never
 * throws and its sums add up, the same bytes give the same JSON, CRLF and LF
 * give the same report, and a file and its Windows-1252 mojibake twin give
 * the same counts. Modest run counts keep `npm test` quick.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { checklist, checklistBytes, checklistProperties, plausibleChecklist } from '../scripts/checklists.js';
import { decodeMarkdown } from '../src/load/decode.js';
import { DEFAULT_REPORT_OPTIONS } from '../src/model.js';
import { reportFromDocuments } from '../src/engine/engine.js';

const properties = checklistProperties({ decodeMarkdown, reportFromDocuments, DEFAULT_REPORT_OPTIONS });
const RUNS = { numRuns: 150 };

describe('generated checklists', () => {
  it('extraction never throws; items = done + open; per-priority sums equal the totals', () => {
    fc.assert(fc.property(checklist, (text) => void properties.invariants(Buffer.from(text))), RUNS);
  });

  it('random unicode and bytes: the same, binary files and invalid UTF-8 included', () => {
    fc.assert(fc.property(checklistBytes, (bytes) => void properties.invariants(bytes)), RUNS);
  });

  it('re-running on the same bytes gives the same JSON, also after another document', () => {
    fc.assert(fc.property(checklistBytes, checklist, (bytes, other) => properties.deterministic(bytes, Buffer.from(other))), RUNS);
  });

  it('LF, CRLF and CR-only versions of a file give the same report', () => {
    fc.assert(fc.property(checklist, (text) => properties.lineEndings(text)), RUNS);
  });

  it('a file and its Windows-1252 mojibake twin give the same counts and titles', () => {
    fc.assert(fc.property(plausibleChecklist, (text) => properties.mojibake(text)), RUNS);
  });
});
