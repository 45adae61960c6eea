import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..');
const script = path.join(root, 'scripts/ensure-electron.mjs');
const realElectron = path.join(root, 'node_modules/electron');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'parley-electron-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A folder standing in for node_modules/electron: Electron's own package files and installer, without the binary. */
function electronWithoutBinary(): string {
  const electron = path.join(dir, 'electron');
  mkdirSync(electron);
  for (const f of ['package.json', 'install.js', 'checksums.json']) copyFileSync(path.join(realElectron, f), path.join(electron, f));
  symlinkSync(path.join(root, 'node_modules'), path.join(electron, 'node_modules'), 'dir');
  return electron;
}

/** Runs the script with downloads pointed at a closed local port, so "offline" is certain and fast. */
function ensure(electronDir: string, env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_config_electron_|ELECTRON_)/i.test(k)));
  const r = spawnSync(process.execPath, [script, '--electron-dir', electronDir], {
    encoding: 'utf8',
    env: { ...base, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: path.join(dir, 'cache'), ...env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter(Boolean) };
}

describe('ensure-electron (runs before npm start and npm run dev)', () => {
  it('with the binary absent and no network, tries Electron\'s own installer and says in one line what is missing and how to get it', () => {
    const electron = electronWithoutBinary();
    const r = ensure(electron);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/downloading it/);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^Electron's binary is not installed \(no .*path\.txt\) and could not be downloaded \(.+\): connect to the network .*ELECTRON_EXEC_PATH/);
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
  });

  it('names the missing file when path.txt points at a binary that is gone', () => {
    const electron = electronWithoutBinary();
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    const r = ensure(electron);
    expect(r.status).toBe(1);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(`Electron's binary ${path.join(electron, 'dist', 'electron')} is missing and could not be downloaded`);
  });

  it('does nothing and succeeds when the binary is there', () => {
    const electron = path.join(dir, 'electron');
    mkdirSync(path.join(electron, 'dist'), { recursive: true });
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    writeFileSync(path.join(electron, 'dist', 'electron'), '');
    const r = ensure(electron);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('accepts ELECTRON_EXEC_PATH, as electron-vite does, and refuses one that does not exist', () => {
    const electron = electronWithoutBinary();
    const binary = path.join(dir, 'my-electron');
    writeFileSync(binary, '');
    expect(ensure(electron, { ELECTRON_EXEC_PATH: binary }).status).toBe(0);
    const r = ensure(electron, { ELECTRON_EXEC_PATH: path.join(dir, 'nowhere') });
    expect(r.status).toBe(1);
    expect(r.errLines).toEqual([expect.stringMatching(/^ELECTRON_EXEC_PATH names .*nowhere, which does not exist: /)]);
  });
});
