/**
 * The store's lock file, `parley.lock`: the app and the command line never
 * write one store at once.
 *
 * The lock is written whole to a temporary file, fsynced, and hard-linked into
 * place (which fails if a lock exists), so a lock file is never seen half
 * written: an empty or unreadable one (a full disk) is debris and is removed.
 * A lock that cannot belong to a live Parley — its process gone, its pid
 * reused, the machine restarted — is taken over. One Parley cannot check (held
 * on another machine) is refused with a message naming the holder and how to
 * free it; `breakLock` frees it on the analyst's word.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../annotations/result';
import { currentProgram, describeHolder, judgeLock, processStartMarker, systemProbe, type LockInfo, type LockProbe, type LockVerdict } from './lock-owner';

export type { LockInfo } from './lock-owner';

/** Name of the lock file inside the store folder. */
export const LOCK_FILE = 'parley.lock';

/** Options of `StoreLock.acquire`, `inspectLock` and `breakLock`; tests pass their own probe, or a file system without hard links. */
export interface LockOptions {
  probe?: LockProbe;
  link?: (existing: string, created: string) => Promise<void>;
}

/** What the lock file of a store says now. */
export type LockInspection =
  | { state: 'free' }
  | { state: 'unreadable'; raw: string }
  | { state: 'held'; info: LockInfo; verdict: LockVerdict; raw: string };

/** A held lock. */
export class StoreLock {
  private released = false;

  private constructor(
    readonly file: string,
    readonly info: LockInfo,
  ) {}

  /**
   * Takes the lock of the store in `dir`, taking over a stale one. Fails with
   * `store-locked` (naming the holder and how to free the store) if a live or
   * possibly live process holds it, or `io-error`.
   */
  static async acquire(dir: string, options: LockOptions = {}): Promise<Result<StoreLock>> {
    const probe = options.probe ?? systemProbe();
    const file = path.join(dir, LOCK_FILE);
    const info: LockInfo = {
      pid: process.pid,
      hostname: probe.hostname,
      startedAt: new Date().toISOString(),
      token: randomBytes(8).toString('hex'),
      processStart: processStartMarker(process.pid),
      bootId: probe.bootId,
      program: currentProgram(),
    };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        if (await createExclusive(file, `${JSON.stringify(info)}\n`, options.link ?? link)) return ok(new StoreLock(file, info));
      } catch (error) {
        return fail('io-error', `cannot create the lock file ${file}: ${(error as Error).message}`);
      }
      const holder = await inspectLock(dir, { probe });
      if (holder.state === 'free') continue;
      if (holder.state === 'held' && holder.verdict.state !== 'stale') return fail('store-locked', lockedMessage(dir, holder.info, holder.verdict, holder.info.hostname === probe.hostname));
      const removed = await removeLockIfUnchanged(file, holder.raw);
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

/** Reads the lock of the store in `dir` and judges its holder. */
export async function inspectLock(dir: string, options: LockOptions = {}): Promise<LockInspection> {
  let raw: string;
  try {
    raw = await readFile(path.join(dir, LOCK_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'free' };
    throw error;
  }
  const info = parseLockInfo(raw);
  if (!info) return { state: 'unreadable', raw };
  return { state: 'held', info, verdict: judgeLock(info, options.probe ?? systemProbe()), raw };
}

/** What `breakLock` removed: nothing (the store was free), an unreadable lock file, or a holder's lock. */
export type BrokenLock = { removed: 'nothing' } | { removed: 'unreadable' } | { removed: 'lock'; info: LockInfo; verdict: LockVerdict };

/** Options of `breakLock`. */
export interface BreakLockOptions extends LockOptions {
  /** Remove a lock whose holder may be running on this machine. */
  force?: boolean;
  /** Remove the lock only if it is still exactly this one (the `raw` of the inspection the analyst was shown). */
  onlyIf?: string;
}

/**
 * Removes the lock of the store in `dir` after the same check `acquire` makes.
 * A stale or unreadable lock, or one taken on another machine, is removed. One
 * whose holder is, or may be, running on this machine (a live Parley, or a
 * running pid whose start cannot be compared) is kept, failing with
 * `store-locked`, unless `force`. Fails with `conflict` if the lock is not the
 * one `onlyIf` names, or changed while being removed.
 */
export async function breakLock(dir: string, options: BreakLockOptions = {}): Promise<Result<BrokenLock>> {
  const probe = options.probe ?? systemProbe();
  const holder = await inspectLock(dir, { ...options, probe });
  if (options.onlyIf !== undefined && (holder.state === 'free' || holder.raw !== options.onlyIf)) {
    return fail('conflict', `the lock of ${dir} changed since it was shown; look again`);
  }
  if (holder.state === 'free') return ok({ removed: 'nothing' });
  if (holder.state === 'held' && !options.force && holder.info.hostname === probe.hostname && holder.verdict.state !== 'stale') {
    const how = holder.verdict.state === 'live' ? 'which is running on this machine' : 'which may still be running on this machine';
    return fail('store-locked', `the store at ${dir} is in use by ${describeHolder(holder.info)}, ${how}; close it there (or force the unlock if it is stuck)`);
  }
  if (!(await removeLockIfUnchanged(path.join(dir, LOCK_FILE), holder.raw))) return fail('conflict', `the lock of ${dir} changed while it was being removed; look again`);
  return ok(holder.state === 'unreadable' ? { removed: 'unreadable' } : { removed: 'lock', info: holder.info, verdict: holder.verdict });
}

/**
 * Creates the lock file with its whole content, or returns false if one
 * exists. Where the file system has no hard links, falls back to an exclusive
 * create (during whose write another process may see the file empty).
 */
async function createExclusive(file: string, content: string, linkFile: (existing: string, created: string) => Promise<void>): Promise<boolean> {
  // Not TEMP_SUFFIX: a store opening elsewhere removes those, and could remove this one between its write and its link.
  const temp = path.join(path.dirname(file), `.${LOCK_FILE}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  await writeSynced(temp, content, 'wx');
  try {
    await linkFile(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  } finally {
    await unlink(temp).catch(() => undefined); // already gone: nothing to clean
  }
  try {
    await writeSynced(file, content, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  // Another process may have seen the file empty and removed it meanwhile: the lock is ours only if it still says so.
  return (await readFile(file, 'utf8').catch(() => '')) === content;
}

async function writeSynced(file: string, content: string, flags: string): Promise<void> {
  const handle = await open(file, flags);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Parses a lock file; null for an empty, truncated or foreign one. Locks of older versions lack the start marker and boot id. */
export function parseLockInfo(raw: string): LockInfo | null {
  try {
    const value = JSON.parse(raw) as Partial<LockInfo> | null;
    if (!value || typeof value.pid !== 'number' || typeof value.hostname !== 'string' || typeof value.token !== 'string') return null;
    return {
      pid: value.pid,
      hostname: value.hostname,
      startedAt: String(value.startedAt ?? ''),
      token: value.token,
      processStart: typeof value.processStart === 'string' ? value.processStart : null,
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
      program: typeof value.program === 'string' ? value.program : '',
    };
  } catch {
    return null;
  }
}

/**
 * Removes a lock without racing another process doing the same: the lock is
 * renamed aside first, and if what was moved is not the lock we judged
 * (another process took over in between), it is put back.
 */
async function removeLockIfUnchanged(file: string, judgedRaw: string): Promise<boolean> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const moved = await readFile(aside, 'utf8');
  if (moved === judgedRaw) {
    await unlink(aside);
    return true;
  }
  await link(aside, file).catch(() => undefined); // EEXIST: a third process holds the lock now, which is all we need to know
  await unlink(aside);
  return false;
}

/** The refusal: who holds the store, why Parley cannot take over, and how to free it. */
export function lockedMessage(dir: string, info: LockInfo, verdict: LockVerdict, onThisMachine: boolean): string {
  const holder = `the store at ${dir} is in use by ${describeHolder(info)}`;
  if (verdict.state === 'live') return `${holder}; close it and try again`;
  const unlock = `parley unlock${onThisMachine ? ' --force' : ''} --store ${dir}`;
  return `${holder}, and Parley cannot tell whether it is still running: ${verdict.reason}. If it is not, free the store with "${unlock}" (or "Break the lock" in the app); if it is, close it there first`;
}
