import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentBootId, judgeLock, parseProcStatStart, processStartMarker, type LockInfo, type LockProbe } from './lock-owner';
import { ParleyStore } from './parley-store';
import { breakLock, inspectLock, LOCK_FILE, StoreLock } from './store-lock';
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

function lockOf(overrides: Partial<LockInfo>): LockInfo {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: '2026-03-02T09:15:00.000Z',
    token: 'old',
    processStart: processStartMarker(process.pid),
    bootId: currentBootId(),
    program: 'parley import',
    ...overrides,
  };
}

async function writeLock(info: LockInfo | string): Promise<void> {
  await writeFile(path.join(dir, LOCK_FILE), typeof info === 'string' ? info : JSON.stringify(info));
}

async function openAndClose(): Promise<void> {
  const opened = await ParleyStore.open(dir);
  expect(opened.ok && opened.value.incidents).toEqual([]);
  expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, hostname: os.hostname() });
  if (opened.ok) await opened.value.store.close();
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

  it('records who holds it: pid, host, process start, boot id, program, and no temporary file is left', async () => {
    const opened = await ParleyStore.open(dir);
    const info = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as LockInfo;
    expect(info).toMatchObject({ pid: process.pid, hostname: os.hostname(), processStart: processStartMarker(process.pid), bootId: currentBootId() });
    expect(info.program).not.toBe('');
    expect((await readdir(dir)).filter((n) => n.includes('tmp'))).toEqual([]);
    if (opened.ok) await opened.value.store.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    await writeLock(lockOf({ pid: deadPid() }));
    await openAndClose();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid is alive but belongs to another process (pid reuse)', async () => {
    // Our own pid is alive; a different start time means a crashed holder whose id was handed to us.
    const mine = Number(processStartMarker(process.pid));
    expect(mine).toBeGreaterThan(0);
    await writeLock(lockOf({ processStart: String(mine - 1) }));
    await openAndClose();
  });

  it.runIf(process.platform === 'linux')('takes over a lock from before the machine restarted, even if the pid is alive', async () => {
    // The container case: the crashed holder was pid 1, and so is the process after it.
    await writeLock(lockOf({ bootId: '00000000-0000-4000-8000-000000000000' }));
    await openAndClose();
  });

  it.runIf(process.platform === 'linux')('keeps a lock whose pid, start time and boot id all match a live process', async () => {
    await writeLock(lockOf({ token: 'live' }));
    const opened = await ParleyStore.open(dir);
    expect(!opened.ok && opened.error.code).toBe('store-locked');
    expect(!opened.ok && opened.error.message).toContain(`parley import (pid ${process.pid} on ${os.hostname()}, since 2026-03-02T09:15:00.000Z); close it`);
  });

  for (const [name, content] of [
    ['empty (a full disk)', ''],
    ['truncated', '{"pid":12'],
    ['not JSON', '\u0000\u0000\u0000'],
    ['JSON of another shape', '{"owner":"someone"}'],
  ] as const) {
    it(`removes a lock file that is ${name} at once`, async () => {
      await writeLock(content);
      await openAndClose();
    });
  }

  it('refuses a lock taken on another machine, saying who holds it and how to free the store', async () => {
    await writeLock(lockOf({ pid: deadPid(), hostname: 'laptop-7.example', program: 'the Parley app' }));
    const opened = await ParleyStore.open(dir);
    expect(!opened.ok && opened.error.code).toBe('store-locked');
    const message = !opened.ok ? opened.error.message : '';
    expect(message).toContain(`the Parley app (pid`);
    expect(message).toContain('on laptop-7.example, since 2026-03-02T09:15:00.000Z');
    expect(message).toContain(`parley unlock --store ${dir}`);
    expect(message).toContain('Break the lock');
  });
});

describe('on a file system without hard links', () => {
  const noLinks = async () => {
    throw Object.assign(new Error('operation not supported'), { code: 'ENOTSUP' });
  };

  it('takes the lock by exclusive create, refuses a second holder, and releases it', async () => {
    const first = await StoreLock.acquire(dir, { link: noLinks });
    expect(first.ok).toBe(true);
    expect(await inspectLock(dir)).toMatchObject({ state: 'held', info: { pid: process.pid } });
    const second = await StoreLock.acquire(dir, { link: noLinks });
    expect(!second.ok && second.error.code).toBe('store-locked');
    if (first.ok) await first.value.release();
    expect(await inspectLock(dir)).toEqual({ state: 'free' });
    expect((await readdir(dir)).filter((n) => n.includes('tmp'))).toEqual([]);
  });
});

describe('breakLock', () => {
  it('removes a lock held on another machine, after which the store opens', async () => {
    await writeLock(lockOf({ hostname: 'laptop-7.example' }));
    const broken = await breakLock(dir);
    expect(broken.ok && broken.value).toMatchObject({ removed: 'lock', info: { hostname: 'laptop-7.example' }, verdict: { state: 'uncertain' } });
    expect(await inspectLock(dir)).toEqual({ state: 'free' });
    await openAndClose();
  });

  it('refuses to remove a lock held by a live process on this machine unless forced', async () => {
    const opened = await ParleyStore.open(dir);
    const refused = await breakLock(dir);
    expect(!refused.ok && refused.error.code).toBe('store-locked');
    expect((await inspectLock(dir)).state).toBe('held');
    const forced = await breakLock(dir, { force: true });
    expect(forced.ok && forced.value.removed).toBe('lock');
    expect(await inspectLock(dir)).toEqual({ state: 'free' });
    if (opened.ok) await opened.value.store.close();
  });

  it('keeps a lock whose pid is running here but cannot be told apart from its holder, unless forced', async () => {
    await writeLock(lockOf({ processStart: null, program: 'parley export' }));
    const refused = await breakLock(dir);
    expect(!refused.ok && refused.error.message).toContain('which may still be running on this machine');
    expect((await breakLock(dir, { force: true })).ok).toBe(true);
  });

  it('removes only the lock the analyst was shown', async () => {
    await writeLock(lockOf({ hostname: 'laptop-7.example', token: 'shown' }));
    const shown = await inspectLock(dir);
    await writeLock(lockOf({ hostname: 'laptop-7.example', token: 'taken since' }));
    const broken = await breakLock(dir, { onlyIf: shown.state === 'held' ? shown.raw : '' });
    expect(!broken.ok && broken.error.code).toBe('conflict');
    expect(await inspectLock(dir)).toMatchObject({ state: 'held', info: { token: 'taken since' } });
  });

  it('removes an unreadable lock and reports a free store as such', async () => {
    expect(await breakLock(dir)).toEqual({ ok: true, value: { removed: 'nothing' } });
    await writeLock('');
    expect(await breakLock(dir)).toEqual({ ok: true, value: { removed: 'unreadable' } });
    expect(await inspectLock(dir)).toEqual({ state: 'free' });
  });
});

describe('judgeLock', () => {
  const probe = (over: Partial<LockProbe> = {}): LockProbe => ({ hostname: 'desk', bootId: 'boot-a', isAlive: () => true, startOf: () => '500', ...over });
  const info = (over: Partial<LockInfo> = {}): LockInfo => ({ pid: 1, hostname: 'desk', startedAt: 't', token: 'x', processStart: '500', bootId: 'boot-a', program: 'p', ...over });

  it('calls a lock live only when host, boot, pid and start all match', () => {
    expect(judgeLock(info(), probe())).toEqual({ state: 'live' });
    expect(judgeLock(info({ processStart: '499' }), probe()).state).toBe('stale');
    expect(judgeLock(info({ bootId: 'boot-b' }), probe()).state).toBe('stale');
    expect(judgeLock(info(), probe({ isAlive: () => false })).state).toBe('stale');
    expect(judgeLock(info({ hostname: 'laptop' }), probe()).state).toBe('uncertain');
  });

  it('is uncertain where no start marker can be compared (older locks, systems without one)', () => {
    expect(judgeLock(info({ processStart: null }), probe()).state).toBe('uncertain');
    expect(judgeLock(info(), probe({ startOf: () => null })).state).toBe('uncertain');
    // Without boot ids on either side the pid and start still decide.
    expect(judgeLock(info({ bootId: null }), probe({ bootId: null }))).toEqual({ state: 'live' });
  });

  it('reads the start time from /proc stat lines whose command name holds spaces and parentheses', () => {
    const tail = 'S 1 1 1 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 987654 1000 10';
    expect(parseProcStatStart(`42 (node) ${tail}`)).toBe('987654');
    expect(parseProcStatStart(`42 (my (odd) prog) ${tail}`)).toBe('987654');
    expect(parseProcStatStart('garbage')).toBeNull();
  });
});
