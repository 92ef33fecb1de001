import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { importRemarkPlugin, type RemarkPluginSpec } from '../parse/plugins.js';
import type { RemarkPluginEntry } from './validate.js';

/**
 * Resolves and imports the configuration's `remarkPlugins`: each name is
 * resolved from the configuration file's directory as Node resolves a
 * `require` there (a package in a `node_modules` above it, or a relative
 * path), then imported once to check that it is a plugin. A package's
 * version, or a local file's content hash, goes into the result so a cache
 * made with another plugin is not reused.
 *
 * @param configFile absolute path of the configuration file.
 * @param shown the configuration file as shown in messages.
 * @returns the plugins in the configured order.
 * @throws ConfigError naming the file and the plugin, with what to do, when
 *   one cannot be found or imported or exports no function.
 */
export async function resolveRemarkPlugins(
  entries: readonly RemarkPluginEntry[],
  configFile: string,
  shown: string,
): Promise<RemarkPluginSpec[]> {
  const require = createRequire(configFile);
  const specs: RemarkPluginSpec[] = [];
  for (const entry of entries) {
    const [name, options] = typeof entry === 'string' ? [entry, undefined] : entry;
    const cannot = (why: string, todo: string): ConfigError =>
      new ConfigError(`${shown}: cannot load remark plugin \`${name}\` (${why}); ${todo}`);
    let resolved: string;
    try {
      resolved = resolveModule(require, name);
    } catch (error) {
      const local = isPath(name);
      throw cannot(
        `${(error as NodeJS.ErrnoException).code ?? 'not found'} from ${path.dirname(shown) === '.' ? 'the config file\'s directory' : path.dirname(shown)}`,
        local ? 'check the path, relative to the config file' : `install it (npm install --save-dev ${name}) or remove it from remarkPlugins`,
      );
    }
    const spec: RemarkPluginSpec = { name, path: resolved, version: isPath(name) ? contentHash(resolved) : packageVersion(resolved) };
    if (options !== undefined) spec.options = options;
    try {
      await importRemarkPlugin(spec);
    } catch (error) {
      const why = String((error as Error)?.message ?? error).split('\n')[0]!.trim();
      throw cannot(why, 'check that it is a remark plugin, or remove it from remarkPlugins');
    }
    specs.push(spec);
  }
  return specs;
}

/** `./x.js`, `../x.js` or an absolute path, rather than a package name. */
function isPath(name: string): boolean {
  return name.startsWith('./') || name.startsWith('../') || path.isAbsolute(name);
}

/**
 * The entry file of `name` for `require`; a package whose `exports` offer
 * only an `import` condition (ES modules only) is resolved through it.
 */
function resolveModule(require: NodeJS.Require, name: string): string {
  try {
    return require.resolve(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
    for (const dir of require.resolve.paths(name) ?? []) {
      const manifest = path.join(dir, name, 'package.json');
      if (!existsSync(manifest)) continue;
      const target = importTarget((JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: unknown }).exports);
      if (target !== null) return path.join(dir, name, target);
    }
    throw error;
  }
}

/** The `import` entry of a package's `exports` for `.`, following nested conditions; null when there is none. */
function importTarget(exports: unknown): string | null {
  let current: unknown = exports;
  if (current !== null && typeof current === 'object' && '.' in current) current = (current as Record<string, unknown>)['.'];
  for (let depth = 0; depth < 8; depth++) {
    if (typeof current === 'string') return current;
    if (current === null || typeof current !== 'object') return null;
    const conditions = current as Record<string, unknown>;
    current = conditions.import ?? conditions.node ?? conditions.default;
  }
  return null;
}

/** The version in the nearest `package.json` above a package's entry file that names the package, else null. */
function packageVersion(entry: string): string | null {
  for (let dir = path.dirname(entry); path.dirname(dir) !== dir; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    try {
      const data = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown; version?: unknown };
      if (typeof data.name === 'string') return typeof data.version === 'string' ? data.version : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** A local plugin file's identity: the SHA-256 of its content (its imports are not followed). */
function contentHash(file: string): string {
  return `sha256:${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)}`;
}
