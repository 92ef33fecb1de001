import { run } from './run.js';

/** Connects {@link run} to the real process: argv, streams, environment; sets `process.exitCode`. */
export async function main(): Promise<void> {
  process.exitCode = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    platform: process.platform,
  });
}
