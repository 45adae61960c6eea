/**
 * Writes a corpus as Parley JSON to a new file on the calling thread, a
 * slice of documents at a time. Parley JSON is made document by document
 * (`parleyJsonText`), so nothing needs the whole corpus at once: each slice
 * is made, encoded into a buffer and handed to the file system, which writes
 * it while the next slice is made, and between slices the event loop turns,
 * so the window's calls and a cancel are answered. Sending the corpus to the
 * format worker instead costs more than making the text: a million
 * annotations took seconds to turn into JSON for the worker and more to read
 * back there (see the export-app bench row).
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { ExportOptions } from '../../../annotations/formats/format';
import { parleyJsonText } from '../../../annotations/formats/parley-json';
import type { Corpus } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { nextTurn } from './next-turn';
import type { TaskHandle } from './task-registry';

/** How long one slice of documents may hold the thread. */
const SLICE_MS = 10;
/** Characters of text after which a slice is written even if it has taken less time. */
const SLICE_CHARS = 4 * 2 ** 20;
/** UTF-8 takes at most three bytes for one UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

/** Writes `corpus` as Parley JSON to `file`, which must not exist yet; progress and cancellation go through `task`. */
export async function writeParleyJsonFile(file: string, corpus: Corpus, options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>, task: TaskHandle): Promise<Result<void>> {
  const text = parleyJsonText(corpus, options);
  const total = corpus.documents.length;
  let handle: FileHandle;
  try {
    handle = await open(file, 'wx');
  } catch (error) {
    return fail('io-error', (error as Error).message);
  }
  // Two buffers: one is filled while the file system writes the other.
  const buffers = [Buffer.allocUnsafe(SLICE_CHARS * MAX_UTF8_PER_UNIT), Buffer.allocUnsafe(SLICE_CHARS * MAX_UTF8_PER_UNIT)];
  let writing: Promise<void> = Promise.resolve();
  let turn = 0;
  const write = async (pieces: readonly string[], length: number) => {
    const capacity = length * MAX_UTF8_PER_UNIT;
    // A document longer than a slice gets a buffer of its own.
    const buffer = capacity <= buffers[turn % 2]!.length ? buffers[turn % 2]! : Buffer.allocUnsafe(capacity);
    turn++;
    let bytes = 0;
    for (const piece of pieces) bytes += buffer.write(piece, bytes);
    await writing;
    writing = writeAll(handle, buffer, bytes);
    // Seen when awaited; until then a failed write must not count as unhandled.
    writing.catch(() => undefined);
  };
  try {
    let next = 0;
    let pieces = [text.head];
    let length = text.head.length;
    while (next < total) {
      const started = performance.now();
      do {
        if (task.isCancelled()) return fail('cancelled', 'cancelled');
        task.progress(next, total);
        // Written one by one, never joined: joining would copy each document's text before it is encoded.
        const piece = text.document(next);
        if (next > 0) pieces.push(text.between);
        pieces.push(piece);
        length += piece.length + text.between.length;
        next++;
      } while (next < total && length < SLICE_CHARS && performance.now() - started < SLICE_MS);
      await write(pieces, length);
      pieces = [];
      length = 0;
      await nextTurn();
    }
    pieces.push(text.tail);
    await write(pieces, length + text.tail.length);
    await writing;
    task.progress(total, total);
    return ok(undefined);
  } catch (error) {
    return fail('io-error', (error as Error).message);
  } finally {
    // A write still on its way is waited for before the file is closed (and, on failure, removed by the caller).
    await writing.catch(() => undefined);
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer, bytes: number): Promise<void> {
  let at = 0;
  while (at < bytes) at += (await handle.write(buffer, at, bytes - at)).bytesWritten;
}
