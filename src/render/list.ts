import type { ListRenderContext } from './list-text.js';
import { defineFormat, type FormatEntry } from './types.js';

export type { ListRenderContext, ListRenderer, ListRenderOptions } from './list-text.js';

/**
 * Every `list --format`, by name, with its traits: the registry of
 * render/index.ts, for the list's own context. The option's choices, help
 * and default come from here; the renderers (list-text.ts) load on demand.
 */
export const listFormats = {
  text: defineFormat<ListRenderContext>(async () => (await import('./list-text.js')).renderListText, { commands: ['list'], defaultFor: ['list'], color: true, human: true }),
  json: defineFormat<ListRenderContext>(async () => (await import('./list-text.js')).renderListJson, { commands: ['list'] }),
} satisfies Record<string, FormatEntry<ListRenderContext>>;

/** A `list --format` name. */
export type ListFormatName = keyof typeof listFormats;

/** The `list --format` names, in help order. */
export const LIST_FORMAT_NAMES = Object.keys(listFormats) as ListFormatName[];

