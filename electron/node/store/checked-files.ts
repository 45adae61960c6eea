/**
 * Which document files already passed every check, by the SHA-256 of their
 * bytes, so that opening the store need not check them again.
 *
 * Opening a store of 1,000 documents with 100,000 annotations spent about
 * 0.4 s of its 0.7 s validating files (zod's schema, the text's hash, every
 * quote against its offsets) that had not changed since the last open. A file
 * whose exact bytes were checked before, under the same schema and the same
 * checks, holds the same data; it now only needs `JSON.parse`, and not even
 * that until the document is used: its library row is kept here too, so the
 * library can be listed before it is parsed. A file that
 * changed in any way (a save, a compaction, damage on disk) has another
 * digest and is checked in full, as before.
 *
 * `checked-files.json` is a cache, never a source of truth: missing, damaged
 * or written for other checks, it is ignored and every file is checked.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { DocumentSummary } from '../../../shared/library';
import { libraryRowOf } from '../../../shared/library-row';
import { CHECKS_REVISION, nativeTextSha256 } from './check-document-file';
import { TEMP_SUFFIX } from './durable-file-adapter';
import { documentFileSchema, STORE_SCHEMA_VERSION } from './store-schemas';

/** The cache's file name, in the store's folder. */
export const CHECKED_FILES = 'checked-files.json';

/** The record of one checked file: its digest, the document it holds, and its library row (as `libraryRowOf` made it). */
export interface CheckedRecord {
  sha256: string;
  id: string;
  row: DocumentSummary;
}

/** The cache's content: the checks its files passed (`checksFingerprint`) and each file's record by file stem. */
export interface CheckedFilesCache {
  checks: string;
  files: { [stem: string]: CheckedRecord };
}

const sealSchema = z.object({ checks: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The cache file's text: a first line of JSON naming the checks and the
 * SHA-256 of the rest, then the records as JSON. The seal stands in for
 * checking 1,000 records against their schema at every open (36 ms of the
 * store's 280): only Parley writes this file, from records it made, and
 * damage, a cut-off write or another version's form breaks the seal.
 */
export function cacheText(cache: CheckedFilesCache): string {
  const records = JSON.stringify(cache.files);
  return `${JSON.stringify({ checks: cache.checks, sha256: nativeTextSha256(records) })}\n${records}`;
}

/** The cache a file's text holds; null when it is not a sealed cache or its seal does not match what follows. */
export function parseCacheText(text: string): CheckedFilesCache | null {
  const lineEnd = text.indexOf('\n');
  if (lineEnd < 0) return null;
  try {
    const seal = sealSchema.safeParse(JSON.parse(text.slice(0, lineEnd)));
    const records = text.slice(lineEnd + 1);
    if (!seal.success || nativeTextSha256(records) !== seal.data.sha256) return null;
    const files = JSON.parse(records) as unknown;
    return files !== null && typeof files === 'object' && !Array.isArray(files) ? { checks: seal.data.checks, files: files as CheckedFilesCache['files'] } : null;
  } catch {
    return null;
  }
}

/** A file that passed every check: the document it holds and the library row it gives. */
export interface CheckedFile {
  id: string;
  row: DocumentSummary;
}

/**
 * The SHA-256 of the document file's schema as JSON Schema (`documentSchemaDigest`).
 * A constant, so that opening the store does not build the JSON Schema (about
 * 40 ms); checked-files.test.ts fails when the schema changes until it is updated.
 */
export const DOCUMENT_FILE_SCHEMA_DIGEST = '70e63f99e626d16f5bec2a28abe223732ccb1e689b13223504c7ea600fb6326e';

/** The SHA-256 of the document file's schema, as JSON Schema. */
export function documentSchemaDigest(): string {
  return createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(documentFileSchema, { io: 'input', unrepresentable: 'any' })))
    .digest('hex');
}

/**
 * What a file was checked against: the store's version, the document file's
 * schema, and the revision of the checks beyond the schema. A change to any
 * of them makes every recorded file be checked again.
 */
export function checksFingerprint(): string {
  // The library rows kept with the files are what libraryRowOf gave: a change to its code makes them be made again.
  const rows = createHash('sha256').update(libraryRowOf.toString()).digest('hex');
  return `${STORE_SCHEMA_VERSION}/${CHECKS_REVISION}/${DOCUMENT_FILE_SCHEMA_DIGEST}/${rows}`;
}

/** The SHA-256 of a file's bytes, in hex. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The document files that passed every check, by file stem. */
export class CheckedFiles {
  private readonly next = new Map<string, CheckedRecord>();

  private constructor(
    private readonly file: string,
    private readonly checks: string,
    private readonly before: ReadonlyMap<string, CheckedRecord>,
  ) {}

  /** The cache of the store in `dir`; empty when it is missing, damaged, or written for other checks. */
  static async load(dir: string, checks = checksFingerprint()): Promise<CheckedFiles> {
    const file = path.join(dir, CHECKED_FILES);
    let before = new Map<string, CheckedRecord>();
    try {
      const cache = parseCacheText(await readFile(file, 'utf8'));
      if (cache?.checks === checks) before = new Map(Object.entries(cache.files));
    } catch {
      // No cache, or an unreadable one: every file is checked.
    }
    return new CheckedFiles(file, checks, before);
  }

  /** What the file `stem` held when it last passed every check, if it had exactly these bytes then; else null. */
  wasChecked(stem: string, digest: string): CheckedFile | null {
    const before = this.before.get(stem);
    return before?.sha256 === digest && typeof before.row === 'object' && before.row !== null && before.row.id === before.id ? { id: before.id, row: before.row } : null;
  }

  /** Records that the file `stem`, with bytes of this digest, passed every check, holding this document. */
  record(stem: string, digest: string, checked: CheckedFile): void {
    this.next.set(stem, { sha256: digest, id: checked.id, row: checked.row });
  }

  /**
   * Replaces the cache with the files recorded since it was loaded; others are
   * forgotten. Not fsynced: after a crash the cache is at worst stale or
   * unreadable, and a stale digest matches no file. Not written at all when
   * it would hold what it already holds.
   */
  async save(): Promise<void> {
    if (this.next.size === this.before.size && [...this.next].every(([stem, r]) => this.before.get(stem)?.sha256 === r.sha256)) return;
    const temp = `${this.file}.${process.pid}${TEMP_SUFFIX}`;
    await writeFile(temp, cacheText({ checks: this.checks, files: Object.fromEntries(this.next) }));
    await rename(temp, this.file);
  }
}
