import type { Arbitrary } from 'fast-check';
import type { Report, ReportOptions } from '../src/model.js';
import type { DecodedText } from '../src/load/decode.js';
import type { LoadedDocument } from '../src/load/load.js';

/** Checklists of every kind: headings with priority words, nested task lists, fields, claims, emoji, code fences, random unicode. */
export const checklist: Arbitrary<string>;
/** Checklists whose non-ASCII text mojibake repair can restore (for the Windows-1252 twin). */
export const plausibleChecklist: Arbitrary<string>;
/** Bytes: a checklist with random bytes spliced in, or random bytes outright. */
export const checklistBytes: Arbitrary<Uint8Array>;
/** The Windows-1252 mojibake twin of a text. */
export function mojibakeTwin(text: string): string;

/** The pipeline the properties run on: src/ in the tests, dist/ in the fuzz run. */
export interface Pipeline {
  decodeMarkdown(bytes: Uint8Array): DecodedText;
  reportFromDocuments(documents: readonly LoadedDocument[], options: ReportOptions): Report;
  DEFAULT_REPORT_OPTIONS: ReportOptions;
}

/** The properties of issue 7; each throws an Error that says what broke. */
export function checklistProperties(pipeline: Pipeline): {
  invariants(bytes: Uint8Array): Report;
  deterministic(bytes: Uint8Array, other: Uint8Array): void;
  lineEndings(text: string): void;
  mojibake(text: string): void;
};
