import { spawnSync } from 'node:child_process';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyStore } from './parley-store';
import { LOCK_FILE } from './store-lock';
import { makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('store lock', () => {
  it('refuses a second open while the store is held, naming the holder', async () => {
    const first = await ParleyStore.open(dir);
    expect(first.ok).toBe(true);
    const second = await ParleyStore.open(dir);
    expect(!second.ok && second.error.code).toBe('store-locked');
    expect(!second.ok && second.error.message).toContain(`pid ${process.pid}`);
    if (first.ok) await first.value.store.close();
    const third = await ParleyStore.open(dir);
    expect(third.ok).toBe(true);
    if (third.ok) await third.value.store.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const pid = deadPid();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, hostname: os.hostname(), startedAt: '2024-01-01T00:00:00.000Z', token: 'dead' }));
    const opened = await ParleyStore.open(dir);
    expect(opened.ok).toBe(true);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
    if (opened.ok) await opened.value.store.close();
  });

  it('takes over an unreadable lock once it is old, but not while it may still be being written', async () => {
    const file = path.join(dir, LOCK_FILE);
    await writeFile(file, '');
    const fresh = await ParleyStore.open(dir);
    expect(!fresh.ok && fresh.error.code).toBe('store-locked');
    const old = new Date(Date.now() - 60_000);
    await utimes(file, old, old);
    const opened = await ParleyStore.open(dir);
    expect(opened.ok).toBe(true);
    if (opened.ok) await opened.value.store.close();
  });

  it('treats a lock held on another machine as held', async () => {
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), hostname: 'elsewhere.example', startedAt: 'x', token: 't' }));
    const opened = await ParleyStore.open(dir);
    expect(!opened.ok && opened.error.message).toContain('on elsewhere.example');
  });
});
