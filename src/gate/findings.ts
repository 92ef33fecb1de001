import type { ClaimReport, Item, Report } from '../model.js';
import { atOrAbove } from '../model.js';

/**
 * What a CI output points at in a file: an open blocking item (an error) or
 * a stale claim (a warning). Computed once per run and handed to every
 * format in the render context (docs/architecture.md, "Output contract"); the
 * wording of a finding is the renderers' (render/verdict.ts).
 */
export interface Finding {
  kind: 'blocking' | 'stale-claim';
  /** Relative to the working directory, `/` separators. */
  path: string;
  /** 1-based line and column of the start. */
  line: number;
  column: number;
  /** 1-based end line and the column just past the end, when known (claims). */
  endLine: number | null;
  endColumn: number | null;
  /** Blocking findings: true when the item blocks only by its blocking marker, not by its priority. */
  byMarker: boolean;
  /** The item, for blocking findings. */
  item: Item | null;
  /** The claim, for stale-claim findings. */
  claim: ClaimReport | null;
}

/** The findings of a report, each list in file then line order. */
export interface Findings {
  /** Open blocking items (docs/rules.md, "Blocking"). */
  blocking: Finding[];
  /** Claims known to be stale, not the unverifiable ones (docs/rules.md, "Claims"). */
  stale: Finding[];
}

/** The findings of a report. Pure. */
export function findingsOf(report: Report): Findings {
  return { blocking: blockingFindings(report), stale: staleFindings(report) };
}

/** Open blocking items of a report, in file then line order. */
export function blockingFindings(report: Report): Finding[] {
  return report.files.flatMap((file) =>
    file.items
      .filter((item) => item.blocking)
      .map((item) => ({
        kind: 'blocking' as const,
        path: file.path,
        line: item.line,
        column: item.column,
        endLine: null,
        endColumn: null,
        byMarker: !atOrAbove(item.priority, report.options.failOn),
        item,
        claim: null,
      })),
  );
}

/** Claims known to be stale (not the unverifiable ones), in file then line order. */
export function staleFindings(report: Report): Finding[] {
  return report.files.flatMap((file) =>
    file.claims
      .filter((claim) => claim.stale === true)
      .map((claim) => ({
        kind: 'stale-claim' as const,
        path: file.path,
        line: claim.line,
        column: claim.column,
        endLine: claim.endLine,
        endColumn: claim.endColumn,
        byMarker: false,
        item: null,
        claim,
      })),
  );
}
