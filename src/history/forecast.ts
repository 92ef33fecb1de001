import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { linearRegression } from 'simple-statistics';

/** A point of a series the forecast is fitted to: a time and the open work then. */
export interface ForecastPoint {
  /** Seconds since the epoch. */
  time: number;
  /** Open items at that time. */
  open: number;
}

/**
 * When open work reaches zero at the recent pace (README.md#history):
 * a least-squares line through the open items of the last 8 weeks of
 * points (all of them when those are fewer than three), and the range the
 * slope's 80% confidence interval gives.
 */
export interface Forecast {
  /** `date`: a date was found; `done`: nothing is open; `no-date`: the pace is flat or rising; `too-few-points`: fewer than three points. */
  outcome: 'date' | 'done' | 'no-date' | 'too-few-points';
  /** Points fitted, and the dates (YYYY-MM-DD, UTC) of the first and last. */
  basis: { points: number; from: string | null; to: string | null };
  /** Fitted change of open items per day (negative: work is closing); null without a fit. */
  openPerDay: number | null;
  /** The date open work reaches zero on the fitted line, YYYY-MM-DD; null unless `outcome` is `date`. */
  date: string | null;
  /** From the slope's 80% interval: the earliest date, and the latest (null when the interval's slow end is flat or rising: no upper bound). */
  range: { earliest: string | null; latest: string | null };
}

/** How far back the forecast looks, in seconds: 8 weeks. */
export const FORECAST_WINDOW = 8 * 7 * 86_400;
/** The confidence of the forecast's range. */
export const FORECAST_CONFIDENCE = 0.8;

const DAY = 86_400;

/** The forecast of a series in time order. Pure. */
export function forecast(points: readonly ForecastPoint[]): Forecast {
  const last = points.at(-1);
  const recent = last === undefined ? [] : points.filter((point) => point.time >= last.time - FORECAST_WINDOW);
  const used = recent.length >= 3 ? recent : points;
  const basis = { points: used.length, from: used.length > 0 ? isoDate(used[0]!.time) : null, to: last !== undefined ? isoDate(last.time) : null };
  const empty = { date: null, range: { earliest: null, latest: null } };
  if (last !== undefined && last.open === 0) return { outcome: 'done', basis, openPerDay: null, ...empty };
  if (used.length < 3) return { outcome: 'too-few-points', basis, openPerDay: null, ...empty };

  const origin = used[0]!.time;
  const xs = used.map((point) => (point.time - origin) / DAY);
  const ys = used.map((point) => point.open);
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  if (sxx === 0) return { outcome: 'no-date', basis, openPerDay: null, ...empty };
  const { m: slope, b: intercept } = linearRegression(xs.map((x, i) => [x, ys[i]!]));
  const residual = xs.reduce((sum, x, i) => sum + (ys[i]! - (intercept + slope * x)) ** 2, 0);
  const standardError = Math.sqrt(residual / (n - 2) / sxx);
  const spread = tQuantile(1 - (1 - FORECAST_CONFIDENCE) / 2, n - 2) * standardError;
  const openPerDay = round(slope);
  if (!(slope < 0)) return { outcome: 'no-date', basis, openPerDay, ...empty };

  // Each slope's line goes through the centroid; where it meets zero is its date.
  const zeroAt = (m: number): number => origin + (meanX - meanY / m) * DAY;
  const fast = slope - spread;
  const slow = slope + spread;
  const notBefore = (time: number): number => Math.max(time, last!.time);
  return {
    outcome: 'date',
    basis,
    openPerDay,
    date: isoDate(notBefore(zeroAt(slope))),
    range: { earliest: isoDate(notBefore(zeroAt(fast))), latest: slow < 0 ? isoDate(notBefore(zeroAt(slow))) : null },
  };
}

/** A time (seconds since the epoch) as a UTC date, YYYY-MM-DD. */
export function isoDate(time: number): string {
  return new Date(Math.round(time) * 1000).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
