import { run } from './run.js';

/** Connects {@link run} to the real process: argv, streams, environment; sets `process.exitCode`. */
export async function main(): Promise<void> {
  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    interrupt.abort();
    // A command that does not listen for the signal is stopped the usual way a moment later.
    setTimeout(() => process.kill(process.pid, 'SIGINT'), 1000).unref();
  });
  process.exitCode = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    platform: process.platform,
    signal: interrupt.signal,
  });
}
