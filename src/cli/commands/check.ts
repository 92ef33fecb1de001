import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { PRIORITIES } from '../../model.js';
import { gateExitCode, gateOutcome } from '../../gate/evaluate.js';
import { type GateFlags, parseThresholds, resolveGatePolicy, type Thresholds } from '../../gate/policy.js';
import { hasFileErrors } from '../../engine/engine.js';
import { analyzeInput, printConfig } from '../input.js';
import { errorLine, warningLine } from '../messages.js';
import type { DiffItem, DiffReport } from '../../history/diff.js';
import type { GateCheck } from '../../gate/evaluate.js';
import type { Comparison } from '../compare.js';
import { sanitizeText } from '../../text/sanitize.js';
import { formats, formatsFor, loadRenderer, outputText, type RenderContext } from '../../render/index.js';
import { checkMessage, verdictSentence } from '../../render/verdict.js';
import type { ExitCode, RunContext } from '../context.js';
import { commonOptions, type MultiFormatOptions, performanceOptions, stdinOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { planOutputs, printDiagnostics, writeFileOutputs, writeOutput } from '../output.js';
import { repositoryContext } from '../repository.js';
import { lineWidth, resolveSettings, type Settings } from '../settings.js';

interface CheckOptions extends MultiFormatOptions, GateFlags {
  verbose?: boolean;
  since?: string;
}

/**
 * `shipready check [paths…]`: the gate for CI and pre-commit hooks
 * (docs/rules.md, "Blocking"). Exit 0 when ready, 1 when not ready or a policy
 * failed (0 with `--warn-only`), 2 on usage, configuration or I/O errors.
 * Given file names (as hooks pass them), only those files are checked.
 */
export function registerCheck(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('check')
    .description('CI / pre-commit gate: short output, exit 1 when not ready')
    .argument('[paths...]', "markdown files, directories, globs (`!glob` leaves out), or - for stdin (default: the config's include, else .)");
  for (const option of [...commonOptions(formatsFor('check', formats), true), ...performanceOptions(), ...stdinOptions()]) command.addOption(option);
  command
    .addOption(
      new Option('--min-percent <spec>', 'fail when less is done: N percent overall, or LEVEL=N,… per priority').argParser(
        (value: string, previous?: Thresholds) => ({ ...previous, ...parseThresholds(value, '--min-percent') }),
      ),
    )
    .addOption(
      new Option('--max-open <spec>', 'fail when more items are open: N overall, or LEVEL=N,… per priority').argParser(
        (value: string, previous?: Thresholds) => ({ ...previous, ...parseThresholds(value, '--max-open') }),
      ),
    )
    .addOption(new Option('--fail-on-stale', 'stale hand-written counts fail the gate'))
    .addOption(new Option('--no-fail-on-stale', 'stale counts do not fail the gate (overrides the config)').hideHelp())
    .addOption(new Option('--fail-on-empty', 'fail when no checklist item is found at all (CI gates; not for pre-commit hooks)'))
    .addOption(new Option('--no-fail-on-empty', 'finding no item does not fail (overrides the config)').hideHelp())
    .addOption(new Option('--fail-on-overdue <level>', 'open overdue items at or above this priority fail the gate (none: every overdue item)').choices(PRIORITIES))
    .addOption(new Option('--warn-only', 'report what fails, but exit 0'))
    .addOption(new Option('--no-warn-only', 'exit 1 on failures (overrides the config)').hideHelp())
    .addOption(new Option('--since <ref>', 'the ratchet: fail only when a change since this git revision made things worse'))
    .addOption(new Option('--verbose', 'also print the checks that passed, the totals and info diagnostics'));
  // check's own paths argument text names the config's include; report's and list's the directory.
  command.action(async (paths: string[], options: CheckOptions) => {
    // On GitHub Actions the workflow commands are the natural output (the registry's defaultOnGithubActions).
    const plan = planOutputs('check', formats, options.format, options.output, ctx.env.GITHUB_ACTIONS === 'true');
    const format = formats[plan.main];
    const settings = await resolveSettings(ctx, options, format.color);
    const policy = resolveGatePolicy(settings.config?.config ?? {}, options);
    if (options.printConfig !== undefined) return done(await printConfig(ctx, settings, options, paths).then(() => 0));
    // With --since, the working tree is analysed once, as the newer side of the comparison (README.md#check---since).
    const since = options.since === undefined ? null : await compareSince(ctx, settings, paths, options.since);
    const { report, warnings } = since === null ? await analyzeInput(ctx, settings, paths, options) : { report: since.comparison.after, warnings: since.comparison.warnings };
    for (const warning of warnings) ctx.stderr.write(warningLine(warning));
    const ratchet = since?.ratchet;
    if (since !== null && !quietFlag(options)) printWorsened(ctx, since.comparison.diff, since.worsened);
    const useGit = [format, ...plan.files.map((one) => formats[one.name])].some((one) => one.repository);
    const repository = await repositoryContext(ctx, useGit);
    const context: RenderContext = {
      report,
      ...gateOutcome(report, policy, ratchet),
      options: {
        ...settings.render,
        width: plan.main === 'text' ? lineWidth(ctx, options) : settings.render.width,
        gate: true,
        verbose: Boolean(options.verbose),
        ...(repository ? { repository } : {}),
      },
    };
    const quiet = Boolean(options.quiet);
    // A gate that finds nothing to check says so, flag or not (README.md#check).
    if (report.totals.items === 0 && (!quiet || policy.failOnEmpty)) {
      ctx.stderr.write(
        `shipready: ${policy.failOnEmpty ? 'error' : 'warning'}: no checklist items found; check the paths${policy.failOnEmpty ? '' : ' (--fail-on-empty makes this fail)'}\n`,
      );
    }

    const render = await format.load();
    if (!(format.silentWhenQuiet && quiet)) await writeOutput(ctx, render(context), plan.mainFile);
    await writeFileOutputs(ctx, plan.files.map((one) => ({ file: one.file, load: formats[one.name].load })), context);
    // The formats that do not state the verdict get it on stderr, so stdout holds only the document.
    if (!format.printsVerdict && !quiet) ctx.stderr.write(`shipready: ${verdictSentence(report, context.verdict)}\n`);
    if (!format.carriesDiagnostics) printDiagnostics(ctx, report.files, verbosityOf(options));

    let summaryFailed = false;
    const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
    if (format.stepSummary && summaryFile) {
      try {
        await appendFile(path.resolve(ctx.cwd, summaryFile), await stepSummary(context), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        ctx.stderr.write(errorLine(`cannot append to GITHUB_STEP_SUMMARY \`${summaryFile}\` (${code}); check the variable`));
        summaryFailed = true;
      }
    }
    done(hasFileErrors(report) || summaryFailed ? 2 : gateExitCode(context.verdict));
  });
}

/**
 * What `check` appends to `$GITHUB_STEP_SUMMARY` for a format with the
 * `stepSummary` trait: the markdown report, then the gate's checks when a
 * policy was applied.
 */
async function stepSummary(context: RenderContext): Promise<string> {
  const { report, verdict } = context;
  // Through the registry, so the step summary is exactly `--format markdown`.
  const markdown = await loadRenderer('markdown');
  const parts = [outputText(markdown({ ...context, options: { ...context.options, color: false } }))];
  if (verdict.checks.length > 1) {
    const lines = verdict.checks.map((check) => `- ${check.passed ? '✅' : '❌'} ${checkMessage(check, report)}`);
    parts.push(`**shipready check:** ${verdictSentence(report, verdict)}\n\n${lines.join('\n')}\n`);
  }
  return `${parts.join('\n')}\n`;
}

function quietFlag(options: CheckOptions): boolean {
  return Boolean(options.quiet);
}

/**
 * `--since`: the comparison with the base, the ratchet's check and the items
 * made worse. git and the ratchet are loaded only here, so a plain `check`
 * starts without them (docs/architecture.md#start-up).
 */
async function compareSince(ctx: RunContext, settings: Settings, paths: readonly string[], ref: string): Promise<{ comparison: Comparison; ratchet: GateCheck; worsened: DiffItem[] }> {
  const [{ compareRevisions }, { ratchetCheck, worsenedItems }] = await Promise.all([import('../compare.js'), import('../../gate/ratchet.js')]);
  const comparison = await compareRevisions(ctx, settings, paths, ref, undefined);
  return { comparison, ratchet: ratchetCheck(comparison.diff, ref), worsened: worsenedItems(comparison.diff) };
}

/** On stderr, under `--since`: each item made worse, then how many blocking items were already open at the base. */
function printWorsened(ctx: RunContext, diff: DiffReport, worsened: readonly DiffItem[]): void {
  for (const item of worsened) {
    const what = item.before === undefined ? 'added blocking item' : 'reopened';
    ctx.stderr.write(`shipready: ${item.path}:${item.line}: ${what}: ${sanitizeText(item.title)} (${item.priority})\n`);
  }
  for (const item of diff.stillBlocking) {
    ctx.stderr.write(`shipready: ${item.path}:${item.line}: already open at ${diff.base.ref}: ${sanitizeText(item.title)} (${item.priority})\n`);
  }
}
