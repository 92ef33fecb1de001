import { overdueNote, planningFacts } from './planning.js';
import type { Diagnostic, Finding, Severity } from '../model.js';
import { printablePath, sanitizeText, workflowMessage, workflowProperty } from '../text/sanitize.js';
import { rootPath } from './location.js';
import type { RenderOptions, Renderer } from './types.js';
import { checkMessage, findingMessage, findingTitle, verdictSentence } from './verdict.js';

/**
 * How many annotations of each kind GitHub shows per step; the rest of a
 * step's workflow commands are dropped without a word. See
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
export const ANNOTATION_LIMIT = 10;

/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns
 * into annotations on the files. Per file, one command per diagnostic
 * (`::notice` for info, `::warning`, `::error`), `::error` for each open
 * blocking item and `::warning` for each stale claim; then each failed gate
 * check other than blocking items (from `shipready check`) as an `::error`
 * without a file (`::warning` with `--warn-only`); then the verdict as a
 * plain log line.
 *
 * File paths are relative to the repository root when the CLI knows it
 * (`options.repository.prefix`, from `GITHUB_WORKSPACE`), so annotations
 * attach from any working directory. GitHub shows {@link ANNOTATION_LIMIT}
 * annotations of each kind per step: the ones past it are written as plain
 * log lines (`shipready: path:line: error: …`), and a last `::notice` says how many were
 * left out. Failed gate checks are annotated before items (README.md#ci).
 */
export const renderGithub: Renderer = ({ report, verdict, findings, options }) => {
  const commands: Command[] = [];
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) commands.push(diagnosticCommand(file.path, diagnostic, options));
    for (const finding of findings.blocking.filter((one) => one.path === file.path)) commands.push(findingCommand('error', finding, options));
    for (const finding of findings.stale.filter((one) => one.path === file.path)) commands.push(findingCommand('warning', finding, options));
  }
  for (const { file, item } of planningFacts(report).overdue) {
    const path = rootPath(file.path, options.repository);
    commands.push({ name: 'warning', properties: { file: path, line: item.line, title: 'Overdue' }, message: overdueNote(item), gate: false, where: `${printablePath(path)}:${item.line}` });
  }
  for (const check of verdict.failures) {
    if (check.rule === 'blocking') continue; // already annotated item by item
    commands.push({ name: verdict.warnOnly ? 'warning' : 'error', properties: { title: 'shipready check' }, message: checkMessage(check, report), gate: true });
  }
  const left = capAnnotations(commands);
  const out = commands.map((one) => (one.plain ? plainLine(one) : line(one)));
  if (left.total > 0) {
    out.push(line({ name: 'notice', properties: { title: 'shipready' }, message: leftOutMessage(left), gate: true }));
  }
  out.push(`shipready: ${verdictSentence(report, verdict)}`);
  return `${out.join('\n')}\n`;
};

type CommandName = 'error' | 'warning' | 'notice';

interface Command {
  name: CommandName;
  properties: Record<string, string | number>;
  message: string;
  /** A failed gate check: annotated before any item. */
  gate: boolean;
  /** Past GitHub's limit: written as a plain log line. */
  plain?: boolean;
  /** `path:line` of the plain line. */
  where?: string;
}

type LeftOut = Record<CommandName, number> & { total: number };

/**
 * Marks the commands past {@link ANNOTATION_LIMIT} of their kind as plain
 * lines (gate checks keep their slots first) and counts them. When anything
 * is left out, one notice slot is kept for the notice that says so.
 */
function capAnnotations(commands: Command[]): LeftOut {
  const count = (name: CommandName): number => commands.filter((one) => one.name === name).length;
  const overflow = count('error') > ANNOTATION_LIMIT || count('warning') > ANNOTATION_LIMIT || count('notice') > ANNOTATION_LIMIT;
  const limits: Record<CommandName, number> = { error: ANNOTATION_LIMIT, warning: ANNOTATION_LIMIT, notice: overflow ? ANNOTATION_LIMIT - 1 : ANNOTATION_LIMIT };
  const used: Record<CommandName, number> = { error: 0, warning: 0, notice: 0 };
  const left: LeftOut = { error: 0, warning: 0, notice: 0, total: 0 };
  for (const one of [...commands.filter((c) => c.gate), ...commands.filter((c) => !c.gate)]) {
    if (used[one.name] < limits[one.name]) {
      used[one.name]++;
    } else {
      one.plain = true;
      left[one.name]++;
      left.total++;
    }
  }
  return left;
}

function leftOutMessage(left: LeftOut): string {
  const parts = (['error', 'warning', 'notice'] as const)
    .filter((name) => left[name] > 0)
    .map((name) => `${left[name]} ${name}${left[name] === 1 ? '' : 's'}`);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  return `${list} not annotated: GitHub shows ${ANNOTATION_LIMIT} of each kind per step. They are in this step's log and summary.`;
}

function findingCommand(name: CommandName, finding: Finding, options: RenderOptions): Command {
  const file = rootPath(finding.path, options.repository);
  const properties: Record<string, string | number> = { file, line: finding.line, col: finding.column };
  if (finding.endLine !== null) properties.endLine = finding.endLine;
  if (finding.endColumn !== null && finding.endLine === finding.line) properties.endColumn = finding.endColumn;
  properties.title = findingTitle(finding);
  return { name, properties, message: findingMessage(finding), gate: false, where: `${printablePath(file)}:${finding.line}` };
}

const SEVERITY_COMMAND: Record<Severity, CommandName> = { info: 'notice', warning: 'warning', error: 'error' };

function diagnosticCommand(filePath: string, diagnostic: Diagnostic, options: RenderOptions): Command {
  const file = rootPath(filePath, options.repository);
  const properties: Record<string, string | number> = { file };
  if (diagnostic.line !== null) properties.line = diagnostic.line;
  properties.title = 'shipready';
  const where = diagnostic.line === null ? printablePath(file) : `${printablePath(file)}:${diagnostic.line}`;
  return { name: SEVERITY_COMMAND[diagnostic.severity], properties, message: diagnostic.message, gate: false, where };
}

/** `::name key=value,key=value::message`, escaped as @actions/core does (text/sanitize.ts). */
function line({ name, properties, message }: Command): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${workflowProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${workflowMessage(message)}`;
}

/**
 * An annotation past the limit, as a log line: `shipready: path:line: error: title: message`.
 * It starts with `shipready:` and holds no line break, so a crafted file name or title can never start a workflow command.
 */
function plainLine({ name, properties, message, where }: Command): string {
  const title = properties.title === undefined ? '' : `${properties.title}: `;
  return `shipready: ${where === undefined ? '' : `${where}: `}${name}: ${sanitizeText(`${title}${message}`)}`;
}
