import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { CosmiconfigResult } from 'cosmiconfig';
import { ConfigError } from '../errors.js';
import { displayPath as reportedPath } from '../load/discover.js';
import type { RemarkPluginSpec } from '../parse/plugins.js';
import type { ShipreadyConfig } from './validate.js';

/**
 * Where a configuration is looked for, in each directory from the working
 * directory upward, first match wins (README.md#command-line). `package.json` counts
 * only when it has a `"shipready"` key.
 */
export const CONFIG_FILES = [
  'shipready.config.json',
  '.shipreadyrc.json',
  '.shipreadyrc.yaml',
  '.shipreadyrc.yml',
  'package.json',
] as const;

/** A configuration file, found and validated. */
export interface LoadedConfig {
  config: ShipreadyConfig;
  /** The configuration's `remarkPlugins`, resolved from its directory and imported once to check them; empty when none. */
  remarkPlugins: RemarkPluginSpec[];
  /** Absolute path of the file. */
  filepath: string;
  /** The file as shown in messages: relative to the working directory, `/` separators. */
  displayPath: string;
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** The working directory: the search starts here; `file` is resolved from it. */
  cwd: string;
  /** `--config FILE` (a path), `--no-config` (`false`), or neither (`undefined`: search). */
  file?: string | false;
}

/**
 * Finds, reads and validates the configuration (README.md#command-line).
 * With `file: false` nothing is read. An empty file is an empty configuration.
 *
 * @returns the configuration, or null when none was found or `file` is false.
 * @throws ConfigError when `--config FILE` cannot be read, a file cannot be
 *   parsed or breaks `schema/config.schema.json`, or a remark plugin it names
 *   cannot be loaded — the message names the file.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<LoadedConfig | null> {
  if (options.file === false) return null;
  // Loaded when a configuration is looked for, not at start-up (docs/architecture.md#start-up).
  // cosmiconfig is CommonJS: its exports are the module's default export.
  const { cosmiconfig } = (await import('cosmiconfig')).default;
  // searchStrategy "none" looks in one directory only; the upward walk is ours,
  // so that no user-global config directory (~/.config/shipready) is consulted.
  const explorer = cosmiconfig('shipready', { searchPlaces: [...CONFIG_FILES], searchStrategy: 'none', cache: false });
  let result: CosmiconfigResult;
  if (options.file !== undefined) {
    const filepath = path.resolve(options.cwd, options.file);
    const info = await stat(filepath).catch(() => null);
    if (info && !info.isFile() && !info.isDirectory()) {
      throw new ConfigError(`Cannot read config file \`${reportedPath(filepath, options.cwd)}\`: not a regular file (a FIFO or device); pass a file to --config`);
    }
    try {
      result = await explorer.load(filepath);
    } catch (error) {
      throw readError(error, filepath, options.cwd);
    }
    return finish(result ?? { filepath, config: undefined, isEmpty: true }, options.cwd);
  }
  for (let dir = path.resolve(options.cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const filepath = path.join(dir, name);
      // Only regular files are opened: a FIFO or a device named like a config would block every run.
      if (!(await isRegularFile(filepath))) continue;
      try {
        result = await explorer.load(filepath);
      } catch (error) {
        throw readError(error, filepath, options.cwd);
      }
      // As cosmiconfig's own search: an empty file, or a package.json without the key, is no configuration.
      if (result !== null && !result.isEmpty && result.config !== undefined) return finish(result, options.cwd);
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/** Whether `file` exists and is a regular file (a link is followed); never opens it. */
async function isRegularFile(file: string): Promise<boolean> {
  return stat(file).then((info) => info.isFile(), () => false);
}

async function finish(result: NonNullable<CosmiconfigResult>, cwd: string): Promise<LoadedConfig> {
  const displayPath = reportedPath(result.filepath, cwd);
  // ajv is loaded only when there is a file to check: most runs of a hook have none.
  const { validateConfig } = await import('./validate.js');
  const config = validateConfig(result.config, displayPath);
  const entries = config.remarkPlugins ?? [];
  const remarkPlugins = entries.length === 0 ? [] : await (await import('./plugins.js')).resolveRemarkPlugins(entries, result.filepath, displayPath);
  return { config, remarkPlugins, filepath: result.filepath, displayPath };
}

/** A read or parse failure as one line naming the file. */
function readError(error: unknown, filepath: string, cwd: string): ConfigError {
  // A file outside the working directory is named as an absolute path, not as `../../x.yaml`.
  const relative = reportedPath(filepath, cwd);
  const shown = relative.startsWith('../') ? filepath : relative;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new ConfigError(`Cannot read config file \`${shown}\`: no such file; check the --config path`);
  if (code === 'EISDIR') return new ConfigError(`Cannot read config file \`${shown}\`: it is a directory; pass a file to --config`);
  if (code !== undefined) return new ConfigError(`Cannot read config file \`${shown}\` (${code})`);
  // cosmiconfig prefixes "JSON Error in <path>:" / "YAML Error in <path>:" on a line of its own.
  const lines = String((error as Error)?.message ?? error)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^(JSON|YAML) Error in /.test(line));
  return new ConfigError(`${shown}: cannot parse the configuration: ${lines[0] ?? 'invalid syntax'}`);
}

