import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';

/**
 * The command line before commander sees it (docs/cli.md#global-options):
 * options written before the command (`shipready --cache check .`) move
 * after it, as ESLint and git accept them; `-v` alone is `--version`.
 * Anything else is left as given.
 */
export function hoistCommand(argv: readonly string[], program: Command): string[] {
  if (argv.length === 1 && argv[0] === '-v') return ['--version'];
  const names = new Set(program.commands.map((command) => command.name()));
  const takesValue = new Map<string, boolean>();
  for (const command of program.commands) {
    for (const option of command.options) {
      const needs = option.required || option.optional;
      if (option.long) takesValue.set(option.long, needs);
      if (option.short) takesValue.set(option.short, needs);
    }
  }
  let i = 0;
  while (i < argv.length) {
    const token = argv[i]!;
    if (names.has(token)) break;
    if (!token.startsWith('-') || token === '-' || token === '--') return [...argv];
    if (['-h', '--help', '-V', '--version'].includes(token)) return [...argv];
    const name = token.includes('=') ? token.slice(0, token.indexOf('=')) : token;
    if (!takesValue.has(name)) return [...argv];
    i += takesValue.get(name) && !token.includes('=') ? 2 : 1;
  }
  if (i === 0 || i >= argv.length) return [...argv];
  return [argv[i]!, ...argv.slice(0, i), ...argv.slice(i + 1)];
}

/**
 * A first argument that looks like a mistyped command (`chek`): not a
 * command, not a path that exists, not a glob or a path with a separator or
 * an extension, and within two edits of a command name. Null when the
 * argument is anything else (a path, which discovery reports if it matches
 * nothing).
 */
export function unknownCommand(argv: readonly string[], names: readonly string[], cwd: string): { given: string; suggestion: string | null } | null {
  const given = argv[0];
  if (given === undefined || given.startsWith('-') || names.includes(given)) return null;
  if (/[/\\.*?[\]{}!]/.test(given) || existsSync(path.resolve(cwd, given))) return null;
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(given.toLowerCase(), name);
    if (distance <= 2 && (best === null || distance < best.distance)) best = { name, distance };
  }
  return best === null ? null : { given, suggestion: best.name };
}

/** Optimal string alignment distance (Damerau–Levenshtein, adjacent swaps count one). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
