import { outputFailure } from './output.js';
import { run } from './run.js';

/**
 * Connects {@link run} to the real process: argv, streams, environment; sets
 * `process.exitCode`. A standard stream that fails (EPIPE, a full device)
 * ends the run with one line on stderr and exit 2, never 1: a gate must not
 * read a lost report as "not ready", nor a ready one as passed.
 */
export async function main(): Promise<void> {
  let outputFailed = false;
  const onStreamError = (name: string) => (error: unknown): void => {
    process.exitCode = 2;
    if (outputFailed) return;
    outputFailed = true;
    if (name !== 'standard error') {
      try {
        process.stderr.write(`shipready: error: ${outputFailure(name, error)}\n`);
      } catch {
        // stderr is gone too: the exit code is all that is left.
      }
    }
  };
  process.stdout.on('error', onStreamError('standard output'));
  process.stderr.on('error', onStreamError('standard error'));
  const interrupt = new AbortController();
  // Ctrl-C, `kill` and a closed terminal end a run the same way: watch gives the terminal back (cursor shown).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      interrupt.abort();
      // A command that does not listen for the signal is stopped the usual way a moment later.
      setTimeout(() => process.kill(process.pid, signal), 1000).unref();
    });
  }
  const code = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    platform: process.platform,
    signal: interrupt.signal,
  });
  process.exitCode = outputFailed ? 2 : code;
}
