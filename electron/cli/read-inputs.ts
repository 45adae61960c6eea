/**
 * The CLI's file system edge: turns a path (a file, a folder, or a .zip) into
 * `FormatFile`s for the codecs, and writes codec output back to a path (a
 * file, a folder, or a .zip). Codecs never touch the file system.
 */
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FormatFile } from '../../annotations/formats/format';
import { isZipPath, safeRelativePath, zipFiles } from '../../annotations/formats/zip';
import type { Result } from '../../annotations/result';
import { fail, ok } from '../../annotations/result';
import { readFormatFile } from '../node/import/format-files';
import { megabytes } from '../node/import/input-files';

/** Most files read from one folder. */
export const MAX_INPUT_FILES = 20_000;
/** Most bytes read from one path, summed over its files. */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Reads a file (one `FormatFile` named by its base name), a folder (every
 * non-hidden file below it, paths relative to it with `/`), or a .zip (passed
 * whole; codecs unpack it). Files other than zips are decoded as strict UTF-8,
 * exactly as the app reads them. Every size is checked before the file is
 * read. Fails with `not-found`, `too-large`, `invalid-format` (not UTF-8) or
 * `io-error`, naming the file.
 */
export async function readInputs(inputPath: string): Promise<Result<FormatFile[]>> {
  let info;
  try {
    info = await stat(inputPath);
  } catch {
    return fail('not-found', `${inputPath} does not exist`);
  }
  try {
    if (info.isFile()) {
      const one = await readFormatFile(inputPath, path.basename(inputPath), MAX_INPUT_BYTES);
      return one.ok ? ok([one.value]) : renamed(one, path.basename(inputPath), inputPath);
    }
    if (!info.isDirectory()) return fail('invalid-input', `${inputPath} is neither a file nor a folder`);
    const files: FormatFile[] = [];
    let total = 0;
    const walk = async (dir: string, prefix: string): Promise<Result<void>> => {
      const entries = await readdir(dir, { withFileTypes: true });
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          const inner = await walk(full, rel);
          if (!inner.ok) return inner;
        } else if (entry.isFile()) {
          if (files.length >= MAX_INPUT_FILES) return fail('too-large', `${inputPath} holds more than ${MAX_INPUT_FILES} files`);
          const size = (await stat(full)).size;
          if (total + size > MAX_INPUT_BYTES) return fail('too-large', `${inputPath} holds more than ${megabytes(MAX_INPUT_BYTES)} (reached at ${rel}, ${megabytes(size)})`);
          const read = await readFormatFile(full, rel, MAX_INPUT_BYTES - total);
          if (!read.ok) return renamed(read, rel, full);
          total += size;
          files.push(read.value);
        }
      }
      return ok(undefined);
    };
    const walked = await walk(inputPath, '');
    if (!walked.ok) return walked;
    if (files.length === 0) return fail('invalid-input', `${inputPath} is an empty folder`);
    return ok(files);
  } catch (e) {
    return fail('io-error', `could not read ${inputPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A failure naming the file by the path the analyst typed. */
function renamed<T>(failed: Result<unknown> & { ok: false }, name: string, full: string): Result<T> {
  return fail(failed.error.code, failed.error.message.startsWith(name) ? `${full}${failed.error.message.slice(name.length)}` : failed.error.message);
}

/** Options for `writeOutputs`. */
export interface WriteOptions {
  /** Replace files that already exist (default: refuse with `conflict`). */
  overwrite?: boolean;
}

/** True when `outputPath` names one file rather than a folder or a zip: it has an extension, is not a .zip and is not an existing folder. */
export async function namesOneFile(outputPath: string): Promise<boolean> {
  if (isZipPath(outputPath) || path.extname(outputPath) === '') return false;
  const existing = await stat(outputPath).catch(() => undefined);
  return !existing?.isDirectory();
}

/**
 * Writes codec output: into a .zip when `outputPath` ends in `.zip`; to
 * `outputPath` itself when there is one file and the path names a file (has an
 * extension and is not a folder); otherwise into the folder `outputPath`,
 * created if needed. Returns the paths written. Refuses unsafe relative names.
 */
export async function writeOutputs(outputPath: string, files: FormatFile[], options: WriteOptions = {}): Promise<Result<string[]>> {
  for (const f of files) {
    if (safeRelativePath(f.path) === undefined) return fail('invalid-input', `refusing to write the unsafe file name ${f.path}`);
  }
  const targets: Array<{ to: string; data: string | Uint8Array }> = [];
  if (isZipPath(outputPath)) {
    targets.push({ to: outputPath, data: zipFiles(files) });
  } else if (files.length === 1 && (await namesOneFile(outputPath))) {
    targets.push({ to: outputPath, data: files[0]!.data });
  } else {
    for (const f of files) targets.push({ to: path.join(outputPath, ...safeRelativePath(f.path)!.split('/')), data: f.data });
  }
  if (!options.overwrite) {
    for (const t of targets) {
      const there = await stat(t.to).catch(() => undefined);
      if (there) return fail('conflict', `${t.to} already exists (use --force to replace it)`);
    }
  }
  try {
    for (const t of targets) {
      await mkdir(path.dirname(t.to), { recursive: true });
      await writeFile(t.to, t.data);
    }
  } catch (e) {
    return fail('io-error', `could not write ${outputPath}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return ok(targets.map((t) => t.to));
}
