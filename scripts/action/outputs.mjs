// The action's outputs from shipready's JSON report: `ready` (the gate's
// verdict, from the exit code), `blocking` and `percent` (README.md#github-action).
import { readFileSync } from 'node:fs';

const [file, code] = process.argv.slice(2);
const report = JSON.parse(readFileSync(file, 'utf8'));
process.stdout.write(`ready=${code === '0'}\nblocking=${report.totals.blocking}\npercent=${report.totals.percent}\n`);
