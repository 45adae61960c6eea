#!/usr/bin/env node
// Runs Electronegativity over the app's Electron and renderer sources and fails
// on any finding above LOW. Electronegativity itself always exits 0, so its CSV
// report is parsed here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

// Checks that flag a construct for manual review rather than a flaw, with the review's outcome.
const REVIEWED = {
  PRELOAD_JS_CHECK: 'the preload is required for contextBridge; it exposes one function per API method (shared/api-methods.ts) and an event subscription, never ipcRenderer',
};

const work = mkdtempSync(path.join(os.tmpdir(), 'parley-electronegativity-'));
try {
  for (const dir of ['electron', 'renderer', 'shared']) cpSync(path.join(root, dir), path.join(work, dir), { recursive: true, filter: (src) => !/\.test\.tsx?$/.test(src) });
  const report = path.join(work, 'report.csv');
  const bin = path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
  const run = spawnSync(process.execPath, [bin, '-i', work, '-o', report, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  const findings = rows.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
    return { check: cells[0], severity: cells[1], file: cells[3], location: cells[4], description: cells[6] };
  });
  const serious = findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity) && !(f.check in REVIEWED));
  for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location} ${f.description}`);
  for (const f of findings.filter((f) => f.check in REVIEWED)) console.log(`  reviewed, accepted: ${REVIEWED[f.check]}`);
  console.log(`electronegativity: ${findings.length} findings, ${serious.length} above LOW`);
  process.exit(serious.length > 0 ? 1 : 0);
} finally {
  rmSync(work, { recursive: true, force: true });
}
