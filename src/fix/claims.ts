/**
 * Planning the rewrite of stale claims (docs/rules.md, "Claims"): for every claim that
 * is `stale: true`, the numbers that disagree with what was counted are
 * replaced by the counted value in the author's form. Claims that agree or
 * cannot be checked (`stale: null`) are never touched. Pure.
 */
import type { ClaimNumbers, ClaimReport, Diagnostic, FileReport } from '../model.js';
import { SourceText } from '../text/source.js';
import { applyEdits, type TextEdit } from './bytes.js';
import { formatLike, numberValue } from './numbers.js';

/** One stale claim and how `fix` rewrites it. */
export interface ClaimFix {
  claim: ClaimReport;
  /** The claim as written, e.g. `7/10 incomplete`. */
  before: string;
  /** The claim as rewritten, e.g. `7/7 incomplete`. */
  after: string;
  /** Edits of the analysed text: one per rewritten number. */
  edits: TextEdit[];
}

/** The claim rewrites of one file, and claims that could not be planned. */
export interface ClaimPlan {
  fixes: ClaimFix[];
  /** Stale claims `fix` leaves alone, with the reason (a claim whose numbers are not where the report says). */
  diagnostics: Diagnostic[];
}

/**
 * Plans the rewrite of every stale claim of `file`. `text` is the analysed
 * text the report was made from; positions are checked against it, so a
 * report that does not match the text plans nothing for that claim.
 */
export function planClaimFixes(file: FileReport, text: string): ClaimPlan {
  // Lines as the report counts them (docs/rules.md, "Lines and positions").
  const lines = new SourceText(text).lineStarts;
  const offset = (line: number, column: number): number | null => {
    const start = lines[line - 1];
    return start === undefined ? null : start + column - 1;
  };
  const fixes: ClaimFix[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const claim of file.claims) {
    if (claim.stale !== true || claim.counted === null) continue;
    const edits: TextEdit[] = [];
    let problem = claim.numbers === undefined || claim.numbers.length === 0;
    for (const span of claim.numbers ?? []) {
      const start = offset(span.line, span.column);
      const end = offset(span.line, span.endColumn);
      const written = start === null || end === null ? '' : text.slice(start, end);
      const claimed = claim.claimed[span.key];
      const counted = claim.counted[span.key];
      if (start === null || end === null || claimed === undefined || counted === undefined || numberValue(written) !== claimed) {
        problem = true;
        break;
      }
      if (!differs(span.key, claimed, counted)) continue;
      const replacement = formatLike(written, counted);
      if (replacement !== written) edits.push({ start, end, text: replacement });
    }
    if (problem) {
      diagnostics.push({
        line: claim.line,
        severity: 'warning',
        message: `stale claim \`${claim.text}\` not rewritten: its numbers are not where the report says; please report this`,
      });
      continue;
    }
    if (edits.length === 0) continue;
    const claimStart = offset(claim.line, claim.column)!;
    const claimEnd = offset(claim.endLine, claim.endColumn)!;
    const before = text.slice(claimStart, claimEnd);
    const after = applyEdits(before, edits.map((e) => ({ ...e, start: e.start - claimStart, end: e.end - claimStart })));
    fixes.push({ claim, before, after, edits });
  }
  return { fixes, diagnostics };
}

/** Counts are rewritten when they differ; a percentage of a stale claim always is (it is the claim's only number). */
function differs(key: keyof ClaimNumbers, claimed: number, counted: number): boolean {
  return key.endsWith('Percent') ? true : claimed !== counted;
}
