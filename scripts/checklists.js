/**
 * Generated checklists and the properties every one must satisfy (issue 7),
 * shared by the property tests (test/engine-property.test.ts, a few
 * hundred documents against src/) and the fuzz run (scripts/fuzz.js,
 * 100,000 and more against dist/). Plain JavaScript so that both can load
 * it; types in checklists.d.ts.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';

// ---- generators ----

const PRIORITY_WORDS = [
  'Critical', 'HIGH PRIORITY', 'P0', 'P1', 'P2', 'Must have', 'Should', 'nice to have', 'Low', 'Blocker',
  'NOT BLOCKING', 'non-critical', 'Priority', '🔴', '🟠', '🟡', '🟢',
];
const WORK_WORDS = ['Tasks', 'TODO', 'Backlog', 'Checklist', 'Action items', 'Done', 'In Progress', 'Blocked', 'Status', "Won't have", 'Out of scope', 'Notes'];
const WORDS = [
  'Fix', 'the', 'login', 'bug', 'rotate', 'keys', 'BLOCKING', 'blocker', 'WIP', 'PARTIAL', 'NOT DONE', 'ON HOLD', 'done', 'incomplete',
  '(2h)', '(15-30 minutes each)', '(1-2 days)', '[P0]', '(critical)', '(Priority 2)', '⭐ HIGHEST PRIORITY', '`code`', '**bold**', '_em_',
  '~~struck~~', '[link](https://example.com)', '<b>html</b>', 'café', 'naïve', 'Ñandú', '✅', '❌', '🔄', '⏸️', '⚠️ PARTIAL', '🚀', '👩‍💻',
  '3/4', '45%', '~', '|', '\\', '*', '_', '#',
];
/** Non-ASCII text that mojibake repair can restore (SPEC.md §7: Latin, symbols, emoji). */
const PLAUSIBLE = ['café', 'naïve', 'Ñandú', 'über', '✅', '❌', '🔄', '⏸️', '⚠️', '🔴', '🟢', '🚀', '→', '—', '“quoted”', '…', '±', '°', 'α'];

const graphemes = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }).map((s) => s.replace(/[\r\n]/g, ' '));

/** A title made of checklist words, emoji and (unless `plausibleOnly`) random unicode. */
const titleOf = (plausibleOnly) =>
  fc
    .array(plausibleOnly ? fc.constantFrom(...WORDS.filter(isAsciiOrPlausible), ...PLAUSIBLE) : fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: graphemes }), {
      minLength: 1,
      maxLength: 7,
    })
    .map((words) => words.join(' '));

function isAsciiOrPlausible(word) {
  return [...word].every((c) => c.charCodeAt(0) < 0x80) || PLAUSIBLE.some((p) => word.includes(p));
}

/** One block of markdown: a heading, a (nested) task list, a field, a claim, a fence, a quote, a table, prose. */
const blockOf = (plausibleOnly) => {
  const title = titleOf(plausibleOnly);
  const heading = fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.option(fc.constantFrom('1.', '2)', '3:', '22-25.', '✅ 4.'), { nil: undefined }), fc.constantFrom(...PRIORITY_WORDS, ...WORK_WORDS), title)
    .map(([depth, number, word, text]) => `${'#'.repeat(depth)} ${number ? `${number} ` : ''}${word} ${text}`);
  const taskLine = fc
    .tuple(fc.integer({ min: 0, max: 4 }), fc.constantFrom('- [ ]', '- [x]', '* [X]', '+ [ ]', '1. [ ]', '- [/]', '- [-]', '-', '1.', '- ✅', '- ❌'), title)
    .map(([depth, marker, text]) => `${'  '.repeat(depth)}${marker} ${text}`);
  const taskList = fc.array(taskLine, { minLength: 1, maxLength: 8 }).map((lines) => lines.join('\n'));
  const field = fc
    .tuple(
      fc.constantFrom('Effort', 'Estimated Time', 'Time', 'Priority', 'Status', 'Owner', 'Due', 'Risk', 'ETA'),
      fc.constantFrom('2-4 hours', '~3 days', '1 week each', '30 min', 'Unknown', 'CRITICAL', 'P1', 'done', '✅ Complete', 'IN PROGRESS', 'Blocked', 'Alice'),
      fc.constantFrom('**N**: V', '**N:** V', '__N__: V', 'N: V', '- N: V'),
    )
    .map(([name, value, form]) => form.replace('N', name).replace('V', value));
  const claim = fc.constantFrom(
    '**15/22 items incomplete (68%)**', 'Progress: 45%', 'Done: 5 of 5', '61 incomplete tasks remaining', '3 of 4 tasks done',
    'Completion Rate: ~32%', 'Remaining: 2', '(7/10 incomplete)', '0% Applied', 'Week 1 of 3 complete', '12 incomplete tasks remaining in TODO.md',
  );
  const fence = taskList.map((lines) => `\`\`\`\n${lines}\n\`\`\``);
  const quote = taskList.map((lines) => lines.split('\n').map((line) => `> ${line}`).join('\n'));
  const table = fc.tuple(title, title).map(([a, b]) => `| ${a} | ${b} |\n|---|---|\n| - [ ] ${a} | ${b} |`);
  const other = fc.constantFrom('---', '<!-- - [ ] hidden -->', '    - [ ] indented code', '***', '<div>\n- [ ] in html\n</div>', '');
  return fc.oneof(heading, taskList, field, claim, fence, quote, table, title, other);
};

/** A whole checklist (LF line endings), optionally with front matter. */
const checklistOf = (plausibleOnly) =>
  fc
    .tuple(fc.boolean(), fc.array(blockOf(plausibleOnly), { maxLength: 30 }))
    .map(([frontMatter, blocks]) => `${frontMatter ? '---\ntitle: Release\n---\n' : ''}${blocks.join('\n\n')}\n`);

/** Checklists of every kind: headings with priority words, nested task lists, fields, claims, emoji, code fences, random unicode. */
export const checklist = checklistOf(false);

/** Checklists whose non-ASCII text mojibake repair can restore (for the Windows-1252 twin). */
export const plausibleChecklist = checklistOf(true);

/** Bytes: a checklist with random bytes spliced in, or random bytes outright. */
export const checklistBytes = fc.oneof(
  fc.tuple(checklist, fc.uint8Array({ maxLength: 24 }), fc.nat()).map(([text, noise, at]) => {
    const bytes = Buffer.from(text);
    const cut = at % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, cut), ...noise, ...bytes.subarray(cut)]);
  }),
  fc.uint8Array({ maxLength: 400 }),
);

// ---- twins ----

/**
 * The Windows-1252 mojibake twin of a text: its UTF-8 bytes read as
 * Windows-1252 (the five bytes it leaves undefined as Latin-1 C1 controls,
 * as the tools that make mojibake do) and saved again as UTF-8.
 */
export function mojibakeTwin(text) {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  for (const byte of bytes) {
    const char = iconv.decode(Buffer.from([byte]), 'win1252');
    out += char === '\uFFFD' ? String.fromCharCode(byte) : char;
  }
  return out;
}

// ---- properties ----

/**
 * The properties of issue 7 over the given pipeline (src/ for the tests,
 * dist/ for the fuzz run). Each throws an Error that says what broke.
 */
export function checklistProperties({ decodeMarkdown, reportFromDocuments, DEFAULT_REPORT_OPTIONS }) {
  const reportOf = (bytes) => {
    const decoded = decodeMarkdown(bytes);
    const document = {
      path: 'generated.md', absolutePath: '/generated.md', text: decoded.text, bom: decoded.bom,
      skipped: decoded.binary, repairs: decoded.repairs, diagnostics: decoded.diagnostics,
    };
    return reportFromDocuments([document], DEFAULT_REPORT_OPTIONS);
  };
  const fail = (message) => {
    throw new Error(message);
  };
  const same = (a, b, what) => {
    const [x, y] = [JSON.stringify(a), JSON.stringify(b)];
    if (x !== y) fail(`${what} differ:\n${x.slice(0, 2000)}\n${y.slice(0, 2000)}`);
  };
  const COUNTS = ['items', 'done', 'open', 'todo', 'inProgress', 'blocked', 'cancelled', 'blocking'];

  /** Extraction never throws; items = done + open; per-priority sums equal the totals. Returns the report. */
  const invariants = (bytes) => {
    const report = reportOf(bytes);
    for (const totals of [report.totals, ...Object.values(report.byPriority), ...report.files.map((f) => f.totals)]) {
      if (totals.items !== totals.done + totals.open) fail(`items ${totals.items} ≠ done ${totals.done} + open ${totals.open}`);
      if (totals.open !== totals.todo + totals.inProgress + totals.blocked) fail(`open ${totals.open} ≠ todo + in progress + blocked`);
      if (totals.effort.minHours > totals.effort.maxHours) fail('effort min > max');
      if (!(totals.percent >= 0 && totals.percent <= 100)) fail(`percent ${totals.percent}`);
    }
    for (const key of COUNTS) {
      const sum = Object.values(report.byPriority).reduce((n, t) => n + t[key], 0);
      if (sum !== report.totals[key]) fail(`per-priority ${key} add up to ${sum}, totals say ${report.totals[key]}`);
    }
    if (report.files.length > 1 || report.scanned.files !== 1) fail(`${report.files.length} files listed, ${report.scanned.files} read, for one text`);
    // A text with nothing to count is read and counted but not listed: its items are none.
    const items = report.files[0]?.items ?? [];
    if (report.totals.items + report.totals.cancelled !== items.length) fail('item list and totals disagree');
    if (new Set(items.map((i) => i.id)).size !== items.length) fail('duplicate item ids');
    if (new Set(items.map((i) => i.fingerprint)).size !== items.length) fail('duplicate fingerprints');
    return report;
  };

  return {
    invariants,
    /** The same bytes give the same JSON, also after another document was read in between. */
    deterministic(bytes, other) {
      const first = JSON.stringify(reportOf(bytes));
      reportOf(other);
      if (JSON.stringify(reportOf(bytes)) !== first) fail('a second run on the same bytes gave another report');
    },
    /** LF, CRLF and CR-only versions of a text give the same report. */
    lineEndings(text) {
      const lf = text.replace(/\r\n?/g, '\n');
      const report = reportOf(Buffer.from(lf)).files;
      same(report, reportOf(Buffer.from(lf.replace(/\n/g, '\r\n'))).files, 'LF and CRLF reports');
      same(report, reportOf(Buffer.from(lf.replace(/\n/g, '\r'))).files, 'LF and CR-only reports');
    },
    /** A text and its Windows-1252 mojibake twin give the same counts and titles. */
    mojibake(text) {
      const plain = invariants(Buffer.from(text));
      const twin = invariants(Buffer.from(mojibakeTwin(text)));
      same(plain.totals, twin.totals, 'totals of the text and its mojibake twin');
      same(plain.byPriority, twin.byPriority, 'per-priority counts of the text and its mojibake twin');
      const titles = (report) => (report.files[0]?.items ?? []).map((i) => i.title);
      same(titles(plain), titles(twin), 'titles of the text and its mojibake twin');
    },
  };
}
