/**
 * Zip archives in and out, with limits against zip bombs and path tricks.
 * Pure: works on bytes (fflate), no file system.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import type { FormatFile } from './format';

/** Most entries read from one archive. */
export const MAX_ZIP_ENTRIES = 20_000;
/** Most bytes unpacked from one archive, summed over its entries. */
export const MAX_ZIP_UNPACKED_BYTES = 512 * 1024 * 1024;

/** True for a path that ends in `.zip` (any case). */
export function isZipPath(path: string): boolean {
  return /\.zip$/i.test(path);
}

/** A relative path with no `..`, no drive letter and no leading slash, or undefined if unsafe. */
export function safeRelativePath(path: string): string | undefined {
  const clean = path.replace(/\\/g, '/');
  if (clean.startsWith('/') || /^[a-zA-Z]:/.test(clean) || clean.includes('\0')) return undefined;
  const parts = clean.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

/** Unpacks one archive into files. Directories and macOS metadata are skipped; unsafe names fail. */
export function unzipFiles(file: FormatFile): Result<FormatFile[]> {
  const data = typeof file.data === 'string' ? strToU8(file.data, true) : file.data;
  const problems: Problem[] = [];
  let entries = 0;
  let unpacked = 0;
  let tooBig = false;
  let result: Record<string, Uint8Array>;
  try {
    result = unzipSync(data, {
      filter(entry) {
        if (entry.name.endsWith('/') || entry.name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(entry.name)) return false;
        entries++;
        unpacked += entry.originalSize;
        if (entries > MAX_ZIP_ENTRIES || unpacked > MAX_ZIP_UNPACKED_BYTES) {
          tooBig = true;
          return false;
        }
        if (safeRelativePath(entry.name) === undefined) {
          problems.push({ file: file.path, record: entry.name, message: 'entry name is absolute or climbs out of the archive' });
          return false;
        }
        return true;
      },
    });
  } catch (e) {
    return fail('invalid-format', `${file.path} is not a readable zip archive`, [{ file: file.path, message: `not a readable zip archive: ${e instanceof Error ? e.message : String(e)}` }]);
  }
  if (tooBig) {
    return fail('too-large', `${file.path} holds more than ${MAX_ZIP_ENTRIES} entries or ${MAX_ZIP_UNPACKED_BYTES} bytes`, [
      { file: file.path, message: `archive exceeds ${MAX_ZIP_ENTRIES} entries or ${MAX_ZIP_UNPACKED_BYTES} unpacked bytes` },
    ]);
  }
  if (problems.length > 0) return fail('invalid-format', `${file.path} has unsafe entry names`, problems);
  return ok(Object.keys(result).sort().map((name) => ({ path: safeRelativePath(name)!, data: result[name]! })));
}

/** Replaces every `.zip` among `files` with its entries, leaving other files as they are. */
export function expandZips(files: FormatFile[]): Result<FormatFile[]> {
  const out: FormatFile[] = [];
  for (const f of files) {
    if (!isZipPath(f.path)) {
      out.push(f);
      continue;
    }
    const entries = unzipFiles(f);
    if (!entries.ok) return entries;
    out.push(...entries.value);
  }
  return ok(out);
}

/** Packs files into one zip archive (UTF-8 names, deflated). */
export function zipFiles(files: FormatFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = typeof f.data === 'string' ? strToU8(f.data) : f.data;
  return zipSync(tree, { level: 6 });
}
