/**
 * Which document files already passed every check, by the SHA-256 of their
 * bytes, so that opening the store need not check them again.
 *
 * Opening a store of 1,000 documents with 100,000 annotations spent about
 * 0.4 s of its 0.7 s validating files (zod's schema, the text's hash, every
 * quote against its offsets) that had not changed since the last open. A file
 * whose exact bytes were checked before, under the same schema and the same
 * checks, holds the same data; it now only needs `JSON.parse`. A file that
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
import { CHECKS_REVISION } from './check-document-file';
import { TEMP_SUFFIX } from './durable-file-adapter';
import { documentFileSchema, STORE_SCHEMA_VERSION } from './store-schemas';

/** The cache's file name, in the store's folder. */
export const CHECKED_FILES = 'checked-files.json';

const cacheFileSchema = z.object({
  checks: z.string(),
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});

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
  return `${STORE_SCHEMA_VERSION}/${CHECKS_REVISION}/${DOCUMENT_FILE_SCHEMA_DIGEST}`;
}

/** The SHA-256 of a file's bytes, in hex. */
export function bytesDigest(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The digests of the document files that passed every check, by file stem. */
export class CheckedFiles {
  private readonly next = new Map<string, string>();

  private constructor(
    private readonly file: string,
    private readonly checks: string,
    private readonly before: ReadonlyMap<string, string>,
  ) {}

  /** The cache of the store in `dir`; empty when it is missing, damaged, or written for other checks. */
  static async load(dir: string, checks = checksFingerprint()): Promise<CheckedFiles> {
    const file = path.join(dir, CHECKED_FILES);
    let before = new Map<string, string>();
    try {
      const parsed = cacheFileSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success && parsed.data.checks === checks) before = new Map(Object.entries(parsed.data.files));
    } catch {
      // No cache, or an unreadable one: every file is checked.
    }
    return new CheckedFiles(file, checks, before);
  }

  /** True if the file `stem` had exactly these bytes when it last passed every check. */
  wasChecked(stem: string, digest: string): boolean {
    return this.before.get(stem) === digest;
  }

  /** Records that the file `stem`, with bytes of this digest, passed every check. */
  record(stem: string, digest: string): void {
    this.next.set(stem, digest);
  }

  /**
   * Replaces the cache with the files recorded since it was loaded; others are
   * forgotten. Not fsynced: after a crash the cache is at worst stale or
   * unreadable, and a stale digest matches no file.
   */
  async save(): Promise<void> {
    const temp = `${this.file}.${process.pid}${TEMP_SUFFIX}`;
    await writeFile(temp, JSON.stringify({ checks: this.checks, files: Object.fromEntries(this.next) }));
    await rename(temp, this.file);
  }
}
