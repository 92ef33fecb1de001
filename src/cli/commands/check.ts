import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { gateExitCode, gateOutcome } from '../../gate/evaluate.js';
import { type GateFlags, parseThresholds, resolveGatePolicy, type Thresholds } from '../../gate/policy.js';
import { hasFileErrors } from '../../engine/engine.js';
import { analyzeWithProgress } from '../progress.js';
import { chooseFormat, formats, formatsFor, loadRenderer, outputText, type RenderContext } from '../../render/index.js';
import { checkMessage, verdictSentence } from '../../render/verdict.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions } from '../options.js';
import { verbosityOf } from '../../render/diagnostics.js';
import { printDiagnostics, writeOutput } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';

interface CheckOptions extends CommonOptions, GateFlags {
  verbose?: boolean;
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
    .argument('[paths...]', "markdown files, directories or globs (default: the config's include, else the current directory)");
  for (const option of [...commonOptions(formatsFor('check', formats)), ...performanceOptions()]) command.addOption(option);
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
    .addOption(new Option('--warn-only', 'report what fails, but exit 0'))
    .addOption(new Option('--no-warn-only', 'exit 1 on failures (overrides the config)').hideHelp())
    .addOption(new Option('--verbose', 'also print the checks that passed, the totals and info diagnostics'));
  command.action(async (paths: string[], options: CheckOptions) => {
    // On GitHub Actions the workflow commands are the natural output (the registry's defaultOnGithubActions).
    const format = formats[chooseFormat('check', formats, options.format, ctx.env.GITHUB_ACTIONS === 'true')];
    const settings = await resolveSettings(ctx, options, format.color);
    const policy = resolveGatePolicy(settings.config?.config ?? {}, options);
    const { report, warnings } = await analyzeWithProgress(ctx, options.quiet, analysisOptions(ctx, settings, paths));
    for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}
`);
    const context: RenderContext = { report, ...gateOutcome(report, policy), options: { ...settings.render, gate: true, verbose: Boolean(options.verbose) } };
    const quiet = Boolean(options.quiet);

    const render = await format.load();
    if (!(format.silentWhenQuiet && quiet)) await writeOutput(ctx, render(context), options.output);
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
        ctx.stderr.write(`shipready: cannot append to GITHUB_STEP_SUMMARY \`${summaryFile}\` (${code}); check the variable\n`);
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
