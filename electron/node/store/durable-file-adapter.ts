/**
 * lowdb's storage adapter for the store: JSON files that are written durably
 * and atomically, and validated when read.
 *
 * lowdb's own `TextFile` writer (steno) renames a temporary file with one fixed
 * name and never calls fsync, so after a power cut a file can be empty or
 * missing. Here every write goes to a uniquely named temporary file that is
 * fsynced, renamed over the target, and then the directory is fsynced so the
 * rename itself survives. `write()` resolves only after all of that.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';

/** A store file that exists but cannot be used: empty, truncated, not JSON, or not the expected shape. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'DamagedFileError';
  }
}

/** A store file written by a newer Parley: left untouched, and the store refuses to open. */
export class NewerSchemaError extends Error {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(`${file} was written by a newer version of Parley (format ${found}; this version reads ${supported})`);
    this.name = 'NewerSchemaError';
  }
}

/** Suffix of the temporary files this adapter writes; leftovers from a crash are removed when the store opens. */
export const TEMP_SUFFIX = '.parley-tmp';

/** A lowdb adapter over one JSON file, validated against `schema` on every read. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly supportedVersion: number,
    /** Turns the data into the file's text; must give what `JSON.stringify` gives. */
    private readonly serialize: (data: T) => string = JSON.stringify,
  ) {}

  /** The file's data, or null if the file does not exist. Throws `DamagedFileError` or `NewerSchemaError`. */
  async read(): Promise<T | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return parseStoreFile(this.file, bytes, this.schema, this.supportedVersion);
  }

  /** Replaces the file with `data`, durably. Resolves once the data and the rename are on disk. */
  async write(data: T): Promise<void> {
    await writeFileDurably(this.file, this.serialize(data));
  }
}

/** Parses and validates the bytes of a store file. Throws `DamagedFileError` or `NewerSchemaError`. */
export function parseStoreFile<T>(file: string, bytes: Uint8Array, schema: z.ZodType<T>, supportedVersion: number): T {
  if (bytes.byteLength === 0) throw new DamagedFileError(file, 'the file is empty (zero bytes)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DamagedFileError(file, 'the file is not UTF-8 text (overwritten with other data?)');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DamagedFileError(file, `the file is not valid JSON, probably truncated (${(error as Error).message})`);
  }
  const version = typeof raw === 'object' && raw !== null ? (raw as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > supportedVersion) throw new NewerSchemaError(file, version, supportedVersion);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DamagedFileError(file, `the file does not have the expected structure (${issues.join('; ')})`);
  }
  return parsed.data;
}

/** The file operations the durable writer uses: Node's own, or a recording wrapper in tests. */
export interface DurableFs {
  open(path: string, flags: string): Promise<DurableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
}

/** The part of a file handle the durable writer uses. */
export interface DurableHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** Node's file system. */
export const nodeDurableFs: DurableFs = { open, rename, unlink };

/**
 * Writes `content` to `file` atomically and durably: a uniquely named temporary
 * file in the same folder, fsync, rename over `file`, fsync the folder. A crash
 * at any point leaves either the old file or the new one, never a mix.
 */
export async function writeFileDurably(file: string, content: string | Uint8Array, fs: DurableFs = nodeDurableFs): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await fs.open(temp, 'wx');
  try {
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined); // the write already failed; the temporary file may not exist
    throw error;
  }
  await syncDirectory(dir, fs);
}

/**
 * Fsyncs a directory so that a rename or link inside it is durable. Windows
 * cannot open a directory for syncing (EISDIR/EPERM/EACCES); NTFS journals the
 * rename itself, so the step is skipped there.
 */
export async function syncDirectory(dir: string, fs: DurableFs = nodeDurableFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    if (isUnsupportedDirSync(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isUnsupportedDirSync(error)) throw error;
  } finally {
    await handle.close();
  }
}

function isUnsupportedDirSync(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' || code === 'EPERM' || code === 'EACCES' || code === 'EINVAL';
}
