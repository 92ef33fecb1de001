import { createHash } from 'node:crypto';
import type { Finding, Findings, Report, Severity } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';
import type { Renderer } from './types.js';
import { findingMessage, findingTitle } from './verdict.js';

/**
 * `--format sarif`: a SARIF 2.1.0 log for code-scanning UIs (GitHub code
 * scanning, Azure DevOps, IDE viewers). Each open blocking item is a result of
 * rule `blocking-item` (level `error`), each stale claim a result of rule
 * `stale-claim` (level `warning`), both with a physical location relative to
 * the working directory. Diagnostics are tool execution notifications.
 * See https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html.
 */
export const renderSarif: Renderer = ({ report, findings }) => `${JSON.stringify(sarifLog(report, findings), null, 2)}\n`;

/** The rules a shipready SARIF log refers to, by `ruleIndex`. */
const RULES = [
  {
    id: 'blocking-item',
    name: 'BlockingItem',
    shortDescription: { text: 'An open checklist item blocks readiness.' },
    fullDescription: {
      text: 'An open item whose priority is at or above the fail-on level, or whose text carries a blocking marker (BLOCKING, blocker, Blocks Everything), blocks readiness.',
    },
    help: { text: 'Finish the item and check its box, or lower its priority if it does not block the release.' },
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'stale-claim',
    name: 'StaleClaim',
    shortDescription: { text: 'A hand-written count no longer matches the checklist.' },
    fullDescription: { text: 'A count such as "7/10 incomplete" or "Progress: 45%" differs from what shipready counted in its section.' },
    help: { text: 'Run `shipready fix` to rewrite the number, or update it by hand.' },
    defaultConfiguration: { level: 'warning' },
  },
] as const;

const SEVERITY_LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = { info: 'note', warning: 'warning', error: 'error' };

/** The SARIF log object of {@link renderSarif}. Pure and deterministic. */
export function sarifLog(report: Report, found: Findings): Record<string, unknown> {
  const findings = [...found.blocking, ...found.stale]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  const seen = new Map<string, number>();
  const results = findings.map((finding) => {
    // Identical findings in one file (two "2/3 incomplete" claims) are told apart by their occurrence.
    const key = fingerprintKey(finding);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return result(finding, `${key}\0${occurrence}`);
  });
  const notifications = report.files.flatMap((file) =>
    file.diagnostics.map((diagnostic) => ({
      level: SEVERITY_LEVEL[diagnostic.severity],
      message: { text: sanitizeText(diagnostic.message) },
      locations: [location(file.path, diagnostic.line ?? undefined)],
    })),
  );
  const unreadable = report.files.some((file) => file.diagnostics.some((d) => d.severity === 'error'));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shipready',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: RULES,
          },
        },
        invocations: [{ executionSuccessful: !unreadable, toolExecutionNotifications: notifications }],
        // mdast columns count UTF-16 code units of the (repaired) text.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function result(finding: Finding, key: string): Record<string, unknown> {
  const ruleIndex = finding.kind === 'blocking' ? 0 : 1;
  const region: Record<string, number> = { startLine: finding.line, startColumn: finding.column };
  if (finding.endLine !== null) region.endLine = finding.endLine;
  if (finding.endColumn !== null) region.endColumn = finding.endColumn;
  const properties: Record<string, unknown> = finding.item
    ? { priority: finding.item.priority, status: finding.item.status, sectionPath: finding.item.sectionPath }
    : { claimed: finding.claim?.claimed, counted: finding.claim?.counted };
  return {
    ruleId: RULES[ruleIndex].id,
    ruleIndex,
    level: RULES[ruleIndex].defaultConfiguration.level,
    message: { text: `${findingTitle(finding)}: ${findingMessage(finding)}` },
    locations: [{ physicalLocation: { artifactLocation: artifact(finding.path), region } }],
    // Stable across line moves: the file and what the finding is about.
    partialFingerprints: { 'shipreadyFinding/v1': createHash('sha256').update(key).digest('hex').slice(0, 32) },
    properties,
  };
}

function location(path: string, line: number | undefined): Record<string, unknown> {
  return { physicalLocation: { artifactLocation: artifact(path), ...(line === undefined ? {} : { region: { startLine: line } }) } };
}

/** A relative URI reference: each path segment percent-encoded; resolved against the checkout (`%SRCROOT%`). */
function artifact(path: string): Record<string, string> {
  return { uri: path.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** What a finding is about, without its line: the fingerprint stays when lines above it move. */
function fingerprintKey(finding: Finding): string {
  const what = finding.item?.title ?? finding.claim?.text ?? '';
  return `${finding.kind}\0${finding.path}\0${what}`;
}
