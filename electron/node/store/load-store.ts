/**
 * Reading a store from disk when it opens, and repairing what is damaged.
 *
 * `library.json` is the commit point of every change to the set of documents:
 * a document file that the index does not list is left over from an import or
 * a deletion that was interrupted, and is moved into the backups (never lost).
 * A damaged file goes to `damaged/` and is replaced by its newest valid backup;
 * each repair is reported as a `StoreIncident`. Document journals are applied
 * to their files before anything else is read (`replay-journal.ts`). A
 * document file whose exact bytes passed every check at an earlier open is
 * only parsed (`checked-files.ts`).
 */
import { readdir, readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { defaultLabelSchema } from '../../../annotations/labels';
import type { LabelSchema } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { StoreIncident } from '../../../shared/library';
import { Backups, type BackupRecord } from './backups';
import { DamagedFileError, NewerSchemaError, parseStoreFile, TEMP_SUFFIX, writeFileDurably } from './durable-file-adapter';
import { checkDocumentFile } from './check-document-file';
import { bytesDigest, CheckedFiles } from './checked-files';
import { migrateLabels, ownCount, summaryOf } from './document-state';
import { isDeferred, parsedDocument, storedDocumentHeading, storedDocumentId, type StoredDocument } from './deferred-document';
import { reanchorDamaged } from './reanchor-damaged';
import { replayJournal, stemsWithJournals } from './replay-journal';
import { recoverLabels } from './recover-labels';
import { quarantineFile } from './quarantine';
import { ReadAhead } from './read-ahead';
import { documentFileSchema, libraryFileSchema, STORE_SCHEMA_VERSION, wasUpgraded, type DocumentFile, type IndexEntry, type LibraryFile } from './store-schemas';

/** Name of the index file. */
export const LIBRARY_FILE = 'library.json';
/** Folder of document files. */
export const DOCUMENTS_DIR = 'documents';

/** A store as read from disk, after repairs. */
export interface LoadedStore {
  library: LibraryFile;
  /** Each document's file: parsed, or (checked at an earlier open) parsed when first used. */
  files: Map<string, StoredDocument>;
  backups: Backups;
  incidents: StoreIncident[];
}

/** Path of the document file with this stem. */
export function documentPath(dir: string, stem: string): string {
  return path.join(dir, DOCUMENTS_DIR, `${stem}.json`);
}

/** An empty index. */
export function emptyLibrary(labels: LabelSchema = defaultLabelSchema()): LibraryFile {
  return { schemaVersion: STORE_SCHEMA_VERSION, labels, labelsRevision: 0, documents: [], entities: [] };
}

type ReadOutcome<T> = { kind: 'ok'; data: T } | { kind: 'missing' } | { kind: 'damaged'; problem: string };

/** Reads, validates and repairs the store in `dir` (whose lock the caller holds). */
export async function loadStore(dir: string, now: () => string, warn: (message: string) => void): Promise<Result<LoadedStore>> {
  try {
    return await load(dir, now, warn);
  } catch (error) {
    if (error instanceof NewerSchemaError) return fail('store-corrupt', `${error.message}. Update Parley to open this store.`);
    return fail('io-error', `could not read the store at ${dir}: ${(error as Error).message}`);
  }
}

async function load(dir: string, now: () => string, warn: (message: string) => void): Promise<Result<LoadedStore>> {
  const docsDir = path.join(dir, DOCUMENTS_DIR);
  await removeTempFiles(dir);
  await removeTempFiles(docsDir);
  const backups = await Backups.load(dir, now, warn);
  const checked = await CheckedFiles.load(dir);
  const incidents: StoreIncident[] = [];
  const libraryFile = path.join(dir, LIBRARY_FILE);
  const stemsOnDisk = (await readdir(docsDir)).filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length));

  let library: LibraryFile;
  let libraryChanged = false;
  // True when the index was restored or rebuilt: document files it does not list are then adopted, not set aside.
  let indexRecovered = false;
  const read = await readStoreFile(libraryFile, (b) => parseStoreFile(libraryFile, b, libraryFileSchema, STORE_SCHEMA_VERSION));
  if (read.kind === 'ok') {
    library = read.data;
    // Written by an older version: the old file is backed up and the upgraded one written below.
    libraryChanged = wasUpgraded(read.data);
  } else if (read.kind === 'missing' && stemsOnDisk.length === 0 && backups.list({ kind: 'library' }).length === 0) {
    library = emptyLibrary();
    libraryChanged = true;
  } else {
    const movedTo = read.kind === 'damaged' ? await quarantineFile(dir, libraryFile, now()) : '';
    const restored = await newestValid(backups.list({ kind: 'library' }), (b, f) => parseStoreFile(f, b, libraryFileSchema, STORE_SCHEMA_VERSION), warn);
    library = restored?.data ?? emptyLibrary();
    incidents.push({
      file: libraryFile,
      movedTo,
      problem: read.kind === 'damaged' ? read.problem : 'the file is missing',
      restoredFrom: restored?.from ?? null,
    });
    libraryChanged = true;
    indexRecovered = true;
  }

  // Journals left by the last run (a crash, or a compaction that failed) go into their document files first.
  const listedStems = new Set(library.documents.map((e) => e.file));
  for (const stem of await stemsWithJournals(docsDir)) {
    const snapshot = async (file: string, state: DocumentFile) => {
      await backups.snapshot({ kind: 'document', stem }, file, ownCount(state));
    };
    incidents.push(...(await replayJournal(documentPath(dir, stem), { storeDir: dir, now, snapshot, listed: indexRecovered || listedStems.has(stem) })));
  }

  const files = new Map<string, StoredDocument>();
  const entries: IndexEntry[] = [];
  const listed = new Set<string>();
  const ids = new Set<string>();
  /** Documents read from files of an older store version. */
  const upgradedIds = new Set<string>();
  const loadEntry = async (entry: IndexEntry | null, stem: string): Promise<void> => {
    const file = documentPath(dir, stem);
    const parse = (bytes: Uint8Array, name: string): DocumentFile => {
      const data = parseStoreFile(name, bytes, documentFileSchema, STORE_SCHEMA_VERSION);
      if (entry && data.document.id !== entry.id) throw new DamagedFileError(name, `the file holds document ${data.document.id}, not ${entry.id}`);
      if (ids.has(data.document.id)) throw new DamagedFileError(name, `document ${data.document.id} is stored twice`);
      // The text must still hash to its checksum and every annotation quote the text it points at.
      const checked = checkDocumentFile(data);
      if (!checked.ok) throw new DamagedFileError(name, `its content does not match its own checks (${checked.error.message})`);
      return data;
    };
    // Bytes that passed every check before are parsed when first used; others are checked in full now, and recorded if they pass.
    const parseOrTrust = (bytes: Uint8Array): StoredDocument => {
      const digest = bytesDigest(bytes);
      const known = checked.wasChecked(stem, digest);
      if (known && (!entry || known.id === entry.id) && !ids.has(known.id)) {
        checked.record(stem, digest, known);
        return { deferred: true, id: known.id, row: known.row, parse: () => parseTrusted(bytes, file) };
      }
      const data = parse(bytes, file);
      if (isCanonical(data, bytes)) checked.record(stem, digest, { id: data.document.id, row: summaryOf(data) });
      return data;
    };
    const outcome = await readStoreFile(file, parseOrTrust, (f) => ahead.read(f));
    let data: StoredDocument | null = outcome.kind === 'ok' ? outcome.data : null;
    if (outcome.kind !== 'ok') {
      const movedTo = outcome.kind === 'damaged' ? await quarantineFile(dir, file, now()) : '';
      // A file whose text is intact but whose annotations moved is re-anchored by quote: nothing is lost if every one is found.
      // Otherwise its newest good backup replaces it; with no good backup, the re-anchored annotations are the best left.
      const reanchored = movedTo ? await reanchorDamaged(movedTo, entry, ids) : null;
      const complete = reanchored !== null && reanchored.setAside === 0;
      const restored = complete ? null : await newestValid(backups.list({ kind: 'document', stem }), parse, warn);
      const repaired = complete ? reanchored.data : (restored?.data ?? reanchored?.data ?? null);
      if (repaired) await writeFileDurably(file, JSON.stringify(repaired));
      incidents.push({
        file,
        movedTo,
        problem: outcome.kind === 'damaged' ? outcome.problem : 'the file is missing',
        restoredFrom: restored?.from ?? null,
        ...(reanchored && !restored ? { details: reanchored.details } : {}),
      });
      data = repaired;
      libraryChanged ||= data === null || entry === null;
    }
    if (!data) return;
    const id = storedDocumentId(data);
    if (!isDeferred(data) && wasUpgraded(data)) upgradedIds.add(id);
    ids.add(id);
    files.set(id, data);
    const { title, importedAt } = storedDocumentHeading(data);
    entries.push(entry ?? { id, file: stem, title, addedAt: importedAt });
    if (!entry) libraryChanged = true;
  };

  const ahead = new ReadAhead(library.documents.map((e) => documentPath(dir, e.file)));
  for (const entry of library.documents) {
    if (listed.has(entry.file)) continue;
    listed.add(entry.file);
    await loadEntry(entry, entry.file);
  }
  for (const stem of stemsOnDisk) {
    if (listed.has(stem)) continue;
    if (indexRecovered) {
      await loadEntry(null, stem);
    } else {
      // Left by an interrupted import or deletion: keep it restorable, out of the library.
      const file = documentPath(dir, stem);
      await backups.snapshot({ kind: 'document', stem }, file, 0);
      await unlink(file);
    }
  }
  if (entries.length !== library.documents.length || entries.some((e, i) => e !== library.documents[i])) libraryChanged = true;
  library = { ...library, documents: entries };
  if (indexRecovered) {
    // A restored (or rebuilt) index may predate labels that annotations use: put every one of them back.
    const recovered = await recoverLabels(library.labels.labels, [...files.values()].map(parsedDocument), backups.list({ kind: 'library' }));
    if (recovered.added.length > 0) {
      library = { ...library, labels: { ...library.labels, labels: recovered.labels } };
      libraryChanged = true;
    }
    const incident = incidents.find((i) => i.file === libraryFile);
    if (incident) incident.details = [...(incident.details ?? []), ...recovered.details];
  }

  const pending = library.pendingMigration;
  if (pending) {
    for (const [id, stored] of files) {
      const file = parsedDocument(stored);
      if (file.labelsRevision >= pending.revision) continue;
      const migrated = migrateLabels(file, pending.migrate, pending.revision);
      if (!migrated) continue;
      const stem = entries.find((e) => e.id === id)!.file;
      await backups.snapshot({ kind: 'document', stem }, documentPath(dir, stem), ownCount(file));
      await writeFileDurably(documentPath(dir, stem), JSON.stringify(migrated));
      files.set(id, migrated);
    }
    const { pendingMigration: _done, ...rest } = library;
    library = rest;
    libraryChanged = true;
  }

  // Files of an older version: keep each as it was among the backups, then write it in the current shape.
  // A file the label migration above rewrote is already in the current shape, its old version backed up.
  for (const id of upgradedIds) {
    const file = files.get(id) as DocumentFile;
    if (!wasUpgraded(file)) continue;
    const stem = entries.find((e) => e.id === id)!.file;
    await backups.snapshot({ kind: 'document', stem }, documentPath(dir, stem), ownCount(file));
    await writeFileDurably(documentPath(dir, stem), JSON.stringify(file));
  }

  if (libraryChanged) {
    await backups.snapshot({ kind: 'library' }, libraryFile, 0);
    await writeFileDurably(libraryFile, JSON.stringify(library));
  }
  await checked.save().catch((error: Error) => warn(`could not save the list of checked files (the next open checks every file): ${error.message}`));
  return ok({ library, files, backups, incidents });
}

/** The data of bytes that passed every check at an earlier open (their digest says so), parsed alone. */
function parseTrusted(bytes: Uint8Array, file: string): DocumentFile {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as DocumentFile;
  } catch (error) {
    // Bytes with the digest of a file that parsed cannot fail to: only a broken runtime gets here.
    throw new Error(`${file}: bytes recorded as checked no longer parse (${(error as Error).message})`, { cause: error });
  }
}

/**
 * True if the checked data is exactly what the bytes hold, so parsing them
 * alone gives the same data next time: the current version (an older one is
 * upgraded as it is read) and nothing the schema dropped. Serialized, the data
 * then has the file's length; a dropped field, or JSON written in another
 * form (spaces, escapes), makes it differ, and the file is simply checked
 * again next time.
 */
function isCanonical(data: DocumentFile, bytes: Uint8Array): boolean {
  return !wasUpgraded(data) && Buffer.byteLength(JSON.stringify(data), 'utf8') === bytes.byteLength;
}

async function readStoreFile<T>(file: string, parse: (bytes: Uint8Array) => T, read: (file: string) => Promise<Buffer> = readFile): Promise<ReadOutcome<T>> {
  let bytes: Buffer;
  try {
    bytes = await read(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  try {
    return { kind: 'ok', data: parse(bytes) };
  } catch (error) {
    if (error instanceof DamagedFileError) return { kind: 'damaged', problem: error.problem };
    throw error;
  }
}

/** The newest backup that parses and validates, or null. Damaged backups are skipped with a warning. */
export async function newestValid<T>(
  records: readonly BackupRecord[],
  parse: (bytes: Uint8Array, file: string) => T,
  warn: (message: string) => void,
): Promise<{ data: T; from: string } | null> {
  for (const record of records) {
    try {
      return { data: parse(await readFile(record.file), record.file), from: record.file };
    } catch (error) {
      if (error instanceof NewerSchemaError) throw error;
      warn(`skipping backup ${record.file}: ${(error as Error).message}`);
    }
  }
  return null;
}

async function removeTempFiles(dir: string): Promise<void> {
  for (const name of await readdir(dir)) {
    if (name.endsWith(TEMP_SUFFIX)) await unlink(path.join(dir, name));
  }
}
