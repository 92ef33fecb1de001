/** A stream the CLI writes to: the real process streams, or a collector in tests. */
export interface OutputStream {
  /** Text, or bytes already encoded as UTF-8 (`watch --format json` writes its large lines so). */
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
  /** Terminal rows (a TTY's); `watch` cuts a report to them. */
  rows?: number;
  /** A TTY's `resize` event; `watch` redraws on it. */
  on?(event: 'resize', listener: () => void): unknown;
  off?(event: 'resize', listener: () => void): unknown;
  /** A Node stream's write batching: the writes between `cork` and `uncork` go out as one `writev`. */
  cork?(): void;
  uncork?(): void;
}

/** Everything the CLI reads from its surroundings; `run` touches nothing else (thin bin, pure run: docs/architecture.md#stages). */
export interface RunContext {
  /** Arguments after the program name. */
  argv: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The process's stdin, read for the path `-` (docs/cli.md#stdin); absent in runs that have none. */
  stdin?: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  stdout: OutputStream;
  stderr: OutputStream;
  /** `process.platform`; decides the ASCII fallback for bars. */
  platform?: string;
  /** Aborted when the user interrupts (Ctrl-C); long-running commands (`watch`) stop cleanly then. */
  signal?: AbortSignal;
}

/** docs/rules.md#exit-codes: 0 success/ready, 1 not ready or stale, 2 usage, configuration or I/O error. */
export type ExitCode = 0 | 1 | 2;
