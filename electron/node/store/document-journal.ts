/**
 * The append-only journal of one document, so that a save costs one small
 * fsynced append instead of rewriting the whole document file.
 *
 * Files beside `documents/<stem>.json`:
 *   <stem>.journal          the live journal: each save appends one record
 *   <stem>.journal-sealed   the records a compaction is writing into the document file
 *
 * A record is one line: the CRC-32 of the JSON body (8 lowercase hex digits),
 * a space, the body `{"seq":n,"ops":[...]}` (the patch from the state on disk
 * to the new one, see `journal-patch.ts`) and a newline. JSON escapes every
 * newline inside strings, so a record never spans lines. A save is
 * acknowledged only once its record is fdatasynced (and, for a journal the
 * append created, its folder entry too).
 *
 * The document file holds the sequence number of the last record it already
 * contains (`journalSeq`), so applying records is idempotent: those at or
 * below it are skipped. Which records count is decided in `readJournal`.
 */
import { access, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { crc32 } from '../../../annotations/formats/crc32';
import { syncDirectory } from './durable-file-adapter';
import type { PatchOp } from './journal-patch';

/** Live journal size past which the document file takes in its records, in the background. */
export const JOURNAL_COMPACT_BYTES = 1024 * 1024;

/** Suffix of live journals, beside the document files. */
export const JOURNAL_SUFFIX = '.journal';
/** Suffix of a journal whose records a compaction is writing into the document file. */
export const SEALED_JOURNAL_SUFFIX = '.journal-sealed';

/** The problem of a last line without its newline: an append cut short, never acknowledged. */
export const CUT_SHORT = 'it ends before its newline (cut short)';

/** One journal record: the patch that took the document from record `seq - 1` to `seq`. */
export interface JournalRecord {
  seq: number;
  ops: PatchOp[];
}

/** The live and sealed journals of the document file `documentFile`. */
export function journalFilesOf(documentFile: string): { live: string; sealed: string } {
  const stem = documentFile.replace(/\.json$/, '');
  return { live: stem + JOURNAL_SUFFIX, sealed: stem + SEALED_JOURNAL_SUFFIX };
}

/** The document stem a journal file name belongs to, or null for other names. */
export function stemOfJournal(name: string): string | null {
  if (name.endsWith(JOURNAL_SUFFIX)) return name.slice(0, -JOURNAL_SUFFIX.length);
  if (name.endsWith(SEALED_JOURNAL_SUFFIX)) return name.slice(0, -SEALED_JOURNAL_SUFFIX.length);
  return null;
}

/** The bytes of one record, newline included. */
export function encodeRecord(record: JournalRecord): Buffer {
  const body = Buffer.from(JSON.stringify(record), 'utf8');
  return Buffer.concat([Buffer.from(`${crc32(body).toString(16).padStart(8, '0')} `, 'latin1'), body, Buffer.from('\n', 'latin1')]);
}

/** A line of a journal that is not a good record. */
export interface BadLine {
  file: string;
  offset: number;
  length: number;
  problem: string;
}

/** The records a document file still has to take in, as decided by `readJournal`. */
export interface ReadJournal {
  /** Consecutive records from `journalSeq + 1` on. */
  records: JournalRecord[];
  /** Records that could not be read, or left a gap, with good records after them: the journal is damaged there. */
  damaged: { at: BadLine | null; expectedSeq: number; recordsAfter: number; problem: string } | null;
  /** Bad lines after the last good record: a save cut short before it was acknowledged. */
  torn: BadLine[];
}

/**
 * Reads journal bytes (the sealed journal's, then the live one's) against a
 * document file that holds records up to `journalSeq`.
 *
 * - Records at or below `journalSeq` are already in the file and skipped.
 * - A record whose `seq` repeats an earlier one replaces it and what followed:
 *   the earlier append failed and was reported as failed, so the save was
 *   retried under the same number.
 * - Bad lines at the end are a torn append, never acknowledged: ignored.
 * - A bad line followed by a good record that continues the sequence is an
 *   append that failed (and was reported) but could not be cut off: ignored.
 * - A gap in the sequence is damage: records from there on are not applied and
 *   `damaged` says where and how many good records follow.
 */
export function readJournal(parts: ReadonlyArray<{ file: string; bytes: Uint8Array }>, journalSeq: number): ReadJournal {
  const lines: Array<{ record: JournalRecord } | { bad: BadLine }> = [];
  for (const { file, bytes } of parts) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let offset = 0; offset < buffer.length; ) {
      const end = buffer.indexOf(0x0a, offset);
      const stop = end < 0 ? buffer.length : end + 1;
      const parsed = end < 0 ? CUT_SHORT : parseLine(buffer.subarray(offset, end));
      lines.push(typeof parsed === 'string' ? { bad: { file, offset, length: stop - offset, problem: parsed } } : { record: parsed });
      offset = stop;
    }
  }
  const records: JournalRecord[] = [];
  let pendingBad: BadLine | null = null;
  for (const [index, line] of lines.entries()) {
    if ('bad' in line) {
      pendingBad ??= line.bad;
      continue;
    }
    const { record } = line;
    if (record.seq <= journalSeq) {
      pendingBad = null;
      continue;
    }
    // A retried save: the earlier record with this number (and any after it) was never acknowledged.
    const retried = records.findIndex((r) => r.seq === record.seq);
    if (retried >= 0) records.length = retried;
    const expected = (records.at(-1)?.seq ?? journalSeq) + 1;
    if (record.seq !== expected) {
      const recordsAfter = lines.slice(index).filter((l) => 'record' in l).length;
      const problem = pendingBad ? pendingBad.problem : `record ${expected} is missing (the next one is ${record.seq})`;
      return { records, damaged: { at: pendingBad, expectedSeq: expected, recordsAfter, problem }, torn: [] };
    }
    records.push(record);
    pendingBad = null;
  }
  const torn: BadLine[] = [];
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!('bad' in line)) break;
    torn.unshift(line.bad);
  }
  return { records, damaged: null, torn };
}

/** The record on `line` (without its newline), or what is wrong with it. */
function parseLine(line: Buffer): JournalRecord | string {
  const sum = line.subarray(0, 8).toString('latin1');
  if (line.length < 10 || line[8] !== 0x20 || !/^[0-9a-f]{8}$/.test(sum)) return 'it has no checksum';
  const body = line.subarray(9);
  if (crc32(body) !== Number.parseInt(sum, 16)) return 'its checksum does not match its content';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'it is not valid JSON';
  }
  const record = parsed as Partial<JournalRecord> | null;
  if (typeof record !== 'object' || record === null || !Number.isSafeInteger(record.seq) || record.seq! < 1 || !Array.isArray(record.ops)) return 'it is not a journal record';
  return { seq: record.seq!, ops: record.ops };
}

/** Reads the sealed and live journals of `documentFile` (each may be missing). */
export async function readJournalFiles(documentFile: string): Promise<Array<{ file: string; bytes: Uint8Array }>> {
  const { live, sealed } = journalFilesOf(documentFile);
  const parts: Array<{ file: string; bytes: Uint8Array }> = [];
  for (const file of [sealed, live]) {
    try {
      parts.push({ file, bytes: await readFile(file) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return parts;
}

/** Appends records durably to a document's live journal and seals it for compaction. Calls must not overlap. */
export class DocumentJournal {
  /** Bytes this process appended to the live journal since it was last sealed or removed. */
  size = 0;
  private entryDurable = false;
  readonly live: string;
  readonly sealed: string;

  constructor(documentFile: string) {
    ({ live: this.live, sealed: this.sealed } = journalFilesOf(documentFile));
  }

  /**
   * Appends `record` and resolves once it is on disk (fdatasync; the folder too
   * when the append created the journal). If the append fails, what it wrote is
   * cut off again, so a later record never follows a torn one.
   */
  async append(record: JournalRecord): Promise<void> {
    const bytes = encodeRecord(record);
    const handle = await open(this.live, 'a');
    try {
      await handle.write(bytes);
      await handle.datasync();
    } catch (error) {
      await handle.truncate(this.size).catch(() => undefined); // the append already failed; a tail left over is ignored at replay (see readJournal)
      throw error;
    } finally {
      await handle.close();
    }
    this.size += bytes.length;
    if (!this.entryDurable) {
      await syncDirectory(path.dirname(this.live));
      this.entryDurable = true;
    }
  }

  /**
   * Renames the live journal to the sealed one, so appends go on in a fresh
   * file while a compaction writes the document file. Returns false (and does
   * nothing) when a sealed journal is still there from a compaction that failed.
   */
  async seal(): Promise<boolean> {
    if (await exists(this.sealed)) return false;
    try {
      await rename(this.live, this.sealed);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return true; // nothing appended since the last compaction
    }
    this.size = 0;
    this.entryDurable = false;
    await syncDirectory(path.dirname(this.live));
    return true;
  }

  /** Removes the sealed journal (after the document file took in its records). */
  async removeSealed(): Promise<void> {
    await removeFile(this.sealed);
  }

  /** Removes both journals (the document file holds everything, or the document is gone). */
  async removeAll(): Promise<void> {
    await removeFile(this.sealed);
    await removeFile(this.live);
    this.size = 0;
    this.entryDurable = false;
  }
}

async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
