import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/model.js';
import { runCli } from './helpers.js';

describe('shipready watch', () => {
  it('re-renders when a checklist changes and stops cleanly when interrupted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shipready-watch-'));
    const file = path.join(dir, 'TODO.md');
    writeFileSync(file, '# Tasks\n\n- [ ] one\n- [ ] two\n');
    const interrupt = new AbortController();
    const reports: Report[] = [];
    let changed = false;
    const running = runCli(['watch', '--format', 'json'], {
      cwd: dir,
      signal: interrupt.signal,
      onStdout: (chunk) => {
        reports.push(JSON.parse(chunk) as Report);
        if (!changed) {
          changed = true;
          // chokidar needs a moment to set up its watchers before the edit.
          setTimeout(() => writeFileSync(file, '# Tasks\n\n- [x] one\n- [ ] two\n- [ ] three\n'), 300);
        } else {
          interrupt.abort();
        }
      },
    });
    const result = await running;
    expect(result.code).toBe(0);
    expect(reports[0]!.totals).toMatchObject({ items: 2, done: 0 });
    expect(reports.at(-1)!.totals).toMatchObject({ items: 3, done: 1 });
  });
});
