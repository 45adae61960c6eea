#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --no-build] [-- --no-peer] [-- --only=1000k-20000,start,import,agreement,export,save]`
// Builds the renderer, bundles bench/run.ts (the reader rows), bench/library-run.ts (the library at scale) and bench/save-run.ts (tag to disk) for Node and runs them.
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!args.includes('--no-build')) {
  console.log('Building the renderer (electron-vite build)…');
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

// The bundle runs from .bench/, so each source file's own folder is written in for `__dirname`.
const inlineDirname = {
  name: 'inline-dirname',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      return { contents: source.replace(/\b__dirname\b/g, JSON.stringify(path.dirname(args.path))), loader: 'ts' };
    });
  },
};

const outfile = path.join(root, '.bench', 'run.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'run.ts')],
  bundle: true,
  outfile,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['playwright-core', 'esbuild', 'electron'],
  plugins: [inlineDirname],
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...args], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

// The library at scale: its own bundle and process, with room for the 1,000,000 annotations of the export row.
const library = path.join(root, '.bench', 'library-run.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'library-run.ts')],
  bundle: true,
  outfile: library,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['playwright-core', 'esbuild', 'electron'],
  plugins: [inlineDirname],
  logLevel: 'warning',
});
const libraryRun = spawnSync(process.execPath, ['--max-old-space-size=8192', library, ...args], { cwd: root, stdio: 'inherit' });
if (libraryRun.status !== 0) process.exit(libraryRun.status ?? 1);

// The team workspace: 20 analysts syncing through a real PostgreSQL (skipped, saying why, without one).
const workspace = path.join(root, '.bench', 'workspace-bench.cjs');
await build({ entryPoints: [path.join(root, 'bench', 'workspace-bench.ts')], bundle: true, outfile: workspace, platform: 'node', format: 'cjs', target: 'node20', plugins: [inlineDirname], logLevel: 'warning' });
const workspaceRun = spawnSync(process.execPath, [workspace, ...args], { cwd: root, stdio: 'inherit' });
if (workspaceRun.status !== 0) process.exit(workspaceRun.status ?? 1);

// Tag to disk at 20,000 annotations: Parley's journal beside lowdb's default writer, in one process.
const save = path.join(root, '.bench', 'save-run.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'save-run.ts')],
  bundle: true,
  outfile: save,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['playwright-core', 'esbuild', 'electron'],
  plugins: [inlineDirname],
  logLevel: 'warning',
});
const saveRun = spawnSync(process.execPath, [save, ...args], { cwd: root, stdio: 'inherit' });
if (saveRun.status !== 0) process.exit(saveRun.status ?? 1);

// The corpus charts' data from 10,000 statements (timeline, matrix, networks) and their exports.
const charts = path.join(root, '.bench', 'charts-run.cjs');
await build({ entryPoints: [path.join(root, 'bench', 'charts-run.ts')], bundle: true, outfile: charts, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const chartsRun = spawnSync(process.execPath, [charts, ...args], { cwd: root, stdio: 'inherit' });
if (chartsRun.status !== 0) process.exit(chartsRun.status ?? 1);
// The timeline of 10,000 statements in the built renderer: drawing it, and frames while it pans.
const pan = path.join(root, '.bench', 'timeline-pan-run.cjs');
await build({
  entryPoints: [path.join(root, 'bench', 'timeline-pan-run.ts')],
  bundle: true,
  outfile: pan,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['playwright-core', 'esbuild', 'electron'],
  plugins: [inlineDirname],
  logLevel: 'warning',
});
const panRun = spawnSync(process.execPath, [pan, ...args], { cwd: root, stdio: 'inherit' });
if (panRun.status !== 0) process.exit(panRun.status ?? 1);

// The corpus view (issue 14): 1,000 articles, 100,000 annotations and 10,000 statements in a real store, read through the handlers.
const corpus = path.join(root, '.bench', 'corpus-run.cjs');
await build({ entryPoints: [path.join(root, 'bench', 'corpus-run.ts')], bundle: true, outfile: corpus, platform: 'node', format: 'cjs', target: 'node20', external: ['electron'], plugins: [inlineDirname], logLevel: 'warning' });
const corpusRun = spawnSync(process.execPath, [corpus, ...args], { cwd: root, stdio: 'inherit' });
if (corpusRun.status !== 0) process.exit(corpusRun.status ?? 1);

// Hostile inputs: a separate bundle, so it runs without the browser.
const hostile = path.join(root, '.bench', 'hostile-inputs.cjs');
await build({ entryPoints: [path.join(root, 'bench', 'hostile-inputs.ts')], bundle: true, outfile: hostile, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const hostileRun = spawnSync(process.execPath, [hostile], { cwd: root, stdio: 'inherit' });
process.exit(hostileRun.status ?? 1);
