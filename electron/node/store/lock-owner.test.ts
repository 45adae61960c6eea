/**
 * The lock holder's identity as the system reports it, and the verdicts' exact
 * reasons: what the analyst reads when a store is held.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { currentBootId, currentProgram, describeHolder, isProcessAlive, judgeLock, parseProcStatStart, processStartMarker, type LockInfo, type LockProbe } from './lock-owner';

const info: LockInfo = { pid: 4242, hostname: 'analyst-laptop', startedAt: '2026-03-02T09:00:00.000Z', token: 't1', processStart: '1234', bootId: 'boot-a', program: 'parley import' };
const probe = (over: Partial<LockProbe> = {}): LockProbe => ({ hostname: 'analyst-laptop', bootId: 'boot-a', isAlive: () => true, startOf: () => '1234', ...over });

/** A pid that belonged to a process that has exited. */
function deadPid(): number {
  const run = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(run.stdout);
}

describe('judgeLock reasons', () => {
  it('gives each verdict its own reason', () => {
    expect(judgeLock(info, probe({ hostname: 'desk' }))).toEqual({ state: 'uncertain', reason: 'it was taken on another machine (analyst-laptop; this one is desk), whose processes Parley cannot check' });
    expect(judgeLock(info, probe({ bootId: 'boot-b' }))).toEqual({ state: 'stale', reason: 'this machine has restarted since the lock was taken' });
    expect(judgeLock(info, probe({ isAlive: () => false }))).toEqual({ state: 'stale', reason: 'process 4242 no longer exists' });
    expect(judgeLock(info, probe({ startOf: () => '9999' }))).toEqual({ state: 'stale', reason: "process id 4242 now belongs to another process (started later than the lock's holder)" });
    expect(judgeLock(info, probe({ startOf: () => null }))).toEqual({ state: 'uncertain', reason: 'process 4242 is running but Parley cannot tell whether it is the one that took the lock' });
    expect(judgeLock(info, probe())).toEqual({ state: 'live' });
  });

  it('compares boot ids only when both sides have one', () => {
    expect(judgeLock({ ...info, bootId: null }, probe({ bootId: 'boot-b' }))).toEqual({ state: 'live' });
    expect(judgeLock(info, probe({ bootId: null }))).toEqual({ state: 'live' });
    expect(judgeLock({ ...info, bootId: '' }, probe({ bootId: 'boot-b' }))).toEqual({ state: 'live' });
  });

  it('checks the pid it was given', () => {
    const asked: number[] = [];
    judgeLock(info, probe({ isAlive: (pid) => (asked.push(pid), true), startOf: (pid) => (asked.push(pid), '1234') }));
    expect(asked).toEqual([4242, 4242]);
  });
});

describe('describeHolder', () => {
  it('names program, pid, host and time, with words for what is missing', () => {
    expect(describeHolder(info)).toBe('parley import (pid 4242 on analyst-laptop, since 2026-03-02T09:00:00.000Z)');
    expect(describeHolder({ ...info, program: '', startedAt: '' })).toBe('a Parley process (pid 4242 on analyst-laptop, since an unknown time)');
  });
});

describe('this machine', () => {
  it('knows a live process, a gone one, and refuses ids that are not process ids', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(deadPid())).toBe(false);
    for (const pid of [0, -1, 1.5, Number.NaN]) expect(isProcessAlive(pid)).toBe(false);
  });

  it.runIf(process.platform === 'linux')('reads a start marker for a live process only (Linux)', () => {
    const own = processStartMarker(process.pid);
    expect(own).toMatch(/^\d+$/);
    expect(own).toBe(parseProcStatStart(readFileSync(`/proc/${process.pid}/stat`, 'utf8')));
    expect(processStartMarker(deadPid())).toBeNull();
    for (const pid of [0, -1, 2.5]) expect(processStartMarker(pid)).toBeNull();
  });

  it.runIf(process.platform === 'linux')('reads the boot id, trimmed (Linux)', () => {
    expect(currentBootId()).toBe(readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim());
    expect(currentBootId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('parseProcStatStart', () => {
  const fields = (comm: string, start: string) => `77 (${comm}) S ${Array.from({ length: 18 }, (_, i) => String(i + 1)).join(' ')} ${start} 999 0`;
  it('takes field 22 exactly, after the last parenthesis', () => {
    expect(parseProcStatStart(fields('node', '5150'))).toBe('5150');
    expect(parseProcStatStart(fields('my (odd) name', '61'))).toBe('61');
  });
  it('gives null for a line it cannot read', () => {
    expect(parseProcStatStart('77 node S 1 2 3')).toBeNull();
    expect(parseProcStatStart('77 (node) S 1 2 3')).toBeNull();
    expect(parseProcStatStart(fields('node', '51x'))).toBeNull();
    expect(parseProcStatStart(fields('node', 'x51'))).toBeNull();
  });
});

describe('currentProgram', () => {
  const argv = process.argv;
  afterEach(() => {
    process.argv = argv;
  });
  it('names the parley command and its subcommand, or the script otherwise', () => {
    for (const [script, sub, expected] of [
      ['/usr/lib/node_modules/parley/bin/parley.js', 'import', 'parley import'],
      ['/opt/parley/parley', 'unlock', 'parley unlock'],
      ['/opt/parley/parley.cjs', undefined, 'parley'],
      ['/home/min-ji/tools/export-all.js', 'x', 'node export-all.js'],
      ['/home/min-ji/tools/parley.js.bak', 'x', 'node parley.js.bak'],
      ['/home/min-ji/tools/myparley.js', 'x', 'node myparley.js'],
    ] as const) {
      process.argv = [process.execPath, script, ...(sub ? [sub] : [])];
      expect(currentProgram()).toBe(expected);
    }
    process.argv = [process.execPath];
    expect(currentProgram()).toBe('node');
  });
});
