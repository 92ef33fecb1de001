import path from 'node:path';
import type { Vocabulary } from '../extract/vocabulary.js';
import type { LoadedConfig } from './load.js';
import type { ShipreadyConfig } from './validate.js';

/** The configuration's `include` and `ignore`, re-rooted from the config file's directory to the working directory. */
export interface ConfigPaths {
  /** Paths to analyse when the command line gives none; empty when the config names none. */
  include: string[];
  /** Extra ignore globs for discovery. */
  ignore: string[];
}

/**
 * `include` and `ignore` are written relative to the config file (which may
 * sit above the working directory); discovery takes them relative to `cwd`.
 * Globs that start with `**` and a slash match at any depth and are kept as written.
 */
export function configPaths(loaded: LoadedConfig | null, cwd: string): ConfigPaths {
  if (loaded === null) return { include: [], ignore: [] };
  const dir = path.dirname(loaded.filepath);
  const reroot = (entry: string): string => {
    if (entry.startsWith('**/') || path.isAbsolute(entry)) return entry;
    const relative = path.relative(cwd, path.join(dir, entry)) || '.';
    return relative.split(path.sep).join('/');
  };
  return {
    include: (loaded.config.include ?? []).map(reroot),
    ignore: (loaded.config.ignore ?? []).map(reroot),
  };
}

/** The vocabulary additions of a configuration, for `buildVocabulary` (README.md#command-line). */
export function configVocabulary(config: ShipreadyConfig): Partial<Vocabulary> {
  const words = config.priorityWords ?? {};
  return {
    priorityWords: { critical: words.critical ?? [], high: words.high ?? [], medium: words.medium ?? [], low: words.low ?? [] },
    effortFields: config.effortFields ?? [],
    blockingMarkers: config.blockingMarkers ?? [],
    effortSizes: config.effortSizes ?? {},
  };
}
