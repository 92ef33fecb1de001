import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

/**
 * `shipready mcp` started as a process by the SDK's own client: every tool
 * on the fixtures answers exactly the CLI's JSON document; paths resolve
 * against the client's root or `cwd`, never the server's start directory.
 */
const FIXTURES = path.join(ROOT, 'fixtures', 'planning');

async function connect(roots: string[] | null): Promise<Client> {
  const client = new Client({ name: 'shipready-test', version: '1.0.0' }, roots === null ? {} : { capabilities: { roots: {} } });
  if (roots !== null) client.setRequestHandler(ListRootsRequestSchema, () => ({ roots: roots.map((r) => ({ uri: pathToFileURL(r).href, name: path.basename(r) })) }));
  // The server starts in a directory that holds no checklist: answers must not depend on it.
  const transport = new StdioClientTransport({ command: process.execPath, args: [path.join(ROOT, 'bin', 'shipready.js'), 'mcp'], cwd: path.join(ROOT, 'schema'), stderr: 'pipe' });
  await client.connect(transport);
  return client;
}

async function cli(args: string[], cwd = FIXTURES): Promise<unknown> {
  const result = await runCli([...args, '--format', 'json', '--no-config'], { cwd });
  return JSON.parse(result.stdout);
}

describe('shipready mcp', () => {
  let withRoots: Client;
  let withoutRoots: Client;
  beforeAll(async () => {
    [withRoots, withoutRoots] = await Promise.all([connect([FIXTURES]), connect(null)]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([withRoots?.close(), withoutRoots?.close()]);
  });

  it('lists the four tools with input and output schemas', async () => {
    const { tools } = await withRoots.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['check', 'list_items', 'next_items', 'readiness']);
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
  });

  it('every tool answers the CLI\'s JSON document, paths relative to the client\'s root', async () => {
    const calls: Array<[string, Record<string, unknown>, string[]]> = [
      ['readiness', { paths: ['spec-kit', 'hand-written'], today: '2026-02-01' }, ['report', '--today', '2026-02-01', 'spec-kit', 'hand-written']],
      ['list_items', { paths: ['.'], owner: 'ana', status: 'all', today: '2026-02-01' }, ['list', '--owner', 'ana', '--status', 'all', '--today', '2026-02-01', '.']],
      ['list_items', { paths: ['spec-kit'], ready: true }, ['list', '--ready', 'spec-kit']],
      ['next_items', { paths: ['spec-kit'], waves: true, today: '2026-02-01' }, ['next', '--waves', '--today', '2026-02-01', 'spec-kit']],
      ['check', { paths: ['spec-kit'], failOnOverdue: 'low', failOn: 'none', today: '2026-02-01' }, ['check', '--fail-on-overdue', 'low', '--fail-on', 'none', '--today', '2026-02-01', 'spec-kit']],
    ];
    for (const [name, args, cliArgs] of calls) {
      const result = await withRoots.callTool({ name, arguments: { ...args, noConfig: true } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      const expected = await cli(cliArgs);
      expect(result.structuredContent, name).toEqual(expected);
      expect(JSON.parse((result.content as Array<{ text: string }>)[0]!.text)).toEqual(expected);
    }
  });

  it('check says the exit code and verdict beside the document', async () => {
    const result = await withRoots.callTool({ name: 'check', arguments: { paths: ['spec-kit'], failOnOverdue: 'none', today: '2026-02-01', noConfig: true } });
    expect((result.content as Array<{ text: string }>)[1]!.text).toMatch(/^exit 1; stderr:\n[\s\S]*NOT READY/);
  });

  it('next_items reports a cycle in the document', async () => {
    const result = await withRoots.callTool({ name: 'next_items', arguments: { paths: ['cycle'], waves: true, noConfig: true } });
    expect(result.structuredContent).toMatchObject({ waves: null });
    expect((result.structuredContent as { cycles: unknown[] }).cycles).toHaveLength(1);
  });

  it('without roots, an absolute cwd is used; with neither, the call is an error naming cwd', async () => {
    const result = await withoutRoots.callTool({ name: 'list_items', arguments: { cwd: FIXTURES, paths: ['obsidian'], noConfig: true } });
    expect(result.structuredContent).toEqual(await cli(['list', 'obsidian']));
    const missing = await withoutRoots.callTool({ name: 'readiness', arguments: { paths: ['obsidian'] } });
    expect(missing.isError).toBe(true);
    expect((missing.content as Array<{ text: string }>)[0]!.text).toContain('pass `cwd`');
  });

  it('a cwd relative to the root, and a path that matches nothing, come back as the CLI says them', async () => {
    const relative = await withRoots.callTool({ name: 'list_items', arguments: { cwd: 'dataview', noConfig: true } });
    expect(relative.structuredContent).toEqual(await cli(['list'], path.join(FIXTURES, 'dataview')));
    const nothing = await withRoots.callTool({ name: 'readiness', arguments: { paths: ['no-such-dir'], noConfig: true } });
    expect(nothing.isError).toBe(true);
    expect((nothing.content as Array<{ text: string }>)[0]!.text).toContain('no-such-dir');
  });
});
