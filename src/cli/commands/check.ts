import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { type Command, Option } from 'commander';
import { type GateVerdict, evaluateGate, gateExitCode } from '../../gate/evaluate.js';
import { type GateFlags, parseThresholds, resolveGatePolicy, type Thresholds } from '../../gate/policy.js';
import { renderCheckText, verdictText } from '../../gate/text.js';
import type { Report } from '../../model.js';
import { analyze, hasFileErrors } from '../../engine/engine.js';
import { githubCommands } from '../../render/github.js';
import { FORMAT_NAMES, type FormatName, loadRenderer, type RenderOptions } from '../../render/index.js';
import { junitXml } from '../../render/junit.js';
import type { ExitCode, RunContext } from '../context.js';
import { type CommonOptions, commonOptions, performanceOptions } from '../options.js';
import { formatDiagnostic, writePayload } from '../output.js';
import { analysisOptions, resolveSettings } from '../settings.js';

/** `check --format` choices: the short `text` output (the default), then every renderer. */
export const CHECK_FORMATS = ['text', ...FORMAT_NAMES] as const;

type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckOptions extends CommonOptions, GateFlags {
  verbose?: boolean;
}

/**
 * `shipready check [paths…]`: the gate for CI and pre-commit hooks
 * (SPEC.md §5, §8, §10). Exit 0 when ready, 1 when not ready or a policy
 * failed (0 with `--warn-only`), 2 on usage, configuration or I/O errors.
 * Given file names (as hooks pass them), only those files are checked.
 */
export function registerCheck(program: Command, ctx: RunContext, done: (code: ExitCode) => void): void {
  const command = program
    .command('check')
    .description('CI / pre-commit gate: short output, exit 1 when not ready')
    .argument('[paths...]', "markdown files, directories or globs (default: the config's include, else the current directory)");
  for (const option of [...commonOptions(CHECK_FORMATS), ...performanceOptions()]) command.addOption(option);
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
    // On GitHub Actions the workflow commands are the natural output.
    const format: CheckFormat = (options.format as CheckFormat | undefined) ?? (ctx.env.GITHUB_ACTIONS === 'true' ? 'github' : 'text');
    const settings = await resolveSettings(ctx, options, format === 'text' || format === 'table');
    const policy = resolveGatePolicy(settings.config?.config ?? {}, options);
    const { report, warnings } = await analyze(analysisOptions(ctx, settings, paths));
    for (const warning of warnings) ctx.stderr.write(`shipready: warning: ${warning}
`);
    const verdict = evaluateGate(report, policy);
    const verbose = Boolean(options.verbose);
    const quiet = Boolean(options.quiet);

    const payload = await render(format, report, verdict, settings.render, verbose);
    if (!(format === 'text' && quiet)) await writePayload(ctx, payload, options.output);
    if (format !== 'github') {
      // The formats that do not state the gate's verdict get it on stderr.
      if (format !== 'text' && format !== 'junit' && !quiet) ctx.stderr.write(`shipready: ${verdictText(report, verdict)}\n`);
      printCheckDiagnostics(ctx, report, { quiet, verbose });
    }

    let summaryFailed = false;
    const summaryFile = ctx.env.GITHUB_STEP_SUMMARY;
    if (format === 'github' && summaryFile) {
      try {
        await appendFile(path.resolve(ctx.cwd, summaryFile), await stepSummary(report, verdict, settings.render), 'utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        ctx.stderr.write(`shipready: cannot append to GITHUB_STEP_SUMMARY \`${summaryFile}\` (${code}); check the variable\n`);
        summaryFailed = true;
      }
    }
    done(hasFileErrors(report) || summaryFailed ? 2 : gateExitCode(verdict));
  });
}

async function render(format: CheckFormat, report: Report, verdict: GateVerdict, options: RenderOptions, verbose: boolean): Promise<string> {
  switch (format) {
    case 'text':
      return renderCheckText(report, verdict, { color: options.color, verbose });
    case 'github':
      return githubCommands(report, verdict);
    case 'junit':
      return junitXml(report, verdict);
    default:
      return (await loadRenderer(format as FormatName))(report, options);
  }
}

/**
 * Diagnostics on stderr, quieter than the report's: errors always, warnings
 * unless `--quiet`, infos (a repaired encoding) only with `--verbose`.
 */
function printCheckDiagnostics(ctx: RunContext, report: Report, { quiet, verbose }: { quiet: boolean; verbose: boolean }): void {
  for (const file of report.files) {
    for (const diagnostic of file.diagnostics) {
      const shown = diagnostic.severity === 'error' || (diagnostic.severity === 'warning' && !quiet) || (verbose && !quiet);
      if (shown) ctx.stderr.write(`${formatDiagnostic(file.path, diagnostic)}\n`);
    }
  }
}

/**
 * What `check --format github` appends to `$GITHUB_STEP_SUMMARY`: the
 * markdown report, then the gate's checks when a policy was applied.
 */
async function stepSummary(report: Report, verdict: GateVerdict, options: RenderOptions): Promise<string> {
  // Through the renderer map, so the step summary is exactly `--format markdown`.
  const markdown = await loadRenderer('markdown');
  const parts = [markdown(report, { ...options, color: false })];
  if (verdict.checks.length > 1) {
    const lines = verdict.checks.map((check) => `- ${check.passed ? '✅' : '❌'} ${check.message}`);
    parts.push(`**shipready check:** ${verdictText(report, verdict)}\n\n${lines.join('\n')}\n`);
  }
  return `${parts.join('\n')}\n`;
}
