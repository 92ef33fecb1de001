import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { ConfigError } from '../errors.js';
import { sanitizeText } from '../extract/text.js';
import type { FailOn, Priority } from '../model.js';

/** A gate threshold per scope: `overall` (all items) or one priority level. */
export type ThresholdScope = Priority | 'overall';

/**
 * A configuration file's content after validation (README.md#command-lineplus the
 * `check` policies of the gate). Shape: `schema/config.schema.json`.
 */
export interface ShipreadyConfig {
  /** The JSON Schema of the file, for editors; ignored. */
  $schema?: string;
  /** Files, directories or globs analysed when the command line names none; relative to the config file. */
  include?: string[];
  /** Globs to skip, relative to the config file. */
  ignore?: string[];
  /** Lowest priority whose open items block readiness (docs/rules.md#blocking-and-readiness). */
  failOn?: FailOn;
  /** Hours in one day of effort, in (0, 24] (docs/rules.md#effort). */
  hoursPerDay?: number;
  /** Extra priority words per level (docs/rules.md#priority). */
  priorityWords?: Partial<Record<Exclude<Priority, 'none'>, string[]>>;
  /** T-shirt sizes and the durations they stand for, `{"M": "1-2d"}` (docs/rules.md#effort). */
  effortSizes?: Record<string, string>;
  /** Extra effort field names (docs/rules.md#effort). */
  effortFields?: string[];
  /** Extra blocking markers (docs/rules.md#blocking-and-readiness). */
  blockingMarkers?: string[];
  /** Minimum share done, percent 0–100: a number for all items, or per scope. */
  minPercent?: number | Partial<Record<ThresholdScope, number>>;
  /** Maximum number of open items: a number for all items, or per scope. */
  maxOpen?: number | Partial<Record<ThresholdScope, number>>;
  /** Stale hand-written counts fail `check`. */
  failOnStale?: boolean;
  /** `check` reports failures but exits 0. */
  warnOnly?: boolean;
  /** `check` fails when it finds no item at all (README.md#check). */
  failOnEmpty?: boolean;
  /** Open overdue items at or above this priority fail `check` (README.md#planning-formats). */
  failOnOverdue?: Priority;
  /** remark plugins after the built-in syntax: module names or paths (from the config file's directory), or `[name, options]`. */
  remarkPlugins?: RemarkPluginEntry[];
  /** Parse budget per file, in seconds (README.md#scale). */
  fileTimeout?: number;
  /** Files larger than this, in bytes, are not read (README.md#scale). */
  maxFileSize?: number;
}

/** One entry of `remarkPlugins`: a module name or path, or the name and the plugin's options. */
export type RemarkPluginEntry = string | [string, unknown];

/** The configuration's JSON Schema, shipped in the package (`schema/config.schema.json`). */
export const CONFIG_SCHEMA_URL = new URL('../../schema/config.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (compiled === undefined) {
    const schema = JSON.parse(readFileSync(CONFIG_SCHEMA_URL, 'utf8')) as Record<string, unknown>;
    // verbose: errors carry their data and parent schema, which the messages need.
    const ajv = new Ajv({ allErrors: false, verbose: true, strict: true, allowUnionTypes: true });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/**
 * Checks a loaded configuration against `schema/config.schema.json`.
 *
 * @param data the parsed file content (`undefined` for an empty file).
 * @param file the file as shown to the user (relative to the working directory).
 * @returns the configuration, typed.
 * @throws ConfigError naming the file, the key, the value and what is allowed:
 *   ``.shipreadyrc.yaml: Unexpected failOn `urgent`, expected one of critical, high, medium, low, none``.
 */
export function validateConfig(data: unknown, file: string): ShipreadyConfig {
  if (data === undefined || data === null) return {};
  const validate = validator();
  if (validate(data)) return data as ShipreadyConfig;
  // A value that fits no branch of an `anyOf` is described by the `anyOf` (its branches' errors come first).
  const error = validate.errors?.find((e) => e.keyword === 'anyOf') ?? validate.errors?.[0];
  throw new ConfigError(`${file}: ${error ? describeError(error) : 'invalid configuration'}`);
}

/** One ajv error as "Unexpected …, expected …" (remark-lint's grammar). */
function describeError(error: ErrorObject): string {
  const where = keyPath(error.instancePath);
  const parent = (error.parentSchema ?? {}) as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((parent.properties ?? {}) as Record<string, unknown>).filter((name) => name !== '$schema');
      const near = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
      const hint = near === undefined ? '' : ` (did you mean \`${near}\`?)`;
      return `Unexpected key \`${show(key)}\`${where ? ` in ${where}` : ''}${hint}, expected one of ${allowed.join(', ')}`;
    }
    case 'enum':
      return `Unexpected ${where} \`${show(error.data)}\`, expected one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    case 'type':
      return `Unexpected ${where || 'configuration'} \`${show(error.data, true)}\` (${typeName(error.data)}), expected ${expectedType(error.schema)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Unexpected ${where} \`${show(error.data)}\`, expected ${rangeText(parent)}`;
    case 'anyOf':
      return `Unexpected ${where} \`${show(error.data, true)}\`, expected ${String(parent.description ?? 'a value that matches the schema')}`;
    case 'minLength':
      return `Unexpected ${where} \`${show(error.data, true)}\`, expected a non-empty string`;
    default:
      return `Unexpected ${where || 'configuration'} \`${show(error.data, true)}\`, expected a value that ${error.message ?? 'matches the schema'}`;
  }
}

/** `/priorityWords/critical/0` → `priorityWords.critical[0]`. */
function keyPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  }
  return out;
}

/** A value for a message: strings as written (quoted when `quote`), others as JSON; one line, at most 40 characters. */
function show(value: unknown, quote = false): string {
  const text = typeof value === 'string' && !quote ? value : JSON.stringify(value) ?? String(value);
  const clean = sanitizeText(text).replace(/\s+/g, ' ');
  return [...clean].length > 40 ? `${[...clean].slice(0, 39).join('')}…` : clean;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function expectedType(schemaType: unknown): string {
  const types = Array.isArray(schemaType) ? schemaType : [schemaType];
  return types.map((type) => TYPE_WORDS[String(type)] ?? String(type)).join(' or ');
}

/** `a number from 0 to 100`, `a number above 0 and at most 24`, `a whole number of at least 0`. */
function rangeText(schema: Record<string, unknown>): string {
  const noun = schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')) ? 'a whole number' : 'a number';
  const min = typeof schema.minimum === 'number' ? schema.minimum : undefined;
  const above = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (above !== undefined && max !== undefined) return `${noun} above ${above} and at most ${max}`;
  if (min !== undefined) return `${noun} of at least ${min}`;
  if (above !== undefined) return `${noun} above ${above}`;
  if (max !== undefined) return `${noun} of at most ${max}`;
  return noun;
}
