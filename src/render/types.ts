import type { Findings, GateVerdict, Report } from '../model.js';

/** What the per-group rows of a report are: one per priority level (default) or one per section. */
export type Breakdown = 'priority' | 'section';

/** The `--by` choices, in help order. */
export const BREAKDOWNS = ['priority', 'section'] as const satisfies readonly Breakdown[];

/** What every renderer is given besides the report. */
export interface RenderOptions {
  /** Emit ANSI colours (decided once, in cli/color.ts). */
  color: boolean;
  /** Terminal width in columns (80 when unknown). */
  width: number;
  /** Use Unicode block characters (█ ░) for bars; ASCII (# -) otherwise. */
  unicode: boolean;
  /** Rows of the progress breakdown (`--by`): per priority (default) or per section. */
  by?: Breakdown;
  /**
   * Markdown only: the directory, relative to the working directory with `/`
   * separators, that links are written relative to (default `''`, the
   * working directory). A summary embedded in `docs/TODO.md` passes `docs`.
   */
  linkBase?: string;
  /** Markdown only: depth of the document's title heading, 1–5 (default 1); sections are one deeper. */
  headingDepth?: number;
  /** Markdown only: the summary is a block inside a checklist (`fix`), so it leaves out the files-read line. */
  embedded?: boolean;
  /**
   * The run is a gate (`shipready check`): formats that can list the gate's
   * checks do (JUnit adds a `shipready check` suite).
   */
  gate?: boolean;
  /** `--verbose`: the short `text` output adds the checks that passed and the totals. */
  verbose?: boolean;
  /**
   * Terminal formats: the `file://` URL of the working directory (ending in
   * `/`) when the terminal shows OSC 8 hyperlinks (decided in cli/color.ts);
   * paths are then links to their files. Absent: plain text.
   */
  hyperlinkBase?: string;
  /** Markdown only: the commit the report was made at, for the footer. */
  commit?: string;
  /** Markdown only: a one-off report's time (ISO 8601) for the footer; never in summary blocks `fix` writes. */
  generatedAt?: string;
  /**
   * Where the run sits in its repository, when the CLI could tell (from the
   * CI's variables or git); CI formats use it to point at files from the
   * repository root and at the commit. See README.md#ci.
   */
  repository?: RepositoryContext;
}

/**
 * The repository around the working directory, found by the CLI (renderers
 * do no I/O): every field is optional, each set only when known.
 */
export interface RepositoryContext {
  /**
   * The working directory relative to the repository root (or CI workspace),
   * `/` separators, `''` at the root. Report paths joined to it are relative
   * to the root, which is what GitHub annotations and GitLab expect.
   */
  prefix?: string;
  /**
   * A URL that a root-relative file path is appended to, opening that file
   * at the run's commit: `https://github.com/OWNER/REPO/blob/SHA/`. Step
   * summaries link with it, since relative links break on the run page.
   */
  blobUrl?: string;
  /** The repository's URL (the `origin` remote, or the CI's), for SARIF's `versionControlProvenance`. */
  uri?: string;
  /** The commit checked (40 hex digits). */
  revision?: string;
  /** The branch checked, when on one. */
  branch?: string;
}

/**
 * Everything a format is given, the same for every format (ESLint's
 * `format(results, resultsMeta)`): the report, the verdict of the run and
 * its findings — evaluated once, by the command — and the display options.
 * A format states the verdict it is given; it never evaluates policy itself.
 * See docs/architecture.md, "Output contract".
 */
export interface RenderContext {
  report: Report;
  /** The run's verdict: `check`'s policy, else readiness alone (the default policy). Always present. */
  verdict: GateVerdict;
  /** Open blocking items and stale claims, in file then line order. */
  findings: Findings;
  options: RenderOptions;
}

/**
 * What a renderer returns: the whole text, or its chunks in order (a JSON
 * report of 10,000 files is more text than one JavaScript string may hold).
 * The CLI writes either as it comes (cli/output.ts).
 */
export type RenderOutput = string | Iterable<string>;

/** A renderer turns a context into the text of one output format. Pure. */
export type Renderer<Context extends RenderContext = RenderContext> = (context: Context) => RenderOutput;

/** The commands that write a rendered report. */
export type CommandName = 'report' | 'check' | 'list' | 'watch';

/**
 * What a format declares about itself in the registry; the CLI reads these
 * and never a format's name (docs/architecture.md, "Output contract").
 */
export interface FormatTraits {
  /** The commands whose `--format` offers it, in the registry's order. */
  commands: readonly CommandName[];
  /** The commands it is the default of. */
  defaultFor: readonly CommandName[];
  /** The commands it is the default of on GitHub Actions (`GITHUB_ACTIONS=true`). */
  defaultOnGithubActions: readonly CommandName[];
  /** Its output may be coloured (when the terminal takes it, cli/color.ts); never for machine formats. */
  color: boolean;
  /** Written for people: `list` says on stderr when nothing matched. */
  human: boolean;
  /** It states the verdict itself; for the others `check` writes the verdict sentence on stderr. */
  printsVerdict: boolean;
  /** It carries every diagnostic as a line of the log (workflow commands), so `check` does not repeat them on stderr. */
  carriesDiagnostics: boolean;
  /** With `--quiet` nothing is written: the exit code speaks (the short gate output). */
  silentWhenQuiet: boolean;
  /** `check` also appends the markdown report and its checks to `$GITHUB_STEP_SUMMARY` when that is set. */
  stepSummary: boolean;
  /** It points at files from the repository root or at the commit: the CLI asks git for `options.repository`. */
  repository: boolean;
}

/** One registry entry: the traits, and the renderer, loaded on first use. */
export interface FormatEntry<Context extends RenderContext = RenderContext> extends FormatTraits {
  load: () => Promise<Renderer<Context>>;
}

const NO_TRAITS: Omit<FormatTraits, 'commands'> = {
  defaultFor: [],
  defaultOnGithubActions: [],
  color: false,
  human: false,
  printsVerdict: false,
  carriesDiagnostics: false,
  silentWhenQuiet: false,
  stepSummary: false,
  repository: false,
};

/** A registry entry from its loader and the traits that differ from none (every trait false or empty). */
export function defineFormat<Context extends RenderContext = RenderContext>(
  load: () => Promise<Renderer<Context>>,
  traits: Partial<FormatTraits> & Pick<FormatTraits, 'commands'>,
): FormatEntry<Context> {
  return { ...NO_TRAITS, ...traits, load };
}

/** The whole text of a renderer's output, for callers that embed it (`fix` summary blocks, `watch`). */
export function outputText(output: RenderOutput): string {
  return typeof output === 'string' ? output : [...output].join('');
}
