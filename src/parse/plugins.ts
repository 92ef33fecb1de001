import { pathToFileURL } from 'node:url';
import type { Pluggable } from 'unified';

/**
 * A remark plugin named in the configuration's `remarkPlugins`, resolved
 * from the configuration file's directory. Plain data: it is sent to worker
 * threads and is part of the cache's identity, and each thread imports the
 * module itself.
 */
export interface RemarkPluginSpec {
  /** The module as written in the configuration (`remark-emoji`, `./plugins/x.js`). */
  name: string;
  /** Absolute path of the module's entry file. */
  path: string;
  /** The version of the package the entry belongs to, when it has a `package.json` with one; else null. */
  version: string | null;
  /** The plugin's options as written (JSON), or undefined when none were given. */
  options?: unknown;
}

/**
 * Imports a plugin's module and returns the plugin: the default export, or
 * the module's namespace when it is itself a function (CommonJS).
 *
 * @throws Error when the module cannot be imported or exports no function.
 */
export async function importRemarkPlugin(spec: RemarkPluginSpec): Promise<Pluggable> {
  const module = (await import(pathToFileURL(spec.path).href)) as { default?: unknown };
  const plugin = typeof module.default === 'function' ? module.default : typeof module === 'function' ? module : undefined;
  if (typeof plugin !== 'function') throw new Error('it exports no plugin function (default export)');
  return spec.options === undefined ? (plugin as Pluggable) : ([plugin, spec.options] as Pluggable);
}
