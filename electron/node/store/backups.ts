/**
 * Rolling snapshots of store files, in `<store>/backups/`.
 *
 * Before a document file (or `library.json`) is replaced, the current file is
 * hard-linked into the backups folder: the old version costs no copy and no
 * extra write, and since the live file is only ever replaced by rename, the
 * linked version never changes afterwards. Each file keeps its last
 * `KEEP_RECENT` versions plus the last version of each of the past
 * `KEEP_DAYS` days.
 *
 * Snapshots are ordered by a sequence number that only grows (it continues
 * from the highest one on disk when the store opens), never by the clock: a
 * clock set ahead and then corrected must not make an older snapshot look
 * newer. The number leads the file name: `s<12 digits>_<time>_<rand>_n<count>.json`.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fileStamp, linkOrCopy } from './quarantine';

/** Folder of snapshots inside the store. */
export const BACKUPS_DIR = 'backups';
/** Versions kept per file regardless of age. */
export const KEEP_RECENT = 10;
/** Days for which the last version of the day is kept. */
export const KEEP_DAYS = 7;

/** Which file a snapshot is of: the index, or a document file (by its file name stem). */
export type BackupSubject = { kind: 'library' } | { kind: 'document'; stem: string };

/** One snapshot on disk. */
export interface BackupRecord {
  /** Stable id: `<stem>/<name>` for documents, `library/<name>` for the index. */
  id: string;
  subject: BackupSubject;
  /** Absolute path of the snapshot. */
  file: string;
  takenAt: string;
  /** Annotations in the own layer when the snapshot was taken (0 for the index). */
  annotationCount: number;
  /** Order of the snapshots of a store: higher is newer. 0 for snapshots named before sequence numbers (ordered by name among themselves). */
  sequence: number;
}

const NAME = /^s(\d{12})_(.+)_([0-9a-z]{4})_n(\d+)\.json$/;
/** Names written before sequence numbers led them: ordered by their time stamp. */
const OLD_NAME = /^(.+)_(\d{8})_([0-9a-z]{4})_n(\d+)\.json$/;

/** The snapshots of one store. Methods for one subject must not run concurrently (the store serialises them). */
export class Backups {
  private readonly records = new Map<string, BackupRecord[]>();
  private seq = 0;

  private constructor(
    readonly root: string,
    private readonly now: () => string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Reads the list of snapshots under `<storeDir>/backups`. */
  static async load(storeDir: string, now: () => string, warn: (message: string) => void): Promise<Backups> {
    const backups = new Backups(path.join(storeDir, BACKUPS_DIR), now, warn);
    await backups.scan({ kind: 'library' });
    for (const stem of await listDir(path.join(backups.root, 'documents'))) await backups.scan({ kind: 'document', stem });
    for (const list of backups.records.values()) for (const record of list) backups.seq = Math.max(backups.seq, record.sequence);
    return backups;
  }

  /** Snapshots of `subject`, newest first. */
  list(subject: BackupSubject): readonly BackupRecord[] {
    return this.records.get(key(subject)) ?? [];
  }

  /** Stems of every document that has snapshots (including deleted documents). */
  documentStems(): string[] {
    return [...this.records.keys()].filter((k) => k.startsWith('documents/')).map((k) => k.slice('documents/'.length));
  }

  /** Finds a snapshot by id, or undefined. */
  find(id: string): BackupRecord | undefined {
    for (const list of this.records.values()) {
      const found = list.find((r) => r.id === id);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * Keeps the current version of `liveFile` as a snapshot of `subject`, then
   * prunes old snapshots. Does nothing if the file does not exist yet.
   */
  async snapshot(subject: BackupSubject, liveFile: string, annotationCount: number): Promise<BackupRecord | null> {
    const dir = this.dirOf(subject);
    const takenAt = this.now();
    const sequence = ++this.seq;
    const name = `s${String(sequence).padStart(12, '0')}_${fileStamp(takenAt)}_${Math.random().toString(36).slice(2, 6).padEnd(4, '0')}_n${annotationCount}.json`;
    const file = path.join(dir, name);
    try {
      await linkOrCopy(liveFile, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        // Either the live file does not exist yet (nothing to keep) or the folder is missing.
        await mkdir(dir, { recursive: true });
        try {
          await linkOrCopy(liveFile, file);
        } catch (again) {
          if ((again as NodeJS.ErrnoException).code === 'ENOENT') return null;
          throw again;
        }
      } else throw error;
    }
    const record: BackupRecord = { id: idOf(subject, name), subject, file, takenAt, annotationCount, sequence };
    const list = [record, ...this.list(subject)].sort(newestFirst);
    this.records.set(key(subject), list);
    await this.prune(subject);
    return record;
  }

  /** Deletes the snapshots the retention policy no longer keeps. */
  private async prune(subject: BackupSubject): Promise<void> {
    const list = this.list(subject);
    const keep = retained(list, this.now());
    const dropped = list.filter((r) => !keep.has(r));
    if (dropped.length === 0) return;
    this.records.set(key(subject), list.filter((r) => keep.has(r)));
    for (const record of dropped) {
      await unlink(record.file).catch((error: Error) => this.warn(`could not delete old backup ${record.file}: ${error.message}`));
    }
  }

  private async scan(subject: BackupSubject): Promise<void> {
    const list: BackupRecord[] = [];
    const dir = this.dirOf(subject);
    for (const name of await listDir(dir)) {
      const match = NAME.exec(name);
      if (match) {
        list.push({ id: idOf(subject, name), subject, file: path.join(dir, name), takenAt: isoFromStamp(match[2]!), annotationCount: Number(match[4]), sequence: Number(match[1]) });
        continue;
      }
      const old = OLD_NAME.exec(name);
      if (old) list.push({ id: idOf(subject, name), subject, file: path.join(dir, name), takenAt: isoFromStamp(old[1]!), annotationCount: Number(old[4]), sequence: 0 });
    }
    if (list.length > 0) this.records.set(key(subject), list.sort(newestFirst));
  }

  private dirOf(subject: BackupSubject): string {
    return subject.kind === 'library' ? path.join(this.root, 'library') : path.join(this.root, 'documents', subject.stem);
  }
}

/** The snapshots to keep: the newest `KEEP_RECENT`, and the newest of each of the last `KEEP_DAYS` days. */
export function retained(newestFirstList: readonly BackupRecord[], now: string): Set<BackupRecord> {
  const keep = new Set(newestFirstList.slice(0, KEEP_RECENT));
  const horizon = Date.parse(now) - KEEP_DAYS * 24 * 3600 * 1000;
  const days = new Set<string>();
  for (const record of newestFirstList) {
    const day = record.takenAt.slice(0, 10);
    if (days.has(day)) continue;
    days.add(day);
    if (Date.parse(record.takenAt) >= horizon) keep.add(record);
  }
  return keep;
}

function newestFirst(a: BackupRecord, b: BackupRecord): number {
  if (a.sequence !== b.sequence) return b.sequence - a.sequence;
  const an = path.basename(a.file);
  const bn = path.basename(b.file);
  return an < bn ? 1 : an > bn ? -1 : 0;
}

function key(subject: BackupSubject): string {
  return subject.kind === 'library' ? 'library' : `documents/${subject.stem}`;
}

function idOf(subject: BackupSubject, name: string): string {
  return subject.kind === 'library' ? `library/${name}` : `${subject.stem}/${name}`;
}

function isoFromStamp(stamp: string): string {
  return stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3');
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
