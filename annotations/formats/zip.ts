/**
 * Zip archives in and out, with limits against zip bombs, lying headers and
 * path tricks. Pure: works on bytes (fflate inflates), no file system.
 *
 * The central directory is read here rather than by fflate's `unzipSync`,
 * which trusts each entry's declared size (it inflates into a buffer of that
 * size and silently drops the rest) and never checks the CRC-32. Here every
 * entry must inflate to exactly its declared size and checksum; inflating
 * stops as soon as an entry produces more than it declared, so a bomb costs
 * no more memory than the limits allow.
 */
import { Inflate, strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { MAX_TEXT_LENGTH } from '../document';
import type { Problem, Result } from '../result';
import { fail, ok } from '../result';
import { crc32 } from './crc32';
import type { FormatFile } from './format';
import { appendAll } from '../append-all';

/** Most entries read from one archive. */
export const MAX_ZIP_ENTRIES = 20_000;
/** Most bytes one entry may unpack to: the longest text allowed, at three UTF-8 bytes per UTF-16 unit. */
export const MAX_ZIP_ENTRY_BYTES = 3 * MAX_TEXT_LENGTH;
/** Most bytes unpacked from one archive, summed over its entries. */
export const MAX_ZIP_UNPACKED_BYTES = 128 * 1024 * 1024;

/** True for a path that ends in `.zip` (any case). */
export function isZipPath(path: string): boolean {
  return /\.zip$/i.test(path);
}

/**
 * True for a file that is a zip archive under another name and must be read
 * as bytes, not text: a `.zip`, or a REFI-QDA project (`.qdpx`). Only `.zip`
 * files are unpacked by `expandZips`; the REFI-QDA codec unpacks its own.
 */
export function isArchivePath(path: string): boolean {
  return /\.(?:zip|qdpx)$/i.test(path);
}

/** A relative path with no `..`, no drive letter and no leading slash, or undefined if unsafe. */
export function safeRelativePath(path: string): string | undefined {
  const clean = path.replace(/\\/g, '/');
  if (clean.startsWith('/') || /^[a-zA-Z]:/.test(clean) || clean.includes('\0')) return undefined;
  const parts = clean.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return undefined;
  return parts.join('/');
}

/** One entry of the central directory. */
interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

class ZipError extends Error {}

const u16 = (d: Uint8Array, at: number) => d[at]! | (d[at + 1]! << 8);
const u32 = (d: Uint8Array, at: number) => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
const u64 = (d: Uint8Array, at: number) => u32(d, at) + u32(d, at + 4) * 2 ** 32;

function need(d: Uint8Array, at: number, length: number): void {
  if (at < 0 || at + length > d.length) throw new ZipError('the archive is truncated');
}

/** The entries of the central directory. Throws ZipError on a malformed archive. */
function readDirectory(d: Uint8Array): ZipEntry[] {
  let end = d.length - 22;
  while (end >= 0 && u32(d, end) !== 0x06054b50) {
    if (d.length - end > 22 + 0xffff) break;
    end--;
  }
  if (end < 0 || u32(d, end) !== 0x06054b50) throw new ZipError('no end of central directory');
  let count = u16(d, end + 10);
  let offset = u32(d, end + 16);
  if (end >= 20 && u32(d, end - 20) === 0x07064b50) {
    const z64 = u64(d, end - 12);
    need(d, z64, 56);
    if (u32(d, z64) !== 0x06064b50) throw new ZipError('damaged zip64 directory');
    count = u64(d, z64 + 32);
    offset = u64(d, z64 + 48);
  }
  if (count > MAX_ZIP_ENTRIES * 4) throw new ZipError(`the directory claims ${count} entries`);
  const entries: ZipEntry[] = [];
  for (let i = 0, at = offset; i < count; i++) {
    need(d, at, 46);
    if (u32(d, at) !== 0x02014b50) throw new ZipError('damaged central directory');
    const flags = u16(d, at + 8);
    const nameLength = u16(d, at + 28);
    const extraLength = u16(d, at + 30);
    need(d, at + 46, nameLength + extraLength);
    const name = strFromU8(d.subarray(at + 46, at + 46 + nameLength), !(flags & 0x800));
    let compressedSize = u32(d, at + 20);
    let size = u32(d, at + 24);
    let localOffset = u32(d, at + 42);
    // Zip64: the 0xffffffff fields are in extra field 1, in this order.
    for (let e = at + 46 + nameLength; e + 4 <= at + 46 + nameLength + extraLength; e += 4 + u16(d, e + 2)) {
      if (u16(d, e) !== 1) continue;
      let field = e + 4;
      if (size === 0xffffffff) {
        size = u64(d, field);
        field += 8;
      }
      if (compressedSize === 0xffffffff) {
        compressedSize = u64(d, field);
        field += 8;
      }
      if (localOffset === 0xffffffff) localOffset = u64(d, field);
    }
    entries.push({ name, method: u16(d, at + 10), crc: u32(d, at + 16), compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + u16(d, at + 32);
  }
  return entries;
}

/** The bytes of one entry, verified against its declared size and CRC-32. Throws ZipError. */
function extract(d: Uint8Array, entry: ZipEntry): Uint8Array {
  need(d, entry.localOffset, 30);
  if (u32(d, entry.localOffset) !== 0x04034b50) throw new ZipError(`${entry.name}: damaged local header`);
  const start = entry.localOffset + 30 + u16(d, entry.localOffset + 26) + u16(d, entry.localOffset + 28);
  need(d, start, entry.compressedSize);
  const packed = d.subarray(start, start + entry.compressedSize);
  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ZipError(`${entry.name}: stored entry whose sizes differ`);
    out = packed.slice();
  } else if (entry.method === 8) {
    out = new Uint8Array(entry.size);
    let length = 0;
    let overflow = false;
    const inflate = new Inflate((chunk) => {
      if (length + chunk.length > out.length) {
        overflow = true;
        throw new ZipError(`${entry.name}: unpacks to more than the ${entry.size} bytes its header declares`);
      }
      out.set(chunk, length);
      length += chunk.length;
    });
    const step = 64 * 1024;
    try {
      for (let i = 0; i < packed.length; i += step) inflate.push(packed.subarray(i, Math.min(packed.length, i + step)), i + step >= packed.length);
      if (packed.length === 0) inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof ZipError || overflow) throw error;
      throw new ZipError(`${entry.name}: the compressed data is damaged (${error instanceof Error ? error.message : String(error)})`);
    }
    if (length !== entry.size) throw new ZipError(`${entry.name}: unpacks to ${length} bytes but its header declares ${entry.size}`);
  } else {
    throw new ZipError(`${entry.name}: unsupported compression method ${entry.method} (only stored and deflate are read)`);
  }
  if (crc32(out) !== entry.crc) throw new ZipError(`${entry.name}: the CRC-32 checksum does not match (the archive is damaged)`);
  return out;
}

/**
 * Unpacks one archive into files. Directories and macOS metadata are skipped.
 * Fails with `invalid-format` for unsafe names, a damaged archive or an entry
 * whose content does not match its declared size or CRC-32, and `too-large`
 * beyond `MAX_ZIP_ENTRIES`, `MAX_ZIP_ENTRY_BYTES` or `MAX_ZIP_UNPACKED_BYTES`
 * (checked before anything is unpacked).
 */
export function unzipFiles(file: FormatFile): Result<FormatFile[]> {
  const data = typeof file.data === 'string' ? strToU8(file.data, true) : file.data;
  const notZip = (message: string) => fail<FormatFile[]>('invalid-format', `${file.path} is not a readable zip archive: ${message}`, [{ file: file.path, message: `not a readable zip archive: ${message}` }]);
  let entries: ZipEntry[];
  try {
    entries = readDirectory(data).filter((e) => !(e.name.endsWith('/') || e.name.startsWith('__MACOSX/') || /(^|\/)\.DS_Store$/.test(e.name)));
  } catch (error) {
    if (error instanceof ZipError) return notZip(error.message);
    throw error;
  }
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  const big = entries.find((e) => e.size > MAX_ZIP_ENTRY_BYTES);
  if (entries.length > MAX_ZIP_ENTRIES || unpacked > MAX_ZIP_UNPACKED_BYTES || big) {
    const message = big
      ? `entry ${big.name} would unpack to ${big.size} bytes; the limit is ${MAX_ZIP_ENTRY_BYTES}`
      : `archive exceeds ${MAX_ZIP_ENTRIES} entries or ${MAX_ZIP_UNPACKED_BYTES} unpacked bytes`;
    return fail('too-large', `${file.path}: ${message}`, [{ file: file.path, message }]);
  }
  const problems: Problem[] = entries
    .filter((e) => safeRelativePath(e.name) === undefined)
    .map((e) => ({ file: file.path, record: e.name, message: 'entry name is absolute or climbs out of the archive' }));
  if (problems.length > 0) return fail('invalid-format', `${file.path} has unsafe entry names`, problems);
  const out: FormatFile[] = [];
  try {
    for (const entry of entries) out.push({ path: safeRelativePath(entry.name)!, data: extract(data, entry) });
  } catch (error) {
    if (error instanceof ZipError) return notZip(error.message);
    throw error;
  }
  return ok(out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)));
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
    appendAll(out, entries.value);
  }
  return ok(out);
}

/** Packs files into one zip archive (UTF-8 names, deflated). */
export function zipFiles(files: FormatFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const f of files) tree[f.path] = typeof f.data === 'string' ? strToU8(f.data) : f.data;
  return zipSync(tree, { level: 6 });
}
