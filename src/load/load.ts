import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../model.js';
import { decodeMarkdown, type TextRepair } from './decode.js';
import { displayPath } from './discover.js';

/** A markdown file read from disk and decoded for analysis (SPEC.md §7). */
export interface LoadedDocument {
  /** Relative to the working directory, `/` separators. */
  path: string;
  absolutePath: string;
  /** Analysis text: BOM removed, mojibake repaired; '' when unreadable or binary. */
  text: string;
  /** The file started with a UTF-8 BOM. */
  bom: boolean;
  /** Skipped: unreadable or binary. */
  skipped: boolean;
  /** Mojibake runs replaced in `text`. */
  repairs: TextRepair[];
  diagnostics: Diagnostic[];
}

/**
 * Reads and decodes one file. Never throws: an unreadable file becomes a
 * skipped document with an `error` diagnostic that names what to do, so the
 * other files go on (SPEC.md §8).
 */
export async function loadDocument(absolutePath: string, cwd: string): Promise<LoadedDocument> {
  const path = displayPath(absolutePath, cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      path, absolutePath, text: '', bom: false, skipped: true, repairs: [],
      diagnostics: [{ line: null, severity: 'error', message: `cannot read file (${code}); check that it exists and is readable` }],
    };
  }
  const decoded = decodeMarkdown(bytes);
  return {
    path,
    absolutePath,
    text: decoded.text,
    bom: decoded.bom,
    skipped: decoded.binary,
    repairs: decoded.repairs,
    diagnostics: decoded.diagnostics,
  };
}
