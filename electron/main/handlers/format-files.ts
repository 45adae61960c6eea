/** Reading interchange files chosen in a dialog: which extensions a format uses, and the files' contents. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormatFile, FormatName } from '../../../annotations/formats/format';
import { fail, ok, type Result } from '../../../annotations/result';

/** Largest interchange file read, in bytes. */
export const MAX_FORMAT_FILE_BYTES = 200 * 1024 * 1024;

/** File extensions the open dialog offers for `format`. */
export function formatExtensions(format: FormatName): string[] {
  switch (format) {
    case 'brat':
      return ['zip', 'ann', 'txt', 'conf'];
    case 'doccano':
    case 'spacy':
      return ['jsonl', 'json'];
    case 'conll':
      return ['conll', 'txt', 'iob'];
    case 'csv':
      return ['csv'];
    case 'w3c':
      return ['json', 'jsonld', 'jsonl'];
    default:
      return ['json'];
  }
}

/** Reads each file: a zip as bytes, anything else as UTF-8 text (invalid UTF-8 is an error, not replaced). */
export async function readFormatFiles(paths: readonly string[]): Promise<Result<FormatFile[]>> {
  const files: FormatFile[] = [];
  for (const file of paths) {
    const name = path.basename(file);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      return fail('io-error', `could not read ${name}: ${(error as Error).message}`);
    }
    if (bytes.byteLength > MAX_FORMAT_FILE_BYTES) return fail('too-large', `${name} is larger than ${MAX_FORMAT_FILE_BYTES / 1024 / 1024} MB`);
    if (name.toLowerCase().endsWith('.zip')) {
      files.push({ path: name, data: new Uint8Array(bytes) });
      continue;
    }
    try {
      files.push({ path: name, data: new TextDecoder('utf-8', { fatal: true }).decode(bytes) });
    } catch {
      return fail('invalid-format', `${name} is not valid UTF-8 text`);
    }
  }
  return ok(files);
}
