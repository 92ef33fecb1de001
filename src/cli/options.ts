import { InvalidArgumentError, Option } from 'commander';
import type { FailOn } from '../model.js';
import { PRIORITIES } from '../model.js';
import { FORMAT_NAMES } from '../render/index.js';
import type { Concurrency } from '../engine/types.js';
import { isoDate } from '../extract/planning/index.js';

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
  /** `--ignore <glob>`, repeatable. */
  ignore?: string[];
  /** `--stdin-filename <path>`: the name text read from `-` is reported under. */
  stdinFilename?: string;
  /** `--print-config [file]`: `true` without a file. */
  printConfig?: string | true;
  /** `--debug`. */
  debug?: boolean;
  /** `--verbose`. */
  verbose?: boolean;
  /** `--today YYYY-MM-DD`: the day items are overdue against. */
  today?: string;
  /** `--file-timeout <seconds>`. */
  fileTimeout?: number;
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `--today YYYY-MM-DD`: a real calendar day (README.md#planning-formats). */
export function parseToday(value: string): string {
  const date = isoDate(value);
  if (date === null) throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a date as YYYY-MM-DD, such as 2026-03-01`);
  return date;
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

/** One `--format` of a run: a format name, and the file it goes to (`NAME:FILE`), else stdout. */
export interface FormatRequest {
  name: string;
  file?: string;
}

/** The common options of `report` and `check`, whose `--format` is repeatable (README.md#ci). */
export interface MultiFormatOptions extends Omit<CommonOptions, 'format'> {
  format?: FormatRequest[];
}

/**
 * Parses one `--format` value, `NAME` or `NAME:FILE`, onto the ones before it.
 *
 * @throws InvalidArgumentError (exit 2) for an unknown name or an empty file.
 */
export function parseFormatRequest(formats: readonly string[], value: string, previous: FormatRequest[] | undefined): FormatRequest[] {
  const at = value.indexOf(':');
  const name = at === -1 ? value : value.slice(0, at);
  const file = at === -1 ? undefined : value.slice(at + 1);
  if (!formats.includes(name)) {
    throw new InvalidArgumentError(`Unexpected \`${name}\`, expected one of ${formats.join(', ')}, optionally followed by :FILE`);
  }
  if (file === '') throw new InvalidArgumentError(`Unexpected \`${value}\`, expected a file name after \`${name}:\``);
  return [...(previous ?? []), file === undefined ? { name } : { name, file }];
}

/** The common options, as commander Options, in help order. `formats` limits `--format` for a command; `repeatable` lets it take `NAME:FILE` several times. */
export function commonOptions(formats: readonly string[] = FORMAT_NAMES, repeatable = false): Option[] {
  const format = new Option('-f, --format <name>', repeatable ? 'output format; repeat as NAME:FILE to write more formats to files' : 'output format').choices(formats);
  if (repeatable) format.argParser((value: string, previous: FormatRequest[] | undefined) => parseFormatRequest(formats, value, previous));
  return [
    format,
    new Option('-o, --output <file>', 'write the output to a file instead of stdout'),
    new Option('--fail-on <level>', 'lowest priority whose open items block readiness (none: nothing blocks)').choices(PRIORITIES),
    new Option('--hours-per-day <n>', 'hours in one day of effort; a week is 5 days').argParser(parseHoursPerDay),
    new Option('--config <file>', 'read the configuration from this file instead of searching for one'),
    new Option('--no-config', 'ignore configuration files'),
    new Option('--color', 'force colour output'),
    new Option('--no-color', 'disable colour output (also NO_COLOR=1)'),
    new Option('-q, --quiet', 'print only errors on stderr'),
    new Option('--ignore <glob>', 'skip files matching the glob, as the config\'s `ignore` (repeatable); `!glob` paths do the same').argParser(collect),
    new Option('--print-config [file]', 'print the effective configuration as JSON, each value with where it came from, and exit'),
    new Option('--debug', 'print the config file, the files found and timings on stderr'),
    new Option('--today <date>', 'the day overdue is measured against, YYYY-MM-DD (default: the local date)').argParser(parseToday),
  ];
}

/** `-` and `--stdin-filename`: reading a checklist from stdin (report, check, list). */
export function stdinOptions(): Option[] {
  return [new Option('--stdin-filename <path>', 'the name text from `-` (stdin) is reported under (default: <stdin>)')];
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
    new Option('--file-timeout <seconds>', 'parse budget per file (default: 10); a file past it is skipped with an error, exit 2').argParser(parseFileTimeout),
  ];
}
