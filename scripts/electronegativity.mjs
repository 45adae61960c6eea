#!/usr/bin/env node
// Runs Electronegativity over the app's Electron and renderer sources and fails
// on any finding above LOW. Electronegativity itself always exits 0, so its CSV
// report is parsed here.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFindings } from './electronegativity-report.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electronVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;

// Checks that flag a construct for manual review rather than a flaw, with the review's outcome.
const REVIEWED = {
  PRELOAD_JS_CHECK: 'the preload is required for contextBridge; it exposes one function per API method (shared/api-methods.ts) and an event subscription, never ipcRenderer',
};

/**
 * One scan: the findings, or null when the report does not read as a report
 * (Electronegativity sometimes exits before its CSV is fully written, which
 * once turned a LOW finding into a garbled row read as serious).
 */
function scan() {
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
    return readFindings(readFileSync(report, 'utf8'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

let findings = null;
for (let attempt = 1; attempt <= 3 && !findings; attempt++) {
  findings = scan();
  if (!findings) console.log(`electronegativity: attempt ${attempt} wrote a report that does not parse; scanning again`);
}
if (!findings) {
  console.error('electronegativity: three scans in a row wrote reports that do not parse');
  process.exit(1);
}
const serious = findings.filter((f) => !['LOW', 'INFORMATIONAL'].includes(f.severity) && !(f.check in REVIEWED));
for (const f of findings) console.log(`${f.severity.padEnd(8)} ${f.check} ${f.file}:${f.location} ${f.description}`);
for (const f of findings.filter((f) => f.check in REVIEWED)) console.log(`  reviewed, accepted: ${REVIEWED[f.check]}`);
console.log(`electronegativity: ${findings.length} findings, ${serious.length} above LOW`);
process.exit(serious.length > 0 ? 1 : 0);
