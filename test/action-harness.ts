/**
 * Runs action.yml as the GitHub runner runs a composite action, without
 * Docker: reads its steps, substitutes the `${{ … }}` expressions it uses,
 * runs each `run:` script with `bash --noprofile --norc -eo pipefail` (the
 * runner's bash) in the Actions environment — GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STEP_SUMMARY, GITHUB_WORKSPACE, GITHUB_ACTION_PATH (this
 * repository), RUNNER_TEMP, INPUT_* — stops at the first failing step, and
 * returns the action's outputs, every step's log and the summary. An
 * expression it does not know fails the run, so action.yml cannot use one
 * the harness would get wrong.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers.js';

interface ActionInput {
  default?: string;
}

interface ActionStep {
  id?: string;
  name?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  'working-directory'?: string;
  if?: string;
  uses?: string;
}

/** action.yml, parsed. */
export interface ActionFile {
  inputs: Record<string, ActionInput>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

/** The action.yml of this repository. */
export function readAction(): ActionFile {
  return parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
}

/** What one run of the action did. */
export interface ActionRun {
  /** The action's outputs (action.yml `outputs`), after the run. */
  outputs: Record<string, string>;
  /** Each step's outputs, by step id. */
  steps: Record<string, Record<string, string>>;
  /** Every step's stdout, in order (workflow commands included). */
  stdout: string;
  stderr: string;
  /** The step summary file's text ('' when nothing was written). */
  summary: string;
  /** The exit code of the first failing step, else 0: the action's result. */
  code: number;
}

/** How to run the action: its inputs (`with:`) and the workflow around it. */
export interface ActionOptions {
  workspace: string;
  inputs?: Record<string, string>;
  /** GITHUB_* and other variables of the job. */
  env?: Record<string, string>;
}

/**
 * Runs action.yml's steps in order.
 *
 * @throws Error for a step that is not a bash `run:` step or an expression the harness does not know.
 */
export async function runAction(options: ActionOptions): Promise<ActionRun> {
  const action = readAction();
  if (action.runs.using !== 'composite') throw new Error(`harness runs composite actions, not ${action.runs.using}`);
  const temp = mkdtempSync(path.join(tmpdir(), 'shipready-action-'));
  const summaryFile = path.join(temp, 'step-summary.md');
  const envFile = path.join(temp, 'github-env');
  writeFileSync(summaryFile, '');
  writeFileSync(envFile, '');
  const inputs: Record<string, string> = {};
  const steps: Record<string, Record<string, string>> = {};
  const context = (): ExpressionContext => ({ inputs, steps, workspace: options.workspace, token: options.env?.GITHUB_TOKEN ?? '' });
  for (const [name, input] of Object.entries(action.inputs)) {
    inputs[name] = options.inputs?.[name] ?? substitute(input.default ?? '', context());
  }
  for (const name of Object.keys(options.inputs ?? {})) if (!(name in action.inputs)) throw new Error(`action.yml has no input \`${name}\``);

  const jobEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? temp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_ACTION_PATH: ROOT.replace(/\/$/, ''),
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ENV: envFile,
    RUNNER_TEMP: temp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(inputs)) jobEnv[`INPUT_${name.toUpperCase()}`] = value;

  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const [index, step] of action.runs.steps.entries()) {
    if (step.uses !== undefined || step.if !== undefined) throw new Error(`harness runs only bash \`run:\` steps without \`if:\` (step ${index + 1})`);
    if (step.shell !== 'bash' || step.run === undefined) throw new Error(`step ${index + 1} is not a bash run step`);
    const outputFile = path.join(temp, `output-${index}`);
    writeFileSync(outputFile, '');
    const stepEnv: Record<string, string> = { ...jobEnv, ...readEnvFile(envFile), GITHUB_OUTPUT: outputFile };
    for (const [name, value] of Object.entries(step.env ?? {})) stepEnv[name] = substitute(String(value), context());
    const script = path.join(temp, `step-${index}.sh`);
    writeFileSync(script, substitute(step.run, context()));
    const cwd = path.resolve(options.workspace, substitute(step['working-directory'] ?? '.', context()));
    const result = await bash(script, cwd, stepEnv);
    stdout += result.stdout;
    stderr += result.stderr;
    if (step.id !== undefined) steps[step.id] = readEnvFile(outputFile);
    if (result.code !== 0) {
      code = result.code;
      break;
    }
  }
  const outputs = Object.fromEntries(Object.entries(action.outputs).map(([name, output]) => [name, substitute(output.value, context())]));
  return { outputs, steps, stdout, stderr, summary: readFileSync(summaryFile, 'utf8'), code };
}

interface ExpressionContext {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  workspace: string;
  token: string;
}

/** `${{ inputs.x }}`, `${{ steps.id.outputs.x }}`, `${{ github.token }}`, `${{ github.workspace }}`; anything else throws. */
function substitute(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
    let match: RegExpExecArray | null;
    if ((match = /^inputs\.([\w-]+)$/.exec(expression))) {
      if (!(match[1]! in context.inputs)) throw new Error(`unknown input in \${{ ${expression} }}`);
      return context.inputs[match[1]!]!;
    }
    if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression))) return context.steps[match[1]!]?.[match[2]!] ?? '';
    if (expression === 'github.token') return context.token;
    if (expression === 'github.workspace') return context.workspace;
    throw new Error(`the harness does not know the expression \${{ ${expression} }}`);
  });
}

/** A GITHUB_OUTPUT / GITHUB_ENV file: `name=value` lines and `name<<DELIMITER` blocks. */
export function readEnvFile(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const values: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      values[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (line.includes('=')) {
      values[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return values;
}

function bash(script: string, cwd: string, env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
