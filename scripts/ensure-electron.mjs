#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`: makes sure Electron's binary is
// installed. Electron 45 has no install script; it downloads its binary the
// first time `require('electron')` runs, but electron-vite reads
// node_modules/electron/path.txt directly and stops with "Electron uninstall"
// when it is not there. So this fetches the binary with Electron's own
// installer (node_modules/electron/install.js, which uses @electron/get and
// honours ELECTRON_MIRROR and the cache settings), and where that cannot work
// (offline) prints one line saying what is missing and how to get it.
//
// Usage: node scripts/ensure-electron.mjs [--electron-dir DIR]
// (DIR stands in for node_modules/electron; the tests use a temporary folder).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
/** A path as the user would type it: relative to the project when inside it. */
const shown = (p) => (p.startsWith(root + path.sep) ? path.relative(root, p) : p);
const HOW_TO_GET_IT = 'connect to the network and run "npm start" again (or "npx install-electron"), or set ELECTRON_EXEC_PATH to an Electron binary';

/**
 * Where the Electron binary is, or what is missing. Honours ELECTRON_EXEC_PATH
 * as electron-vite does.
 * @param {string} electronDir the electron package's folder
 * @returns {{ ok: true, binary: string } | { ok: false, missing: string }}
 */
export function findElectronBinary(electronDir, env = process.env) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH) ? { ok: true, binary: env.ELECTRON_EXEC_PATH } : { ok: false, missing: `ELECTRON_EXEC_PATH names ${env.ELECTRON_EXEC_PATH}, which does not exist` };
  }
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, missing: `Electron's binary is not installed (no ${shown(pathFile)})` };
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, missing: `Electron's binary ${shown(binary)} is missing` };
  return { ok: true, binary };
}

/** The first line of an installer's error output that says what went wrong. */
function reason(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /error/i.test(l) && !l.startsWith('at ')) ?? lines[0] ?? 'no output';
}

/**
 * Makes sure the binary is there, fetching it with Electron's own installer when it is not.
 * @returns {{ ok: true, binary: string } | { ok: false, message: string }}
 */
export function ensureElectron(electronDir, env = process.env) {
  const found = findElectronBinary(electronDir, env);
  if (found.ok) return found;
  const installer = path.join(electronDir, 'install.js');
  if (env.ELECTRON_EXEC_PATH || !existsSync(installer)) return { ok: false, message: `${found.missing}: ${HOW_TO_GET_IT}.` };
  console.log(`${found.missing}: downloading it (about 100 MB, once).`);
  const run = spawnSync(process.execPath, [installer], { cwd: electronDir, env: { ...env, ELECTRON_GET_NO_PROGRESS: '1' }, encoding: 'utf8', timeout: 15 * 60_000 });
  const after = findElectronBinary(electronDir, env);
  if (after.ok) return after;
  const why = run.error ? run.error.message : reason(`${run.stderr}\n${run.stdout}`);
  return { ok: false, message: `${found.missing} and could not be downloaded (${why}): ${HOW_TO_GET_IT}.` };
}

function electronDirOf(args) {
  const i = args.indexOf('--electron-dir');
  if (i >= 0 && args[i + 1]) return path.resolve(args[i + 1]);
  try {
    return path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dir = electronDirOf(process.argv.slice(2));
  if (!dir) {
    console.error('The electron package is not installed: run "npm install" first.');
    process.exit(1);
  }
  const result = ensureElectron(dir);
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
}
