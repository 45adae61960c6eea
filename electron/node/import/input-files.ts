/**
 * Reading files the analyst names (dialogs, the command line, folders): the
 * size is checked on the open file before a byte is read, so a huge or sparse
 * file is refused at once and costs no memory; text is decoded the same strict
 * way everywhere (invalid UTF-8 is an error, never replaced).
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../../annotations/result';

/** "12.5 MB" */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

/**
 * The bytes of `file`, refused with `too-large` (naming `name`) if it holds
 * more than `maxBytes`: checked with fstat before reading, and again while
 * reading in case the file grows or reports no size (pipes, /proc). Fails
 * with `not-found`, `invalid-input` (not a regular file) or `io-error`.
 */
export async function readFileWithin(file: string, maxBytes: number, name = path.basename(file)): Promise<Result<Uint8Array>> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('not-found', `${name} does not exist`);
    if (code === 'EISDIR') return fail('invalid-input', `${name} is a folder, not a file`);
    return fail('io-error', `could not read ${name}: ${(error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return fail('invalid-input', `${name} is not a regular file`);
    const tooLarge = () => fail('too-large', `${name} is larger than ${megabytes(maxBytes)} (the limit for this kind of file)`);
    if (info.size > maxBytes) return fail('too-large', `${name} is ${megabytes(info.size)}; the limit for this kind of file is ${megabytes(maxBytes)}`);
    // One byte more than the size, to notice a file that grew since the stat.
    let buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(info.size + 1, 64 * 1024)));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return tooLarge();
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return tooLarge();
    return ok(new Uint8Array(buffer.buffer, buffer.byteOffset, length));
  } catch (error) {
    return fail('io-error', `could not read ${name}: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** `bytes` as UTF-8 text (a leading byte-order mark dropped), or `invalid-format` naming `name`. */
export function decodeUtf8(name: string, bytes: Uint8Array): Result<string> {
  try {
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('invalid-format', `${name} is not valid UTF-8 text`);
  }
}

/** `readFileWithin`, then `decodeUtf8`. */
export async function readTextWithin(file: string, maxBytes: number, name = path.basename(file)): Promise<Result<string>> {
  const bytes = await readFileWithin(file, maxBytes, name);
  return bytes.ok ? decodeUtf8(name, bytes.value) : bytes;
}
