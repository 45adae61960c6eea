#!/usr/bin/env node
// Runs every check Parley has, in order: typecheck, lint, security scan, unit
// tests, the compatibility tests against outside public suites (when they are
// present), build, end-to-end tests in Chromium. Installs what the end-to-end
// tests need where it can (as root on Debian, like .ci/run) and otherwise says
// exactly what is missing. Prints one closing line "N passed, N failed" that
// counts every test, a test file that failed to load as one failure, and a
// failed check with no tests of its own (typecheck, lint, build) as one failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { countVitestReport } from './vitest-counts.mjs';
import { missingE2eMessage, missingE2eNeeds } from './e2e-needs.mjs';
import { findPublicFixtures } from './public-fixtures.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function run(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const quiet = (command, args) => spawnSync(command, args, { encoding: 'utf8' });
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get') && existsSync('/usr/bin/dpkg');

function chromiumFound() {
  if (process.env.PARLEY_CHROMIUM) return existsSync(process.env.PARLEY_CHROMIUM);
  return CHROMIUM_CANDIDATES.some((p) => existsSync(p));
}

function fontFound({ pkg, family }) {
  if (hasApt && quiet('dpkg', ['-s', pkg]).status === 0) return true;
  const fc = quiet('fc-list', [':', 'family']);
  return fc.status === 0 && fc.stdout.includes(family);
}

/** Installs the browser and fonts the end-to-end tests need, or says exactly what is missing. Returns false only when Chromium is missing. */
function ensureE2eNeeds() {
  const found = { chromium: chromiumFound, font: fontFound };
  const missing = missingE2eNeeds(found);
  if (missing.length > 0 && isRoot && hasApt) {
    console.log(`Installing what the end-to-end tests need: ${missing.map((m) => m.pkg).join(', ')}.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing.map((m) => m.pkg)], { stdio: 'inherit', env });
  }
  const still = missingE2eNeeds(found);
  if (still.length > 0) console.error(missingE2eMessage(still));
  return chromiumFound();
}

/** Files git reports as changed or new, to check that the run leaves the work tree as it found it. */
function workTreeChanges() {
  const r = quiet('git', ['-C', root, 'status', '--porcelain', '--untracked-files=all']);
  return r.status === 0 ? new Set(r.stdout.split('\n').filter(Boolean)) : undefined;
}

const before = workTreeChanges();
const tally = [];
let ok = true;
ok = run('typecheck', 'npx', ['tsc', '-b']) && ok;
ok = run('lint', 'npx', ['eslint', '.']) && ok;
ok = run('security scan (Electronegativity)', 'node', ['scripts/electronegativity.mjs']) && ok;

function vitestStage(title, name, configArgs, env = {}) {
  const report = path.join(results, `${name}.json`);
  const passedRun = run(title, 'npx', ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  const counts = countVitestReport(report);
  tally.push({ name, ...counts });
  return passedRun;
}

/** The team-workspace tests run a real PostgreSQL from the distribution's packages: install it where we can, else say so (they then fail with one line). */
function ensurePostgres() {
  // The same places the tests look (electron/node/workspace/test-support/postgres-server.ts): Debian's folder, then PATH.
  const found = () => (existsSync('/usr/lib/postgresql') && quiet('sh', ['-c', 'ls /usr/lib/postgresql/*/bin/initdb']).status === 0) || quiet('sh', ['-c', 'command -v initdb && command -v pg_ctl']).status === 0;
  if (found()) return;
  if (isRoot && hasApt) {
    console.log('Installing PostgreSQL for the team-workspace tests.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  }
  if (!found()) console.error('PostgreSQL is missing: the team-workspace tests need its server programs (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on PATH (Debian: apt-get install -y postgresql).');
}

ensurePostgres();
ok = vitestStage('unit tests', 'unit', []) && ok;

const fixtures = findPublicFixtures();
if (fixtures) {
  ok = vitestStage(`compatibility tests against the public suites in ${fixtures}`, 'compat', ['--config', 'vitest.compat.config.mts'], { PARLEY_FIXTURES: fixtures }) && ok;
} else if (process.env.PARLEY_FIXTURES) {
  console.error(`\nPARLEY_FIXTURES names ${process.env.PARLEY_FIXTURES}, which does not exist: the compatibility tests cannot run.`);
  tally.push({ name: 'compat', passed: 0, failed: 1 });
  ok = false;
} else {
  console.log('\n▶ compatibility tests: skipped, the public suites are not here (set PARLEY_FIXTURES to a folder holding w3c-web-annotation/, doccano/ and brat-news/, or put them in ../shared/fixtures, then run npm run test:compat).');
}

const built = run('build', 'npx', ['electron-vite', 'build']);
ok = built && ok;
if (built && ensureE2eNeeds()) {
  ok = vitestStage('end-to-end tests (Chromium)', 'e2e', ['--config', 'vitest.e2e.config.mts']) && ok;
} else {
  ok = false;
  tally.push({ name: 'e2e', passed: 0, failed: 1 });
}

const after = workTreeChanges();
if (before && after) {
  const left = [...after].filter((line) => !before.has(line));
  if (left.length > 0) {
    console.error(`\nThe run changed the work tree (tests must write under test-results/ or a temporary folder):\n${left.map((l) => `  ${l}`).join('\n')}`);
    ok = false;
  }
}

const passed = tally.reduce((n, t) => n + t.passed, 0);
// A failed typecheck, lint, scan or build counts as one failure even though no test reported it.
const failed = Math.max(
  tally.reduce((n, t) => n + t.failed, 0),
  ok ? 0 : 1,
);
console.log(`\n${tally.map((t) => `${t.name}: ${t.passed} passed, ${t.failed} failed${t.unloaded ? ` (${t.unloaded} test file${t.unloaded === 1 ? '' : 's'} failed to load)` : ''}`).join('; ')}${ok ? '' : ' (a check failed: see above)'}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 ? 0 : 1);
