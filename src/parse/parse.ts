import type { Root } from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

/**
 * The markdown parser: CommonMark + GFM (task list items, tables,
 * strikethrough) + YAML/TOML front matter. `remark-gfm` registers both the
 * micromark syntax extension and the mdast extension; without the syntax half
 * task list items are not marked (STYLE.md).
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze();

/**
 * Parses markdown text into an mdast tree with positions (1-based lines and
 * columns, 0-based offsets into `text`). Pure; never throws on any string.
 */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
