import { Chalk } from 'chalk';
import { sanitizeText } from '../text/sanitize.js';
import type { Finding } from '../model.js';
import { severityColour } from './palette.js';
import { displayWidth, truncate, truncateMiddle, wrapWords } from './text.js';
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
  const out = (Number.isFinite(options.width) ? wrapWords(sentence, Math.max(40, options.width)) : [sentence]).map((text) =>
    verdict.ready ? c.bold.green(text) : c.bold.red(text),
  );
  const width = Number.isFinite(options.width) ? Math.max(40, Math.floor(options.width)) : Number.POSITIVE_INFINITY;
  // In a terminal, a line is cut to its width: the location from the middle (file name and line kept), then the message.
  const line = (finding: Finding, severity: string, message: string): string => {
    const where = `${sanitizeText(finding.path)}:${finding.line}:${finding.column}`;
    const location = truncateMiddle(where, Math.max(12, width - severity.length - 4 - 12));
    const room = width - displayWidth(location) - severity.length - 4;
    return `${location}: ${severityColour(c, severity)}: ${truncate(sanitizeText(message), room)}`;
  };
  const blockingSeverity = verdict.warnOnly ? 'warning' : 'error';
  for (const finding of findings.blocking) {
    const why = finding.byMarker ? `${finding.item!.priority}, blocking marker` : finding.item!.priority;
    out.push(line(finding, blockingSeverity, `${findingMessage(finding)} (${why})`));
  }
  for (const finding of findings.stale) out.push(line(finding, 'warning', `stale claim ${findingMessage(finding)}`));
  if (options.verbose) {
    for (const check of verdict.checks.filter((one) => one.passed)) out.push(`${c.green('ok')} ${checkMessage(check, report)}`);
    const t = report.totals;
    const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
    out.push(c.dim(`${files} · ${t.items} items · ${t.done} done · ${t.open} open · ${t.percent}% done · fail-on ${report.options.failOn}`));
  }
  return `${out.join('\n')}\n`;
};
