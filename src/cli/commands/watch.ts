import path from 'node:path';
import type { Command } from 'commander';
import { ShipreadyError } from '../../errors.js';
import { isDynamicPattern } from 'globby';
import { analyze } from '../../pipeline.js';
import { type FormatName, loadRenderer } from '../../render/index.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions } from '../options.js';
import { printDiagnostics } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';

/** How long to wait after a change before re-rendering, so an editor's save burst renders once (ms). */
const DEBOUNCE_MS = 120;

/** Clears the screen and moves the cursor home (only on a terminal). */
const CLEAR_SCREEN = '\u001b[2J\u001b[3J\u001b[H';

/**
 * `shipready watch [paths…]`: the report, re-rendered whenever a markdown file
 * under the watched paths is added, changed or removed (SPEC.md §10). File
 * watching is chokidar's. Runs until `ctx.signal` aborts (Ctrl-C in the
 * terminal), then exits 0. A path that matches nothing is reported and
 * watched for, not fatal, since the file may be about to appear.
 */
export function registerWatch(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('watch')
    .description('the report, live: re-rendered when a markdown file changes (Ctrl-C to stop)')
    .argument('[paths...]', 'markdown files, directories or globs (default: the current directory)');
  for (const option of commonOptions(['table', 'json'])) {
    if (option.long !== '--output') command.addOption(option);
  }
  command.action(async (paths: string[], options: CommonOptions) => {
    const format = (options.format ?? 'table') as FormatName;
    const settings = await resolveSettings(ctx, options, format === 'table');
    const renderReport = await loadRenderer(format);
    const targets = paths.length > 0 ? paths : settings.include;

    const render = async (): Promise<void> => {
      try {
        const { report } = await analyze(analysisOptions(ctx, settings, targets));
        const text = renderReport(report, settings.render);
        ctx.stdout.write(ctx.stdout.isTTY && format === 'table' ? CLEAR_SCREEN + text : text);
        printDiagnostics(ctx, report, Boolean(options.quiet));
      } catch (error) {
        if (!(error instanceof ShipreadyError)) throw error;
        ctx.stderr.write(`shipready: ${error.message} (still watching)\n`);
      }
    };
    await render();

    // chokidar loads only when watch runs, not on every shipready start.
    const { watch } = await import('chokidar');
    const watcher = watch(watchRoots(targets, ctx.cwd), {
      ignoreInitial: true,
      ignored: (file, stats) =>
        /(?:^|[\\/])(?:node_modules|\.git)(?:[\\/]|$)/.test(file) || (stats?.isFile() === true && !/\.(?:md|markdown)$/i.test(file)),
    });
    let timer: NodeJS.Timeout | undefined;
    let rendering = Promise.resolve();
    watcher.on('all', () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        rendering = rendering.then(render);
      }, DEBOUNCE_MS);
    });
    await new Promise<void>((resolve) => {
      if (ctx.signal?.aborted) resolve();
      ctx.signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    clearTimeout(timer);
    await rendering;
    await watcher.close();
    done(0);
  });
}

/** What to hand the watcher: files and directories as given; for a glob, the directory before its first magic segment. */
function watchRoots(targets: readonly string[], cwd: string): string[] {
  if (targets.length === 0) return [cwd];
  return targets.map((target) => {
    if (!isDynamicPattern(target)) return path.resolve(cwd, target);
    const segments = target.split('/');
    const staticPart = segments.slice(0, segments.findIndex((segment) => isDynamicPattern(segment)));
    return path.resolve(cwd, staticPart.join('/') || '.');
  });
}
