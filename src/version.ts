import { createRequire } from 'node:module';

/**
 * shipready's version, read from package.json so it never drifts. The
 * package root is one level up from `dist/` and two from the bundle in
 * `dist/bundle/` (scripts/bundle.js).
 */
export const VERSION: string = readVersion();

function readVersion(): string {
  const require = createRequire(import.meta.url);
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = require(candidate) as { name?: string; version?: string };
      if (manifest.name === 'shipready' && manifest.version) return manifest.version;
    } catch {
      // not at this level
    }
  }
  throw new Error('shipready: cannot find its package.json; reinstall shipready');
}
