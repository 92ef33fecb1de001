import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { CONFIG_FILES } from '../../config/load.js';
import { agentSnippet, githubWorkflowSnippet, preCommitSnippet, STARTER_CONFIG, STARTER_CONFIG_FILE } from '../../config/starter.js';
import { ConfigError, UsageError } from '../../errors.js';
import { VERSION } from '../../version.js';
import type { ExitCode, RunContext } from '../context.js';

/**
 * `shipready init [--force]`: writes a commented `.shipreadyrc.yaml` in the
 * working directory and prints the pre-commit and GitHub Actions snippets
 * (README.md#command-line). Refuses, with exit 2, to overwrite an existing
 * configuration without `--force`, and to add a second configuration beside
 * another file that would take precedence.
 */
export function registerInit(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  program
    .command('init')
    .description('write a starter .shipreadyrc.yaml and print the pre-commit, GitHub Actions and coding-agent snippets')
    .option('--force', `overwrite an existing ${STARTER_CONFIG_FILE}`)
    .action(async (options: { force?: boolean }) => {
      const existing = await existingConfig(ctx.cwd);
      if (existing !== null && existing !== STARTER_CONFIG_FILE) {
        throw new UsageError(
          `Unexpected \`${existing}\`: it already configures shipready here and would take precedence over ${STARTER_CONFIG_FILE}; edit it instead`,
        );
      }
      const target = path.join(ctx.cwd, STARTER_CONFIG_FILE);
      try {
        // "wx" fails when the file exists, so a file created meanwhile is never clobbered.
        await writeFile(target, STARTER_CONFIG, { encoding: 'utf8', flag: options.force ? 'w' : 'wx' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`\`${STARTER_CONFIG_FILE}\` already exists; pass --force to overwrite it`);
        throw new ConfigError(`Cannot write \`${STARTER_CONFIG_FILE}\` (${code ?? String(error)}); check the directory's permissions`);
      }
      ctx.stdout.write(
        [
          `Wrote ${STARTER_CONFIG_FILE}. Hook and CI snippets to copy:`,
          '',
          '# .pre-commit-config.yaml',
          preCommitSnippet(VERSION),
          '# .github/workflows/readiness.yml',
          githubWorkflowSnippet(VERSION),
          '# AGENTS.md or CLAUDE.md (coding agents)',
          agentSnippet(),
        ].join('\n'),
      );
      done(0);
    });
}

/** The first configuration file in `dir` itself (not above it), in search order; package.json only with a "shipready" key. */
async function existingConfig(dir: string): Promise<string | null> {
  for (const name of CONFIG_FILES) {
    const text = await readFile(path.join(dir, name), 'utf8').catch(() => null);
    if (text === null) continue;
    if (name !== 'package.json') return name;
    try {
      if (Object.hasOwn(JSON.parse(text) as object, 'shipready')) return name;
    } catch {
      // An unparsable package.json is not a shipready configuration; init leaves it alone.
    }
  }
  return null;
}
