/**
 * Typed errors for unusable input. The CLI prints each as one line on stderr
 * and exits 2 (docs/rules.md#exit-codes). Anything else is a bug and keeps its stack.
 */

/** Base class: an error the user can fix; `message` is one line. */
export class ShipreadyError extends Error {
  /** Exit code for this error (docs/rules.md#exit-codes). */
  readonly exitCode = 2 as const;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage: an unknown option, a bad value. */
export class UsageError extends ShipreadyError {}

/** A configuration file that is missing, unreadable or invalid. */
export class ConfigError extends ShipreadyError {}

/** A path argument that matched no markdown file (README.md#command-line). */
export class NoFilesMatchedError extends ShipreadyError {
  constructor(readonly pattern: string) {
    super(`No markdown files matched \`${pattern}\`; check the path, or pass a directory or a glob such as "docs/**/*.md"`);
  }
}
