import type { Findings, GateCheck, GateVerdict, Report, Totals } from '../model.js';
import { PRIORITIES } from '../model.js';
import { findingsOf } from './findings.js';
import { DEFAULT_GATE_POLICY, type GatePolicy, THRESHOLD_SCOPES, type ThresholdScope } from './policy.js';

export type { GateCheck, GateRule, GateVerdict } from '../model.js';

/** What a run's outputs are told besides the report: the verdict and the findings, each computed once. */
export interface GateOutcome {
  verdict: GateVerdict;
  findings: Findings;
}

/**
 * Holds a report to a gate policy. Pure. Readiness (no blocking item,
 * docs/rules.md "Blocking") is always checked; thresholds and stale claims
 * only when the policy asks. A percent threshold on a scope without items
 * passes: there is nothing left to do there.
 */
export function evaluateGate(report: Report, policy: GatePolicy, ratchet?: GateCheck): GateVerdict {
  // With `--since`, the ratchet takes the place of readiness (README.md#check---since).
  const checks: GateCheck[] = [ratchet ?? { rule: 'blocking', scope: null, passed: report.ready, actual: report.totals.blocking, limit: null }];
  for (const scope of THRESHOLD_SCOPES) {
    const min = policy.minPercent[scope];
    if (min !== undefined) checks.push(minPercentCheck(scope, totalsOf(report, scope), min));
  }
  for (const scope of THRESHOLD_SCOPES) {
    const max = policy.maxOpen[scope];
    if (max !== undefined) {
      const open = totalsOf(report, scope).open;
      checks.push({ rule: 'max-open', scope, passed: open <= max, actual: open, limit: max });
    }
  }
  if (policy.failOnStale) {
    const stale = report.files.reduce((n, file) => n + file.claims.filter((claim) => claim.stale === true).length, 0);
    checks.push({ rule: 'stale-claims', scope: null, passed: stale === 0, actual: stale, limit: null });
  }
  if (policy.failOnEmpty) {
    checks.push({ rule: 'not-empty', scope: null, passed: report.totals.items > 0, actual: report.totals.items, limit: null });
  }
  if (policy.failOnOverdue !== null) {
    const lowest = PRIORITIES.indexOf(policy.failOnOverdue);
    const overdue = report.files.reduce((n, file) => n + file.items.filter((item) => item.overdue && PRIORITIES.indexOf(item.priority) <= lowest).length, 0);
    checks.push({ rule: 'overdue', scope: policy.failOnOverdue, passed: overdue === 0, actual: overdue, limit: null });
  }
  const failures = checks.filter((check) => !check.passed);
  return { ready: failures.length === 0, warnOnly: policy.warnOnly, checks, failures };
}

/**
 * The verdict and the findings of a run, for the render context: the
 * command evaluates this once and every format reads it. Without a policy,
 * readiness alone ({@link DEFAULT_GATE_POLICY}), as `report` and `list` use.
 */
export function gateOutcome(report: Report, policy: GatePolicy = DEFAULT_GATE_POLICY, ratchet?: GateCheck): GateOutcome {
  return { verdict: evaluateGate(report, policy, ratchet), findings: findingsOf(report) };
}

/** Exit code of a verdict: 1 when a check failed, unless warn-only. */
export function gateExitCode(verdict: GateVerdict): 0 | 1 {
  return verdict.ready || verdict.warnOnly ? 0 : 1;
}

function minPercentCheck(scope: ThresholdScope, totals: Totals, min: number): GateCheck {
  if (totals.items === 0) return { rule: 'min-percent', scope, passed: true, actual: 0, limit: min };
  // Compare the exact share, not the rounded `percent` (79.996 must not pass 80).
  const passed = (totals.done * 100) / totals.items >= min;
  return { rule: 'min-percent', scope, passed, actual: totals.percent, limit: min };
}

/** The totals a threshold of `scope` is held to: the report's, or one priority level's. */
export function totalsOf(report: Report, scope: ThresholdScope): Totals {
  return scope === 'overall' ? report.totals : report.byPriority[scope];
}
