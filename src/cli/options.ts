import { InvalidArgumentError, Option } from 'commander';
import type { FailOn } from '../model.js';
import { PRIORITIES } from '../model.js';
import { FORMAT_NAMES } from '../render/index.js';
import type { Concurrency } from '../engine/types.js';

/** Options shared by the commands that build a report (README.md#command-line "Common options"). */
export interface CommonOptions {
  format?: string;
  output?: string;
  failOn?: FailOn;
  hoursPerDay?: number;
  config?: string | false;
  color?: boolean;
  quiet?: boolean;
  /** `--cache` / `--no-cache`. */
  cache?: boolean;
  cacheLocation?: string;
  concurrency?: Concurrency;
  /** `--file-timeout <seconds>`. */
  fileTimeout?: number;
}

/** `--file-timeout <seconds>`: a positive number of seconds. */
export function parseFileTimeout(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a positive number of seconds`);
  return seconds;
}

/** `--hours-per-day N`: a number of hours in (0, 24]. */
export function parseHoursPerDay(value: string): number {
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24) {
    throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a number of hours between 0 and 24`);
  }
  return hours;
}

/** The common options, as commander Options, in help order. `formats` limits `--format` for a command. */
export function commonOptions(formats: readonly string[] = FORMAT_NAMES): Option[] {
  return [
    new Option('-f, --format <name>', 'output format').choices(formats),
    new Option('-o, --output <file>', 'write the output to a file instead of stdout'),
    new Option('--fail-on <level>', 'lowest priority whose open items block readiness (none: nothing blocks)').choices(PRIORITIES),
    new Option('--hours-per-day <n>', 'hours in one day of effort; a week is 5 days').argParser(parseHoursPerDay),
    new Option('--config <file>', 'read the configuration from this file instead of searching for one'),
    new Option('--no-config', 'ignore configuration files'),
    new Option('--color', 'force colour output'),
    new Option('--no-color', 'disable colour output (also NO_COLOR=1)'),
    new Option('-q, --quiet', 'print only errors on stderr'),
  ];
}

/** `--concurrency <n|auto|off>`: a whole number of threads from 1 to 64, `auto` or `off` (ESLint's option of the same name). */
export function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) {
    throw new InvalidArgumentError(`Unexpected \`${value}\`, expected \`auto\`, \`off\` or a number of threads from 1 to 64`);
  }
  return threads;
}

/** The options that make a run faster without changing its output (report, check, list). */
export function performanceOptions(): Option[] {
  return [
    new Option('--cache', 'keep per-file results between runs; only changed files are parsed again'),
    new Option('--no-cache', 'read every file (the default)').hideHelp(),
    new Option('--cache-location <dir>', 'where --cache keeps its files (implies --cache)').default(undefined, 'node_modules/.cache/shipready'),
    new Option('--concurrency <n>', 'worker threads: a number, `auto` (half the cores from 4 cores and 64 files) or `off`').argParser(parseConcurrency),
    new Option('--file-timeout <seconds>', 'parse budget per file; a file past it is skipped with an error').argParser(parseFileTimeout).default(undefined, '10'),
  ];
}
