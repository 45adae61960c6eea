#!/usr/bin/env node
// Runs every check Parley has, in order: typecheck, lint, unit tests, build,
// end-to-end tests in Chromium. Prints one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function ensureChromium() {
  const candidates = [process.env.PARLEY_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
  if (candidates.some((p) => existsSync(p))) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium package.');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const r = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (r.status === 0) return true;
  }
  console.error('The end-to-end tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set PARLEY_CHROMIUM to a Chromium or Chrome binary.');
  return false;
}

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

let ok = true;
ok = run('typecheck', 'npx', ['tsc', '-b']) && ok;
ok = run('lint', 'npx', ['eslint', '.']) && ok;
ok = run('security scan (Electronegativity)', 'node', ['scripts/electronegativity.mjs']) && ok;
ok = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'unit.json')}`]) && ok;
const built = run('build', 'npx', ['electron-vite', 'build']);
ok = built && ok;
let e2e = { passed: 0, failed: 0 };
if (built && ensureChromium()) {
  ok = run('end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'e2e.json')}`]) && ok;
  e2e = counts(path.join(results, 'e2e.json'));
} else {
  ok = false;
  e2e.failed = 1;
}
const unit = counts(path.join(results, 'unit.json'));
const passed = unit.passed + e2e.passed;
// A failed typecheck, lint or build counts as one failure even though no test reported it.
const failed = Math.max(unit.failed + e2e.failed, ok ? 0 : 1);
console.log(`\nunit: ${unit.passed} passed, ${unit.failed} failed; end-to-end: ${e2e.passed} passed, ${e2e.failed} failed${ok ? '' : ' (a check failed: see above)'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
