/**
 * `npm run bench` (after the library rows): tag to disk at 20,000 annotations,
 * Parley's journal beside lowdb's default writer (see save-bench.ts).
 * `--quick` tags fewer times; `--only=` without `save` skips it.
 */
import os from 'node:os';
import { runSaveBench, saveTable } from './save-bench';

const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);

async function main(): Promise<void> {
  if (only && !only.split(',').includes('save')) return;
  const started = Date.now();
  console.log('\nTag to disk (one generated document in real temporary folders)…');
  const rows = await runSaveBench(quick, (line) => console.log(line));
  console.log(`\n${saveTable(rows)}`);
  for (const r of rows) console.log(`  ${r.name}: ${r.details}`);
  console.log(`Load average ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} at the end. Took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
