#!/usr/bin/env node
// `npm run bench:suggest [-- --articles=N]`: bundles bench/suggestions-run.ts for Node and runs it. See bench/suggestions-bench.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, '.bench', 'suggestions-run.cjs');
await build({ entryPoints: [path.join(root, 'bench', 'suggestions-run.ts')], bundle: true, outfile, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
