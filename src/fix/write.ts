/**
 * Atomic, guarded writes for `fix`: the new bytes go to a
 * temporary file that is renamed over the original (write-file-atomic,
 * which keeps the file's mode and owner and follows symlinks), and only
 * when the file still holds the bytes `fix` read — a file edited while
 * `fix` ran is left alone.
 */
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';
import { sameBytes } from './bytes.js';

/**
 * Replaces the file's content with `after` unless it no longer holds
 * `before`. Returns `written`, or `changed` when the file changed on disk
 * since it was read (nothing written).
 *
 * @throws the file system's error (with its `code`) when reading or writing fails.
 */
export async function writeIfUnchanged(absolutePath: string, before: Uint8Array, after: Uint8Array): Promise<'written' | 'changed'> {
  const current = await readFile(absolutePath);
  if (!sameBytes(current, before)) return 'changed';
  await writeFileAtomic(absolutePath, Buffer.from(after));
  return 'written';
}
