import type { Report, Totals } from '../model.js';
import { verdictNote } from '../render/format.js';
import { type GatePolicy, THRESHOLD_SCOPES, type ThresholdScope } from './policy.js';
import { plural } from '../words.js';

/** The rule a gate check applies. */
export type GateRule = 'blocking' | 'min-percent' | 'max-open' | 'stale-claims';

/** One rule applied to one scope, passed or failed. */
export interface GateCheck {
  rule: GateRule;
  /** The scope of a threshold; null for `blocking` and `stale-claims`. */
  scope: ThresholdScope | null;
  passed: boolean;
  /** What the check asks, e.g. `overall at least 80% done`, `at most 5 open high items`. */
  name: string;
  /** What was measured: blocking items, percent done (0–100), open items, stale claims. */
  actual: number;
  /** The limit it was held to; null for `blocking` and `stale-claims` (which allow none). */
  limit: number | null;
  /** One line, e.g. `overall 13.56% done, below the minimum of 80%`. */
  message: string;
}

/** The verdict of `shipready check`. */
export interface GateVerdict {
  /** True when every check passed. */
  ready: boolean;
  /** `--warn-only`: failures are reported, the exit code is 0. */
  warnOnly: boolean;
  /** Every check that was made, in a fixed order: blocking, min-percent, max-open, stale claims. */
  checks: GateCheck[];
  /** The failed checks, same order. */
  failures: GateCheck[];
}

/**
 * Holds a report to a gate policy. Pure. Readiness (no blocking item,
 * SPEC.md §5) is always checked; thresholds and stale claims only when the
 * policy asks. A percent threshold on a scope without items passes: there is
 * nothing left to do there.
 */
export function evaluateGate(report: Report, policy: GatePolicy): GateVerdict {
  const checks: GateCheck[] = [blockingCheck(report)];
  for (const scope of THRESHOLD_SCOPES) {
    const min = policy.minPercent[scope];
    if (min !== undefined) checks.push(minPercentCheck(scope, totalsOf(report, scope), min));
  }
  for (const scope of THRESHOLD_SCOPES) {
    const max = policy.maxOpen[scope];
    if (max !== undefined) checks.push(maxOpenCheck(scope, totalsOf(report, scope), max));
  }
  if (policy.failOnStale) {
    const stale = report.files.reduce((n, file) => n + file.claims.filter((claim) => claim.stale === true).length, 0);
    checks.push({
      rule: 'stale-claims',
      scope: null,
      passed: stale === 0,
      name: 'no stale claims',
      actual: stale,
      limit: null,
      message: stale === 0 ? 'no stale claims' : `${plural(stale, 'stale claim')}`,
    });
  }
  const failures = checks.filter((check) => !check.passed);
  return { ready: failures.length === 0, warnOnly: policy.warnOnly, checks, failures };
}

/** Exit code of a verdict (SPEC.md §8): 1 when a check failed, unless warn-only. */
export function gateExitCode(verdict: GateVerdict): 0 | 1 {
  return verdict.ready || verdict.warnOnly ? 0 : 1;
}

function blockingCheck(report: Report): GateCheck {
  const n = report.totals.blocking;
  return {
    rule: 'blocking',
    scope: null,
    passed: report.ready,
    name: 'no blocking items',
    actual: n,
    limit: null,
    message: report.ready ? 'no blocking items' : verdictNote(report),
  };
}

function minPercentCheck(scope: ThresholdScope, totals: Totals, min: number): GateCheck {
  const label = scope === 'overall' ? 'overall' : scope;
  const name = `${label} at least ${min}% done`;
  if (totals.items === 0) {
    return { rule: 'min-percent', scope, passed: true, name, actual: 0, limit: min, message: `${label}: no items (minimum ${min}% done)` };
  }
  // Compare the exact share, not the rounded `percent` (79.996 must not pass 80).
  const passed = (totals.done * 100) / totals.items >= min;
  const message = passed
    ? `${label} ${totals.percent}% done (minimum ${min}%)`
    : `${label} ${totals.percent}% done (${totals.done}/${totals.items}), below the minimum of ${min}%`;
  return { rule: 'min-percent', scope, passed, name, actual: totals.percent, limit: min, message };
}

function maxOpenCheck(scope: ThresholdScope, totals: Totals, max: number): GateCheck {
  const what = scope === 'overall' ? plural(totals.open, 'item') : plural(totals.open, `${scope} item`);
  const passed = totals.open <= max;
  const name = `at most ${max} open ${scope === 'overall' ? '' : `${scope} `}item${max === 1 ? '' : 's'}`;
  const message = passed ? `${what} open (maximum ${max})` : `${what} open, above the maximum of ${max}`;
  return { rule: 'max-open', scope, passed, name, actual: totals.open, limit: max, message };
}

function totalsOf(report: Report, scope: ThresholdScope): Totals {
  return scope === 'overall' ? report.totals : report.byPriority[scope];
}

