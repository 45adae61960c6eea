/**
 * Writes a corpus as Parley JSON to a new file on the calling thread, a
 * slice at a time. Each document is written straight into UTF-8 bytes
 * (`parleyJsonBytes`): no text of it is made, encoded or collected. A slice
 * (10 ms of work, a few documents or part of a long one) fills one buffer
 * while the file system writes the other, and between slices the event loop
 * turns, so the window's calls and a cancel are answered. Sending the corpus to the format worker instead costs more
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
  // Two buffers: `out` is filled while the file system writes `spare`'s bytes.
  const out = new JsonBytes(SLICE_BYTES + SLICE_BYTES / 4);
  const spare = new JsonBytes(SLICE_BYTES + SLICE_BYTES / 4);
  let writing: Promise<void> = Promise.resolve();
  let syncing: Promise<void> = Promise.resolve();
  let unsynced = 0;
  /** Hands what `out` holds to the file system, once it has written the slice before. */
  const flush = async () => {
    await writing;
    out.exchange(spare);
    out.clear();
    writing = writeAll(handle, spare.view());
    // Seen when awaited; until then a failed write must not count as unhandled.
    writing.catch(() => undefined);
    unsynced += spare.length;
    if (unsynced >= SYNC_BYTES) {
      unsynced = 0;
      // What is written so far goes to the disk while the next slices are made; one flush at a time.
      const written = writing;
      syncing = Promise.all([syncing, written]).then(() => handle.datasync());
      syncing.catch(() => undefined);
    }
  };
  try {
    out.bytes(parts.head);
    let started = performance.now();
    /** Whether the slice has taken its time or filled its buffer. */
    const sliceDone = () => out.length >= SLICE_BYTES || performance.now() - started >= SLICE_MS;
    /** Ends the slice: its bytes go to the file and the event loop turns. */
    const endSlice = async () => {
      await flush();
      await nextTurn();
      started = performance.now();
    };
    for (let next = 0; next < total; next++) {
      if (task.isCancelled()) return fail('cancelled', 'cancelled');
      task.progress(next, total);
      if (next > 0) out.bytes(parts.between);
      // A long document is written in steps, so it never holds the thread for long either.
      for (const _step of parts.document(next, out)) {
        if (!sliceDone()) continue;
        await endSlice();
        // A cancel asked for while the event loop turned is seen inside a long document too.
        if (task.isCancelled()) return fail('cancelled', 'cancelled');
      }
      if (sliceDone()) await endSlice();
    }
    out.bytes(parts.tail);
    await flush();
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
