import { Chalk } from 'chalk';
import { sanitizeText } from '../text/sanitize.js';
import type { Renderer } from './types.js';
import { checkMessage, findingMessage, verdictSentence } from './verdict.js';

/**
 * `--format text`, the short output of `shipready check` (its default): the
 * verdict, then each open blocking item and each stale claim in the one
 * finding grammar (docs/cli.md#messages),
 * `path:line:column: error: title (critical)` and
 * `path:line:column: warning: stale claim "…" but counted …`. With
 * `verbose`, the checks that passed and the totals follow. Pure.
 */
export const renderShortText: Renderer = ({ report, verdict, findings, options }) => {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const sentence = verdictSentence(report, verdict);
  const out = [verdict.ready ? c.bold.green(sentence) : c.bold.red(sentence)];
  const blockingSeverity = verdict.warnOnly ? 'warning' : 'error';
  for (const finding of findings.blocking) {
    const why = finding.byMarker ? `${finding.item!.priority}, blocking marker` : finding.item!.priority;
    const severity = blockingSeverity === 'error' ? c.red('error') : c.yellow('warning');
    out.push(`${c.cyan(`${sanitizeText(finding.path)}:${finding.line}:${finding.column}`)}: ${severity}: ${sanitizeText(findingMessage(finding))} ${c.dim(`(${why})`)}`);
  }
  for (const finding of findings.stale) {
    out.push(`${c.cyan(`${sanitizeText(finding.path)}:${finding.line}:${finding.column}`)}: ${c.yellow('warning')}: stale claim ${sanitizeText(findingMessage(finding))}`);
  }
  if (options.verbose) {
    for (const check of verdict.checks.filter((one) => one.passed)) out.push(`${c.green('ok')} ${checkMessage(check, report)}`);
    const t = report.totals;
    const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
    out.push(c.dim(`${files} · ${t.items} items · ${t.done} done · ${t.open} open · ${t.percent}% done · fail-on ${report.options.failOn}`));
  }
  return `${out.join('\n')}\n`;
};
