import { createHash } from 'node:crypto';
import type { Finding, Findings, Report, Severity } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';
import { encodePath, rootPath } from './location.js';
import type { RepositoryContext, Renderer } from './types.js';
import { findingMessage, findingTitle } from './verdict.js';

/**
 * `--format sarif`: a SARIF 2.1.0 log for code-scanning UIs (GitHub code
 * scanning, Azure DevOps, IDE viewers). Each open blocking item is a result of
 * rule `blocking-item` (level `error`), each stale claim a result of rule
 * `stale-claim` (level `warning`), both with a physical location relative to
 * the working directory. Diagnostics are tool execution notifications.
 * When the CLI found the repository (`options.repository`), paths are
 * relative to its root and the run names the repository, commit and branch
 * (`versionControlProvenance`), which code-scanning UIs link files with.
 * See https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html.
 */
export const renderSarif: Renderer = ({ report, findings, options }) =>
  `${JSON.stringify(sarifLog(report, findings, options.repository), null, 2)}\n`;

/**
 * Where shipready's documentation is published: its npm page, which shows the
 * README (the package's repository URL is not fixed yet; README.md#ci).
 */
export const DOCS_URL = 'https://www.npmjs.com/package/shipready';

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
    helpUri: `${DOCS_URL}#how-checklists-are-read`,
    defaultConfiguration: { level: 'error' },
  },
  {
    id: 'stale-claim',
    name: 'StaleClaim',
    shortDescription: { text: 'A hand-written count no longer matches the checklist.' },
    fullDescription: { text: 'A count such as "7/10 incomplete" or "Progress: 45%" differs from what shipready counted in its section.' },
    help: { text: 'Run `shipready fix` to rewrite the number, or update it by hand.' },
    helpUri: `${DOCS_URL}#fix`,
    defaultConfiguration: { level: 'warning' },
  },
] as const;

const SEVERITY_LEVEL: Record<Severity, 'note' | 'warning' | 'error'> = { info: 'note', warning: 'warning', error: 'error' };

/** The SARIF log object of {@link renderSarif}. Pure and deterministic. */
export function sarifLog(report: Report, found: Findings, repository?: RepositoryContext): Record<string, unknown> {
  const artifact = (filePath: string): Record<string, string> => ({ uri: encodePath(rootPath(filePath, repository)), uriBaseId: '%SRCROOT%' });
  const location = (filePath: string, line: number | undefined): Record<string, unknown> => ({
    physicalLocation: { artifactLocation: artifact(filePath), ...(line === undefined ? {} : { region: { startLine: line } }) },
  });
  const findings = [...found.blocking, ...found.stale]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
  const seen = new Map<string, number>();
  const results = findings.map((finding) => {
    // Identical findings in one file (two "2/3 incomplete" claims) are told apart by their occurrence.
    const key = fingerprintKey(finding);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return result(finding, `${key}\0${occurrence}`, artifact);
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
            informationUri: DOCS_URL,
            rules: RULES,
          },
        },
        ...(repository?.uri !== undefined && repository.revision !== undefined
          ? {
              versionControlProvenance: [
                {
                  repositoryUri: repository.uri,
                  revisionId: repository.revision,
                  ...(repository.branch === undefined ? {} : { branch: repository.branch }),
                  mappedTo: { uriBaseId: '%SRCROOT%' },
                },
              ],
            }
          : {}),
        invocations: [{ executionSuccessful: !unreadable, toolExecutionNotifications: notifications }],
        // mdast columns count UTF-16 code units of the (repaired) text.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function result(finding: Finding, key: string, artifact: (filePath: string) => Record<string, string>): Record<string, unknown> {
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

/** What a finding is about, without its line: the fingerprint stays when lines above it move. */
function fingerprintKey(finding: Finding): string {
  const what = finding.item?.title ?? finding.claim?.text ?? '';
  return `${finding.kind}\0${finding.path}\0${what}`;
}
