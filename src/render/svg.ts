import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { HistoryPoint, HistoryReport } from '../history/series.js';
import { xmlSafe } from '../text/sanitize.js';
import { formatHours } from './format.js';
import { forecastSentence, type HistoryRenderContext } from './history.js';

/** Escapes text for XML and HTML content and attribute values. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

interface Series {
  name: string;
  colour: string;
  dash?: string;
  values: (point: HistoryPoint) => number;
}

/**
 * One line chart as an SVG element: scales from d3-scale, paths from
 * d3-shape; `role="img"` with a `<title>` and a `<desc>` that says in words
 * what the chart shows, so screen readers and text browsers get it too.
 */
export function lineChartSvg(points: readonly HistoryPoint[], series: readonly Series[], text: { id: string; title: string; desc: string }, size = { width: 720, height: 260 }): string {
  const margin = { top: 16, right: 120, bottom: 32, left: 56 };
  const times = points.map((p) => new Date(p.time * 1000));
  const first = times[0] ?? new Date(0);
  const last = times.at(-1) ?? first;
  const x = scaleUtc().domain([first, last.getTime() === first.getTime() ? new Date(first.getTime() + 86_400_000) : last]).range([margin.left, size.width - margin.right]);
  const top = Math.max(1, ...points.flatMap((p) => series.map((s) => s.values(p))));
  const y = scaleLinear().domain([0, top]).nice().range([size.height - margin.bottom, margin.top]);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" font-family="system-ui, sans-serif" font-size="11">`,
    `<title id="${text.id}-title">${escapeXml(text.title)}</title>`,
    `<desc id="${text.id}-desc">${escapeXml(text.desc)}</desc>`,
    `<rect width="${size.width}" height="${size.height}" fill="#fff"/>`,
  ];
  for (const tick of y.ticks(5)) {
    const at = y(tick).toFixed(1);
    parts.push(`<line x1="${margin.left}" x2="${size.width - margin.right}" y1="${at}" y2="${at}" stroke="#ddd"/>`, `<text x="${margin.left - 6}" y="${at}" text-anchor="end" dominant-baseline="middle" fill="#333">${escapeXml(formatHours(tick))}</text>`);
  }
  for (const tick of x.ticks(5)) {
    const at = x(tick).toFixed(1);
    parts.push(`<text x="${at}" y="${size.height - margin.bottom + 18}" text-anchor="middle" fill="#333">${tick.toISOString().slice(0, 10)}</text>`);
  }
  series.forEach((s, i) => {
    const path = line<HistoryPoint>()
      .x((p) => x(new Date(p.time * 1000)))
      .y((p) => y(s.values(p)))(points.length === 1 ? [points[0]!, points[0]!] : [...points]);
    parts.push(`<path d="${path ?? ''}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    const legendY = margin.top + 4 + i * 16;
    parts.push(
      `<line x1="${size.width - margin.right + 10}" x2="${size.width - margin.right + 28}" y1="${legendY}" y2="${legendY}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
      `<text x="${size.width - margin.right + 32}" y="${legendY}" dominant-baseline="middle" fill="#333">${escapeXml(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** The two history charts: done and total items; remaining effort. */
export function historyCharts(history: HistoryReport): string[] {
  const { points } = history;
  const first = points[0];
  const last = points.at(-1);
  const span = first && last ? `from ${first.date.slice(0, 10)} to ${last.date.slice(0, 10)}, ${points.length} commits` : 'no commits';
  const progress = lineChartSvg(
    points,
    [
      { name: 'total items', colour: '#555', dash: '4 3', values: (p) => p.items },
      { name: 'done', colour: '#1a7f37', values: (p) => p.done },
      { name: 'open blocking', colour: '#cf222e', values: (p) => p.blocking },
    ],
    {
      id: 'progress',
      title: 'Done and total items over time',
      desc: `Items ${span}: ${first ? `${first.done} of ${first.items} done at the start` : ''}${last ? `, ${last.done} of ${last.items} done and ${last.blocking} blocking at the end` : ''}. ${forecastSentence(history.forecast)}`,
    },
  );
  const effort = lineChartSvg(
    points,
    [
      { name: 'max hours', colour: '#8250df', values: (p) => p.effort.maxHours },
      { name: 'min hours', colour: '#8250df', dash: '4 3', values: (p) => p.effort.minHours },
    ],
    {
      id: 'effort',
      title: 'Remaining effort over time (hours)',
      desc: `Remaining effort ${span}: ${first ? `${formatHours(first.effort.minHours)} to ${formatHours(first.effort.maxHours)} hours at the start` : ''}${last ? `, ${formatHours(last.effort.minHours)} to ${formatHours(last.effort.maxHours)} hours at the end` : ''}.`,
    },
  );
  return [progress, effort];
}

/** `history --format svg`: the done/total chart as one standalone SVG document. */
export function renderHistorySvg({ history }: HistoryRenderContext): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${historyCharts(history)[0]}\n`;
}
