import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
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

/**
 * Runs the script with downloads pointed at a closed local port by default, so
 * "offline" is certain and fast, and with an empty download cache.
 */
async function ensure(electronDir: string, env: Record<string, string> = {}) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_config_electron_|ELECTRON_)/i.test(k)));
  const child = spawn(process.execPath, [script, '--electron-dir', electronDir], {
    env: { ...base, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: path.join(dir, 'cache'), ...env },
    timeout: 60_000,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, stdout, stderr, errLines: stderr.split('\n').filter(Boolean) };
}

/** The executable's path inside Electron's zip, as Electron's installer names it per platform. */
const PLATFORM_PATH = process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : process.platform === 'win32' ? 'electron.exe' : 'electron';

describe('ensure-electron (runs before npm start and npm run dev)', () => {
  it('with the binary absent and no network, tries Electron\'s own installer and says in one line what is missing and how to get it', async () => {
    const electron = electronWithoutBinary();
    const r = await ensure(electron);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/downloading it/);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toMatch(/^Electron's binary is not installed \(no .*path\.txt\) and could not be downloaded \(.+\): connect to the network .*ELECTRON_EXEC_PATH/);
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
  });

  it('names the missing file when path.txt points at a binary that is gone', async () => {
    const electron = electronWithoutBinary();
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    const r = await ensure(electron);
    expect(r.status).toBe(1);
    expect(r.errLines).toHaveLength(1);
    expect(r.errLines[0]).toContain(`Electron's binary ${path.join(electron, 'dist', 'electron')} is missing and could not be downloaded`);
  });

  it('does nothing and succeeds when the binary is there', async () => {
    const electron = path.join(dir, 'electron');
    mkdirSync(path.join(electron, 'dist'), { recursive: true });
    writeFileSync(path.join(electron, 'path.txt'), 'electron');
    writeFileSync(path.join(electron, 'dist', 'electron'), '');
    const r = await ensure(electron);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('accepts ELECTRON_EXEC_PATH, as electron-vite does, and refuses one that does not exist', async () => {
    const electron = electronWithoutBinary();
    const binary = path.join(dir, 'my-electron');
    writeFileSync(binary, '');
    expect((await ensure(electron, { ELECTRON_EXEC_PATH: binary })).status).toBe(0);
    const r = await ensure(electron, { ELECTRON_EXEC_PATH: path.join(dir, 'nowhere') });
    expect(r.status).toBe(1);
    expect(r.errLines).toEqual([expect.stringMatching(/^ELECTRON_EXEC_PATH names .*nowhere, which does not exist: /)]);
  });

  it("fetches a missing binary through Electron's own installer (here from a local mirror) and then succeeds", async () => {
    const electron = electronWithoutBinary();
    const version = (JSON.parse(readFileSync(path.join(electron, 'package.json'), 'utf8')) as { version: string }).version;
    const name = `electron-v${version}-${process.platform}-${process.arch}.zip`;
    const zip = zipSync({ [PLATFORM_PATH]: strToU8('#!/bin/sh\n'), version: strToU8(`v${version}`) });
    // The installer checks the download against checksums.json beside it: give it our zip's.
    writeFileSync(path.join(electron, 'checksums.json'), JSON.stringify({ [name]: createHash('sha256').update(zip).digest('hex') }));
    const requests: string[] = [];
    const server = createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === `/v${version}/${name}`) res.end(Buffer.from(zip));
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      const r = await ensure(electron, { ELECTRON_MIRROR: mirror });
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toMatch(/downloading it/);
      expect(requests).toEqual([`/v${version}/${name}`]);
      expect(readFileSync(path.join(electron, 'path.txt'), 'utf8')).toBe(PLATFORM_PATH);
      expect(existsSync(path.join(electron, 'dist', PLATFORM_PATH))).toBe(true);
      // Once there, a second start does not download again.
      expect((await ensure(electron, { ELECTRON_MIRROR: mirror })).stdout).toBe('');
      expect(requests).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});
