import type { Command } from 'commander';

/** Where the documentation lives; each command's help ends with its section. */
export const DOCS_URL = 'https://www.npmjs.com/package/shipready';

/** The environment variables shipready reads (src/cli/settings.ts and color.ts), for `--help`. */
export const ENVIRONMENT: ReadonlyArray<readonly [string, string]> = [
  ['NO_COLOR', 'no colour (https://no-color.org); --color wins'],
  ['FORCE_COLOR', 'colour even when stdout is not a terminal (0 or false: none)'],
  ['COLUMNS', 'terminal width when stdout is not a terminal (40 at least)'],
  ['GITHUB_ACTIONS', 'true: `check` defaults to --format github'],
  ['GITHUB_STEP_SUMMARY', '`check` appends the markdown report to this file'],
];

/** Exit codes as `--help` states them (docs/rules.md#exit-codes). */
const EXIT_CODES: Record<string, ReadonlyArray<readonly [string, string]>> = {
  default: [
    ['0', 'the run succeeded, whatever the readiness'],
    ['2', 'usage, configuration or I/O error'],
  ],
  check: [
    ['0', 'ready (or --warn-only)'],
    ['1', 'not ready: blocking items open, or a policy failed'],
    ['2', 'usage, configuration or I/O error'],
  ],
  fix: [
    ['0', 'nothing to fix, or rewritten'],
    ['1', '--check: something would be rewritten'],
    ['2', 'usage, configuration or I/O error'],
  ],
};

/** Examples per command, as a new user would type them. */
const EXAMPLES: Record<string, readonly string[]> = {
  shipready: [
    'shipready                              # report on every markdown file here',
    'shipready check docs "!docs/old/**"    # CI gate, one directory left out',
    'shipready --cache check .              # options may come before the command',
    'cat TODO.md | shipready -              # read a checklist from stdin',
  ],
  report: [
    'shipready report TODO.md',
    'shipready report "**/*.md" "!CHANGELOG.md" --by section',
    'shipready report --format markdown -o READINESS.md',
    'shipready report --print-config',
  ],
  check: [
    'shipready check',
    'shipready check --min-percent 80 --max-open high=5 --fail-on-stale',
    'git diff --name-only --cached | xargs shipready check',
    'shipready check - --stdin-filename TODO.md < TODO.md',
  ],
  list: [
    'shipready list --blocking',
    'shipready list --priority high+ --group-by file',
    'shipready list --status all --format json | jq .count',
  ],
  fix: ['shipready fix --check', 'shipready fix --diff', 'shipready fix TODO.md'],
  watch: ['shipready watch', 'shipready watch docs --by section'],
  init: ['shipready init', 'shipready init --force'],
};

/** The README section of each command (README.md#command-line and the sections after it). */
const DOCS_ANCHOR: Record<string, string> = {
  shipready: 'command-line',
  report: 'formats',
  check: 'check',
  list: 'shipready-list',
  fix: 'fix',
  watch: 'watch',
  init: 'configuration',
};

function table(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`).join('\n');
}

/** The text after a command's options: examples, exit codes, environment variables and its docs link. */
export function helpAfter(name: string): string {
  const parts = [`Examples:\n${(EXAMPLES[name] ?? []).map((line) => `  $ ${line}`).join('\n')}`];
  if (name !== 'init') parts.push(`Exit codes:\n${table(EXIT_CODES[name] ?? EXIT_CODES.default!)}`);
  if (name !== 'init' && name !== 'fix') parts.push(`Environment:\n${table(ENVIRONMENT)}`);
  parts.push(`Docs: ${DOCS_URL}#${DOCS_ANCHOR[name] ?? 'command-line'}`);
  return `\n${parts.join('\n\n')}\n`;
}

/** Adds {@link helpAfter} to the program and every command. */
export function addHelpTexts(program: Command): void {
  program.addHelpText('after', helpAfter('shipready').replace('Exit codes:\n', 'Exit codes (`check` and `fix --check` also exit 1):\n'));
  for (const command of program.commands) command.addHelpText('after', helpAfter(command.name()));
}
