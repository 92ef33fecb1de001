import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderTable } from './table.js';
import type { Renderer } from './types.js';

/**
 * Every output format, by its `--format` name. The CLI's choices, its help
 * text and the README list come from these keys, so nothing drifts (STYLE.md).
 */
export const renderers = {
  table: renderTable,
  json: renderJson,
  markdown: renderMarkdown,
  github: renderGithub,
  junit: renderJunit,
  sarif: renderSarif,
} satisfies Record<string, Renderer>;

/** A `--format` name. */
export type FormatName = keyof typeof renderers;

/** The `--format` names, in help order. */
export const FORMAT_NAMES = Object.keys(renderers) as FormatName[];

export type { Renderer, RenderOptions } from './types.js';
