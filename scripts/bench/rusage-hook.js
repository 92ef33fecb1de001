/**
 * Preloaded with `node --import` where GNU time is missing (see measure.js):
 * writes the process's CPU time and peak RSS (worker threads included) to
 * $BENCH_RUSAGE_FILE when it exits.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RUSAGE_FILE) writeFileSync(process.env.BENCH_RUSAGE_FILE, JSON.stringify(process.resourceUsage()));
});
