import type { Report, Totals } from '../model.js';
import { type Findings, findingsOf } from './findings.js';
import { DEFAULT_GATE_POLICY, type GatePolicy, THRESHOLD_SCOPES, type ThresholdScope } from './policy.js';

/** The rule a gate check applies. */
export type GateRule = 'blocking' | 'min-percent' | 'max-open' | 'stale-claims';

/**
 * One rule applied to one scope, passed or failed. Data only: what a check
 * is called and what it says is the renderers' wording (render/verdict.ts).
 */
export interface GateCheck {
  rule: GateRule;
  /** The scope of a threshold; null for `blocking` and `stale-claims`. */
  scope: ThresholdScope | null;
  passed: boolean;
  /** What was measured: blocking items, percent done (0–100), open items, stale claims. */
  actual: number;
  /** The limit it was held to; null for `blocking` and `stale-claims` (which allow none). */
  limit: number | null;
}

/** The verdict of a run: `shipready check`'s policy, or readiness alone for the other commands. */
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
export function evaluateGate(report: Report, policy: GatePolicy): GateVerdict {
  const checks: GateCheck[] = [{ rule: 'blocking', scope: null, passed: report.ready, actual: report.totals.blocking, limit: null }];
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
  const failures = checks.filter((check) => !check.passed);
  return { ready: failures.length === 0, warnOnly: policy.warnOnly, checks, failures };
}

/**
 * The verdict and the findings of a run, for the render context: the
 * command evaluates this once and every format reads it. Without a policy,
 * readiness alone ({@link DEFAULT_GATE_POLICY}), as `report` and `list` use.
 */
export function gateOutcome(report: Report, policy: GatePolicy = DEFAULT_GATE_POLICY): GateOutcome {
  return { verdict: evaluateGate(report, policy), findings: findingsOf(report) };
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
