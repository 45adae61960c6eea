import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyStore } from '../node/store/parley-store';
import { inspectLock, LOCK_FILE } from '../node/store/store-lock';
import { makeTempDir, removeTempDir } from '../node/store/test-support/store-fixtures';
import { main } from './parley';
import { runUnlock } from './unlock-command';
import { capture } from './test-support/capture-io';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('parley unlock', () => {
  it('frees a store locked on another machine and names who held it', async () => {
    const lock = { pid: 4242, hostname: 'field-laptop', startedAt: '2026-05-04T08:00:00.000Z', token: 't', processStart: '77', bootId: 'b', program: 'the Parley app' };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(lock));
    const locked = await ParleyStore.open(dir);
    expect(!locked.ok && locked.error.code).toBe('store-locked');
    const run = capture();
    expect(await main(['unlock', '--store', dir], run.io)).toBe(0);
    expect(run.out.join('\n')).toContain('the Parley app (pid 4242 on field-laptop, since 2026-05-04T08:00:00.000Z)');
    const opened = await ParleyStore.open(dir);
    expect(opened.ok).toBe(true);
    if (opened.ok) await opened.value.store.close();
  });

  it('refuses (exit 3) while a Parley on this machine holds the store, and --force frees it', async () => {
    const opened = await ParleyStore.open(dir);
    const refused = capture();
    expect(await runUnlock(['--store', dir], refused.io)).toBe(3);
    expect(refused.err.join('\n')).toContain(`pid ${process.pid} on ${os.hostname()}`);
    expect((await inspectLock(dir)).state).toBe('held');
    const forced = capture();
    expect(await runUnlock(['--store', dir, '--force'], forced.io)).toBe(0);
    expect(forced.out.join('\n')).toContain('(forced)');
    expect(await inspectLock(dir)).toEqual({ state: 'free' });
    if (opened.ok) await opened.value.store.close();
  });

  it('says so when the store is not locked', async () => {
    const run = capture();
    expect(await runUnlock(['--store', dir], run.io)).toBe(0);
    expect(run.out).toEqual([`${dir} is not locked`]);
  });
});

describe('parley help', () => {
  it('lists unlock with its options', async () => {
    const run = capture();
    expect(await main(['help', 'unlock'], run.io)).toBe(0);
    expect(run.out.join('\n')).toMatch(/--force/);
    expect(await main(['unlock', '--stor', dir], capture().io)).toBe(2);
  });
});
