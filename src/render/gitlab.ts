import { createHash } from 'node:crypto';
import type { Finding, Item, Severity } from '../model.js';
import { sanitizeText } from '../text/sanitize.js';
import { rootPath } from './location.js';
import type { Renderer, RepositoryContext } from './types.js';
import { findingMessage, findingTitle } from './verdict.js';

/** A GitLab Code Quality severity. */
type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/** One issue of a GitLab Code Quality report (the Code Climate issue subset GitLab reads). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  /** Identifies the issue across pipelines: GitLab compares the merge request's issues with the target branch's by it. */
  fingerprint: string;
  severity: CodeQualitySeverity;
  location: { path: string; lines: { begin: number } };
}

const DIAGNOSTIC_SEVERITY: Record<Severity, CodeQualitySeverity> = { info: 'info', warning: 'minor', error: 'major' };

/**
 * `--format gitlab`: a GitLab Code Quality report (a JSON array), shown in
 * the merge request widget when a job declares it as
 * `artifacts:reports:codequality`. Each open blocking item is a `blocker`,
 * each stale claim `minor`, each diagnostic `info`, `minor` or `major`.
 * Paths are relative to the repository root (`options.repository.prefix`,
 * from `CI_PROJECT_DIR`). Fingerprints hash what the issue is about, not its
 * line — the path, the item's title and its section path — so an issue
 * keeps its fingerprint when lines above it move; an item's own
 * `fingerprint`, when the report carries one, is used instead of its title.
 * See https://docs.gitlab.com/ci/testing/code_quality/ and README.md#ci.
 */
export const renderGitlab: Renderer = ({ report, findings, options }) => {
  const issues: CodeQualityIssue[] = [];
  const seen = new Map<string, number>();
  const add = (issue: Omit<CodeQualityIssue, 'fingerprint'>, key: string): void => {
    // Identical issues in one file (two "2/3 incomplete" claims) are told apart by their occurrence.
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    issues.push({ ...issue, fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32) });
  };
  const repository = options.repository;
  for (const file of report.files) {
    const filePath = rootPath(file.path, repository);
    for (const diagnostic of file.diagnostics) {
      add(
        {
          description: sanitizeText(diagnostic.message),
          check_name: 'shipready/diagnostic',
          severity: DIAGNOSTIC_SEVERITY[diagnostic.severity],
          location: { path: filePath, lines: { begin: diagnostic.line ?? 1 } },
        },
        `diagnostic\0${filePath}\0${diagnostic.message}`,
      );
    }
    for (const finding of [...findings.blocking, ...findings.stale].filter((one) => one.path === file.path)) {
      add(findingIssue(finding, repository), findingKey(finding, filePath));
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
};

function findingIssue(finding: Finding, repository: RepositoryContext | undefined): Omit<CodeQualityIssue, 'fingerprint'> {
  const blocking = finding.kind === 'blocking';
  return {
    description: `${findingTitle(finding)}: ${findingMessage(finding)}`,
    check_name: blocking ? 'shipready/blocking-item' : 'shipready/stale-claim',
    severity: blocking ? 'blocker' : 'minor',
    location: { path: rootPath(finding.path, repository), lines: { begin: finding.line } },
  };
}

/** What a finding is about, without its line. */
function findingKey(finding: Finding, filePath: string): string {
  if (finding.item) return `${finding.kind}\0${filePath}\0${itemIdentity(finding.item)}`;
  return `${finding.kind}\0${filePath}\0${finding.claim?.text ?? ''}`;
}

/** The item's own fingerprint when the report has one, else its title within its sections. */
function itemIdentity(item: Item): string {
  const own = (item as Item & { fingerprint?: unknown }).fingerprint;
  return typeof own === 'string' && own !== '' ? `fingerprint\0${own}` : `${item.sectionPath.join('\0')}\0${item.title}`;
}
