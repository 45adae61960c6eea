/**
 * An export written to the file the analyst chose, whole or not at all: the
 * data goes to a temporary file beside the target, fsynced and then renamed
 * over it once complete (and the folder fsynced, so the rename lasts too).
 * A cancel or a failure removes the temporary file and leaves whatever was
 * at the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExportOptions, FormatName } from '../../../annotations/formats/format';
import type { Corpus } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import { syncDirectory } from '../store/durable-file-adapter';
import type { ExportWritten } from './format-job';
import { runFormatJobWith } from './run-format-job';
import type { TaskHandle } from './task-registry';
import { writeParleyJsonFile } from './write-parley-json-file';

/** An export to run: the corpus in `format`, written to `target`. */
export interface ExportToFile {
  format: FormatName;
  corpus: Corpus;
  options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>;
  target: string;
}

/**
 * Runs `job`, reporting to `task`. Parley JSON is written and fsynced on this
 * thread a slice of documents at a time (`write-parley-json-file.ts`); the other
 * formats need the whole corpus, so they run in the format worker
 * (`workerFile`, or inline when null), which gets the documents a slice at a
 * time and writes the file, or the zip of its files, itself.
 */
export async function exportToFile(workerFile: string | null, job: ExportToFile, task: TaskHandle): Promise<Result<ExportWritten>> {
  const temporary = path.join(path.dirname(job.target), `.${path.basename(job.target)}.${randomBytes(6).toString('hex')}.part`);
  const written: Result<ExportWritten> =
    job.format === 'parley'
      ? await writeParleyJsonFile(temporary, job.corpus, job.options, task).then((r) => (r.ok ? ok({ files: 1, warnings: [] }) : r))
      : await runFormatJobWith(workerFile, { kind: 'export', format: job.format, corpus: job.corpus, options: job.options, path: temporary }, task).then((r) => (r.ok ? syncFile(temporary).then((synced) => (synced.ok ? r : synced)) : r));
  // A cancel seen only after the last document still wins: the analyst asked for nothing to be written.
  const result = written.ok && task.isCancelled() ? fail('cancelled', 'cancelled') : written;
  if (result.ok) {
    try {
      await rename(temporary, job.target);
    } catch (error) {
      await rm(temporary, { force: true });
      return fail('io-error', `could not write ${job.target}: ${(error as Error).message}`);
    }
    try {
      await syncDirectory(path.dirname(job.target));
    } catch (error) {
      return fail('io-error', `${job.target} was written, but its folder could not be flushed to the disk: ${(error as Error).message}`);
    }
    return result;
  }
  await rm(temporary, { force: true });
  return result.error.code === 'io-error' ? fail('io-error', `could not write ${job.target}: ${result.error.message}`) : result;
}

/** Flushes a file the worker wrote to the disk. */
async function syncFile(file: string): Promise<Result<void>> {
  try {
    // Opened for writing: Windows flushes only through a handle that may write.
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return ok(undefined);
  } catch (error) {
    return fail('io-error', (error as Error).message);
  }
}
