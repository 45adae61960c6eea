import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countVitestReport } from './vitest-counts.mjs';

const root = path.resolve(__dirname, '..');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parley-counts-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the real vitest on the given test files in a temporary project and returns its JSON report's path. */
function vitestReport(files: Record<string, string>): string {
  const project = mkdtempSync(path.join(dir, 'project-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(project, name), text);
  writeFileSync(path.join(project, 'vitest.config.mjs'), 'export default {};\n');
  const report = path.join(project, 'report.json');
  spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', project, '--reporter=json', `--outputFile.json=${report}`], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  return report;
}

describe('countVitestReport (the closing line of npm test)', () => {
  it('counts a test file that fails to load as one failure, beside the tests that ran', () => {
    const report = vitestReport({
      'good.test.mjs': "import { it, expect } from 'vitest';\nit('a', () => expect(1).toBe(1));\nit('b', () => expect(2).toBe(2));\nit('c', () => expect(3).toBe(4));\n",
      'broken.test.mjs': "import { it } from 'vitest';\nimport { nothing } from './not-there.mjs';\nit('never runs', () => nothing());\n",
    });
    expect(countVitestReport(report)).toEqual({ passed: 2, failed: 2, unloaded: 1 });
  });

  it('counts a skipped test as a failure', () => {
    const report = vitestReport({ 'skip.test.mjs': "import { it } from 'vitest';\nit('runs', () => {});\nit.skip('skipped', () => {});\n" });
    expect(countVitestReport(report)).toEqual({ passed: 1, failed: 1, unloaded: 0 });
  });

  it('counts a missing or unreadable report as one failure', () => {
    expect(countVitestReport(path.join(dir, 'none.json'))).toEqual({ passed: 0, failed: 1, unloaded: 0 });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"numPassedTests": 3');
    expect(countVitestReport(bad)).toEqual({ passed: 0, failed: 1, unloaded: 0 });
  });
});
