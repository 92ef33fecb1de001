/**
 * The one place colour is decided (as knip's `util/colors.ts`).
 * Precedence: `--color`/`--no-color`, then `NO_COLOR`, then `FORCE_COLOR`,
 * then whether stdout is a TTY. Renderers receive only the boolean.
 */
export interface ColorInputs {
  /** `true` for `--color`, `false` for `--no-color`, undefined when neither was given. */
  flag: boolean | undefined;
  env: Readonly<Record<string, string | undefined>>;
  isTTY: boolean;
}

/** Whether to emit ANSI colours. See https://no-color.org and https://force-color.org. */
export function resolveColor({ flag, env, isTTY }: ColorInputs): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return isTTY;
}

/**
 * Whether the terminal can show block characters (█ ░). Windows consoles
 * other than Windows Terminal and the Linux console fall back to ASCII.
 */
export function resolveUnicode(env: Readonly<Record<string, string | undefined>>, platform: string): boolean {
  if (platform !== 'win32') return env.TERM !== 'linux';
  return Boolean(env.WT_SESSION) || env.TERM_PROGRAM === 'vscode' || env.TERM === 'xterm-256color';
}

/**
 * Whether the terminal shows OSC 8 hyperlinks (docs/cli.md#hyperlinks), by
 * supports-hyperlinks' rules, read from `env` only: `FORCE_HYPERLINK`
 * decides when set; else a TTY with colour on, in a terminal known to show
 * them.
 */
export function resolveHyperlinks(env: Readonly<Record<string, string | undefined>>, isTTY: boolean, color: boolean): boolean {
  if (env.FORCE_HYPERLINK !== undefined) return env.FORCE_HYPERLINK !== '0' && env.FORCE_HYPERLINK !== 'false';
  if (!isTTY || !color || env.CI !== undefined || env.TERM === 'dumb') return false;
  if (env.WT_SESSION) return true;
  if (Number(env.VTE_VERSION) >= 5000) return true;
  if (env.KITTY_WINDOW_ID) return true;
  const program = env.TERM_PROGRAM;
  if (program === 'vscode' || program === 'WezTerm' || program === 'ghostty') return true;
  if (program === 'iTerm.app') {
    const [major = 0, minor = 0] = (env.TERM_PROGRAM_VERSION ?? '').split('.').map(Number);
    return major > 3 || (major === 3 && minor >= 1);
  }
  return false;
}
