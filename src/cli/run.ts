import { Command, CommanderError } from 'commander';
import { ShipreadyError } from '../errors.js';
import { VERSION } from '../version.js';
import { registerCheck } from './commands/check.js';
import { registerDiff } from './commands/diff.js';
import { registerFix } from './commands/fix.js';
import { registerHistory } from './commands/history.js';
import { registerInit } from './commands/init.js';
import { registerList } from './commands/list.js';
import { registerMcp } from './commands/mcp.js';
import { registerNext } from './commands/next.js';
import { registerReport } from './commands/report.js';
import { registerWatch } from './commands/watch.js';
import type { ExitCode, RunContext } from './context.js';
import { addHelpTexts } from './help.js';
import { errorLine, rewrapCommanderError } from './messages.js';
import { hoistCommand, unknownCommand } from './argv.js';

/**
 * Builds the commander program with every command registered, writing
 * through `ctx`; `done` receives each command's exit code. Used by
 * {@link run} and by the README's command-line reference
 * (scripts/readme-cli.js), so help and README come from one registry.
 */
export function buildProgram(ctx: RunContext, done: (code: ExitCode) => void, helpWidth?: number): Command {
  const program = new Command('shipready')
    .description('Readiness reports from markdown checklists: done, open by priority, remaining effort, blockers, stale counts.')
    .version(VERSION, '-V, --version', 'print the version and exit')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(rewrapCommanderError(text)),
      ...(helpWidth !== undefined ? { getOutHelpWidth: () => helpWidth, getErrHelpWidth: () => helpWidth } : {}),
    });
  // The order of README.md#command-line, which --help shows.
  registerReport(program, ctx, done);
  registerCheck(program, ctx, done);
  registerList(program, ctx, done);
  registerNext(program, ctx, done);
  registerFix(program, ctx, done);
  registerWatch(program, ctx, done);
  registerDiff(program, ctx, done);
  registerHistory(program, ctx, done);
  registerInit(program, ctx, done);
  registerMcp(program, ctx, done, run);
  for (const command of program.commands) {
    command.exitOverride();
    command.showSuggestionAfterError();
    command.configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(rewrapCommanderError(text)),
      ...(helpWidth !== undefined ? { getOutHelpWidth: () => helpWidth, getErrHelpWidth: () => helpWidth } : {}),
    });
  }
  addHelpTexts(program);
  return program;
}

/**
 * Runs shipready with the given arguments and streams and returns the exit
 * code (docs/rules.md#exit-codes). Never calls `process.exit`: the caller sets
 * `process.exitCode`, so piped output is never cut off. Every run-level
 * failure is one line `shipready: error: …` (docs/cli.md#messages).
 */
export async function run(ctx: RunContext): Promise<ExitCode> {
  let code: ExitCode = 0;
  const program = buildProgram(ctx, (result) => {
    code = result;
  });
  const names = program.commands.map((command) => command.name());

  try {
    const argv = hoistCommand(ctx.argv, program);
    const typo = unknownCommand(argv, names, ctx.cwd);
    if (typo !== null) {
      ctx.stderr.write(errorLine(`unknown command '${typo.given}'${typo.suggestion ? ` (did you mean ${typo.suggestion}?)` : ''}; see \`shipready --help\``));
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every usage error is 2, never 1 ("not ready").
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof ShipreadyError) {
      ctx.stderr.write(errorLine(error.message));
      return error.exitCode;
    }
    ctx.stderr.write(errorLine(`internal error — please report it with this output\n${(error as Error)?.stack ?? String(error)}`));
    return 2;
  }
}
