/** Types of the benchmark generator, for the tests that reuse it (test/engine-modes.test.ts). */
export interface Written {
  /** Paths relative to the directory, in order. */
  files: string[];
  /** Total size in bytes. */
  bytes: number;
}
export const AVERAGE_FILE_BYTES: number;
export function mulberry32(seed: number): () => number;
export function generateChecklist(seed: number, targetBytes: number): string;
export function writeCorpus(dir: string, options: { files: number; seed?: number }): Written;
export function writeBigFile(dir: string, options: { bytes: number; seed?: number }): Written;
export function parseBytes(text: string): number;
