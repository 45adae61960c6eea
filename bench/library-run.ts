/**
 * `npm run bench` (after the reader rows): the library rows (see
 * library-bench.ts). `--quick` runs each once after a warm-up;
 * `--only=start,import,agreement,export` picks rows (reader row ids given
 * alone skip these rows).
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closeBrowser } from '../e2e/support/harness';
import { LIBRARY_TARGETS, libraryTable, runLibraryBench } from './library-bench';

const LIBRARY_IDS = ['start', 'import', 'agreement', 'export'];
const quick = process.argv.includes('--quick');
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg?.split(',').filter((id) => LIBRARY_IDS.includes(id));

async function main(): Promise<void> {
  if (onlyArg && only?.length === 0) return;
  const started = Date.now();
  console.log('\nLibrary at scale (generated articles in real temporary stores)…');
  const rows = await runLibraryBench({ quick, ...(only ? { only } : {}) }, (line) => console.log(line));
  await closeBrowser();
  const table = libraryTable(rows);
  console.log(`\nMedians of ${quick ? 1 : 3} runs after a warm-up (export: ${quick ? 1 : 2} runs, no warm-up). The issue names no peer for these rows.\n`);
  console.log(table);
  for (const r of rows) if (r.details) console.log(`  ${r.id}: ${r.details}; runs ${r.runs.join(', ')}`);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${process.platform}, Node ${process.versions.node}`;
  console.log(`\nMachine: ${machine}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at the end. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  await writeFile(path.join(__dirname, '..', '.bench', 'library-results.json'), JSON.stringify({ at: new Date().toISOString(), machine, quick, targets: LIBRARY_TARGETS, rows, table }, null, 2));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
