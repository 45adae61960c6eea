/**
 * The store's lock file, `parley.lock`: the app and the command line never
 * write one store at once. The lock is created with O_EXCL, so exactly one
 * process can hold it; a lock whose process is no longer alive (a crash) is
 * taken over, so it never blocks the next start.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fail, ok, type Result } from '../../../annotations/result';

/** Name of the lock file inside the store folder. */
export const LOCK_FILE = 'parley.lock';

/** What a lock file says about its holder. */
export interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Random, so a process can tell its own lock from a later one. */
  token: string;
}

/** How long a lock file may stay empty or unreadable (its holder still writing it) before it counts as stale. */
const UNREADABLE_GRACE_MS = 5_000;

/** A held lock. */
export class StoreLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {}

  /**
   * Takes the lock of the store in `dir`. Fails with `store-locked` (naming the
   * holder's pid) if a live process holds it, or `io-error`.
   */
  static async acquire(dir: string): Promise<Result<StoreLock>> {
    const file = path.join(dir, LOCK_FILE);
    const info: LockInfo = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString(), token: randomBytes(8).toString('hex') };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await createExclusive(file, `${JSON.stringify(info)}\n`);
        return ok(new StoreLock(file, info));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return fail('io-error', `cannot create the lock file ${file}: ${(error as Error).message}`);
      }
      const holder = await readHolder(file);
      if (holder.state === 'gone') continue;
      if (holder.state === 'live') return fail('store-locked', lockedMessage(dir, holder.info));
      if (holder.state === 'starting') return fail('store-locked', `the store at ${dir} is being opened by another Parley process right now; try again in a moment`);
      const removed = await removeStaleLock(file, holder.raw);
      if (!removed) return fail('store-locked', `the store at ${dir} was just taken by another Parley process; try again in a moment`);
    }
    return fail('store-locked', `could not take the lock ${file}: other processes keep taking it`);
  }

  /** Releases the lock if this process still holds it. Safe to call twice. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    const current = await readFile(this.file, 'utf8').catch(() => '');
    if (current.includes(this.info.token)) await unlink(this.file).catch(() => undefined); // gone already: nothing to release
  }
}

async function createExclusive(file: string, content: string): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

type Holder = { state: 'gone' } | { state: 'live'; info: LockInfo } | { state: 'starting' } | { state: 'stale'; raw: string };

async function readHolder(file: string): Promise<Holder> {
  let raw: string;
  let modified: number;
  try {
    [raw, modified] = await Promise.all([readFile(file, 'utf8'), stat(file).then((s) => s.mtimeMs)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'gone' };
    throw error;
  }
  const info = parseLockInfo(raw);
  if (!info) return Date.now() - modified < UNREADABLE_GRACE_MS ? { state: 'starting' } : { state: 'stale', raw };
  // A process on another machine (a store on a network share) cannot be checked: assume it is alive.
  if (info.hostname !== os.hostname() || isProcessAlive(info.pid)) return { state: 'live', info };
  return { state: 'stale', raw };
}

/** Whether a process with this pid exists on this machine. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parseLockInfo(raw: string): LockInfo | null {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.token !== 'string') return null;
    return { pid: value.pid, hostname: value.hostname, startedAt: String(value.startedAt ?? ''), token: value.token };
  } catch {
    return null;
  }
}

/**
 * Removes a stale lock without racing another process doing the same: the lock
 * is renamed aside first, and if what was moved is not the stale lock we judged
 * (another process took over in between), it is put back.
 */
async function removeStaleLock(file: string, staleRaw: string): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved === staleRaw) {
    await unlink(aside);
    return true;
  }
  await link(aside, file).catch(() => undefined); // EEXIST: a third process holds the lock now, which is all we need to know
  await unlink(aside);
  return false;
}

function lockedMessage(dir: string, info: LockInfo): string {
  const where = info.hostname === os.hostname() ? '' : ` on ${info.hostname}`;
  return `the store at ${dir} is in use by another Parley process (pid ${info.pid}${where}, since ${info.startedAt}); close it and try again`;
}
