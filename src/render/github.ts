import { sanitizeText } from '../extract/text.js';
import { printablePath } from '../load/discover.js';
import type { Diagnostic, Report, Severity } from '../model.js';
import { evaluateGate, type GateVerdict } from '../gate/evaluate.js';
import { blockingFindings, type Finding, staleFindings } from '../gate/findings.js';
import { DEFAULT_GATE_POLICY } from '../gate/policy.js';
import { verdictText } from '../gate/text.js';
import type { Renderer } from './types.js';

/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the files. `::error` for each open blocking item,
 * `::warning` for each stale claim, one command per diagnostic (`::notice` for
 * info, `::warning`, `::error`), then the verdict as a plain log line.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
export const renderGithub: Renderer = (report) => githubCommands(report, evaluateGate(report, DEFAULT_GATE_POLICY));

/**
 * The workflow commands of {@link renderGithub}, then the verdict as a log
 * line. Failed gate policies other than blocking items (from `shipready
 * check`) become `::error` commands without a file (`::warning` with
 * `--warn-only`).
 */
export function githubCommands(report: Report, verdict: GateVerdict): string {
  const out: string[] = [];
  const blocking = blockingFindings(report);
  const stale = staleFindings(report);
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) out.push(diagnosticCommand(file.path, diagnostic));
    for (const finding of blocking.filter((one) => one.path === file.path)) out.push(findingCommand('error', finding));
    for (const finding of stale.filter((one) => one.path === file.path)) out.push(findingCommand('warning', finding));
  }
  for (const check of verdict.failures) {
    if (check.rule === 'blocking') continue; // already annotated item by item
    out.push(command(verdict.warnOnly ? 'warning' : 'error', { title: 'shipready check' }, check.message));
  }
  out.push(`shipready: ${verdictText(report, verdict)}`);
  return `${out.join('\n')}\n`;
}

type CommandName = 'error' | 'warning' | 'notice';

function findingCommand(name: CommandName, finding: Finding): string {
  const properties: Record<string, string | number> = { file: finding.path, line: finding.line, col: finding.column };
  if (finding.endLine !== null) properties.endLine = finding.endLine;
  if (finding.endColumn !== null && finding.endLine === finding.line) properties.endColumn = finding.endColumn;
  properties.title = finding.title;
  return command(name, properties, finding.message);
}

const SEVERITY_COMMAND: Record<Severity, CommandName> = { info: 'notice', warning: 'warning', error: 'error' };

function diagnosticCommand(path: string, diagnostic: Diagnostic): string {
  const properties: Record<string, string | number> = { file: path };
  if (diagnostic.line !== null) properties.line = diagnostic.line;
  properties.title = 'shipready';
  return command(SEVERITY_COMMAND[diagnostic.severity], properties, diagnostic.message);
}

/**
 * `::name key=value,key=value::message`, escaped as @actions/core does; the
 * message is sanitised (one line, no control characters) and property values
 * (a crafted file name) keep no control character either: those the
 * workflow-command rules do not escape are written as `%1B`, `%09`.
 */
function command(name: CommandName, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${printablePath(escapeProperty(String(value)))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(sanitizeText(message))}`;
}

/**
 * Escapes a workflow command's message: `%`, CR and LF (the rules of
 * @actions/core's `escapeData`), so a message can never end the command early.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: as {@link escapeData}, plus `:` and `,` (@actions/core's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
