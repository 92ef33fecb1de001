import type { ShipreadyConfig, ThresholdScope } from '../config/validate.js';
import { UsageError } from '../errors.js';
import { type Priority, PRIORITIES } from '../model.js';

export type { ThresholdScope } from '../config/validate.js';

/** Threshold scopes in display order: `overall`, then the priority levels, highest first. */
export const THRESHOLD_SCOPES = ['overall', ...PRIORITIES] as const satisfies readonly ThresholdScope[];

/** A limit per scope; a scope without a key has no limit. */
export type Thresholds = Partial<Record<ThresholdScope, number>>;

/**
 * What `shipready check` holds a report to, beyond readiness itself
 * (docs/rules.md#blocking-and-readiness: ready means no blocking item; `--fail-on` is a report option).
 */
export interface GatePolicy {
  /** Minimum share done, percent 0–100, per scope (`--min-percent`). */
  minPercent: Thresholds;
  /** Maximum number of open items per scope (`--max-open`). */
  maxOpen: Thresholds;
  /** Stale claims fail the gate (`--fail-on-stale`). */
  failOnStale: boolean;
  /** Report failures but pass (`--warn-only`). */
  warnOnly: boolean;
  /** A report without any item fails (`--fail-on-empty`, docs/rules.md#blocking-and-readiness). */
  failOnEmpty: boolean;
  /** Open overdue items at or above this priority fail the gate (`--fail-on-overdue`; README.md#planning-formats); null: they do not. */
  failOnOverdue: Priority | null;
}

/** No policy beyond readiness. */
export const DEFAULT_GATE_POLICY: GatePolicy = { minPercent: {}, maxOpen: {}, failOnStale: false, warnOnly: false, failOnEmpty: false, failOnOverdue: null };

/** The command line's gate options; undefined when not given. */
export interface GateFlags {
  minPercent?: Thresholds;
  maxOpen?: Thresholds;
  failOnStale?: boolean;
  warnOnly?: boolean;
  failOnEmpty?: boolean;
  failOnOverdue?: Priority;
}

/**
 * The gate policy of one run: the configuration's, with the command line on
 * top. Thresholds merge per scope (`--min-percent high=90` keeps a configured
 * `critical: 100`); flags replace.
 */
export function resolveGatePolicy(config: ShipreadyConfig, flags: GateFlags): GatePolicy {
  return {
    minPercent: { ...thresholdsOf(config.minPercent), ...flags.minPercent },
    maxOpen: { ...thresholdsOf(config.maxOpen), ...flags.maxOpen },
    failOnStale: flags.failOnStale ?? config.failOnStale ?? false,
    warnOnly: flags.warnOnly ?? config.warnOnly ?? false,
    failOnEmpty: flags.failOnEmpty ?? config.failOnEmpty ?? false,
    failOnOverdue: flags.failOnOverdue ?? config.failOnOverdue ?? null,
  };
}

/** A configured threshold: a bare number is the `overall` limit. */
export function thresholdsOf(value: number | Thresholds | undefined): Thresholds {
  if (value === undefined) return {};
  return typeof value === 'number' ? { overall: value } : { ...value };
}

/**
 * Parses `--min-percent` / `--max-open`: comma-separated `N` (overall) or
 * `level=N` entries, e.g. `80`, `critical=100,high=80`, `high=5`.
 * Percentages are 0–100 (a trailing `%` is allowed); counts are whole numbers ≥ 0.
 *
 * @throws UsageError naming the option and the entry: ``Unexpected `urgent=5` in --max-open, expected …``.
 */
export function parseThresholds(text: string, option: '--min-percent' | '--max-open'): Thresholds {
  const percent = option === '--min-percent';
  const expected = `expected ${percent ? 'a percent (0-100)' : 'a count'} or LEVEL=${percent ? 'PERCENT' : 'COUNT'} with LEVEL one of ${THRESHOLD_SCOPES.join(', ')}`;
  const out: Thresholds = {};
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const match = /^(?:([a-z]+)\s*=\s*)?(\S+)$/i.exec(entry);
    const scope = (match?.[1]?.toLowerCase() ?? 'overall') as ThresholdScope;
    const value = parseLimit(match?.[2] ?? '', percent);
    if (match === null || !THRESHOLD_SCOPES.includes(scope) || value === null) {
      throw new UsageError(`Unexpected \`${entry}\` in ${option}, ${expected}`);
    }
    out[scope] = value;
  }
  return out;
}

function parseLimit(text: string, percent: boolean): number | null {
  const raw = percent ? text.replace(/%$/, '') : text;
  if (!/^\d+(?:\.\d+)?$/.test(raw)) return null;
  const value = Number(raw);
  if (percent) return value <= 100 ? value : null;
  return Number.isInteger(value) ? value : null;
}
