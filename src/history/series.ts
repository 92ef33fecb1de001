import type { EffortTotals, Totals } from '../model.js';
import { VERSION } from '../version.js';
import { type Forecast, forecast } from './forecast.js';

/** Readiness at one commit (README.md#history). */
export interface HistoryPoint {
  commit: string;
  /** Committer date, ISO 8601 as git gives it. */
  date: string;
  /** Seconds since the epoch. */
  time: number;
  subject: string;
  items: number;
  done: number;
  open: number;
  /** Share done, 0–100, two decimals. */
  percent: number;
  /** Open blocking items. */
  blocking: number;
  /** Remaining effort of the open items, in hours. */
  effort: EffortTotals;
}

/** `shipready history --format json` (schema/history.schema.json): one point per commit, oldest first, and the forecast. */
export interface HistoryReport {
  schemaVersion: 2;
  tool: { name: 'shipready'; version: string };
  points: HistoryPoint[];
  forecast: Forecast;
}

/** A commit as the series needs it. */
export interface CommitInfo {
  commit: string;
  date: string;
  time: number;
  subject: string;
}

/** One point: the report's totals at a commit. Pure. */
export function historyPoint(commit: CommitInfo, totals: Totals): HistoryPoint {
  return {
    commit: commit.commit,
    date: commit.date,
    time: commit.time,
    subject: commit.subject,
    items: totals.items,
    done: totals.done,
    open: totals.open,
    percent: totals.percent,
    blocking: totals.blocking,
    effort: totals.effort,
  };
}

/** The history report of points in time order, with its forecast. Pure. */
export function historyReport(points: HistoryPoint[]): HistoryReport {
  return { schemaVersion: 2, tool: { name: 'shipready', version: VERSION }, points, forecast: forecast(points) };
}
