/**
 * A document as the store holds it on disk: its file with its journal applied.
 *
 * `replayJournal` runs when the store opens (compaction on open): the records
 * are applied, the document file is written atomically with the last sequence
 * number applied (its previous version kept among the backups), and the
 * journals are removed. `readStoredDocument` gives the same view without
 * writing anything, for checks from outside a running store.
 *
 * Recovery rules (see docs/store-format.md):
 * - a record cut short at the end is a save never acknowledged: ignored, silently;
 * - a complete last record that fails its checksum is left out and reported;
 * - a damaged record or a gap before good records is reported: the document
 *   opens as it was before that record, the journal is moved to `damaged/`
 *   intact, and the incident says how many saved changes follow the damage,
 *   so none is dropped without a word;
 * - a journal whose document file is missing or damaged is moved to `damaged/`.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { StoreIncident } from '../../../shared/library';
import { CUT_SHORT, DocumentJournal, journalFilesOf, readJournal, readJournalFiles, stemOfJournal, type BadLine, type ReadJournal } from './document-journal';
import { DamagedFileError, parseStoreFile, writeFileDurably } from './durable-file-adapter';
import { applyPatch, PatchMismatchError } from './journal-patch';
import { quarantineFile } from './quarantine';
import { documentFileSchema, STORE_SCHEMA_VERSION, type DocumentFile } from './store-schemas';

/** What replay needs from the store being opened. */
export interface ReplayContext {
  storeDir: string;
  now: () => string;
  /** Keeps the document file's current version among the backups before it is replaced. */
  snapshot: (documentFile: string, state: DocumentFile) => Promise<void>;
  /** False when the library does not list the document: a journal without its file is then left over from a deletion. */
  listed: boolean;
}

/** Stems of the documents that have a journal in `documentsDir`. */
export async function stemsWithJournals(documentsDir: string): Promise<string[]> {
  const stems = new Set<string>();
  for (const name of await readdir(documentsDir)) {
    const stem = stemOfJournal(name);
    if (stem !== null) stems.add(stem);
  }
  return [...stems];
}

/** Applies the journals of `documentFile` to it and removes them. Returns what had to be reported. */
export async function replayJournal(documentFile: string, context: ReplayContext): Promise<StoreIncident[]> {
  const parts = await readJournalFiles(documentFile);
  if (parts.length === 0) return [];
  const journals = parts.map((p) => p.file);
  let base: DocumentFile;
  try {
    base = parseStoreFile(documentFile, await readFile(documentFile), documentFileSchema, STORE_SCHEMA_VERSION);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!(error instanceof DamagedFileError) && code !== 'ENOENT') throw error;
    if (code === 'ENOENT' && !context.listed) {
      // A deletion removed the file and was interrupted before its journal: nothing of the library is lost.
      await removeJournals(documentFile);
      return [];
    }
    const incidents: StoreIncident[] = [];
    for (const file of journals) {
      const movedTo = await quarantineFile(context.storeDir, file, context.now());
      incidents.push({ file, movedTo, problem: `its document file ${path.basename(documentFile)} ${code === 'ENOENT' ? 'is missing' : 'is damaged'}, so the saved changes it holds could not be applied`, restoredFrom: null });
    }
    return incidents;
  }
  const read = readJournal(parts, base.journalSeq ?? 0);
  const applied = applyRecords(base, read);
  if (applied.count > 0) {
    await context.snapshot(documentFile, base);
    await writeFileDurably(documentFile, JSON.stringify({ ...applied.state, journalSeq: applied.seq }));
  }
  const reported = applied.damage ?? lastRecordDamage(read.torn);
  if (reported === null) {
    await removeJournals(documentFile);
    return [];
  }
  const incidents: StoreIncident[] = [];
  for (const file of journals) {
    const movedTo = await quarantineFile(context.storeDir, file, context.now());
    incidents.push({
      file,
      movedTo,
      problem: reported,
      restoredFrom: null,
      details: [`${path.basename(documentFile)} was opened with the ${applied.count} saved changes before the damage applied; the damaged journal is kept whole in ${path.dirname(movedTo)}.`],
    });
  }
  return incidents;
}

/**
 * The document in `documentFile` with its journals applied, as the store would
 * open it; nothing is written. Throws `DamagedFileError` when the file or the
 * journal is damaged (the store's open would report it).
 */
export async function readStoredDocument(documentFile: string): Promise<DocumentFile> {
  // A store that is open may compact while the files are read: read again until nothing moved in between.
  for (let attempt = 0; ; attempt++) {
    const before = await fileIdentities(documentFile);
    const parts = await readJournalFiles(documentFile);
    const bytes = await readFile(documentFile);
    if (attempt < 10 && (await fileIdentities(documentFile)) !== before) continue;
    const base = parseStoreFile(documentFile, bytes, documentFileSchema, STORE_SCHEMA_VERSION);
    const applied = applyRecords(base, readJournal(parts, base.journalSeq ?? 0));
    if (applied.damage !== null) throw new DamagedFileError(journalFilesOf(documentFile).live, applied.damage);
    const { journalSeq: _seq, ...state } = applied.state;
    return state;
  }
}

/** Inode, size and change time of the document file and its journals, to tell whether any changed. */
async function fileIdentities(documentFile: string): Promise<string> {
  const { live, sealed } = journalFilesOf(documentFile);
  const ids: string[] = [];
  for (const file of [documentFile, sealed, live]) {
    const info = await stat(file, { bigint: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    ids.push(info ? `${info.ino}:${info.size}:${info.ctimeNs}` : '-');
  }
  return ids.join(' ');
}

/** The stored document with id `documentId` in the store folder `storeDir` (see `readStoredDocument`). */
export async function findStoredDocument(storeDir: string, documentId: string): Promise<DocumentFile> {
  const dir = path.join(storeDir, 'documents');
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = await readStoredDocument(path.join(dir, name));
    if (file.document.id === documentId) return file;
  }
  throw new Error(`document ${documentId} is not in ${dir}`);
}

/** The records applied in order, stopping at damage or at a record that does not fit. */
function applyRecords(base: DocumentFile, read: ReadJournal): { state: DocumentFile; seq: number; count: number; damage: string | null } {
  // The base is fresh from JSON.parse and the schema, so it may be changed in place.
  let state: unknown = base;
  let seq = base.journalSeq ?? 0;
  for (const [i, record] of read.records.entries()) {
    try {
      state = applyPatch(state, record.ops);
    } catch (error) {
      if (!(error instanceof PatchMismatchError)) throw error;
      const after = read.records.length - i - 1 + (read.damaged?.recordsAfter ?? 0);
      return { state: state as DocumentFile, seq, count: i, damage: `journal record ${record.seq} does not fit the document (${error.message}); it and ${after} later saved changes were not applied` };
    }
    seq = record.seq;
  }
  const damaged = read.damaged;
  const damage = damaged
    ? `journal record ${damaged.expectedSeq} ${damaged.at ? `(at byte ${damaged.at.offset} of ${path.basename(damaged.at.file)}) is damaged: ${damaged.problem}` : `is missing: ${damaged.problem}`}; ${damaged.recordsAfter} later saved changes were not applied`
    : null;
  return { state: state as DocumentFile, seq, count: read.records.length, damage };
}

/** A complete last line that fails its checks is reported; a line cut short (a save never acknowledged) is not. */
function lastRecordDamage(torn: readonly BadLine[]): string | null {
  const complete = torn.find((t) => t.problem !== CUT_SHORT);
  return complete ? `the last journal record (at byte ${complete.offset} of ${path.basename(complete.file)}) is damaged: ${complete.problem}; that change was not applied` : null;
}

async function removeJournals(documentFile: string): Promise<void> {
  await new DocumentJournal(documentFile).removeAll();
}
