import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandLineReference, REFERENCE_END, REFERENCE_START } from '../src/cli/reference.js';
import { ROOT, runCli } from './helpers.js';

/**
 * README.md#command-line holds every command's `--help`, generated from the
 * command registry by scripts/readme-cli.js; this fails when they drift
 * (fix: `npm run build && node scripts/readme-cli.js`).
 */
describe('README command-line reference', () => {
  it('matches the registry', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(REFERENCE_START);
    const end = readme.indexOf(REFERENCE_END);
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start, end + REFERENCE_END.length)).toBe(commandLineReference());
  });

  it('is what --help prints, for every command', async () => {
    const reference = commandLineReference();
    for (const command of ['report', 'check', 'list', 'fix', 'watch', 'init']) {
      const help = await runCli([command, '--help'], { columns: 100 });
      expect(help.code).toBe(0);
      expect(reference).toContain(`<code>shipready ${command} --help</code>`);
      for (const part of ['Examples:', 'Docs: https://']) expect(help.stdout).toContain(part);
      if (command !== 'init') expect(help.stdout).toContain('Exit codes:');
    }
  });
});
