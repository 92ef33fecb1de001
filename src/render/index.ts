import type { Renderer } from './types.js';

/**
 * Every output format, by its `--format` name, each loaded when a run asks
 * for it: a pre-commit hook that prints text never pays for the markdown
 * serializer or the SARIF and JUnit builders. The CLI's choices, its help
 * text and the README list come from these keys, so nothing drifts
 * (STYLE.md). Each module's renderer is a pure `(report, options) => string`.
 */
export const renderers = {
  table: async () => (await import('./table.js')).renderTable,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  github: async () => (await import('./github.js')).renderGithub,
  junit: async () => (await import('./junit.js')).renderJunit,
  sarif: async () => (await import('./sarif.js')).renderSarif,
} satisfies Record<string, () => Promise<Renderer>>;

/** A `--format` name. */
export type FormatName = keyof typeof renderers;

/** The `--format` names, in help order. */
export const FORMAT_NAMES = Object.keys(renderers) as FormatName[];

/** The renderer of a format, loaded on first use (module loading caches it). */
export function loadRenderer(name: FormatName): Promise<Renderer> {
  return renderers[name]();
}

export type { Renderer, RenderOptions } from './types.js';
