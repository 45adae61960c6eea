/**
 * One document of an open store: its state in memory, its write queue, and
 * how that state reaches the disk.
 *
 * A save appends the patch from the state on disk to the new one to the
 * document's journal and fsyncs it (`document-journal.ts`), so its cost does
 * not grow with the document. Compaction rewrites the document file with
 * every record in it, in the background: when the journal passes a size, when
 * the document has had no save for a while, and when the store closes. It
 * never holds up a save: the journal is sealed (renamed) first, appends go on
 * into a fresh live journal while the file is written, and only the sealed
 * records, now in the file, are removed.
 *
 * Backups: the document file is replaced only by compaction (and by restore),
 * and each time its previous version is hard-linked into the backups first,
 * as every rewrite did before the journal existed. Between compactions the
 * file on disk is that previous version and the journal holds the changes.
 */
import { unlink } from 'node:fs/promises';
import { Low } from 'lowdb';
import { AsyncMutex } from './async-mutex';
import type { Backups } from './backups';
import { DocumentJournal } from './document-journal';
import { DocumentQueue } from './document-queue';
import { ownCount, summaryOf } from './document-state';
import { isDeferred, type StoredDocument } from './deferred-document';
import type { DocumentSummary } from '../../../shared/library';
import { DurableJsonFile } from './durable-file-adapter';
import { diffState } from './journal-patch';
import { stringifyReusing } from './reusing-json';
import { documentFileSchema, STORE_SCHEMA_VERSION, type DocumentFile, type IndexEntry } from './store-schemas';

/** When a document's journal is compacted. */
export interface CompactionPolicy {
  /** Live journal size (bytes) past which it is compacted in the background. */
  bytes: number;
  /** Quiet time (ms) after a document's last save before its journal is compacted; 0 or less: never by time. */
  idleMs: number;
}

/** The document's state without the journal position the file records. */
export function withoutJournalSeq(file: DocumentFile): DocumentFile {
  if (file.journalSeq === undefined) return file;
  const { journalSeq: _seq, ...state } = file;
  return state;
}

/** One document's file, its journal and its write queue. */
export class DocumentSlot {
  deleting = false;
  private db!: Low<DocumentFile>;
  private readonly journal: DocumentJournal;
  /** Appends, sealing and removing journals take turns here; writing the document file does not. */
  private readonly io = new AsyncMutex();
  private readonly compactions = new AsyncMutex();
  /** The state the document file and the journal hold together. */
  private onDisk!: DocumentFile;
  /** Number of the last record on disk, and of the last one the document file holds (equal until the first save). */
  private seq = 0;
  private fileSeq = 0;
  /** Own annotations in the document file (the backup's name carries it). */
  private fileCount = 0;
  private loadedQueue: DocumentQueue<DocumentFile> | null = null;
  /** The file as the store's open read it, until it is first used (`deferred-document.ts`). */
  private stored: StoredDocument | null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** A background compaction is queued and has not sealed the journal yet. */
  private sealPending = false;
  private closed = false;

  constructor(
    readonly entry: IndexEntry,
    readonly file: string,
    initial: StoredDocument,
    private readonly backups: Backups,
    private readonly warn: (message: string) => void,
    private readonly policy: CompactionPolicy,
  ) {
    this.journal = new DocumentJournal(file);
    this.stored = initial;
    // A file checked at an earlier open is parsed when the document is first used; its journal is empty until then.
    if (!isDeferred(initial)) this.load();
  }

  /** The document's write queue, and through it its state in memory (the file is parsed now if it was not yet). */
  get queue(): DocumentQueue<DocumentFile> {
    return this.loadedQueue ?? this.load();
  }

  /** The document's library row; a document not parsed yet gives the row its checked file gave. */
  summary(): DocumentSummary {
    return this.stored && isDeferred(this.stored) ? this.stored.row : summaryOf(this.queue.current);
  }

  private load(): DocumentQueue<DocumentFile> {
    const initial = isDeferred(this.stored!) ? this.stored.parse() : this.stored!;
    this.stored = null;
    const state = withoutJournalSeq(initial);
    // Document states are never changed in place (the queue freezes each one), so the text of unchanged annotations is reused.
    this.db = new Low(new DurableJsonFile(this.file, documentFileSchema, STORE_SCHEMA_VERSION, stringifyReusing), state);
    this.onDisk = state;
    this.seq = initial.journalSeq ?? 0;
    this.fileSeq = this.seq;
    this.fileCount = ownCount(state);
    this.loadedQueue = new DocumentQueue(state, (next) => this.append(next));
    return this.loadedQueue;
  }

  /** Writes the file of a new document (a journal left under its name by a failed deletion goes first). */
  create(): Promise<void> {
    return this.io.run(async () => {
      await this.journal.removeAll();
      this.db.data = this.onDisk;
      await this.db.write();
    });
  }

  /**
   * Rewrites the document file with every record in it and removes them from
   * the journal; with `backup`, the file it replaces is kept among the backups
   * first. Saves go on meanwhile. Rejects if the file cannot be written (the
   * records then stay in the journal and count at the next open).
   */
  compact(backup = true): Promise<void> {
    return this.compactions.run(async () => {
      const sealed = await this.io.run(async () => {
        this.sealPending = false;
        if (this.seq === this.fileSeq) return null;
        await this.journal.seal();
        return { state: this.onDisk, seq: this.seq };
      });
      if (!sealed) return;
      if (backup) await this.backups.snapshot({ kind: 'document', stem: this.entry.file }, this.file, this.fileCount).catch((error: Error) => this.warn(`could not back up ${this.file}: ${error.message}`));
      this.db.data = { ...sealed.state, journalSeq: sealed.seq };
      await this.db.write();
      this.fileSeq = sealed.seq;
      this.fileCount = ownCount(sealed.state);
      // Only records at or below sealed.seq are in the sealed journal (a seal refused because an old one was left holds older ones still).
      await this.io.run(() => this.journal.removeSealed());
    });
  }

  /** Resolves when every save and every compaction started so far are done. */
  async settle(): Promise<void> {
    await this.loadedQueue?.idle();
    await this.compactions.idle();
  }

  /** Stops compacting by time (the store is closing). */
  stopTimers(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }

  /** Removes the files of a deleted document: the journals first, so a crash in between leaves a file the next open sets aside. */
  remove(): Promise<void> {
    this.stopTimers();
    return this.io.run(async () => {
      await this.journal.removeAll();
      await unlink(this.file);
    });
  }

  /** The queue's writer: one fsynced journal record with what changed since the state on disk. */
  private append(next: DocumentFile): Promise<void> {
    return this.io.run(async () => {
      const ops = diffState(this.onDisk, next);
      if (ops.length === 0) return;
      await this.journal.append({ seq: this.seq + 1, ops });
      this.seq++;
      this.onDisk = next;
      if (this.journal.size > this.policy.bytes) this.compactInBackground();
      else this.compactWhenIdle();
    });
  }

  private compactInBackground(): void {
    if (this.sealPending) return;
    this.sealPending = true;
    void this.compact().catch((error: Error) => this.warn(`could not compact ${this.file}; its journal is kept and applied at the next open: ${error.message}`));
  }

  private compactWhenIdle(): void {
    if (this.policy.idleMs <= 0 || this.closed) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (!this.closed && !this.deleting) this.compactInBackground();
    }, this.policy.idleMs);
    this.idleTimer.unref();
  }
}
