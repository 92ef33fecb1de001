import { type Command, Option } from 'commander';
import { DIFF_FORMATS, type DiffFormat } from '../../render/diff-formats.js';
import type { ExitCode, RunContext } from '../context.js';
import { writeOutput } from '../output.js';
import { hostingLinks, resolveSettings } from '../settings.js';
import type { CommonOptions } from '../options.js';
import { PRIORITIES } from '../../model.js';

interface DiffOptions extends Pick<CommonOptions, 'output' | 'config' | 'failOn' | 'hoursPerDay'> {
  format?: DiffFormat;
  to?: string;
}

/**
 * `shipready diff [REF] [paths…]` (README.md#diff): what changed in the
 * checklists between REF (default: the merge base with the remote's default
 * branch) and the working tree, or `--to REF2`. Exit 0; 2 for a git problem
 * (no repository, unknown revision, no base in a shallow clone).
 */
export function registerDiff(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  program
    .command('diff')
    .description('what changed in the checklists since a git revision: finished, added, reopened, blocking, effort')
    .argument('[ref]', 'the revision to compare with (default: the merge base with origin/HEAD)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the config\'s include, else the current directory)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(DIFF_FORMATS).default(DIFF_FORMATS[0]))
    .addOption(new Option('--to <ref>', 'compare with this revision instead of the working tree'))
    .addOption(new Option('-o, --output <file>', 'write the output to a file instead of stdout'))
    .addOption(new Option('--fail-on <level>', 'lowest priority whose open items block readiness').choices(PRIORITIES))
    .addOption(new Option('--config <file>', 'read the configuration from this file instead of searching for one'))
    .addOption(new Option('--no-config', 'ignore configuration files'))
    .action(async (ref: string | undefined, paths: string[], options: DiffOptions) => {
      // git and the markdown serialiser are loaded by this command only (docs/architecture.md#start-up).
      const [{ compareRevisions, repositoryPrefix }, { diffFormats }] = await Promise.all([import('../compare.js'), import('../../render/diff.js')]);
      const settings = await resolveSettings(ctx, options, false);
      const { diff, repo, warnings } = await compareRevisions(ctx, settings, paths, ref, options.to);
      for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}\n`);
      const render = diffFormats[options.format ?? DIFF_FORMATS[0]];
      const links = hostingLinks(ctx.env, repositoryPrefix(repo));
      await writeOutput(ctx, render({ diff, options: { hoursPerDay: settings.report.hoursPerDay, links } }), options.output);
      done(0);
    });
}
