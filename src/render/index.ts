import { type CommandName, defineFormat, type FormatEntry, type FormatTraits, type Renderer } from './types.js';

/**
 * Every output format of the report, by its `--format` name, with its
 * traits; each renderer is loaded when a run asks for it, so a pre-commit
 * hook that prints text never pays for the markdown serializer or the SARIF
 * and JUnit builders. The commands' `--format` choices, their help text and
 * defaults come from this map, and the CLI reads the traits, never a name:
 * a new format is its module plus one line here (docs/architecture.md,
 * "Output contract"). Every renderer is a pure `(context) => string |
 * Iterable<string>`. `list` has its own map of the same shape (render/list.ts).
 */
export const formats = {
  text: defineFormat(async () => (await import('./short.js')).renderShortText, {
    commands: ['check'], defaultFor: ['check'], color: true, human: true, printsVerdict: true, silentWhenQuiet: true,
  }),
  table: defineFormat(async () => (await import('./table.js')).renderTable, {
    commands: ['report', 'check', 'watch'], defaultFor: ['report', 'watch'], color: true, human: true, printsVerdict: true,
  }),
  json: defineFormat(async () => (await import('./json.js')).renderJson, { commands: ['report', 'check', 'watch'] }),
  markdown: defineFormat(async () => (await import('./markdown.js')).renderMarkdown, {
    commands: ['report', 'check'], human: true, printsVerdict: true,
  }),
  github: defineFormat(async () => (await import('./github.js')).renderGithub, {
    commands: ['report', 'check'], defaultOnGithubActions: ['check'], printsVerdict: true, carriesDiagnostics: true, stepSummary: true, repository: true,
  }),
  junit: defineFormat(async () => (await import('./junit.js')).renderJunit, { commands: ['report', 'check'], printsVerdict: true }),
  sarif: defineFormat(async () => (await import('./sarif.js')).renderSarif, { commands: ['report', 'check'], repository: true }),
  gitlab: defineFormat(async () => (await import('./gitlab.js')).renderGitlab, { commands: ['report', 'check'], repository: true }),
  badge: defineFormat(async () => (await import('./badge.js')).renderBadge, { commands: ['report', 'check'] }),
  'badge-json': defineFormat(async () => (await import('./badge.js')).renderBadgeJson, { commands: ['report', 'check'] }),
  html: defineFormat(async () => (await import('./html.js')).renderHtml, { commands: ['report'], printsVerdict: true }),
} satisfies Record<string, FormatEntry>;

/** A `--format` name of any command but `list`. */
export type FormatName = keyof typeof formats;

/** The `--format` names a command offers in a registry (this one, or `list`'s), in registry order. */
export function formatsFor<Registry extends Record<string, FormatTraits>>(command: CommandName, registry: Registry): Array<keyof Registry & string> {
  return (Object.keys(registry) as Array<keyof Registry & string>).filter((name) => registry[name]!.commands.includes(command));
}

/**
 * The format name of a run: the one asked for (commander has checked it against
 * the command's choices), else the command's default on GitHub Actions when
 * running there, else the command's default.
 *
 * @throws Error when the registry names no default for `command` (a registry mistake).
 */
export function chooseFormat<Registry extends Record<string, FormatTraits>>(
  command: CommandName,
  registry: Registry,
  asked: string | undefined,
  githubActions = false,
): keyof Registry & string {
  const names = formatsFor(command, registry);
  const name = (asked as (keyof Registry & string) | undefined)
    ?? (githubActions ? names.find((one) => registry[one]!.defaultOnGithubActions.includes(command)) : undefined)
    ?? names.find((one) => registry[one]!.defaultFor.includes(command));
  if (name === undefined) throw new Error(`no default format for ${command}`);
  return name;
}

/** The `--format` names of `shipready report`, in help order. */
export const FORMAT_NAMES = formatsFor('report', formats);

/** The renderer of a format, loaded on first use (module loading caches it). */
export function loadRenderer(name: FormatName): Promise<Renderer> {
  return formats[name].load();
}

export type { CommandName, FormatEntry, FormatTraits, Renderer, RenderContext, RenderOptions, RenderOutput, RepositoryContext } from './types.js';
export { outputText } from './types.js';
