/** Reading interchange files chosen in a dialog: which extensions a format uses, and the files' contents. */
import path from 'node:path';
import type { FormatFile, FormatName } from '../../../annotations/formats/format';
import { formatInfo } from '../../../annotations/formats/format-table';
import { isArchivePath } from '../../../annotations/formats/zip';
import { ok, type Result } from '../../../annotations/result';
import { decodeUtf8, readFileWithin } from './input-files';

/** Largest interchange file read, in bytes. */
export const MAX_FORMAT_FILE_BYTES = 200 * 1024 * 1024;

/** File extensions the open dialog offers for `format`. */
export function formatExtensions(format: FormatName): string[] {
  return [...formatInfo(format).extensions];
}

/** Reads each file: a zip (or a REFI-QDA .qdpx) as bytes, anything else as UTF-8 text (invalid UTF-8 is an error, not replaced). Sizes are checked before reading. */
export async function readFormatFiles(paths: readonly string[]): Promise<Result<FormatFile[]>> {
  const files: FormatFile[] = [];
  for (const file of paths) {
    const read = await readFormatFile(file, path.basename(file));
    if (!read.ok) return read;
    files.push(read.value);
  }
  return ok(files);
}

/** One interchange file, as `readFormatFiles` reads it: named `name`, a zip or .qdpx as bytes, anything else as strict UTF-8 text. */
export async function readFormatFile(file: string, name: string, maxBytes = MAX_FORMAT_FILE_BYTES): Promise<Result<FormatFile>> {
  const bytes = await readFileWithin(file, maxBytes, name);
  if (!bytes.ok) return bytes;
  if (isArchivePath(name)) return ok({ path: name, data: bytes.value });
  const text = decodeUtf8(name, bytes.value);
  return text.ok ? ok({ path: name, data: text.value }) : text;
}
