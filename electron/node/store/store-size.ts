/**
 * How much room a store folder takes on disk, by what fills it: documents
 * (the library index, document files and their journals), the originals
 * imported documents were extracted from, backups, and everything else
 * (settings, the workspace outbox, quarantined files). Symbolic links are
 * counted as links, never followed.
 */
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { StoreSize } from '../../../shared/library';
import { ORIGINALS_DIR } from '../sources/original-files';
import { BACKUPS_DIR } from './backups';
import { DOCUMENTS_DIR, LIBRARY_FILE } from './load-store';

/** Files and bytes under `target` (a file or a folder), walked without following links; a part that vanishes while walked counts as nothing. */
async function measure(target: string, count: (name: string) => boolean = () => true): Promise<{ files: number; bytes: number }> {
  const info = await lstat(target).catch(() => undefined);
  if (!info) return { files: 0, bytes: 0 };
  if (!info.isDirectory()) return { files: count(path.basename(target)) ? 1 : 0, bytes: info.size };
  const total = { files: 0, bytes: 0 };
  for (const name of await readdir(target).catch(() => [] as string[])) {
    const part = await measure(path.join(target, name), count);
    total.files += part.files;
    total.bytes += part.bytes;
  }
  return total;
}

/** The size of the store in `dir`, by part. `documents` counts document files; `originals` counts kept originals (temporary files are bytes only). */
export async function measureStore(dir: string): Promise<StoreSize> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const documents = await measure(path.join(dir, DOCUMENTS_DIR), (name) => name.endsWith('.json'));
  const index = await measure(path.join(dir, LIBRARY_FILE));
  const originals = await measure(path.join(dir, ORIGINALS_DIR), (name) => /^[0-9a-f]{64}\.[a-z0-9]+$/u.test(name));
  const backups = await measure(path.join(dir, BACKUPS_DIR));
  const other = { files: 0, bytes: 0 };
  for (const name of names) {
    if ([DOCUMENTS_DIR, LIBRARY_FILE, ORIGINALS_DIR, BACKUPS_DIR].includes(name)) continue;
    const part = await measure(path.join(dir, name));
    other.files += part.files;
    other.bytes += part.bytes;
  }
  const parts = {
    documents: { count: documents.files, bytes: documents.bytes + index.bytes },
    originals: { count: originals.files, bytes: originals.bytes },
    backups: { count: backups.files, bytes: backups.bytes },
    other: { count: other.files, bytes: other.bytes },
  };
  return { ...parts, totalBytes: Object.values(parts).reduce((sum, p) => sum + p.bytes, 0) };
}
