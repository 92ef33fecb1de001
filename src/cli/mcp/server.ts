import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { PRIORITIES } from '../../model.js';
import { VERSION } from '../../version.js';
import type { ExitCode, RunContext } from '../context.js';

/** Runs the CLI in-process with the given context (`run` itself, handed in so the server imports no command module). */
export type CliRunner = (ctx: RunContext) => Promise<ExitCode>;

const level = z.enum(PRIORITIES);
const common = {
  paths: z.array(z.string()).optional().describe('markdown files, directories or globs, relative to cwd (default: the configuration\'s include, else the whole directory)'),
  cwd: z.string().optional().describe('directory the paths are relative to: absolute, or relative to the client\'s first root; default the first root'),
  failOn: level.optional().describe('lowest priority whose open items block readiness'),
  hoursPerDay: z.number().positive().max(24).optional(),
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('the day overdue is measured against, YYYY-MM-DD'),
  noConfig: z.boolean().optional().describe('ignore configuration files'),
};
// The documents are described in full by the JSON schemas shipped in schema/; here only their envelope, other keys allowed.
const reportShape = z.looseObject({ schemaVersion: z.literal(2), ready: z.boolean(), totals: z.object({}).passthrough(), files: z.array(z.object({}).passthrough()) });
const listShape = z.looseObject({ schemaVersion: z.literal(2), count: z.number().int(), items: z.array(z.object({}).passthrough()) });
const nextShape = z.looseObject({ schemaVersion: z.literal(1), today: z.string(), ready: z.array(z.object({}).passthrough()), cycles: z.array(z.array(z.object({}).passthrough())) });

type CommonArgs = { paths?: string[]; cwd?: string; failOn?: string; hoursPerDay?: number; today?: string; noConfig?: boolean };

/**
 * The MCP server of `shipready mcp` (README.md#coding-agents-mcp): tools
 * `readiness`, `list_items`, `next_items` and `check`, each running the
 * matching command with `--format json` and returning its document as it
 * prints it (`structuredContent`, and the same JSON as text). Paths resolve
 * against `cwd` or the client's first root, never the server's own
 * directory; without either the call is an error saying so.
 */
export function createMcpServer(runCli: CliRunner, env: Readonly<Record<string, string | undefined>>): McpServer {
  const server = new McpServer({ name: 'shipready', version: VERSION });

  const call = async (args: CommonArgs, argv: string[]): Promise<CallToolResult> => {
    let cwd: string;
    try {
      cwd = await workingDirectory(server, args.cwd);
    } catch (error) {
      return failure((error as Error).message);
    }
    const flags = [
      ...(args.failOn ? ['--fail-on', args.failOn] : []),
      ...(args.hoursPerDay !== undefined ? ['--hours-per-day', String(args.hoursPerDay)] : []),
      ...(args.today ? ['--today', args.today] : []),
      ...(args.noConfig ? ['--no-config'] : []),
    ];
    let stdout = '';
    let stderr = '';
    const code = await runCli({
      argv: [...argv, '--format', 'json', ...flags, '--', ...(args.paths ?? [])],
      cwd,
      env: { ...env, NO_COLOR: '1' },
      stdout: { write: (chunk) => (stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) },
      stderr: { write: (chunk) => (stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')) },
      platform: process.platform,
    });
    if (stdout.trim() === '') return failure(stderr.trim() || `shipready ${argv[0]} exited ${code}`);
    const document = JSON.parse(stdout) as Record<string, unknown>;
    const notes = stderr.trim() === '' ? [] : [{ type: 'text' as const, text: `exit ${code}; stderr:\n${stderr.trim()}` }];
    return { content: [{ type: 'text', text: stdout }, ...notes], structuredContent: document, isError: code === 2 && argv[0] !== 'next' };
  };

  server.registerTool('readiness', {
    title: 'Readiness report',
    description: 'The readiness report of markdown checklists (shipready report --format json, schema/report.schema.json): done, open by priority, blocking items, effort, stale claims, owners, due dates.',
    inputSchema: common,
    outputSchema: reportShape,
  }, (args) => call(args, ['report']));

  server.registerTool('list_items', {
    title: 'List items',
    description: 'The items, filtered (shipready list --format json, schema/list.schema.json). Default: open items.',
    inputSchema: {
      ...common,
      status: z.string().optional().describe('comma-separated: todo, in_progress, blocked, done, cancelled, open, all'),
      priority: z.string().optional().describe('a level, or `high+` for that level and above'),
      blocking: z.boolean().optional(),
      grep: z.string().optional(),
      owner: z.string().optional().describe('comma-separated owners'),
      tag: z.string().optional().describe('comma-separated tags'),
      overdue: z.boolean().optional(),
      ready: z.boolean().optional().describe('only items that can be started now'),
      sort: z.enum(['file', 'priority', 'status', 'effort']).optional(),
    },
    outputSchema: listShape,
  }, (args) => call(args, ['list',
    ...(args.status ? ['--status', args.status] : []), ...(args.priority ? ['--priority', args.priority] : []),
    ...(args.blocking ? ['--blocking'] : []), ...(args.grep !== undefined ? ['--grep', args.grep] : []),
    ...(args.owner ? ['--owner', args.owner] : []), ...(args.tag ? ['--tag', args.tag] : []),
    ...(args.overdue ? ['--overdue'] : []), ...(args.ready ? ['--ready'] : []), ...(args.sort ? ['--sort', args.sort] : [])]));

  server.registerTool('next_items', {
    title: 'What to do next',
    description: 'The open items that can be started now, by priority, overdue first, due date (shipready next --format json, schema/next.schema.json); waves: the parallel plan and the critical path. A dependency cycle is listed in `cycles`.',
    inputSchema: { ...common, waves: z.boolean().optional() },
    outputSchema: nextShape,
  }, (args) => call(args, ['next', ...(args.waves ? ['--waves'] : [])]));

  server.registerTool('check', {
    title: 'Readiness gate',
    description: 'shipready check: the report (as readiness) held to the gate; the second text block says the exit code (0 ready, 1 not ready) and the verdict.',
    inputSchema: {
      ...common,
      minPercent: z.string().optional().describe('N, or LEVEL=N,… per priority'),
      maxOpen: z.string().optional().describe('N, or LEVEL=N,… per priority'),
      failOnStale: z.boolean().optional(),
      failOnOverdue: level.optional(),
    },
    outputSchema: reportShape,
  }, (args) => call(args, ['check',
    ...(args.minPercent ? ['--min-percent', args.minPercent] : []), ...(args.maxOpen ? ['--max-open', args.maxOpen] : []),
    ...(args.failOnStale ? ['--fail-on-stale'] : []), ...(args.failOnOverdue ? ['--fail-on-overdue', args.failOnOverdue] : [])]));

  return server;
}

function failure(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/**
 * The directory a call's paths are relative to: `cwd` (absolute, or relative
 * to the first root), else the client's first `file:` root.
 *
 * @throws Error naming what to pass when there is neither.
 */
async function workingDirectory(server: McpServer, cwd: string | undefined): Promise<string> {
  let root: string | null = null;
  if (server.server.getClientCapabilities()?.roots) {
    const { roots } = await server.server.listRoots();
    const first = roots.find((r) => r.uri.startsWith('file:'));
    if (first) root = fileURLToPath(first.uri);
  }
  if (cwd !== undefined) {
    if (path.isAbsolute(cwd)) return cwd;
    if (root !== null) return path.resolve(root, cwd);
    throw new Error(`cwd \`${cwd}\` is relative and the client gave no roots; pass an absolute cwd`);
  }
  if (root !== null) return root;
  throw new Error('the client gave no roots (roots/list); pass `cwd`, the absolute path of the project to read');
}
