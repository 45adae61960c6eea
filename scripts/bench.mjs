#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --no-build] [-- --no-peer] [-- --only=1000k-20000,start,import,agreement,export,save]`
// Builds the renderer, then bundles each part of the bench (PARTS below) for Node and runs it in its own process.
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

/**
 * Each part of the bench: its entry in bench/, what the bundle leaves to node_modules, and Node's flags.
 * Every part is bundled and run in its own process, in this order; one that fails does not stop the rest.
 */
const BROWSER = ['playwright-core', 'esbuild', 'electron'];
const PARTS = [
  // The reader rows: the built renderer in Chromium beside @recogito/text-annotator.
  { entry: 'run.ts', external: BROWSER },
  // The library at scale, with room for the 1,000,000 annotations of the export row.
  { entry: 'library-run.ts', external: BROWSER, node: ['--max-old-space-size=8192'] },
  // The team workspace: 20 analysts syncing through a real PostgreSQL (skipped, saying why, without one).
  { entry: 'workspace-bench.ts', external: [] },
  // Tag to disk at 20,000 annotations: Parley's journal beside lowdb's default writer, in one process.
  { entry: 'save-run.ts', external: BROWSER },
  // The corpus charts' data from 10,000 statements (timeline, matrix, networks) and their exports.
  { entry: 'charts-run.ts', external: [] },
  // The timeline of 10,000 statements in the built renderer: drawing it, and frames while it pans.
  { entry: 'timeline-pan-run.ts', external: BROWSER },
  // The corpus view: 1,000 articles, 100,000 annotations and 10,000 statements in a real store, through the handlers.
  { entry: 'corpus-run.ts', external: ['electron'] },
  // Hostile inputs, without the browser; it takes no options.
  { entry: 'hostile-inputs.ts', external: [], noArgs: true },
];

const failed = [];
for (const part of PARTS) {
  const outfile = path.join(root, '.bench', part.entry.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [path.join(root, 'bench', part.entry)],
    bundle: true,
    outfile,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: part.external,
    plugins: [inlineDirname],
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, [...(part.node ?? []), outfile, ...(part.noArgs ? [] : args)], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(`${part.entry} (exit ${run.status ?? run.signal})`);
}
if (failed.length > 0) {
  console.error(`\nThese parts of the bench failed (their rows above say where): ${failed.join(', ')}`);
  process.exit(1);
}
