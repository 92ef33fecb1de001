import type { Finding, GateCheck, GateVerdict, Report, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import { plural } from '../words.js';
import { claimText, describeCounted } from './format.js';

/**
 * The wording of the verdict, of each gate check and of each finding: one
 * sentence for every format and for stderr (docs/architecture.md, "Output
 * contract"). The gate decides; these say it.
 */

/** `READY`, `NOT READY` or, with `--warn-only`, `NOT READY (warn-only)`. */
export function verdictHead(verdict: GateVerdict): string {
  if (verdict.ready) return 'READY';
  return verdict.warnOnly ? 'NOT READY (warn-only)' : 'NOT READY';
}

/**
 * What follows the head: when ready, `no blocking items (4 open)` (the count
 * left out when nothing is open); else what failed, joined by `; `:
 * `24 blocking items open (critical); overall 13.56% done (8/59), below the minimum of 80%`.
 */
export function verdictReason(report: Report, verdict: GateVerdict): string {
  const since = verdict.checks.find((check) => check.rule === 'since');
  if (verdict.ready && since !== undefined) return checkMessage(since, report);
  if (verdict.ready) return report.totals.open > 0 ? `no blocking items (${report.totals.open} open)` : 'no blocking items';
  return verdict.failures.map((check) => checkMessage(check, report)).join('; ');
}

/**
 * The verdict sentence, the same in every format and on stderr:
 * `READY — no blocking items (4 open)`,
 * `NOT READY — 24 blocking items open (critical)`.
 */
export function verdictSentence(report: Report, verdict: GateVerdict): string {
  return `${verdictHead(verdict)} — ${verdictReason(report, verdict)}`;
}

/** What a check asks, e.g. `no blocking items`, `overall at least 80% done`, `at most 5 open high items`. */
export function checkName(check: GateCheck): string {
  switch (check.rule) {
    case 'blocking':
      return 'no blocking items';
    case 'min-percent':
      return `${check.scope} at least ${check.limit}% done`;
    case 'max-open':
      return `at most ${check.limit} open ${check.scope === 'overall' ? '' : `${check.scope} `}item${check.limit === 1 ? '' : 's'}`;
    case 'stale-claims':
      return 'no stale claims';
    case 'not-empty':
      return 'at least one item';
    case 'since':
      return `nothing made worse since ${check.since?.ref ?? 'the base'}`;
    case 'overdue':
      return `no overdue ${check.scope === 'none' ? '' : `${check.scope}+ `}items`;
  }
}

/**
 * What a check found, one line: `24 blocking items open (critical)`,
 * `overall 13.56% done (8/59), below the minimum of 80%`,
 * `63 high items open, above the maximum of 5`, `41 stale claims`.
 */
export function checkMessage(check: GateCheck, report: Report): string {
  switch (check.rule) {
    case 'blocking': {
      if (check.passed) return 'no blocking items';
      const levels = PRIORITIES.filter((level) => report.byPriority[level].blocking > 0).join(', ');
      return `${plural(check.actual, 'blocking item')} open (${levels})`;
    }
    case 'min-percent': {
      const totals = scopeTotals(report, check);
      if (totals.items === 0) return `${check.scope}: no items (minimum ${check.limit}% done)`;
      return check.passed
        ? `${check.scope} ${check.actual}% done (minimum ${check.limit}%)`
        : `${check.scope} ${check.actual}% done (${totals.done}/${totals.items}), below the minimum of ${check.limit}%`;
    }
    case 'max-open': {
      const what = check.scope === 'overall' ? plural(check.actual, 'item') : plural(check.actual, `${check.scope} item`);
      return check.passed ? `${what} open (maximum ${check.limit})` : `${what} open, above the maximum of ${check.limit}`;
    }
    case 'stale-claims':
      return check.actual === 0 ? 'no stale claims' : plural(check.actual, 'stale claim');
    case 'not-empty':
      return check.passed ? plural(check.actual, 'item') : 'no checklist items found (--fail-on-empty)';
    case 'since': {
      const ref = check.since?.ref ?? 'the base';
      const already = check.since?.alreadyOpen ?? 0;
      const open = already > 0 ? ` (${plural(already, 'blocking item')} already open there)` : '';
      return check.passed
        ? `nothing made worse since ${ref}${open}`
        : `${plural(check.actual, 'item')} made worse since ${ref}: blocking added or reopened${open}`;
    }
    case 'overdue': {
      const what = check.scope === 'none' ? 'overdue item' : `overdue ${check.scope}+ item`;
      return check.actual === 0 ? `no ${what}s` : `${plural(check.actual, what)} open`;
    }
  }
}

function scopeTotals(report: Report, check: GateCheck): Totals {
  return check.scope === null || check.scope === 'overall' ? report.totals : report.byPriority[check.scope];
}

/** A finding's short heading: `Blocking item (critical)`, `Blocking item (low, blocking marker)`, `Stale claim`. */
export function findingTitle(finding: Finding): string {
  if (finding.item === null) return 'Stale claim';
  return `Blocking item (${finding.byMarker ? `${finding.item.priority}, blocking marker` : finding.item.priority})`;
}

/**
 * A finding in one line: the item's title (with its status when it is not
 * `todo`: `… [in progress]`), or `"7/10 incomplete" but counted 7 of 7 open`.
 */
export function findingMessage(finding: Finding): string {
  if (finding.item !== null) {
    const { item } = finding;
    return item.status === 'todo' ? item.title : `${item.title} [${item.status.replace('_', ' ')}]`;
  }
  return `"${claimText(finding.claim!)}" but counted ${describeCounted(finding.claim!.counted)}`;
}

/**
 * What was read (README.md#scale): `7,425 files read, 3 with items`, and
 * `, 2 skipped` when files were not analysed.
 */
export function scannedSentence(report: Pick<Report, 'scanned'>): string {
  const { files, withItems, skipped } = report.scanned;
  const n = (value: number): string => value.toLocaleString('en-US');
  return `${n(files)} ${files === 1 ? 'file' : 'files'} read, ${n(withItems)} with items${skipped > 0 ? `, ${n(skipped)} skipped` : ''}`;
}
