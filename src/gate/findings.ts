import type { ClaimReport, Item, Priority, Report } from '../model.js';
import { PRIORITIES } from '../model.js';
import { claimText, describeCounted } from '../render/format.js';

/**
 * What a CI output points at in a file: an open blocking item (an error) or
 * a stale claim (a warning). Every CI format (text, github, junit, sarif)
 * takes its locations and wording from here, so they say the same thing.
 */
export interface Finding {
  kind: 'blocking' | 'stale-claim';
  /** Relative to the working directory, `/` separators (SPEC.md §8). */
  path: string;
  /** 1-based line and column of the start. */
  line: number;
  column: number;
  /** 1-based end line and the column just past the end, when known (claims). */
  endLine: number | null;
  endColumn: number | null;
  /** A short heading: `Blocking item (critical)`, `Stale claim`. */
  title: string;
  /** One line: the item's title, or what the claim says and what was counted. */
  message: string;
  /** The item, for blocking findings. */
  item: Item | null;
  /** The claim, for stale-claim findings. */
  claim: ClaimReport | null;
}

/** Open blocking items of a report, in file then line order (SPEC.md §5). */
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
        title: `Blocking item (${blockingReason(item, report.options.failOn)})`,
        message: item.status === 'todo' ? item.title : `${item.title} [${item.status.replace('_', ' ')}]`,
        item,
        claim: null,
      })),
  );
}

/** Claims known to be stale (not the unverifiable ones), in file then line order (SPEC.md §6). */
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
        title: 'Stale claim',
        message: describeStaleClaim(claim),
        item: null,
        claim,
      })),
  );
}

/** `"7/10 incomplete" but counted 7 of 7 open`, in the wording of the other renderers. */
export function describeStaleClaim(claim: ClaimReport): string {
  return `"${claimText(claim)}" but counted ${describeCounted(claim.counted)}`;
}

/** Why an item blocks: its priority when at or above fail-on, else its own marker. */
function blockingReason(item: Item, failOn: Priority): string {
  const rank = (level: Priority): number => PRIORITIES.indexOf(level);
  return failOn !== 'none' && rank(item.priority) <= rank(failOn) ? item.priority : `${item.priority}, blocking marker`;
}
