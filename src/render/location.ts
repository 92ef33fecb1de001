import path from 'node:path';
import type { RepositoryContext } from './types.js';

/**
 * A report path (relative to the working directory, `/` separators) made
 * relative to the repository root when the CLI knows where the working
 * directory sits in it (`repository.prefix`), else returned as it is.
 * `../TODO.md` run from `docs/` becomes `TODO.md`.
 */
export function rootPath(filePath: string, repository: RepositoryContext | undefined): string {
  const prefix = repository?.prefix;
  if (prefix === undefined || prefix === '') return filePath;
  const joined = path.posix.normalize(path.posix.join(prefix, filePath));
  // A file outside the repository keeps its own path: no root-relative path names it.
  return joined.startsWith('../') ? filePath : joined;
}

/** Each path segment percent-encoded, for a URL. */
export function encodePath(filePath: string): string {
  return filePath.split('/').map(encodeURIComponent).join('/');
}

/**
 * The absolute URL of a report path at the run's commit (`repository.blobUrl`
 * + root-relative path, `#L<line>` when given), or undefined without a blob URL.
 */
export function blobLink(filePath: string, line: number | null, repository: RepositoryContext | undefined): string | undefined {
  if (repository?.blobUrl === undefined) return undefined;
  return `${repository.blobUrl}${encodePath(rootPath(filePath, repository))}${line === null ? '' : `#L${line}`}`;
}
