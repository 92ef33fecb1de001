import { XMLBuilder } from 'fast-xml-parser';
import type { FileReport, GateVerdict, Item, Report } from '../model.js';
import { printablePath, sanitizeText, xmlSafe } from '../text/sanitize.js';
import type { Renderer } from './types.js';
import { checkMessage, checkName, findingTitle } from './verdict.js';

/**
 * `--format junit`: JUnit XML as GitLab, Jenkins and Azure Pipelines read it.
 * One `<testsuite>` per file and one `<testcase>` per item: done items pass,
 * open blocking items fail (`<failure>`), other open items and cancelled
 * items are `<skipped>` (not done, not failing). A file that could not be read
 * is an `<error>`. When the run is a gate (`shipready check`), a last
 * `shipready check` suite holds one test case per gate check. Times are 0:
 * nothing is timed, and output is deterministic.
 *
 * Valid against the JUnit XSD of Jenkins' xUnit plugin (test/schemas/): the
 * file is the suite's `file` attribute, and each case's `path:line` is in its
 * name and its `<system-out>` (a `<testcase>` has no file or line attribute);
 * `<skipped>` gives its reason as text, `<testsuites>` counts no skipped.
 */
export const renderJunit: Renderer = ({ report, verdict, findings, options }) => {
  const blockingTitles = new Map<Item, string>();
  for (const finding of findings.blocking) if (finding.item) blockingTitles.set(finding.item, findingTitle(finding));
  const suites = report.files.map((file) => fileSuite(file, blockingTitles));
  if (options.gate) suites.push(gateSuite(report, verdict));
  const sum = (key: keyof SuiteCounts): number => suites.reduce((n, suite) => n + suite.counts[key], 0);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': 'shipready',
      '@_tests': sum('tests'),
      '@_failures': sum('failures'),
      '@_errors': sum('errors'),
      '@_time': 0,
      testsuite: suites.map((suite) => suite.node),
    },
  };
  return `${xmlBuilder().build(document)}`;
};

let builder: XMLBuilder | undefined;

/** fast-xml-parser's builder; attribute and text values are escaped by it (&, <, >, ", '). This module is loaded only when junit is asked for. */
function xmlBuilder(): XMLBuilder {
  builder ??= new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
  return builder;
}

interface SuiteCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

interface Suite {
  counts: SuiteCounts;
  node: Record<string, unknown>;
}

function fileSuite(file: FileReport, blockingTitles: ReadonlyMap<Item, string>): Suite {
  // A crafted file name must not start a line of its own in the XML (`\n::error::…` in a CI log).
  const filePath = printablePath(file.path);
  const classname = xmlSafe(filePath.replace(/\.(md|markdown)$/i, ''));
  const cases: Record<string, unknown>[] = [];
  const counts: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const diagnostic of file.diagnostics.filter((d) => d.severity === 'error')) {
    counts.tests++;
    counts.errors++;
    cases.push({
      ...testcase(`read ${filePath}`, classname),
      error: { '@_message': xmlSafe(sanitizeText(diagnostic.message)), '@_type': 'io' },
    });
  }
  for (const item of file.items) {
    counts.tests++;
    const node = testcase(`${item.title} (${filePath}:${item.line})`, classname);
    const where = item.sectionPath.length > 0 ? `\nsection: ${item.sectionPath.join(' › ')}` : '';
    const detail = `${filePath}:${item.line}: ${item.title}\npriority: ${item.priority}, status: ${item.status.replace('_', ' ')}${where}`;
    const blockingTitle = blockingTitles.get(item);
    if (blockingTitle !== undefined) {
      counts.failures++;
      node.failure = { '@_message': xmlSafe(`${blockingTitle}: ${item.title}`), '@_type': 'blocking', '#text': xmlSafe(detail) };
    } else if (item.status === 'cancelled') {
      counts.skipped++;
      node.skipped = 'cancelled';
    } else if (item.status !== 'done') {
      counts.skipped++;
      node.skipped = xmlSafe(`open (${item.priority}, ${item.status.replace('_', ' ')}), not blocking`);
    }
    // A failure carries the detail as its text already.
    if (blockingTitle === undefined) node['system-out'] = xmlSafe(detail);
    cases.push(node);
  }
  return { counts, node: suiteNode(filePath, counts, cases, filePath) };
}

function gateSuite(report: Report, verdict: GateVerdict): Suite {
  const counts: SuiteCounts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases = verdict.checks.map((check) => {
    counts.tests++;
    const message = xmlSafe(checkMessage(check, report));
    const node: Record<string, unknown> = { '@_name': xmlSafe(checkName(check)), '@_classname': 'shipready.check', '@_time': 0 };
    if (!check.passed) {
      counts.failures++;
      node.failure = { '@_message': message, '@_type': check.rule };
    } else {
      node['system-out'] = message;
    }
    return node;
  });
  return { counts, node: suiteNode('shipready check', counts, cases) };
}

function suiteNode(name: string, counts: SuiteCounts, cases: Record<string, unknown>[], file?: string): Record<string, unknown> {
  return {
    '@_name': xmlSafe(name),
    ...(file === undefined ? {} : { '@_file': xmlSafe(file) }),
    '@_tests': counts.tests,
    '@_failures': counts.failures,
    '@_errors': counts.errors,
    '@_skipped': counts.skipped,
    '@_time': 0,
    testcase: cases,
  };
}

function testcase(name: string, classname: string): Record<string, unknown> {
  return { '@_name': xmlSafe(name), '@_classname': classname, '@_time': 0 };
}
