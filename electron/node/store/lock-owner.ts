/**
 * Who holds a store lock, and whether that holder can still be a live Parley.
 *
 * A process id alone proves nothing: ids are reused, and inside a container the
 * crashed process and its successor are both pid 1. So a lock records the
 * holder's process start marker and the machine's boot id, and the verdict
 * compares them with what the system says now. `judgeLock` is pure; the probe
 * that reads the system is separate so tests can put any machine state in it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a lock file says about its holder. */
export interface LockInfo {
  pid: number;
  hostname: string;
  /** When the lock was taken (ISO 8601). */
  startedAt: string;
  /** Random, so a process can tell its own lock from a later one. */
  token: string;
  /** The holder's process start marker (Linux: start time in clock ticks since boot), or null where none can be read. */
  processStart: string | null;
  /** The machine's boot id when the lock was taken, or null where there is none. */
  bootId: string | null;
  /** Which program holds it ("the Parley app", "parley import"). */
  program: string;
}

/** What the system says now, for judging a lock. */
export interface LockProbe {
  hostname: string;
  bootId: string | null;
  isAlive(pid: number): boolean;
  /** The start marker of the live process `pid`, or null if it cannot be read. */
  startOf(pid: number): string | null;
}

/**
 * `live`: provably a running process on this machine, the very one that took the lock.
 * `stale`: provably not (gone, pid reused, machine restarted, lock file unreadable).
 * `uncertain`: Parley cannot tell (another machine, or no start marker to compare).
 */
export type LockVerdict = { state: 'live' } | { state: 'stale'; reason: string } | { state: 'uncertain'; reason: string };

/** Judges a lock against the system as it is now. */
export function judgeLock(info: LockInfo, probe: LockProbe): LockVerdict {
  if (info.hostname !== probe.hostname) {
    return { state: 'uncertain', reason: `it was taken on another machine (${info.hostname}; this one is ${probe.hostname}), whose processes Parley cannot check` };
  }
  if (info.bootId && probe.bootId && info.bootId !== probe.bootId) return { state: 'stale', reason: 'this machine has restarted since the lock was taken' };
  if (!probe.isAlive(info.pid)) return { state: 'stale', reason: `process ${info.pid} no longer exists` };
  const now = probe.startOf(info.pid);
  if (info.processStart && now) {
    if (now !== info.processStart) return { state: 'stale', reason: `process id ${info.pid} now belongs to another process (started later than the lock's holder)` };
    return { state: 'live' };
  }
  return { state: 'uncertain', reason: `process ${info.pid} is running but Parley cannot tell whether it is the one that took the lock` };
}

/** One line naming the holder: program, pid, host, since when. */
export function describeHolder(info: LockInfo): string {
  return `${info.program || 'a Parley process'} (pid ${info.pid} on ${info.hostname}, since ${info.startedAt || 'an unknown time'})`;
}

/** The probe of this machine. */
export function systemProbe(): LockProbe {
  return { hostname: os.hostname(), bootId: currentBootId(), isAlive: isProcessAlive, startOf: processStartMarker };
}

/** Whether a process with this pid exists on this machine. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A marker that differs between two processes that had the same pid: on Linux
 * field 22 of `/proc/<pid>/stat` (start time in clock ticks since boot); on
 * other Unix systems the start time `ps` reports; null elsewhere or on failure.
 */
export function processStartMarker(pid: number): string | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (process.platform === 'linux') {
    try {
      return parseProcStatStart(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    } catch {
      return null;
    }
  }
  if (process.platform === 'win32') return null;
  try {
    const out = execFileSync('ps', ['-o', 'lstart=', '-p', String(pid)], { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return out || null;
  } catch {
    return null;
  }
}

/** Field 22 (starttime) of a `/proc/<pid>/stat` line, or null. The command name in parentheses may hold spaces and parentheses. */
export function parseProcStatStart(stat: string): string | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // After ") " come fields 3 (state), 4 (ppid), …; field 22 is the 20th of them.
  const start = stat.slice(close + 2).split(' ')[19];
  return start && /^\d+$/.test(start) ? start : null;
}

/** The kernel's boot id (Linux), or null. */
export function currentBootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The name of this program, for other processes' messages. */
export function currentProgram(): string {
  if (process.versions.electron) return 'the Parley app';
  const script = path.basename(process.argv[1] ?? '');
  if (/^parley(\.c?js)?$/.test(script)) return `parley ${process.argv[2] ?? ''}`.trim();
  return `node ${script}`.trim();
}
