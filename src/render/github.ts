import { overdueNote, planningFacts } from './planning.js';
import type { Diagnostic, Finding, Severity } from '../model.js';
import { workflowMessage, workflowProperty } from '../text/sanitize.js';
import type { Renderer } from './types.js';
import { checkMessage, findingMessage, findingTitle, verdictSentence } from './verdict.js';

/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the files. Per file, one command per diagnostic
 * (`::notice` for info, `::warning`, `::error`), `::error` for each open
 * blocking item and `::warning` for each stale claim; then each failed gate
 * check other than blocking items (from `shipready check`) as an `::error`
 * without a file (`::warning` with `--warn-only`); then the verdict as a
 * plain log line.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
export const renderGithub: Renderer = ({ report, verdict, findings }) => {
  const out: string[] = [];
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) out.push(diagnosticCommand(file.path, diagnostic));
    for (const finding of findings.blocking.filter((one) => one.path === file.path)) out.push(findingCommand('error', finding));
    for (const finding of findings.stale.filter((one) => one.path === file.path)) out.push(findingCommand('warning', finding));
  }
  for (const { file, item } of planningFacts(report).overdue) out.push(command('warning', { file: file.path, line: item.line, title: 'Overdue' }, overdueNote(item)));
  for (const check of verdict.failures) {
    if (check.rule === 'blocking') continue; // already annotated item by item
    out.push(command(verdict.warnOnly ? 'warning' : 'error', { title: 'shipready check' }, checkMessage(check, report)));
  }
  out.push(`shipready: ${verdictSentence(report, verdict)}`);
  return `${out.join('\n')}\n`;
};

type CommandName = 'error' | 'warning' | 'notice';

function findingCommand(name: CommandName, finding: Finding): string {
  const properties: Record<string, string | number> = { file: finding.path, line: finding.line, col: finding.column };
  if (finding.endLine !== null) properties.endLine = finding.endLine;
  if (finding.endColumn !== null && finding.endLine === finding.line) properties.endColumn = finding.endColumn;
  properties.title = findingTitle(finding);
  return command(name, properties, findingMessage(finding));
}

const SEVERITY_COMMAND: Record<Severity, CommandName> = { info: 'notice', warning: 'warning', error: 'error' };

function diagnosticCommand(path: string, diagnostic: Diagnostic): string {
  const properties: Record<string, string | number> = { file: path };
  if (diagnostic.line !== null) properties.line = diagnostic.line;
  properties.title = 'shipready';
  return command(SEVERITY_COMMAND[diagnostic.severity], properties, diagnostic.message);
}

/** `::name key=value,key=value::message`, escaped as @actions/core does (text/sanitize.ts). */
function command(name: CommandName, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${workflowProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${workflowMessage(message)}`;
}
