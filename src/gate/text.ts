import { Chalk } from 'chalk';
import { sanitizeText } from '../extract/text.js';
import type { Report } from '../model.js';
import type { GateVerdict } from './evaluate.js';
import { blockingFindings, staleFindings } from './findings.js';

/** Options of {@link renderCheckText}. */
export interface CheckTextOptions {
  /** Emit ANSI colours (decided once, in cli/color.ts). */
  color: boolean;
  /** Also list the checks that passed and the totals. */
  verbose: boolean;
}

/**
 * The short output of `shipready check` (the `text` format): the verdict, then
 * each open blocking item as `path:line: title`, then each stale claim as
 * `path:line: warning stale claim …`. With `verbose`, the checks that passed
 * and the totals follow. Pure.
 */
export function renderCheckText(report: Report, verdict: GateVerdict, options: CheckTextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out = [verdictText(report, verdict, c)];
  for (const finding of blockingFindings(report)) {
    out.push(`${c.cyan(`${sanitizeText(finding.path)}:${finding.line}`)}: ${finding.message}`);
  }
  for (const finding of staleFindings(report)) {
    out.push(`${c.cyan(`${sanitizeText(finding.path)}:${finding.line}`)}: ${c.yellow('warning')} stale claim ${finding.message}`);
  }
  if (options.verbose) {
    for (const check of verdict.checks.filter((one) => one.passed)) out.push(`${c.green('ok')} ${check.message}`);
    const t = report.totals;
    const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
    out.push(c.dim(`${files} · ${t.items} items · ${t.done} done · ${t.open} open · ${t.percent}% done · fail-on ${report.options.failOn}`));
  }
  return `${out.join('\n')}\n`;
}

/**
 * `READY — no blocking items (4 open)` or
 * `NOT READY — 24 blocking items open (critical); overall 13.56% done (8/59), below the minimum of 80%`.
 */
export function verdictText(report: Report, verdict: GateVerdict, c = new Chalk({ level: 0 })): string {
  if (verdict.ready) {
    const open = report.totals.open > 0 ? ` (${report.totals.open} open)` : '';
    return c.bold.green(`READY — no blocking items${open}`);
  }
  const head = verdict.warnOnly ? 'NOT READY (warn-only)' : 'NOT READY';
  return c.bold.red(`${head} — ${verdict.failures.map((check) => check.message).join('; ')}`);
}
