#!/usr/bin/env node
/**
 * The two reference processes the benchmark runs beside shipready:
 *
 *   node scripts/bench/baseline.js read  <paths...>   read-only floor: list and read every markdown file, nothing else
 *   node scripts/bench/baseline.js parse <paths...>   the same plus a bare mdast-util-from-markdown + GFM parse of each
 *
 * A path is a file or a directory (searched recursively for *.md with a plain
 * readdir: a floor, so no globbing library and no .gitignore). Prints the
 * file count and bytes to stdout.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [mode, ...paths] = process.argv.slice(2);
if (mode !== 'read' && mode !== 'parse') {
  console.error('usage: node scripts/bench/baseline.js read|parse <paths...>');
  process.exit(2);
}

const files = [];
for (const given of paths.length > 0 ? paths : ['.']) {
  if (statSync(given).isDirectory()) {
    for (const entry of readdirSync(given, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith('.md')) files.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
  } else {
    files.push(given);
  }
}

let parse = null;
if (mode === 'parse') {
  const [{ fromMarkdown }, { gfm }, { gfmFromMarkdown }] = await Promise.all([
    import('mdast-util-from-markdown'), import('micromark-extension-gfm'), import('mdast-util-gfm'),
  ]);
  const options = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
  parse = (text) => fromMarkdown(text, options);
}

let bytes = 0;
let nodes = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  bytes += text.length;
  if (parse) nodes += parse(text).children.length;
}
console.log(`${files.length} files, ${bytes} characters${parse ? `, ${nodes} top-level nodes` : ''}`);
