/**
 * The HTML page in a real browser: Debian's chromium (installed by .ci/run),
 * driven by playwright-core. Without a browser the test skips with a
 * message, except under CI=true, where a missing browser is a failure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';
import { ScratchRepo } from './git-helpers.js';

function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const found = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (found !== '') return found;
    } catch {
      // not this one
    }
  }
  return null;
}

const browserPath = findChromium();
const inCi = process.env.CI === 'true';
const XSS = '<img src=x onerror=alert(1)>';
/** The title as markdown writes it: escaped, so the parser keeps it as text (raw inline HTML is no part of a title). */
const XSS_MARKDOWN = '\\<img src=x onerror=alert(1)>';

describe('the HTML report in a browser', () => {
  if (browserPath === null) {
    if (inCi) {
      it('needs a browser under CI', () => {
        expect.fail('chromium was not found; .ci/run installs it with `apt-get install -y chromium`');
      });
    } else {
      it.skip('skipped: chromium was not found (install it with `apt-get install -y chromium` to run this test)', () => {});
      console.warn('html-browser.test.ts: skipped — chromium was not found; `apt-get install -y chromium` runs it');
    }
    return;
  }

  let repo: ScratchRepo;
  let out: string;
  beforeAll(() => {
    repo = new ScratchRepo('shipready-html-');
    out = mkdtempSync(path.join(tmpdir(), 'shipready-page-'));
    const plan = (done: number) =>
      `# Launch\n\n## Critical\n\n${['Rotate the keys', 'Pen test', 'Audit @team logs', XSS_MARKDOWN].map((t, i) => `- [${i < done ? 'x' : ' '}] ${t} (${i + 1}h)`).join('\n')}\n\n## High\n\n- [ ] Write the docs (3h)\n- [x] Claim check\n\nProgress: 3/6 done\n`;
    for (let week = 0; week < 4; week++) {
      repo.write('PLAN.md', plan(week));
      repo.commit(`Week ${week} <script>alert(2)</script>`, week * 7);
    }
  });
  afterAll(() => {
    repo.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('renders the verdict and the charts, logs no console error, and keeps every title as text', async () => {
    const page = path.join(out, 'history.html');
    const result = await runCli(['history', '--format', 'html', '--output', page], { cwd: repo.dir });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = path.join(out, 'report.html');
    expect((await runCli(['report', '--format', 'html', '--output', report], { cwd: repo.dir })).code).toBe(0);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
    try {
      for (const file of [page, report]) {
        const tab = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
        const problems: string[] = [];
        tab.on('console', (message) => {
          if (message.type() === 'error') problems.push(message.text());
        });
        tab.on('pageerror', (error) => problems.push(error.message));
        tab.on('dialog', (dialog) => {
          problems.push(`dialog: ${dialog.message()}`);
          void dialog.dismiss();
        });
        tab.on('request', (request) => {
          if (!request.url().startsWith('file:')) problems.push(`network: ${request.url()}`);
        });
        await tab.goto(pathToFileURL(file).href);
        expect(await tab.textContent('#verdict')).toBe('NOT READY — 1 blocking item open (critical)');
        expect(await tab.locator('img').count()).toBe(0);
        expect(await tab.locator('main').textContent()).toContain(XSS);
        expect(await tab.locator('main script').count()).toBe(0);
        if (file === page) {
          expect(await tab.locator('svg[role="img"]').count()).toBe(2);
          expect(await tab.locator('svg title').first().textContent()).toBe('Done and total items over time');
          expect(await tab.locator('svg path').count()).toBeGreaterThanOrEqual(5);
          expect(await tab.textContent('#forecast')).toMatch(/^Forecast: open work reaches zero around \d{4}-\d{2}-\d{2}/);
          await tab.emulateMedia({ media: 'print' });
          const pdfFree = await tab.locator('body').evaluate((body) => (body.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { maxWidth: string } }).getComputedStyle(body).maxWidth);
          expect(pdfFree).toBe('none');
          await tab.emulateMedia({ media: 'screen' });
          if (process.env.UPDATE_SCREENSHOT === '1') await tab.screenshot({ path: path.join(ROOT, 'docs', 'history-report.png'), fullPage: true });
        }
        expect(problems).toEqual([]);
        await tab.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('keeps a screenshot of the page in docs/', () => {
    expect(existsSync(path.join(ROOT, 'docs', 'history-report.png'))).toBe(true);
  });
});

