/**
 * The source files documents were extracted from (PDF, Word, saved pages),
 * kept in the store folder as `originals/<sha256>.<ext>`: named by their
 * content, so the same file imported twice is kept once and recognised.
 * Written like every store file: to a temporary name, flushed, renamed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../annotations/result';
import { sourceKindOf } from './source-text';

/** The folder of originals inside a store folder. */
export const ORIGINALS_DIR = 'originals';

/** Lower-case hex SHA-256 of `bytes`. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The extension an original is kept under: the source's own, lower-cased, when it is a known source kind; else `.bin`. */
export function originalExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? '' : name.slice(dot).toLowerCase();
  return sourceKindOf(name) ? ext : '.bin';
}

/** One original kept in a store. */
export interface OriginalEntry {
  sha256: string;
  file: string;
  bytes: number;
}

/** The originals of one store folder. */
export class OriginalFiles {
  readonly dir: string;

  constructor(storeDir: string) {
    this.dir = path.join(storeDir, ORIGINALS_DIR);
  }

  /** Where the original with `sha256` kept under `name`'s extension is (whether or not it is there). */
  pathOf(sha256: string, name: string): string {
    if (!/^[0-9a-f]{64}$/u.test(sha256)) throw new RangeError(`not a sha256: ${sha256}`);
    return path.join(this.dir, `${sha256}${originalExtension(name)}`);
  }

  /** The original with `sha256`, if kept (under any extension). */
  async find(sha256: string): Promise<OriginalEntry | undefined> {
    return (await this.list()).find((e) => e.sha256 === sha256);
  }

  /** Whether the original with `sha256` is kept: first where a file called `name` would be, then under any extension. */
  async has(sha256: string, name: string): Promise<boolean> {
    if (/^[0-9a-f]{64}$/u.test(sha256) && (await stat(this.pathOf(sha256, name)).then((s) => s.isFile(), () => false))) return true;
    return (await this.find(sha256)) !== undefined;
  }

  /**
   * Keeps `bytes` (the file `name`) and returns its sha256. A file already
   * kept is not written again. Fails with `io-error`.
   */
  async put(name: string, bytes: Uint8Array): Promise<Result<string>> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(sha256, name);
    if (await stat(target).then((s) => s.size === bytes.length, () => false)) return ok(sha256);
    const temp = path.join(this.dir, `.${sha256}.${randomUUID()}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
      const folder = await open(this.dir, 'r').catch(() => undefined);
      await folder?.sync().catch(() => undefined);
      await folder?.close();
      return ok(sha256);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      return fail('io-error', `could not keep the original of ${name}: ${(error as Error).message}`);
    }
  }

  /** Removes the original with `sha256` (every extension it is kept under); true when one was there. */
  async remove(sha256: string): Promise<Result<boolean>> {
    let removed = false;
    try {
      for (const entry of await this.list()) {
        if (entry.sha256 !== sha256) continue;
        await unlink(path.join(this.dir, entry.file));
        removed = true;
      }
      return ok(removed);
    } catch (error) {
      return fail('io-error', `could not remove the original ${sha256}: ${(error as Error).message}`);
    }
  }

  /** Every original kept, with its size. */
  async list(): Promise<OriginalEntry[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: OriginalEntry[] = [];
    for (const file of names.sort()) {
      const m = /^([0-9a-f]{64})\.[a-z0-9]+$/u.exec(file);
      if (!m) continue;
      const info = await stat(path.join(this.dir, file)).catch(() => undefined);
      if (info?.isFile()) out.push({ sha256: m[1]!, file, bytes: info.size });
    }
    return out;
  }

  /** How many bytes the originals take together. */
  async totalBytes(): Promise<number> {
    return (await this.list()).reduce((sum, e) => sum + e.bytes, 0);
  }
}
