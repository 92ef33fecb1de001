import type { Command } from 'commander';
import type { ExitCode, RunContext } from '../context.js';
import { type CliRunner } from '../mcp/server.js';

/**
 * `shipready mcp` (README.md#coding-agents-mcp): an MCP server on standard
 * input and output until the client closes it. Exit 0.
 */
export function registerMcp(program: Command, ctx: RunContext, done: (code: ExitCode) => void, runCli: CliRunner): void {
  program
    .command('mcp')
    .description('serve readiness, list_items, next_items and check to coding agents over MCP (stdio)')
    .action(async () => {
      const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([
        import('../mcp/server.js'),
        import('@modelcontextprotocol/sdk/server/stdio.js'),
      ]);
      const server = createMcpServer(runCli, ctx.env);
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        server.server.onclose = resolve;
        process.stdin.once('end', resolve);
      });
      await server.connect(transport);
      await closed;
      await server.close();
      done(0);
    });
}
