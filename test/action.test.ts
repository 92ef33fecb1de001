/**
 * The GitHub Action, run by executing action.yml itself (test/action-harness.ts):
 * its steps, with the Actions environment, against a workspace holding a real
 * seed checklist, and a loopback mock of the GitHub REST API for the comment.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAction, runAction } from './action-harness.js';
import { ROOT } from './helpers.js';

const SEED = path.join(ROOT, 'fixtures', 'seeds', '001_68c690fd1671e9f8.md');
const SHA = '0123456789abcdef0123456789abcdef01234567';

/** A workspace: the seed as TODO.md at its root, an empty `docs/` to run from, a pull-request event. */
function workspace(): { dir: string; event: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'shipready-workspace-'));
  copyFileSync(SEED, path.join(dir, 'TODO.md'));
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(path.join(dir, 'docs', 'notes.txt'), 'not markdown\n');
  const event = path.join(dir, '..', `${path.basename(dir)}-event.json`);
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }));
  return { dir, event };
}

interface Recorded {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** The mock GitHub API: the comments of PR 7 (`existing`), and every request it got. */
let server: Server;
let api = '';
const requests: Recorded[] = [];
let existing: Array<{ id: number; body: string }> = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body: text ? JSON.parse(text) : undefined });
      response.setHeader('content-type', 'application/json');
      if (request.method === 'GET' && request.url?.startsWith('/repos/octo/app/issues/7/comments')) {
        response.end(JSON.stringify(existing));
      } else if (request.method === 'POST' && request.url === '/repos/octo/app/issues/7/comments') {
        response.statusCode = 201;
        response.end(JSON.stringify({ id: 901 }));
      } else if (request.method === 'PATCH' && request.url?.startsWith('/repos/octo/app/issues/comments/')) {
        response.end(JSON.stringify({ id: Number(request.url.split('/').at(-1)) }));
      } else {
        response.statusCode = 404;
        response.end('{"message":"Not Found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function jobEnv(event: string): Record<string, string> {
  return {
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_SHA: SHA,
    GITHUB_API_URL: api,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_TOKEN: 'test-token',
  };
}

/** Workflow commands in a log, parsed back: `{name, file, line, message}`. */
function annotations(log: string): Array<{ name: string; properties: Record<string, string>; message: string }> {
  return log
    .split('\n')
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => ({
      name: match![1]!,
      properties: Object.fromEntries((match![2] ?? '').split(',').filter(Boolean).map((pair) => pair.split('=') as [string, string])),
      message: match![3]!,
    }));
}

describe('action.yml', () => {
  it('declares the inputs and outputs the README documents', () => {
    const action = readAction();
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'fail-on', 'since', 'format', 'summary', 'comment', 'version', 'fail-on-empty']));
    expect(Object.keys(action.outputs)).toEqual(['ready', 'blocking', 'percent']);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(action.inputs)) expect(readme).toContain(`\`${name}\``);
  });

  it('run from a subfolder: annotations on the root-relative file, capped with a notice, absolute summary links, outputs, and a new PR comment', async () => {
    const { dir, event } = workspace();
    requests.length = 0;
    existing = [{ id: 5, body: 'LGTM' }];
    const run = await runAction({
      workspace: dir,
      inputs: { paths: '../TODO.md', 'working-directory': 'docs', comment: 'true', format: 'sarif:../out/shipready.sarif junit:../out/junit.xml' },
      env: jobEnv(event),
    });

    // The gate failed, as the last step, after the comment was posted.
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ ready: 'false', blocking: '24', percent: '13.56' });

    const found = annotations(run.stdout);
    const errors = found.filter((one) => one.name === 'error');
    const warnings = found.filter((one) => one.name === 'warning');
    expect(errors).toHaveLength(10);
    expect(warnings).toHaveLength(10);
    // Attached to TODO.md at the workspace root, not `../TODO.md`.
    expect(new Set([...errors, ...warnings].map((one) => one.properties.file))).toEqual(new Set(['TODO.md']));
    const notice = found.filter((one) => one.name === 'notice').at(-1)!;
    expect(notice.message).toContain('14 errors and 4 warnings not annotated');
    // The ones left out are still in the log.
    expect(run.stdout).toContain('shipready: TODO.md:290: error: Blocking item (critical): Error handling wrapped on all external calls (BLOCKING)');

    expect(run.summary).toContain('NOT READY');
    expect(run.summary).toContain(`](https://github.com/octo/app/blob/${SHA}/TODO.md#L31)`);
    expect(run.summary).not.toMatch(/\]\((?!https:)/);

    // The extra formats were written where asked, relative to the working directory.
    expect(readFileSync(path.join(dir, 'out', 'junit.xml'), 'utf8')).toContain('<testsuites');
    expect(JSON.parse(readFileSync(path.join(dir, 'out', 'shipready.sarif'), 'utf8')).runs[0].versionControlProvenance[0]).toMatchObject({
      repositoryUri: 'https://github.com/octo/app',
      revisionId: SHA,
    });

    const writes = requests.filter((one) => one.method !== 'GET');
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatchObject({ method: 'POST', url: '/repos/octo/app/issues/7/comments', authorization: 'Bearer test-token' });
    const body = (writes[0]!.body as { body: string }).body;
    expect(body.startsWith('<!-- shipready -->\n')).toBe(true);
    expect(body).toContain('24 blocking items open');
    expect(body).toContain(`https://github.com/octo/app/blob/${SHA}/TODO.md#L31`);
  });

  it('updates its own comment (found by the hidden marker) instead of posting another', async () => {
    const { dir, event } = workspace();
    requests.length = 0;
    existing = [
      { id: 5, body: 'LGTM' },
      { id: 77, body: '<!-- shipready -->\nold report' },
    ];
    const run = await runAction({ workspace: dir, inputs: { comment: 'true', 'fail-on': 'none' }, env: jobEnv(event) });
    expect(run.code).toBe(0);
    expect(run.outputs.ready).toBe('true');
    const writes = requests.filter((one) => one.method !== 'GET');
    expect(writes.map((one) => `${one.method} ${one.url}`)).toEqual(['PATCH /repos/octo/app/issues/comments/77']);
    expect((writes[0]!.body as { body: string }).body).toContain('READY');
  });

  it('fails when no checklist item is found (fail-on-empty is on by default), and passes with it off', async () => {
    const { dir, event } = workspace();
    writeFileSync(path.join(dir, 'docs', 'empty.md'), '# Notes\n\nNothing to do here.\n');
    const run = await runAction({ workspace: dir, inputs: { paths: 'docs' }, env: jobEnv(event) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no checklist items found');
    expect(run.outputs).toMatchObject({ ready: 'false', blocking: '0' });
    const off = await runAction({ workspace: dir, inputs: { paths: 'docs', 'fail-on-empty': 'false' }, env: jobEnv(event) });
    expect(off.code).toBe(0);
  });

  it('writes no step summary with summary: false, and posts no comment outside a pull request', async () => {
    const { dir } = workspace();
    requests.length = 0;
    const run = await runAction({
      workspace: dir,
      inputs: { summary: 'false', comment: 'true', 'fail-on': 'none' },
      env: { ...jobEnv(path.join(dir, 'no-event.json')), GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: '' },
    });
    expect(run.code).toBe(0);
    expect(run.summary).toBe('');
    expect(run.stdout).toContain('not a pull request; no comment posted');
    expect(requests).toHaveLength(0);
  });

  it('passes `since` to the CLI only when given', async () => {
    const { dir, event } = workspace();
    const run = await runAction({ workspace: dir, inputs: { since: 'origin/main', 'fail-on': 'none' }, env: jobEnv(event) });
    // The workspace is no git repository (and older CLIs lack the option): the CLI refuses, naming it, with exit 2.
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not inside a git repository|since|origin\/main/i);
  });
});
