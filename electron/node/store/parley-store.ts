/**
 * The store: the only module that reads or writes Parley's data on disk.
 *
 * Layout of a store folder:
 *   library.json          label schema and the list of documents (the commit point for adding/deleting)
 *   documents/<id>.json   one document: text, layers, review decisions, undo history
 *   documents/<id>.journal  the changes saved since the document file was last written (`document-journal.ts`)
 *   backups/              rolling snapshots (see `backups.ts`)
 *   damaged/              files that failed validation, moved aside with a time stamp
 *   parley.lock           held by the one process that has the store open
 *
 * Every file is written with `DurableJsonFile` (temp file, fsync, rename, fsync
 * the folder) through lowdb, and validated with `store-schemas.ts` when read.
 * Changes to one document go through that document's `DocumentQueue`: applied
 * in memory at once, in call order, and persisted in coalesced batches, each
 * batch one fsynced journal record (`document-slot.ts`); each promise resolves
 * once its change is on disk. Changes to the set of documents
 * and to labels are serialised by one mutex.
 *
 * Values returned (views, summaries, the corpus) share the store's own objects,
 * which are frozen (documents by their queue, the library index here): callers
 * build new objects to change anything, and a write in place throws.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Annotation, AnnotationChange, AnnotationLayer, Corpus, CorpusDocument, DocumentMetadata, DocumentStatus, Entity, LabelSchema, Relation, ReviewDecision } from '../../../annotations/model';
import type { ProgressControl } from '../../../annotations/formats/format';
import { fail, ok, type Result } from '../../../annotations/result';
import type { BackupEntry } from '../../../shared/api';
import type { DocumentChange, DocumentSummary, DocumentView, ReviewChange, StoreIncident } from '../../../shared/library';
import { AsyncMutex } from './async-mutex';
import { Backups } from './backups';
import { deepFreeze } from './deep-freeze';
import { fileStemFor } from './document-file-names';
import { JOURNAL_COMPACT_BYTES } from './document-journal';
import { type CompactionPolicy, DocumentSlot, withoutJournalSeq } from './document-slot';
import {
  changeLayer,
  checkAnnotations,
  checkCorpusDocument,
  editLayer,
  lastChange,
  lastReviewChange,
  type LayerEdit,
  type LayerEditContext,
  migrateLabels,
  newDocumentFile,
  ownCount,
  putLayer,
  recordReviewStep,
  redoStep,
  removeLayer,
  summaryOf,
  undoStep,
  viewOf,
} from './document-state';
import { DamagedFileError, DurableJsonFile, NewerSchemaError, parseStoreFile } from './durable-file-adapter';
import { documentPath, LIBRARY_FILE, loadStore, DOCUMENTS_DIR, newestValid } from './load-store';
import { storedDocumentHeading } from './deferred-document';
import { StoreLock } from './store-lock';
import { documentFileSchema, libraryFileSchema, STORE_SCHEMA_VERSION, type DocumentFile, type IndexEntry, type LibraryFile } from './store-schemas';

/** Options of `ParleyStore.open`. */
export interface StoreOptions {
  /** Clock for time stamps (ISO 8601). */
  now?: () => string;
  /** Where non-fatal problems go (an old backup that could not be deleted...). Defaults to console.warn. */
  onWarning?: (message: string) => void;
  /** When document journals are compacted; defaults: past 1 MB, or 20 s after a document's last save. */
  compaction?: Partial<CompactionPolicy>;
}

/** How long a document goes without a save before its journal is compacted, by default. */
const COMPACT_AFTER_IDLE_MS = 20_000;

/** One document change as `ParleyStore.onDocumentChange` reports it: the document's state before and after (read-only). */
export interface StoredDocumentChange {
  documentId: string;
  before: Readonly<DocumentFile>;
  after: Readonly<DocumentFile>;
}

/** A label id change for `saveLabels`: annotations labelled `from` get `to`, or are deleted when `to` is null. */
export interface LabelMigrationStep {
  from: string;
  to: string | null;
}

/** An open store. Create with `ParleyStore.open`. */
export class ParleyStore {
  private readonly slots = new Map<string, DocumentSlot>();
  private readonly libraryMutex = new AsyncMutex();
  /** Set while labels are migrated: document changes wait for it. */
  private migrating: Promise<unknown> | null = null;
  private closed = false;
  /** Document id and title behind each backup folder, including deleted documents. */
  private readonly backupOwners = new Map<string, { id: string; title: string }>();
  /** Told of each document change once it is on disk (the team workspace queues it for the server). */
  private readonly changeListeners = new Set<(change: StoredDocumentChange) => void>();

  private constructor(
    /** The store folder (absolute). */
    readonly dir: string,
    private library: LibraryFile,
    private readonly libraryDb: Low<LibraryFile>,
    private readonly backups: Backups,
    private readonly lock: StoreLock,
    private readonly now: () => string,
    private readonly warn: (message: string) => void,
    private readonly compaction: CompactionPolicy,
  ) {
    deepFreeze(library);
  }

  /**
   * Opens the store in `dir`, creating the folder if needed: takes the lock
   * (`store-locked` if another live process holds it), reads and validates
   * every file, moves damaged ones to `damaged/` and restores them from their
   * newest valid backup. What was repaired is returned as incidents. Fails with
   * `store-corrupt` if a file was written by a newer Parley, or `io-error`.
   */
  static async open(dir: string, options: StoreOptions = {}): Promise<Result<{ store: ParleyStore; incidents: StoreIncident[] }>> {
    const root = path.resolve(dir);
    const now = options.now ?? (() => new Date().toISOString());
    const warn = options.onWarning ?? ((message: string) => console.warn(`parley store: ${message}`));
    try {
      await mkdir(path.join(root, DOCUMENTS_DIR), { recursive: true });
    } catch (error) {
      return fail('io-error', `cannot create the store folder ${root}: ${(error as Error).message}`);
    }
    const lock = await StoreLock.acquire(root);
    if (!lock.ok) return lock;
    const loaded = await loadStore(root, now, warn);
    if (!loaded.ok) {
      await lock.value.release();
      return loaded;
    }
    const { library, files, backups, incidents } = loaded.value;
    const libraryDb = new Low(new DurableJsonFile(path.join(root, LIBRARY_FILE), libraryFileSchema, STORE_SCHEMA_VERSION), library);
    const compaction: CompactionPolicy = { bytes: JOURNAL_COMPACT_BYTES, idleMs: COMPACT_AFTER_IDLE_MS, ...options.compaction };
    const store = new ParleyStore(root, library, libraryDb, backups, lock.value, now, warn, compaction);
    for (const entry of library.documents) {
      const file = files.get(entry.id)!;
      store.slots.set(entry.id, new DocumentSlot(entry, documentPath(root, entry.file), file, backups, warn, compaction));
      store.backupOwners.set(entry.file, { id: entry.id, title: storedDocumentHeading(file).title });
    }
    await store.findDeletedOwners();
    return ok({ store, incidents });
  }

  /**
   * Waits for every pending write, writes each document's journal into its
   * file, then releases the lock. Later calls fail. A compaction that fails
   * leaves its journal, which the next open applies.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.libraryMutex.idle();
    const slots = [...this.slots.values()];
    for (const slot of slots) slot.stopTimers();
    await Promise.all(slots.map((s) => s.settle()));
    await Promise.all(slots.map((s) => s.compact().catch((error: Error) => this.warn(`could not compact ${s.file}; its journal is applied at the next open: ${error.message}`))));
    await this.lock.release();
  }

  /** Resolves once every save and background compaction started so far has finished. */
  async settle(): Promise<void> {
    await Promise.all([...this.slots.values()].map((s) => s.settle()));
  }

  /**
   * Calls `listener` after each change to a document's layers, decisions or
   * status made through this store (tags, undo and redo, review decisions,
   * layers put or removed), once it is on disk, in the order the changes were
   * made. Returns a function that removes the listener. A listener must not
   * throw; it is called synchronously and should only record the change.
   */
  onDocumentChange(listener: (change: StoredDocumentChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** True when the library has no documents (the app then seeds the sample corpus). */
  isEmpty(): boolean {
    return this.slots.size === 0;
  }

  /** Every document, in library order. */
  listDocuments(): DocumentSummary[] {
    return this.library.documents.flatMap((e) => {
      const slot = this.slots.get(e.id);
      return slot && !slot.deleting ? [slot.summary()] : [];
    });
  }

  /** A document with its layers, decisions and undo state; `not-found` if there is none. */
  getDocument(documentId: string): Result<DocumentView> {
    const slot = this.live(documentId);
    return slot.ok ? ok(viewOf(slot.value.queue.current)) : slot;
  }

  /** The label schema. */
  getLabels(): LabelSchema {
    return this.library.labels;
  }

  /**
   * Replaces the label schema. `migrate` renames (`to` a label of the new
   * schema) or deletes (`to` null) the annotations of old labels in every
   * document and layer. All or nothing: the change is first recorded in
   * `library.json`, so a crash part-way is completed when the store next opens,
   * and a failed write is rolled back. Fails with `conflict` if own or
   * reconciled annotations would be left with a label that was removed.
   * Clears the undo history of documents that lose annotations.
   */
  saveLabels(schema: LabelSchema, migrate: readonly LabelMigrationStep[] = []): Promise<Result<LabelSchema>> {
    const checked = checkLabelChange(schema, migrate);
    if (!checked.ok) return Promise.resolve(checked);
    const run = this.libraryMutex.run(() => this.migrate(schema, migrate));
    const gate: Promise<void> = run.then(
      () => undefined,
      () => undefined, // the caller sees the error through `run`; waiting changes only need to know it is over
    ).then(() => {
      if (this.migrating === gate) this.migrating = null;
    });
    this.migrating = gate;
    return run;
  }

  /**
   * Adds documents (already built: text, hash, layers). All or nothing: every
   * document file is written, then the index; if any write fails, the files
   * written are removed and the library is unchanged. Fails with `conflict` on
   * an id already in the library, `invalid-input` on a document whose hash or
   * annotations do not match its text.
   */
  addDocuments(docs: readonly CorpusDocument[], control: ProgressControl = {}): Promise<Result<DocumentSummary[]>> {
    return this.libraryMutex.run(async () => {
      if (this.closed) return closedFailure();
      const ids = new Set<string>();
      for (const doc of docs) {
        const id = doc.document.id;
        if (this.slots.has(id) || ids.has(id)) return fail('conflict', `document ${id} is already in the library`);
        ids.add(id);
        const checked = checkCorpusDocument(doc);
        if (!checked.ok) return checked;
      }
      const taken = new Set(this.library.documents.map((e) => e.file));
      const stamp = this.now();
      const created = docs.map((doc) => {
        const entry: IndexEntry = { id: doc.document.id, file: fileStemFor(doc.document.id, taken), title: doc.document.title, addedAt: stamp };
        taken.add(entry.file);
        return new DocumentSlot(entry, documentPath(this.dir, entry.file), newDocumentFile(doc, this.library.labelsRevision, stamp), this.backups, this.warn, this.compaction);
      });
      const written: DocumentSlot[] = [];
      const undoCreated = async () => {
        for (const slot of written) await slot.remove().catch((error: Error) => this.warn(`could not remove ${slot.file}: ${error.message}`));
      };
      try {
        for (let i = 0; i < created.length; i += 8) {
          // Between chunks the caller may stop the import; what was written so far is removed again.
          if (control.isCancelled?.()) {
            await undoCreated();
            return fail('cancelled', 'the import was cancelled; the library is unchanged');
          }
          control.onProgress?.(i, created.length);
          const chunk = created.slice(i, i + 8);
          // allSettled, not all: every write of the chunk must have finished before a failure is cleaned up.
          const settled = await Promise.allSettled(chunk.map((slot) => slot.create()));
          settled.forEach((s, j) => {
            if (s.status === 'fulfilled') written.push(chunk[j]!);
          });
          const failed = settled.find((s) => s.status === 'rejected');
          if (failed) throw failed.reason;
        }
        control.onProgress?.(created.length, created.length);
        await this.writeLibrary({ ...this.library, documents: [...this.library.documents, ...created.map((s) => s.entry)] });
      } catch (error) {
        await undoCreated();
        return fail('io-error', `could not add documents: ${(error as Error).message}`);
      }
      for (const slot of created) {
        this.slots.set(slot.entry.id, slot);
        this.backupOwners.set(slot.entry.file, { id: slot.entry.id, title: slot.entry.title });
      }
      return ok(created.map((s) => summaryOf(s.queue.current)));
    });
  }

  /** Removes a document from the library, keeping its last version in the backups so it can be restored. */
  deleteDocument(documentId: string): Promise<Result<void>> {
    return this.libraryMutex.run(async () => {
      const found = this.live(documentId);
      if (!found.ok) return found;
      const slot = found.value;
      slot.deleting = true;
      await slot.settle();
      try {
        // The file takes in its journal first, so the last backup is the document as it is now.
        await slot.compact();
        await this.backups.snapshot({ kind: 'document', stem: slot.entry.file }, slot.file, ownCount(slot.queue.current));
        await this.writeLibrary({ ...this.library, documents: this.library.documents.filter((e) => e.id !== documentId) });
      } catch (error) {
        slot.deleting = false;
        return fail('io-error', `could not delete document ${documentId}: ${(error as Error).message}`);
      }
      this.slots.delete(documentId);
      // Once the index no longer lists it, a file left behind is set aside when the store next opens.
      await slot.remove().catch((error: Error) => this.warn(`could not remove ${slot.file}: ${error.message}`));
      return ok(undefined);
    });
  }

  /** Replaces a document's metadata (publication date, outlet, author, address); an empty object removes it. */
  async setMetadata(documentId: string, metadata: DocumentMetadata): Promise<Result<DocumentSummary>> {
    const changed = await this.update(documentId, (file) => {
      const { metadata: _old, ...document } = file.document;
      return ok({ ...file, document: Object.keys(metadata).length > 0 ? { ...document, metadata } : document, updatedAt: this.now() });
    });
    return changed.ok ? ok(summaryOf(changed.value)) : changed;
  }

  /** The library's canonical entities (version 2). */
  listEntities(): Entity[] {
    return this.library.entities ?? [];
  }

  /**
   * Adds an entity, or replaces the one with its id, in the library index.
   * Fails with `conflict` when another entity of the same kind already has
   * one of its names (name or alias, compared without case), since tagging
   * that name could then not say which entity it means.
   */
  saveEntity(entity: Entity): Promise<Result<Entity>> {
    return this.libraryMutex.run(async () => {
      if (this.closed) return closedFailure();
      const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase().trim();
      const names = new Set([entity.name, ...entity.aliases].map(fold));
      const entities = this.library.entities ?? [];
      const clash = entities.find((e) => e.id !== entity.id && e.kind === entity.kind && [e.name, ...e.aliases].some((n) => names.has(fold(n))));
      if (clash) return fail('conflict', `“${clash.name}” already has that name; add it there or choose another`);
      const next = entities.some((e) => e.id === entity.id) ? entities.map((e) => (e.id === entity.id ? entity : e)) : [...entities, entity];
      try {
        await this.writeLibrary({ ...this.library, entities: next });
      } catch (error) {
        return fail('io-error', `could not save the entity: ${(error as Error).message}`);
      }
      return ok(entity);
    });
  }

  /**
   * Saves and removes entities in one write of the library index, as a merge
   * (the merged entity saved, the other removed) or a split (both saved)
   * needs. Fails with `not-found` for a removed id that is not there and
   * with `conflict`, writing nothing, when two entities of one kind would
   * then share a name.
   */
  updateEntities(update: { saved: readonly Entity[]; removed: readonly string[] }): Promise<Result<Entity[]>> {
    return this.libraryMutex.run(async () => {
      if (this.closed) return closedFailure();
      const entities = this.library.entities ?? [];
      const missing = update.removed.find((id) => !entities.some((e) => e.id === id));
      if (missing !== undefined) return fail('not-found', `there is no entity ${missing}`);
      const gone = new Set(update.removed);
      const saved = new Map(update.saved.map((e) => [e.id, e]));
      const next = [...entities.filter((e) => !gone.has(e.id)).map((e) => saved.get(e.id) ?? e), ...update.saved.filter((e) => !entities.some((x) => x.id === e.id))];
      const fold = (name: string) => name.normalize('NFC').toLocaleLowerCase().trim();
      const owners = new Map<string, Entity>();
      for (const e of next) {
        for (const name of new Set([e.name, ...e.aliases].map(fold))) {
          const key = `${e.kind}\u0000${name}`;
          const other = owners.get(key);
          if (other) return fail('conflict', `“${other.name}” and “${e.name}” would both be called “${name}”`);
          owners.set(key, e);
        }
      }
      try {
        await this.writeLibrary({ ...this.library, entities: next });
      } catch (error) {
        return fail('io-error', `could not save the entities: ${(error as Error).message}`);
      }
      return ok(next);
    });
  }

  /**
   * Gives a document a new title, in its file and in the library index.
   * Fails with `invalid-input` for a title that is empty once trimmed or
   * longer than 500 characters.
   */
  renameDocument(documentId: string, title: string): Promise<Result<DocumentSummary>> {
    const clean = title.replace(/\s+/gu, ' ').trim();
    if (!clean) return Promise.resolve(fail('invalid-input', 'a title cannot be empty'));
    if (clean.length > 500) return Promise.resolve(fail('invalid-input', `a title may have at most 500 characters; this one has ${clean.length}`));
    return this.libraryMutex.run(async () => {
      const changed = await this.update(documentId, (file) => ok({ ...file, document: { ...file.document, title: clean }, updatedAt: this.now() }));
      if (!changed.ok) return changed;
      const documents = this.library.documents.map((e) => (e.id === documentId ? { ...e, title: clean } : e));
      // The document file is the truth for titles (the list reads it); the index follows, and a failure to write it only costs the backup list's name.
      await this.writeLibrary({ ...this.library, documents }).catch((error: Error) => this.warn(`could not write the new title to the library index: ${error.message}`));
      const entry = this.library.documents.find((e) => e.id === documentId);
      if (entry) this.backupOwners.set(entry.file, { id: documentId, title: clean });
      return ok(summaryOf(changed.value));
    });
  }

  /** Sets a document's status. */
  async setStatus(documentId: string, status: DocumentStatus): Promise<Result<DocumentSummary>> {
    const changed = await this.update(documentId, (file) => ok({ ...file, document: { ...file.document, status }, updatedAt: this.now() }));
    return changed.ok ? ok(summaryOf(changed.value)) : changed;
  }

  /**
   * Applies a change to one layer (the own or reconciled layer is created if
   * missing) and records it for undo, clearing redo. Added annotations must lie
   * inside the text and quote it exactly; removed ones must exist. Resolves
   * once the change is on disk, with what changed (not the whole document).
   */
  changeAnnotations(documentId: string, layerId: string, change: AnnotationChange, historyLabel: string): Promise<Result<DocumentChange>> {
    return this.updateChange(documentId, 'done', (file) => changeLayer(file, layerId, change, historyLabel, this.now()));
  }

  /**
   * Builds a change from one layer as it is now and applies it, in one
   * operation of the document's queue: no separate read of the document, and
   * what the engine built in `build` is not checked a second time (see
   * `editLayer` in document-state.ts). `build`'s failure is returned and the
   * document is left as it was. Resolves once the change is on disk, with what
   * changed and the document's new library row.
   */
  editLayer(documentId: string, layerId: string, build: (context: LayerEditContext) => Result<LayerEdit>): Promise<Result<DocumentChange>> {
    return this.updateChange(documentId, 'done', (file) => editLayer(file, layerId, new Set(this.library.labels.labels.map((l) => l.id)), build, this.now(), this.library.entities ?? []));
  }

  /** Undoes the newest Read-mode change to the document's annotations (`not-found` if none); resolves with the reverse change. Review decisions are left alone. */
  undo(documentId: string): Promise<Result<DocumentChange>> {
    return this.updateChange(documentId, 'undone', (file) => undoStep(file, this.now(), 'read'));
  }

  /** Redoes the newest undone Read-mode change (`not-found` if none). */
  redo(documentId: string): Promise<Result<DocumentChange>> {
    return this.updateChange(documentId, 'done', (file) => redoStep(file, this.now(), 'read'));
  }

  /** Undoes the newest review decision step (`not-found` if none), leaving Read-mode edits alone; resolves with what changed (`ReviewChange`). */
  async undoReview(documentId: string): Promise<Result<ReviewChange>> {
    const changed = await this.update(documentId, (file) => undoStep(file, this.now(), 'review'));
    return changed.ok ? ok(lastReviewChange(changed.value, 'undone')) : changed;
  }

  /** Redoes the newest undone review decision step (`not-found` if none); resolves with what changed. */
  async redoReview(documentId: string): Promise<Result<ReviewChange>> {
    const changed = await this.update(documentId, (file) => redoStep(file, this.now(), 'review'));
    return changed.ok ? ok(lastReviewChange(changed.value, 'done')) : changed;
  }

  /**
   * Adds or replaces a layer (a colleague's, or the reconciled one). Undo steps
   * of that layer are dropped. `decisions`, when given, replace the document's
   * review decisions too (the reconciled layer pulled from a team workspace).
   */
  putLayer(documentId: string, layer: AnnotationLayer, decisions?: ReviewDecision[]): Promise<Result<DocumentView>> {
    return this.updateView(documentId, (file) => {
      const checked = checkAnnotations(file.document.id, file.document.text, layer.annotations);
      if (!checked.ok) return checked;
      const stray = decisions?.find((d) => d.documentId !== file.document.id);
      if (stray) return fail('invalid-input', `decision ${stray.id} belongs to document ${stray.documentId}`);
      const put = putLayer(file, layer, this.now());
      return ok(decisions ? { ...put, decisions } : put);
    });
  }

  /** Removes a layer and its undo steps (`not-found` if the document has no such layer). */
  removeLayer(documentId: string, layerId: string): Promise<Result<DocumentView>> {
    return this.updateView(documentId, (file) =>
      file.layers.some((l) => l.id === layerId) ? ok(removeLayer(file, layerId, this.now())) : fail('not-found', `document ${documentId} has no layer ${layerId}`),
    );
  }

  /**
   * Replaces the reconciled layer and the review decisions together, in one
   * write, as one review step that Ctrl+Z in Review undoes (`historyLabel`
   * names it); `relations`, when given, replace the layer's links too (each
   * must join two of `reconciled`). Read-mode history is left as it is.
   * Resolves with what changed: the reconciled layer's change and the
   * decisions after it.
   */
  async recordDecisions(documentId: string, reconciled: Annotation[], decisions: ReviewDecision[], historyLabel = 'Review decision', relations?: Relation[]): Promise<Result<ReviewChange>> {
    const changed = await this.update(documentId, (file) => {
      const checked = checkAnnotations(file.document.id, file.document.text, reconciled);
      if (!checked.ok) return checked;
      const stray = decisions.find((d) => d.documentId !== file.document.id);
      if (stray) return fail('invalid-input', `decision ${stray.id} belongs to document ${stray.documentId}`);
      const ids = new Set(reconciled.map((a) => a.id));
      const loose = relations?.find((r) => r.documentId !== file.document.id || !ids.has(r.sourceId) || !ids.has(r.targetId));
      if (loose) return fail('invalid-input', `relation ${loose.id} does not join two annotations of the reconciled layer`);
      const author = decisions[0]?.decidedBy ?? '';
      return ok(recordReviewStep(file, reconciled, decisions, historyLabel, this.now(), author, relations));
    });
    return changed.ok ? ok(lastReviewChange(changed.value, 'done')) : changed;
  }

  /** Backups of one document, or of every document (including deleted ones), newest first. */
  listBackups(documentId?: string): BackupEntry[] {
    const entries: BackupEntry[] = [];
    for (const stem of this.backups.documentStems()) {
      const owner = this.backupOwners.get(stem);
      if (!owner || (documentId !== undefined && owner.id !== documentId)) continue;
      for (const record of this.backups.list({ kind: 'document', stem })) {
        entries.push({ id: record.id, documentId: owner.id, title: owner.title, takenAt: record.takenAt, annotationCount: record.annotationCount });
      }
    }
    return entries.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
  }

  /**
   * Brings a document back to the version in a backup: replaces it if it is in
   * the library (the replaced version is itself backed up first), or adds it
   * back if it was deleted. `not-found` for an unknown id, `store-corrupt` if
   * the backup is damaged.
   */
  restoreBackup(backupId: string): Promise<Result<DocumentSummary>> {
    return this.libraryMutex.run(async () => {
      if (this.closed) return closedFailure();
      const record = this.backups.find(backupId);
      if (!record || record.subject.kind !== 'document') return fail('not-found', `there is no backup ${backupId}`);
      let data: DocumentFile;
      try {
        data = parseStoreFile(record.file, await readFile(record.file), documentFileSchema, STORE_SCHEMA_VERSION);
      } catch (error) {
        if (error instanceof DamagedFileError || error instanceof NewerSchemaError) return fail('store-corrupt', `backup ${backupId} cannot be used: ${error.message}`);
        return fail('io-error', `could not read backup ${backupId}: ${(error as Error).message}`);
      }
      const restored: DocumentFile = { ...withoutJournalSeq(data), updatedAt: this.now() };
      const slot = this.slots.get(data.document.id);
      if (slot && !slot.deleting) {
        // The version replaced is kept among the backups, and the restored one becomes the whole file.
        try {
          await slot.settle();
          await slot.compact();
          await this.backups.snapshot({ kind: 'document', stem: slot.entry.file }, slot.file, ownCount(slot.queue.current));
        } catch (error) {
          return fail('io-error', `could not restore ${backupId}: ${(error as Error).message}`);
        }
        const saved = await slot.queue.set(restored);
        if (saved.ok) await slot.compact(false).catch((error: Error) => this.warn(`could not compact ${slot.file}; its journal is applied at the next open: ${error.message}`));
        return saved.ok ? ok(summaryOf(restored)) : saved;
      }
      const taken = new Set(this.library.documents.map((e) => e.file));
      const stem = taken.has(record.subject.stem) ? fileStemFor(data.document.id, taken) : record.subject.stem;
      const entry: IndexEntry = { id: data.document.id, file: stem, title: data.document.title, addedAt: this.now() };
      const created = new DocumentSlot(entry, documentPath(this.dir, stem), restored, this.backups, this.warn, this.compaction);
      try {
        await created.create();
        await this.writeLibrary({ ...this.library, documents: [...this.library.documents, entry] });
      } catch (error) {
        return fail('io-error', `could not restore ${backupId}: ${(error as Error).message}`);
      }
      this.slots.set(entry.id, created);
      this.backupOwners.set(stem, { id: entry.id, title: entry.title });
      return ok(summaryOf(restored));
    });
  }

  /** The documents (all, or those listed, in library order) with the label schema, for export. */
  exportCorpus(documentIds?: readonly string[]): Corpus {
    const wanted = documentIds ? new Set(documentIds) : null;
    const documents: CorpusDocument[] = [];
    for (const entry of this.library.documents) {
      const slot = this.slots.get(entry.id);
      if (!slot || slot.deleting || (wanted && !wanted.has(entry.id))) continue;
      const { document, layers, decisions } = slot.queue.current;
      documents.push({ document, layers, decisions });
    }
    // The entities go along, so the spans linked to them can be read back (version 2).
    const entities = this.library.entities ?? [];
    return { labels: this.library.labels, documents, ...(entities.length > 0 ? { entities } : {}) };
  }

  private live(documentId: string): Result<DocumentSlot> {
    if (this.closed) return closedFailure();
    const slot = this.slots.get(documentId);
    return slot && !slot.deleting ? ok(slot) : fail('not-found', `there is no document ${documentId}`);
  }

  private async updateChange(documentId: string, how: 'done' | 'undone', build: (file: DocumentFile) => Result<DocumentFile>): Promise<Result<DocumentChange>> {
    const changed = await this.update(documentId, build);
    return changed.ok ? ok(lastChange(changed.value, how)) : changed;
  }

  private async updateView(documentId: string, build: (file: DocumentFile) => Result<DocumentFile>): Promise<Result<DocumentView>> {
    const changed = await this.update(documentId, build);
    return changed.ok ? ok(viewOf(changed.value)) : changed;
  }

  /**
   * Builds the next state of a document from its current one and queues it.
   * Without a label migration in progress this runs synchronously up to the
   * queue, so changes apply in call order.
   */
  private async update(documentId: string, build: (file: DocumentFile) => Result<DocumentFile>): Promise<Result<DocumentFile>> {
    while (this.migrating) await this.migrating;
    const slot = this.live(documentId);
    if (!slot.ok) return slot;
    const next = build(slot.value.queue.current);
    if (!next.ok) return next;
    const before = slot.value.queue.current;
    const saved = await slot.value.queue.set(next.value);
    if (!saved.ok) return saved;
    for (const listener of this.changeListeners) listener({ documentId, before, after: next.value });
    return ok(next.value);
  }

  /** Writes `library.json` (backing up the previous version) and makes `next`, frozen, the library. Callers hold `libraryMutex`. */
  private async writeLibrary(next: LibraryFile): Promise<void> {
    deepFreeze(next);
    await this.backups.snapshot({ kind: 'library' }, path.join(this.dir, LIBRARY_FILE), 0).catch((error: Error) => this.warn(`could not back up the library: ${error.message}`));
    this.libraryDb.data = next;
    try {
      await this.libraryDb.write();
    } catch (error) {
      this.libraryDb.data = this.library;
      throw error;
    }
    this.library = next;
  }

  private async migrate(schema: LabelSchema, migrate: readonly LabelMigrationStep[]): Promise<Result<LabelSchema>> {
    if (this.closed) return closedFailure();
    const slots = [...this.slots.values()].filter((s) => !s.deleting);
    await Promise.all(slots.map((s) => s.queue.idle()));
    const previous = this.library;
    const revision = previous.labelsRevision + 1;
    const changes = slots.flatMap((slot) => {
      const migrated = migrate.length > 0 ? migrateLabels(slot.queue.current, migrate, revision) : null;
      return migrated ? [{ slot, before: slot.queue.current, after: migrated }] : [];
    });
    const removed = new Set(previous.labels.labels.map((l) => l.id).filter((id) => !schema.labels.some((l) => l.id === id)));
    for (const slot of slots) {
      const file = changes.find((c) => c.slot === slot)?.after ?? slot.queue.current;
      for (const layer of file.layers) {
        if (layer.kind === 'colleague') continue;
        const orphan = layer.annotations.find((a) => removed.has(a.labelId));
        if (orphan) return fail('conflict', `label "${orphan.labelId}" is still used in “${file.document.title}”; say what its annotations become`);
      }
    }
    try {
      if (changes.length === 0) {
        await this.writeLibrary({ ...previous, labels: schema });
        return ok(schema);
      }
      await this.writeLibrary({ ...previous, labels: schema, labelsRevision: revision, pendingMigration: { revision, migrate: [...migrate] } });
    } catch (error) {
      return fail('io-error', `could not save labels: ${(error as Error).message}`);
    }
    const done: typeof changes = [];
    for (const change of changes) {
      const saved = await change.slot.queue.set(change.after);
      if (!saved.ok) {
        // Roll back: documents first, then the index. If that fails too, the pending migration is completed at the next open.
        for (const d of done) await d.slot.queue.set(d.before);
        await this.writeLibrary(previous).catch((error: Error) => this.warn(`could not roll back the label change: ${error.message}`));
        return saved;
      }
      done.push(change);
    }
    const { pendingMigration: _finished, ...settled } = this.library;
    await this.writeLibrary(settled).catch((error: Error) => this.warn(`could not mark the label change finished; it is checked again at next open: ${error.message}`));
    return ok(schema);
  }

  /** Reads the title of each deleted document that still has backups, for `listBackups`. */
  private async findDeletedOwners(): Promise<void> {
    for (const stem of this.backups.documentStems()) {
      if (this.backupOwners.has(stem)) continue;
      const newest = await newestValid(this.backups.list({ kind: 'document', stem }), (b, f) => parseStoreFile(f, b, documentFileSchema, STORE_SCHEMA_VERSION), this.warn).catch((error: Error) => {
        this.warn(`cannot read backups in ${stem}: ${error.message}`);
        return null;
      });
      if (newest) this.backupOwners.set(stem, { id: newest.data.document.id, title: newest.data.document.title });
    }
  }
}

function closedFailure<T>(): Result<T> {
  return fail('io-error', 'the store is closed');
}

/** Checks a new label schema and the migration that goes with it. */
function checkLabelChange(next: LabelSchema, migrate: readonly LabelMigrationStep[]): Result<void> {
  const ids = new Set<string>();
  for (const label of next.labels) {
    if (!label.id) return fail('invalid-input', 'a label has an empty id');
    if (ids.has(label.id)) return fail('invalid-input', `label id "${label.id}" appears twice`);
    ids.add(label.id);
  }
  const froms = new Set<string>();
  for (const step of migrate) {
    if (froms.has(step.from)) return fail('invalid-input', `label "${step.from}" is migrated twice`);
    froms.add(step.from);
    if (step.to !== null && !ids.has(step.to)) return fail('invalid-input', `label "${step.from}" is migrated to "${step.to}", which is not in the new labels`);
  }
  // A chain (a→b while b→c) would not be idempotent, and a migration interrupted by a crash is re-applied at the next open.
  const chained = migrate.find((s) => s.to !== null && froms.has(s.to));
  if (chained) return fail('invalid-input', `label "${chained.to}" is both migrated from and to; save the labels in two steps`);
  return ok(undefined);
}
