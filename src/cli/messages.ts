/**
 * The run-level half of the one message grammar (docs/cli.md#messages):
 * `shipready: error: …` and `shipready: warning: …`, one line each. Findings
 * and diagnostics use `path:line:column: severity: message`
 * (render/diagnostics.ts).
 */

/** `shipready: error: message\n`. */
export function errorLine(message: string): string {
  return `shipready: error: ${message}\n`;
}

/** `shipready: warning: message\n`. */
export function warningLine(message: string): string {
  return `shipready: warning: ${message}\n`;
}

/**
 * Commander's error text (`error: unknown option '--fomat'\n(Did you mean
 * --format?)\n`) in the grammar above: `shipready: error: unknown option
 * '--fomat' (did you mean --format?)`, one line.
 */
export function rewrapCommanderError(text: string): string {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const [first = 'usage error', ...rest] = lines;
  let message = first.replace(/^error:\s*/, '');
  for (const line of rest) {
    const suggestion = /^\(Did you mean (.+)\?\)$/.exec(line);
    message += suggestion ? ` (did you mean ${suggestion[1]}?)` : ` ${line}`;
  }
  return errorLine(`${message.replace(/\.$/, '')}; see \`shipready --help\``);
}
