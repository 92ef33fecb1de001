/**
 * schema/report.schema.json must describe `Report` (src/model.ts) exactly:
 * a hand-built `Report` validates, broken ones do not, and the real
 * `--format json` output of the CLI validates.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The named export: under ESM/NodeNext the default import of this CJS module is
// typed as the module namespace (not constructable), while `Ajv2020` is the
// class both at runtime and for TypeScript.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { Report, Totals } from '../src/model.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaPath = fileURLToPath(new URL('../schema/report.schema.json', import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;

function compile() {
  // strict: true turns every strict-mode warning (unknown keyword, ignored
  // keyword, union type, …) into a compile error.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

const validate = compile();

function errorsOf(data: unknown): string {
  validate(data);
  return JSON.stringify(validate.errors, null, 2);
}

function totals(over: Partial<Totals> = {}): Totals {
  return {
    items: 2,
    done: 1,
    open: 1,
    todo: 0,
    inProgress: 1,
    blocked: 0,
    cancelled: 1,
    percent: 50,
    blocking: 1,
    effort: { minHours: 1.5, maxHours: 3, unestimated: 0 },
    optionalOpen: 0,
    overdue: 0,
    ...over,
  };
}

const zero = totals({
  items: 0, done: 0, open: 0, inProgress: 0, cancelled: 0, percent: 0, blocking: 0,
  effort: { minHours: 0, maxHours: 0, unestimated: 0 },
});

function minimalReport(): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'shipready', version: '0.1.0' },
    options: { failOn: 'critical', hoursPerDay: 8 },
    ready: false,
    totals: totals(),
    byPriority: { critical: totals(), high: zero, medium: zero, low: zero, none: zero },
    scanned: { files: 3, withItems: 1, skipped: 0 },
    files: [
      {
        path: 'fixtures/seeds/001_68c690fd1671e9f8.md',
        totals: totals(),
        byPriority: { critical: totals(), high: zero, medium: zero, low: zero, none: zero },
        sections: [
          { title: 'Week 1: Core Infrastructure', depth: 2, line: 26, priority: 'critical', totals: totals(), effort: { minHours: 8, maxHours: 16, text: '1-2 days' } },
        ],
        items: [
          {
            id: 'fixtures/seeds/001_68c690fd1671e9f8.md:31',
            title: 'Rotate keys',
            status: 'in_progress',
            priority: 'critical',
            blocking: true,
            effort: { minHours: 1, maxHours: 2, text: '1-2 hours each', each: true },
            kind: 'task',
            line: 31,
            column: 1,
            sectionPath: ['Week 1: Core Infrastructure'],
            parentId: null,
            fingerprint: '0123456789abcdef',
            ref: null,
            optional: false,
            owner: null,
            due: null,
            scheduled: null,
            start: null,
            doneDate: null,
            dependsOn: [],
            tags: [],
            overdue: false,
          },
          {
            id: 'fixtures/seeds/001_68c690fd1671e9f8.md:32',
            title: 'Sub-task',
            status: 'done',
            priority: 'critical',
            blocking: false,
            effort: null,
            kind: 'task',
            line: 32,
            column: 3,
            sectionPath: ['Week 1: Core Infrastructure'],
            parentId: 'fixtures/seeds/001_68c690fd1671e9f8.md:31',
            fingerprint: '0123456789abcdef',
            ref: null,
            optional: false,
            owner: null,
            due: null,
            scheduled: null,
            start: null,
            doneDate: null,
            dependsOn: [],
            tags: [],
            overdue: false,
          },
          {
            id: 'fixtures/seeds/001_68c690fd1671e9f8.md:33',
            title: 'Dropped',
            status: 'cancelled',
            priority: 'none',
            blocking: false,
            effort: null,
            kind: 'marker',
            line: 33,
            column: 1,
            sectionPath: [],
            parentId: null,
            fingerprint: '0123456789abcdef',
            ref: null,
            optional: false,
            owner: null,
            due: null,
            scheduled: null,
            start: null,
            doneDate: null,
            dependsOn: [],
            tags: [],
            overdue: false,
          },
        ],
        claims: [
          {
            kind: 'ratio',
            line: 26,
            column: 35,
            endLine: 26,
            endColumn: 50,
            text: '7/10 incomplete',
            claimed: { open: 7, items: 10 },
            counted: { open: 1, items: 2 },
            stale: true,
            scope: { title: 'Week 1: Core Infrastructure', line: 26, path: 'fixtures/seeds/001_68c690fd1671e9f8.md' },
          },
          {
            kind: 'count',
            line: 4,
            column: 1,
            endLine: 4,
            endColumn: 20,
            text: '61 incomplete tasks',
            claimed: { open: 61 },
            counted: null,
            stale: null,
            scope: { title: null, line: null, path: 'PRODUCTION_IMPLEMENTATION_CHECKLIST.md' },
          },
          {
            kind: 'percent',
            line: 5,
            column: 1,
            endLine: 5,
            endColumn: 14,
            text: 'Progress: 50%',
            claimed: { donePercent: 50 },
            counted: { donePercent: 50 },
            stale: false,
            scope: { title: null, line: null, path: 'fixtures/seeds/001_68c690fd1671e9f8.md' },
          },
        ],
        diagnostics: [
          { line: 1, severity: 'info', message: 'repaired Mac OS Roman mojibake' },
          { line: null, severity: 'warning', message: 'invalid UTF-8 replaced' },
        ],
      },
    ],
  };
}

/** A deep copy of the minimal report, as plain JSON, for breaking. */
function mutable(): any {
  return JSON.parse(JSON.stringify(minimalReport()));
}

describe('report schema', () => {
  it('compiles in strict mode', () => {
    expect(() => compile()).not.toThrow();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts a hand-built Report (schema and model agree)', () => {
    const report: Report = minimalReport();
    expect(validate(report), errorsOf(report)).toBe(true);
  });

  it('accepts a report with no files', () => {
    const report: Report = { ...minimalReport(), files: [] };
    expect(validate(report), errorsOf(report)).toBe(true);
  });

  it('rejects an unknown key at the top level', () => {
    const r = mutable();
    r.extra = true;
    expect(validate(r)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'additionalProperties')).toBe(true);
  });

  it('rejects an unknown key deep inside an item', () => {
    const r = mutable();
    r.files[0].items[0].notes = 'x';
    expect(validate(r)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/files/0/items/0')).toBe(true);
  });

  it('rejects a bad status', () => {
    const r = mutable();
    r.files[0].items[0].status = 'wip';
    expect(validate(r)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/files/0/items/0/status' && e.keyword === 'enum')).toBe(true);
  });

  it('rejects a negative count', () => {
    const r = mutable();
    r.totals.open = -1;
    expect(validate(r)).toBe(false);
    expect(validate.errors?.some((e) => e.instancePath === '/totals/open' && e.keyword === 'minimum')).toBe(true);
  });

  it('rejects a missing files array', () => {
    const r = mutable();
    delete r.files;
    expect(validate(r)).toBe(false);
    expect(validate.errors?.some((e) => e.keyword === 'required' && e.params.missingProperty === 'files')).toBe(true);
  });

  it.each([
    ['schemaVersion 1', (r: any) => { r.schemaVersion = 1; }],
    ['another tool name', (r: any) => { r.tool.name = 'other'; }],
    ['a fractional count', (r: any) => { r.totals.done = 1.5; }],
    ['percent above 100', (r: any) => { r.totals.percent = 100.5; }],
    ['negative hours', (r: any) => { r.totals.effort.minHours = -1; }],
    ['a missing priority in byPriority', (r: any) => { delete r.byPriority.none; }],
    ['an extra priority in byPriority', (r: any) => { r.byPriority.urgent = r.byPriority.none; }],
    ['line 0', (r: any) => { r.files[0].items[0].line = 0; }],
    ['column 0', (r: any) => { r.files[0].items[0].column = 0; }],
    ['an id without :line', (r: any) => { r.files[0].items[0].id = 'TODO.md'; }],
    ['effort without each', (r: any) => { delete r.files[0].items[0].effort.each; }],
    ['a bad kind', (r: any) => { r.files[0].items[0].kind = 'bullet'; }],
    ['a bad priority', (r: any) => { r.files[0].items[0].priority = 'urgent'; }],
    ['section depth 7', (r: any) => { r.files[0].sections[0].depth = 7; }],
    ['empty claimed numbers', (r: any) => { r.files[0].claims[0].claimed = {}; }],
    ['an unknown claimed key', (r: any) => { r.files[0].claims[0].claimed.total = 10; }],
    ['a bad claim kind', (r: any) => { r.files[0].claims[0].kind = 'fraction'; }],
    ['stale as a string', (r: any) => { r.files[0].claims[0].stale = 'ok'; }],
    ['a claim without scope', (r: any) => { delete r.files[0].claims[0].scope; }],
    ['a bad severity', (r: any) => { r.files[0].diagnostics[0].severity = 'fatal'; }],
    ['diagnostic line 0', (r: any) => { r.files[0].diagnostics[0].line = 0; }],
    ['a bad failOn', (r: any) => { r.options.failOn = 'all'; }],
  ])('rejects %s', (_name, breakIt) => {
    const r = mutable();
    breakIt(r);
    expect(validate(r)).toBe(false);
  });
});

describe('real output', () => {
  it('`shipready report --format json --no-config fixtures/seeds` matches the schema', () => {
    const bin = 'bin/shipready.js';
    expect(existsSync(`${root}/${bin}`), `${bin} does not exist yet (build the CLI first)`).toBe(true);

    const run = spawnSync(process.execPath, [bin, 'report', '--format', 'json', '--no-config', 'fixtures/seeds'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.error, String(run.error)).toBeUndefined();
    // `report` exits 0 on success (SPEC.md §8); 2 means an error.
    expect(run.status, `exit ${run.status}\nstderr:\n${run.stderr}`).toBe(0);

    let parsed: unknown;
    expect(() => { parsed = JSON.parse(run.stdout); }, `stdout is not one JSON document:\n${run.stdout.slice(0, 2000)}`).not.toThrow();
    expect(validate(parsed), `schema errors:\n${errorsOf(parsed)}`).toBe(true);
    expect((parsed as Report).files.map((f) => f.path)).toEqual([
      'fixtures/seeds/000_1cabd79905a08843.md',
      'fixtures/seeds/001_68c690fd1671e9f8.md',
      'fixtures/seeds/002_815a210c10cbfa6a.md',
      'fixtures/seeds/003_356ed9122aa68829.md',
      'fixtures/seeds/004_2f307842d6d35cc9.md',
    ]);
  });
});
