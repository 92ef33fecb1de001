import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate, readPlanning } from '../src/extract/planning/index.js';
import type { Item } from '../src/model.js';
import { runCli } from './helpers.js';

/**
 * One fixture per planning format (docs/rules.md#planning-formats), each
 * written from the format's public template or documentation, read through
 * the CLI: the refs, dependencies, owners, dates and tags each item gets.
 */
type Listed = Item & { path: string };

async function items(path: string): Promise<Listed[]> {
  const result = await runCli(['list', '--no-config', '--status', 'all', '--format', 'json', '--today', '2026-02-01', path]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { items: Listed[] }).items;
}

const fields = (item: Listed) => ({
  ref: item.ref, owner: item.owner, due: item.due, scheduled: item.scheduled, start: item.start, doneDate: item.doneDate,
  dependsOn: item.dependsOn, tags: item.tags,
});
const none = { ref: null, owner: null, due: null, scheduled: null, start: null, doneDate: null, dependsOn: [], tags: [] };

describe('planning formats', () => {
  it('spec-kit: T-refs, [P] and [US1] as tags, "depends on / after / blocked by" as dependencies', async () => {
    const found = await items('fixtures/planning/spec-kit');
    const byRef = new Map(found.map((i) => [i.ref, i]));
    expect(found.map((i) => i.ref)).toEqual(['T001', 'T002', 'T003', 'T004', 'T005', 'T006', 'T007', 'T008', 'T009', 'T010', 'T011', 'T012', 'T013', 'T014']);
    expect(fields(byRef.get('T005')!)).toEqual({ ...none, ref: 'T005', owner: 'ana', due: '2026-03-01', tags: ['P'] });
    expect(byRef.get('T008')!.tags).toEqual(['P', 'US1']);
    expect(byRef.get('T007')!.dependsOn).toEqual(['T004']);
    expect(byRef.get('T011')!.dependsOn).toEqual(['T010']);
    expect(byRef.get('T013')!.dependsOn).toEqual(['T012']);
    expect(byRef.get('T006')!.overdue).toBe(true);
    expect(byRef.get('T005')!.overdue).toBe(false);
    // [P] is never a priority: the phase decides.
    expect(byRef.get('T012')!.priority).toBe(byRef.get('T013')!.priority);
  });

  it('Kiro: numbered refs with a Requirements sub-bullet, requirements as tags', async () => {
    const found = await items('fixtures/planning/kiro/.kiro');
    expect(found.map((i) => [i.ref, i.tags])).toEqual([
      ['1', ['req:1.1']],
      [null, []],
      ['2.1', ['req:2.1', 'req:3.3', 'req:1.2']],
      ['2.2', ['req:1.2']],
      [null, []],
      ['3.1', ['req:2.1']],
      ['3.2', ['req:4.3']],
    ]);
    expect(found[5]!.parentId).toBe(found[4]!.id);
  });

  it('OpenSpec: dotted refs', async () => {
    const found = await items('fixtures/planning/openspec');
    expect(found.map((i) => [i.ref, i.status])).toEqual([['1.1', 'done'], ['1.2', 'todo'], ['1.3', 'todo'], ['2.1', 'todo']]);
  });

  it('Backlog.md: one document item per task file, its acceptance criteria under it', async () => {
    const found = await items('fixtures/planning/backlog');
    const documents = found.filter((i) => i.kind === 'document');
    expect(documents.map((d) => ({ ...fields(d), title: d.title, status: d.status, priority: d.priority, line: d.line }))).toEqual([
      { ...none, ref: 'task-3', tags: ['backend'], title: 'Session store', status: 'done', priority: 'medium', line: 1 },
      { ...none, ref: 'task-7', owner: 'ana', dependsOn: ['task-3'], tags: ['auth', 'backend'], title: 'Add OAuth login', status: 'in_progress', priority: 'high', line: 1 },
    ]);
    const criteria = found.filter((i) => i.kind === 'task');
    expect(criteria.map((c) => [c.title, c.status, c.parentId])).toEqual([
      ['#1 Sessions are stored in Redis', 'done', documents[0]!.id],
      ['#1 Users can sign in with GitHub', 'done', documents[1]!.id],
      ['#2 The session survives a page refresh', 'todo', documents[1]!.id],
    ]);
  });

  it('Obsidian Tasks: 📅 ⏳ 🛫 ✅ dates, 🆔 ref, ⛔ dependencies', async () => {
    const found = await items('fixtures/planning/obsidian');
    expect(found.map(fields)).toEqual([
      { ...none, ref: 'rent', due: '2026-01-31', dependsOn: ['bank'] },
      { ...none, ref: 'bank', scheduled: '2026-01-25', start: '2026-01-20' },
      { ...none, doneDate: '2026-01-05' },
      { ...none, due: '2026-03-10', tags: ['health'] },
    ]);
    expect(found[0]!.overdue).toBe(true);
  });

  it('Dataview inline fields: [due:: …], [owner:: …], [id:: …], [dependsOn:: …], [scheduled:: …], [completion:: …]', async () => {
    const found = await items('fixtures/planning/dataview');
    expect(found.map(fields)).toEqual([
      { ...none, ref: 'copy', owner: 'ana', due: '2026-02-14' },
      { ...none, owner: 'ben', scheduled: '2026-02-16', dependsOn: ['copy'] },
      { ...none, doneDate: '2026-01-20' },
    ]);
  });

  it('hand-written: @owner, **Owner**:, (due …), due:, blocked-by:, #tag, leading labels', async () => {
    const found = await items('fixtures/planning/hand-written');
    expect(found.map(fields)).toEqual([
      { ...none, ref: 't010', owner: 'ana', due: '2026-01-20' },
      { ...none, ref: 't020', owner: 'ben', due: '2026-02-10', tags: ['docs'] },
      { ...none, ref: 't030', dependsOn: ['t020'] },
      { ...none, owner: 'carla', tags: ['marketing'] },
      // The section's own fields apply to its items; an item's own win.
      { ...none, ref: 't040', owner: 'dana', due: '2026-04-01' },
      { ...none, ref: 't050', owner: 'erin', due: '2026-03-15' },
    ]);
    expect(found.map((i) => i.overdue)).toEqual([true, false, false, false, false, false]);
  });

  it('refs resolve in the file, the folder, then the report; unknown and ambiguous refs are warnings naming them', async () => {
    const result = await runCli(['report', '--no-config', '--format', 'json', 'fixtures/planning/refs']);
    const report = JSON.parse(result.stdout) as { files: Array<{ path: string; diagnostics: Array<{ line: number; severity: string; message: string }> }> };
    const app = report.files.find((f) => f.path.endsWith('app/TODO.md'))!;
    expect(app.diagnostics).toEqual([
      { line: 4, severity: 'warning', message: 'APP-2 depends on "DUP-1", which 2 items carry (ambiguous ref; give them distinct refs)' },
      { line: 5, severity: 'warning', message: 'APP-3 depends on "NOPE-9", which no item carries (unknown ref; check its spelling)' },
    ]);
  });

  it('heading items take the planning fields of their own lines', async () => {
    const found = await items('fixtures/heading-items');
    expect(found.find((i) => i.title.includes('Rotate the leaked API keys'))!.owner).toBe('ops');
  });

  it('plain numbered checkboxes and e-mail addresses, npm scopes and issue numbers are not planning fields', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-planning-'));
    writeFileSync(path.join(dir, 'TODO.md'), '- [ ] 3. Mail me@example.com about @types/node and #12\n');
    const result = await runCli(['list', '--no-config', '--format', 'json', 'TODO.md'], { cwd: dir });
    const [item] = (JSON.parse(result.stdout) as { items: Listed[] }).items;
    expect(fields(item!)).toEqual(none);
  });
});

describe('list filters and the overdue gate', () => {
  const listed = async (args: string[]): Promise<Array<string | null>> => {
    const result = await runCli(['list', '--no-config', '--format', 'json', '--today', '2026-02-01', ...args, 'fixtures/planning']);
    expect(result.code, result.stderr).toBe(0);
    return (JSON.parse(result.stdout) as { items: Listed[] }).items.map((i) => i.ref ?? i.title);
  };

  it('--owner matches owners without case or @, comma-separated', async () => {
    expect(await listed(['--owner', '@ANA,ben'])).toEqual(['task-7', 'copy', 'Review the copy with legal [owner:: @ben] [dependsOn:: copy] [scheduled:: 2026-02-16]', 't010', 't020', 'T005']);
  });

  it('--overdue keeps the open items due before --today', async () => {
    expect(await listed(['--overdue'])).toEqual(['t010', 'rent', 'T006']);
  });

  it('--tag matches any of the tags, # optional', async () => {
    expect(await listed(['--tag', '#docs,US2'])).toEqual(['t020', 'T012', 'T013']);
  });

  it('--ready keeps what next would start now', async () => {
    const ready = await listed(['--ready', '--file', 'spec-kit']);
    expect(ready).toEqual(['T004', 'T005', 'T006']);
    const waiting = await listed(['--ready', '--file', 'hand-written']);
    expect(waiting).not.toContain('t030');
    expect(waiting).toContain('t020');
  });

  it('check --fail-on-overdue fails on overdue items at or above the level, and only then', async () => {
    const run = (level: string, today: string) =>
      runCli(['check', '--no-config', '--fail-on', 'none', '--fail-on-overdue', level, '--today', today, 'fixtures/planning/hand-written']);
    const failing = await run('none', '2026-02-01');
    expect(failing.code).toBe(1);
    expect(failing.stderr + failing.stdout).toContain('1 overdue item open');
    expect((await run('high', '2026-02-01')).code).toBe(0);
    expect((await run('none', '2026-01-01')).code).toBe(0);
  });

  it('failOnOverdue in the configuration is the same gate; a bad level is exit 2 naming the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-overdue-'));
    writeFileSync(path.join(dir, 'TODO.md'), '- [ ] Renew the certificate (due 2026-01-10)\n');
    writeFileSync(path.join(dir, '.shipreadyrc.json'), '{"failOnOverdue": "none"}');
    expect((await runCli(['check', '--today', '2026-02-01'], { cwd: dir })).code).toBe(1);
    writeFileSync(path.join(dir, '.shipreadyrc.json'), '{"failOnOverdue": "urgent"}');
    const bad = await runCli(['check', '--today', '2026-02-01'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('failOnOverdue');
  });
});

describe('planning readers on any text (property)', () => {
  it('never throw, and every date they give is a calendar day', () => {
    const pieces = fc.constantFrom('📅 ', '⏳', '🛫 ', '✅ ', '🆔 ', '⛔ ', '[due:: ', '(owner:: ', ']', ')', 'due ', '@', '#', 'T012 ', '[P] ', 'depends on ', 'blocked-by: ', '2026-02-30', '2026-01-31', ',', ' ');
    const text = fc.array(fc.oneof(pieces, fc.string({ maxLength: 6 })), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (title) => {
        const found = readPlanning(title, [{ name: 'due', value: title, line: 1 }]) ?? {};
        for (const key of ['due', 'scheduled', 'start', 'doneDate'] as const) {
          const value = found[key];
          if (value != null) expect(isoDate(value)).toBe(value);
        }
        for (const ref of found.dependsOn ?? []) expect(ref.trim()).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
