import { availableParallelism } from 'node:os';
import type { Concurrency, FileAnalysisOptions } from '../engine/types.js';
import type { AnalyzeBatch, WorkerResult } from './analyze-worker.js';

/** Fewer files than this are analysed on the main thread under `auto`: starting a worker costs about as much as parsing 40 checklists. */
export const AUTO_WORKER_MIN_FILES = 64;

/**
 * How many worker threads to start for `fileCount` files: 0 means the main
 * thread. `auto` starts one worker per two cores once there are
 * {@link AUTO_WORKER_MIN_FILES} files, and none below four cores: parsing is
 * allocation-heavy, each thread's garbage collection keeps a second core busy
 * (a serial run already uses 140% CPU), and on 2 cores two workers measured
 * no faster than none (`npm run bench`, 1,000 files: 28.8 s against 27.6 s).
 * A number is taken as given (at most one thread per file).
 */
export function workerCount(concurrency: Concurrency, fileCount: number): number {
  if (concurrency === 'off' || fileCount === 0) return 0;
  if (concurrency === 'auto') return fileCount >= AUTO_WORKER_MIN_FILES ? autoThreads(availableParallelism()) : 0;
  return Math.min(concurrency, fileCount);
}

/** Workers `auto` starts on a machine with `cores` cores: half of them, none below four. */
export function autoThreads(cores: number): number {
  return cores >= 4 ? Math.floor(cores / 2) : 0;
}

/** How {@link analyzeInWorkers} runs. */
export interface WorkerRun {
  cwd: string;
  options: FileAnalysisOptions;
  threads: number;
  /** Return each file's loaded document too. */
  keepDocuments: boolean;
  /** Stops the pool: queued batches are dropped, running ones cut off, and the call rejects. */
  signal?: AbortSignal;
  /** Called with each file's result as its batch comes back: its index in `files`, and the result. */
  onResult?: (index: number, result: WorkerResult) => void;
}

/**
 * Loads and analyses `files` on `run.threads` worker threads (tinypool), in
 * batches so both cores stay busy to the end. Results come back in the order
 * of `files`; they are the same as on the main thread (test/engine-modes.test.ts).
 *
 * @throws the signal's reason when `run.signal` aborts.
 */
export async function analyzeInWorkers(files: readonly string[], run: WorkerRun): Promise<WorkerResult[]> {
  const { cwd, options, threads, keepDocuments, signal, onResult } = run;
  // tinypool loads only when workers run, not on every shipready start.
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: workerScript().href,
    minThreads: threads,
    maxThreads: threads,
  });
  try {
    const size = Math.max(1, Math.min(64, Math.ceil(files.length / (threads * 4))));
    const batches: Array<Promise<WorkerResult[]>> = [];
    for (let start = 0; start < files.length; start += size) {
      const batch: AnalyzeBatch = { files: files.slice(start, start + size), cwd, options, keepDocuments };
      const first = start;
      batches.push((pool.run(batch, { signal: signal ?? null }) as Promise<WorkerResult[]>).then((results) => {
        results.forEach((result, i) => onResult?.(first + i, result));
        return results;
      }));
    }
    return (await Promise.all(batches)).flat();
  } catch (error) {
    signal?.throwIfAborted(); // tinypool's own abort error says less than the signal's reason
    throw error;
  } finally {
    await pool.destroy();
  }
}

/**
 * The worker's module: beside this one once built (tsc's dist/workers/, or the
 * bundle's dist/bundle/, which the package ships); the bundle's when the test
 * runner loads the TypeScript sources (`npm test` builds first).
 */
function workerScript(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/bundle/analyze-worker.js', import.meta.url)
    : new URL('./analyze-worker.js', import.meta.url);
}
