/**
 * Writes a corpus as Parley JSON to a new file on the calling thread, a
 * slice of documents at a time. Each document is written straight into UTF-8
 * bytes (`parleyJsonBytes`): no text of it is made, encoded or collected.
 * A slice fills one buffer while the file system writes the other, and
 * between slices the event loop turns, so the window's calls and a cancel
 * are answered. Sending the corpus to the format worker instead costs more
 * than writing it: a million annotations took seconds to turn into JSON for
 * the worker and more to read back there (see the export-app bench row).
 *
 * The data is flushed to the disk as it goes (`datasync` every few slices,
 * while the next are made), so the caller's final fsync before its rename
 * has little left to wait for.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { ExportOptions } from '../../../annotations/formats/format';
import { JsonBytes } from '../../../annotations/formats/json-bytes';
import { parleyJsonBytes } from '../../../annotations/formats/parley-json-bytes';
import type { Corpus } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { nativeTextSha256 } from '../store/check-document-file';
import { nextTurn } from './next-turn';
import type { TaskHandle } from './task-registry';

/** How long one slice of documents may hold the thread. */
const SLICE_MS = 10;
/** Bytes after which a slice is written even if it has taken less time. */
const SLICE_BYTES = 4 * 2 ** 20;
/** Bytes written between two flushes to the disk. */
const SYNC_BYTES = 64 * 2 ** 20;

/** Writes `corpus` as Parley JSON to `file`, which must not exist yet, and fsyncs it; progress and cancellation go through `task`. */
export async function writeParleyJsonFile(file: string, corpus: Corpus, options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>, task: TaskHandle): Promise<Result<void>> {
  const parts = parleyJsonBytes(corpus, options, nativeTextSha256);
  const total = corpus.documents.length;
  let handle: FileHandle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    return fail('io-error', (error as Error).message);
  }
  // Two buffers: one is filled while the file system writes the other.
  const buffers = [new JsonBytes(SLICE_BYTES + SLICE_BYTES / 4), new JsonBytes(SLICE_BYTES + SLICE_BYTES / 4)];
  let writing: Promise<void> = Promise.resolve();
  let syncing: Promise<void> = Promise.resolve();
  let unsynced = 0;
  let turn = 0;
  const write = async (out: JsonBytes) => {
    await writing;
    writing = writeAll(handle, out.view());
    // Seen when awaited; until then a failed write must not count as unhandled.
    writing.catch(() => undefined);
    unsynced += out.length;
    if (unsynced >= SYNC_BYTES) {
      unsynced = 0;
      // The bytes written so far go to the disk while the next slices are made; one flush at a time.
      const previous = syncing;
      const written = writing;
      syncing = Promise.all([previous, written]).then(() => handle.datasync());
      syncing.catch(() => undefined);
    }
  };
  try {
    let next = 0;
    while (next < total || turn === 0) {
      // The buffer written two slices ago: its write was awaited before the last slice's began.
      const out = buffers[turn++ % 2]!;
      out.clear();
      if (turn === 1) out.bytes(parts.head);
      const started = performance.now();
      while (next < total) {
        if (task.isCancelled()) return fail('cancelled', 'cancelled');
        task.progress(next, total);
        if (next > 0) out.bytes(parts.between);
        parts.document(next, out);
        next++;
        if (out.length >= SLICE_BYTES || performance.now() - started >= SLICE_MS) break;
      }
      if (next === total) out.bytes(parts.tail);
      await write(out);
      if (next < total) await nextTurn();
    }
    await writing;
    await syncing;
    await handle.sync();
    task.progress(total, total);
    return ok(undefined);
  } catch (error) {
    return fail('io-error', (error as Error).message);
  } finally {
    // Writes and flushes still on their way are waited for before the file is closed (and, on failure, removed by the caller).
    await writing.catch(() => undefined);
    await syncing.catch(() => undefined);
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.length) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
}
