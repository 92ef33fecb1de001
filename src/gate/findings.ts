import type { Finding, Findings, Report } from '../model.js';
import { atOrAbove } from '../model.js';

export type { Finding, Findings } from '../model.js';

/**
 * The findings of a report. Pure. Computed once per run and handed to every
 * format in the render context (docs/architecture.md, "Output contract").
 */
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
