import { makeBadge } from 'badge-maker';
import type { Findings, GateVerdict, Report } from '../model.js';
import type { Renderer } from './types.js';

/**
 * What a readiness badge says: label `shipready`; `ready · 87% done` in green,
 * or `not ready · 4 blocking` (`not ready · 87% done` when another gate check
 * failed) in red. Shared by the SVG and the shields.io endpoint formats.
 */
export interface BadgeContent {
  label: string;
  message: string;
  /** A shields.io colour name. */
  color: 'brightgreen' | 'red';
}

/** The badge's words and colour for a verdict. Pure. */
export function badgeContent(report: Report, verdict: GateVerdict, findings: Findings): BadgeContent {
  const percent = `${Math.floor(report.totals.percent)}% done`;
  if (verdict.ready) return { label: 'shipready', message: `ready · ${percent}`, color: 'brightgreen' };
  const blocking = findings.blocking.length;
  return { label: 'shipready', message: `not ready · ${blocking > 0 ? `${blocking} blocking` : percent}`, color: 'red' };
}

/**
 * `--format badge`: an SVG badge drawn by badge-maker, the library of
 * shields.io, to commit or publish as a CI artifact (README.md#ci).
 */
export const renderBadge: Renderer = ({ report, verdict, findings }) => `${makeBadge({ ...badgeContent(report, verdict, findings), style: 'flat' })}\n`;

/**
 * `--format badge-json`: the same badge as a shields.io endpoint document
 * (`{"schemaVersion": 1, "label", "message", "color"}`); published at a URL,
 * `https://img.shields.io/endpoint?url=…` draws it. See https://shields.io/badges/endpoint-badge.
 */
export const renderBadgeJson: Renderer = ({ report, verdict, findings }) =>
  `${JSON.stringify({ schemaVersion: 1, ...badgeContent(report, verdict, findings) }, null, 2)}\n`;
