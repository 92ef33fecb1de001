// Preloaded by the hardening tests (`NODE_OPTIONS=--import=…`): when the
// process exits, writes its run time and peak memory to
// $SHIPREADY_USAGE_FILE as JSON, for the table in the closing note.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.SHIPREADY_USAGE_FILE;
  // performance.now() counts from the start of the process; maxRSS is in KiB.
  if (file) writeFileSync(file, JSON.stringify({ ms: Math.round(performance.now()), maxRssKiB: process.resourceUsage().maxRSS }));
});
