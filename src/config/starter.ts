/**
 * What `shipready init` writes and prints: a commented starter configuration
 * and the hook / CI snippets. The README shows the same snippets (a test
 * keeps them in step).
 */

/** The file `shipready init` writes: YAML, the one config format that allows comments. */
export const STARTER_CONFIG_FILE = '.shipreadyrc.yaml';

/** The starter configuration: the defaults spelled out, every other key commented with an example. */
export const STARTER_CONFIG = `# shipready configuration. Command-line options override every key.
# Editors that read the comment below complete and check the keys.
# yaml-language-server: $schema=./node_modules/shipready/schema/config.schema.json

# Markdown files, directories or globs to check when the command line names
# none (default: the current directory). Relative to this file.
# include:
#   - TODO.md
#   - docs/**/*.md

# Globs to skip, relative to this file. .gitignore and node_modules are always
# honoured.
# ignore:
#   - CHANGELOG.md
#   - docs/archive/**

# Lowest priority whose open items block readiness:
# critical, high, medium, low, or none (nothing blocks).
failOn: critical

# Hours in one day of effort; a week is 5 days.
hoursPerDay: 8

# Gate policies of \`shipready check\` (all off by default).
# minPercent: 80                      # share done, percent, over all items
# minPercent: { critical: 100, high: 80 }
# maxOpen: { high: 5 }                # most open items allowed per priority
# failOnStale: true                   # stale counts ("7/10 incomplete") fail
# failOnOverdue: high                 # open overdue items at high or above fail
# warnOnly: true                      # report failures but exit 0
# failOnEmpty: true                   # no item found at all fails (CI gates)

# Words added to the built-in vocabulary.
# priorityWords:
#   critical: [launch-blocker]
#   low: [later]
# effortFields: [Budget]              # fields whose value is an effort estimate
# blockingMarkers: [STOP-SHIP]        # words that make an open item blocking
`;

/**
 * Where shipready's repository lives, for the snippets that name it (pre-commit's
 * `repo:`, the Action's `uses:`). The package has no public repository URL yet:
 * `OWNER` stands for the account that hosts it (README.md#ci).
 */
export const SHIPREADY_REPOSITORY = 'OWNER/shipready';

/**
 * A `.pre-commit-config.yaml` that runs shipready on staged markdown files:
 * from shipready's git repository at a release tag (works without an npm
 * release), and, commented out, from the npm registry.
 */
export function preCommitSnippet(version: string): string {
  return `repos:
  - repo: https://github.com/${SHIPREADY_REPOSITORY}
    rev: v${version}
    hooks:
      - id: shipready
  # Or from the npm registry:
  # - repo: local
  #   hooks:
  #     - id: shipready
  #       name: shipready
  #       entry: shipready check
  #       language: node
  #       additional_dependencies: ['shipready@${version}']
  #       types: [markdown]
`;
}

/** A GitHub Actions workflow running shipready's Action: annotations, a step summary and one pull-request comment; fails while blocking items are open. */
export function githubWorkflowSnippet(version: string): string {
  return `name: readiness
on: [push, pull_request]
permissions:
  contents: read
  pull-requests: write
jobs:
  shipready:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - uses: ${SHIPREADY_REPOSITORY}@v${version}
        with:
          comment: true
`;
}

/**
 * The line for a coding agent's instructions (AGENTS.md, CLAUDE.md): check
 * readiness before finishing (README.md#coding-agents-mcp).
 */
export function agentSnippet(): string {
  return `## Before you finish

- Run \`npx shipready check\` before you finish, and fix or report what it lists.
- \`npx shipready next\` lists the tasks that can be started now.
`;
}
