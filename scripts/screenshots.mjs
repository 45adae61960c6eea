#!/usr/bin/env node
// `npm run screenshots`: refreshes the README's pictures (docs/screenshot.png,
// docs/review.png, docs/statements*.png, docs/corpus-*.png) by building the app
// and running the end-to-end specs that take them, with PARLEY_SCREENSHOTS=docs. `npm test` writes the same
// pictures under test-results/screenshots/ instead, leaving docs/ alone.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (args, env = {}) => spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

const ok =
  run(['electron-vite', 'build']) &&
  run(['vitest', 'run', '--config', 'vitest.e2e.config.mts', 'e2e/library.e2e.ts', 'e2e/review.e2e.ts', 'e2e/statements.e2e.ts', 'e2e/corpus-charts.e2e.ts'], { PARLEY_SCREENSHOTS: 'docs' });
if (ok) console.log('Refreshed the pictures in docs/ (screenshot, review, statements, corpus).');
process.exit(ok ? 0 : 1);
