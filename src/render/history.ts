import asciichart from 'asciichart';
import type { Forecast } from '../history/forecast.js';
import type { HistoryPoint, HistoryReport } from '../history/series.js';
import { sanitizeText } from '../text/sanitize.js';
import { formatHours } from './format.js';

/** What a `history` format is given: the series and the display options. */
export interface HistoryRenderContext {
  history: HistoryReport;
  options: { width: number; color: boolean };
}

/** `history --format json`: the {@link HistoryReport} (schema/history.schema.json), two-space indented. */
export function renderHistoryJson({ history }: HistoryRenderContext): string {
  return `${JSON.stringify(history, null, 2)}\n`;
}

/** The CSV columns, in order. */
export const CSV_COLUMNS = ['commit', 'date', 'subject', 'items', 'done', 'open', 'percent', 'blocking', 'effort_min_hours', 'effort_max_hours', 'unestimated'] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line
 * break; a cell a spreadsheet would run as a formula (starting with `=`,
 * `+`, `-`, `@`, tab or CR) gets a leading `'` (OWASP's CSV injection rule).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `history --format csv`: a header, then one row per commit, oldest first. */
export function renderHistoryCsv({ history }: HistoryRenderContext): string {
  const rows = history.points.map((p) =>
    [p.commit, p.date, sanitizeText(p.subject), p.items, p.done, p.open, p.percent, p.blocking, p.effort.minHours, p.effort.maxHours, p.effort.unestimated].map(csvCell).join(','),
  );
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/**
 * The forecast as one sentence: `open work reaches zero around 2026-03-01
 * (80% range 2026-02-20 to 2026-03-15) at 0.5 open items closed a day, over
 * 12 points since 2026-01-05`; or that the pace gives no date.
 */
export function forecastSentence(forecast: Forecast): string {
  const over = forecast.basis.from === null ? '' : `, over ${forecast.basis.points} points since ${forecast.basis.from}`;
  switch (forecast.outcome) {
    case 'done':
      return 'Forecast: nothing is open.';
    case 'too-few-points':
      return `Forecast: too few points for a forecast (${forecast.basis.points}; 3 needed).`;
    case 'no-date': {
      const pace = forecast.openPerDay === null ? '' : ` (${forecast.openPerDay >= 0 ? '+' : ''}${forecast.openPerDay} open items a day${over})`;
      return `Forecast: no date at this pace — open work is not going down${pace}.`;
    }
    case 'date': {
      const { earliest, latest } = forecast.range;
      const range = latest === null ? `80% range: from ${earliest}, no upper bound` : `80% range ${earliest} to ${latest}`;
      return `Forecast: open work reaches zero around ${forecast.date} (${range}) at ${-forecast.openPerDay!} open items closed a day${over}.`;
    }
  }
}

/**
 * The series on a time axis of `columns` columns: each column shows the
 * last point at or before its time, so commits far apart are far apart on
 * the chart. Points all at one time are spread by index.
 */
export function sampleByTime(points: readonly HistoryPoint[], columns: number): HistoryPoint[] {
  const first = points[0];
  const last = points.at(-1);
  if (first === undefined || last === undefined || columns < 2) return [...points];
  const span = last.time - first.time;
  if (span <= 0) return Array.from({ length: Math.min(columns, points.length) }, (_, c) => points[Math.round((c * (points.length - 1)) / Math.max(1, Math.min(columns, points.length) - 1))]!);
  const out: HistoryPoint[] = [];
  let at = 0;
  for (let c = 0; c < columns; c++) {
    const time = first.time + (c * span) / (columns - 1);
    while (at + 1 < points.length && points[at + 1]!.time <= time) at++;
    out.push(points[at]!);
  }
  return out;
}

/**
 * The default `history` format: two terminal charts drawn with asciichart —
 * done and total items, and remaining effort (hours, the upper estimate) —
 * over the commits, then the forecast.
 */
export function renderHistoryChart({ history, options }: HistoryRenderContext): string {
  const { points } = history;
  if (points.length === 0) return 'No commit changed the matched files: no history to chart.\n';
  const first = points[0]!;
  const last = points.at(-1)!;
  const sample = sampleByTime(points, Math.min(72, Math.max(10, options.width - 14)));
  const colors = options.color ? [asciichart.green, asciichart.default] : undefined;
  const plot = (series: number[][], height: number): string =>
    asciichart.plot(series.map((s) => (s.length === 1 ? [s[0]!, s[0]!] : s)), { height, ...(colors ? { colors } : {}), format: (x: number) => x.toFixed(0).padStart(8) });
  const lines = [
    `Done (${options.color ? 'green' : 'lower line'}) and total items, ${points.length} commits from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}`,
    plot([sample.map((p) => p.done), sample.map((p) => p.items)], 10),
    '',
    `Remaining effort, hours (upper estimate): ${formatHours(first.effort.maxHours)} → ${formatHours(last.effort.maxHours)}`,
    plot([sample.map((p) => p.effort.maxHours)], 6),
    '',
    `Now: ${last.done}/${last.items} done (${last.percent}%), ${last.open} open, ${last.blocking} blocking.`,
    forecastSentence(history.forecast),
  ];
  return `${lines.join('\n')}\n`;
}

/** `history`'s text formats, by `--format` name (svg and html are in render/svg.ts and render/html.ts). */
export const historyTextFormats = {
  chart: renderHistoryChart,
  json: renderHistoryJson,
  csv: renderHistoryCsv,
} satisfies Record<string, (context: HistoryRenderContext) => string>;

export type { HistoryPoint };
