import { Command, CommanderError } from 'commander';
import { ShipreadyError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerFix } from './commands/fix.js';
import { registerInit } from './commands/init.js';
import { registerList } from './commands/list.js';
import { registerMcp } from './commands/mcp.js';
import { registerNext } from './commands/next.js';
import { registerReport } from './commands/report.js';
import { registerWatch } from './commands/watch.js';
import type { ExitCode, RunContext } from './context.js';

/**
 * Runs shipready with the given arguments and streams and returns the exit
 * code (docs/rules.md#exit-codes). Never calls `process.exit`: the caller sets
 * `process.exitCode`, so piped output is never cut off.
 */
export async function run(ctx: RunContext): Promise<ExitCode> {
  let code: ExitCode = 0;
  const program = new Command('shipready')
    .description('Readiness reports from markdown checklists: done, open by priority, remaining effort, blockers, stale counts.')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
    });
  const done = (result: ExitCode): void => {
    code = result;
  };
  // The order of README.md#command-line, which --help shows.
  registerReport(program, ctx, done);
  registerCheck(program, ctx, done);
  registerList(program, ctx, done);
  registerNext(program, ctx, done);
  registerFix(program, ctx, done);
  registerWatch(program, ctx, done);
  registerInit(program, ctx, done);
  registerMcp(program, ctx, done, run);
  for (const command of program.commands) command.exitOverride();

  try {
    await program.parseAsync([...ctx.argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every usage error is 2, never 1 ("not ready").
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ShipreadyError) {
      ctx.stderr.write(`shipready: ${error.message}\n`);
      return error.exitCode;
    }
    ctx.stderr.write(`shipready: internal error — please report it with this output\n${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}
