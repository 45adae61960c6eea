/**
 * Runs a format job for the main process: in a worker thread when the
 * worker's built file is known (the app), otherwise inline (the command line
 * and tests that do not need a responsive window). Progress and cancellation
 * go through the job's `TaskHandle`.
 */
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../../annotations/result';
import type { CorpusDocument } from '../../../annotations/model';
import { packFormatJob, runFormatJob, type FormatJob, type FormatJobDocuments, type FormatJobMessage, type FormatJobRequest, type FormatJobResult } from './format-job';
import { nextTurn } from './next-turn';
import type { TaskHandle } from './task-registry';

/** How long a cancelled worker may take to reach its next checkpoint before it is stopped outright. */
const CANCEL_GRACE_MS = 2000;
/** How long the main thread packs an export's documents before it lets other work in. */
const SLICE_MS = 10;

/**
 * Runs `job`, reporting to `task`; `workerFile` is the built `format-worker.js`, or null to run inline.
 * Resolves once a worker has stopped, so nothing it was writing is still being written.
 */
export async function runFormatJobWith<J extends FormatJob>(workerFile: string | null, job: J, task: TaskHandle): Promise<FormatJobResult<J>> {
  if (workerFile === null) {
    // Inline: the codec checks the flag between documents, so a cancel can only come from `task` itself.
    return (await runFormatJob(job, (done, total) => task.progress(done, total), () => task.isCancelled())) as FormatJobResult<J>;
  }
  return (await inWorker(workerFile, job, task)) as FormatJobResult<J>;
}

function inWorker(workerFile: string, job: FormatJob, task: TaskHandle): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const cancelFlag = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancelFlag);
    const worker = new Worker(workerFile);
    let settled = false;
    const settle = (result: Result<unknown>) => {
      if (settled) return;
      settled = true;
      void worker.terminate().then(() => resolve(result));
    };
    worker.on('message', (message: FormatJobMessage) => {
      if (message.type === 'progress') task.progress(message.done, message.total);
      // A cancel that reached us before the result did wins: the analyst asked for nothing to be written.
      else settle(Atomics.load(flag, 0) === 1 ? fail('cancelled', 'cancelled') : message.result);
    });
    worker.on('error', (error) => settle(fail('internal', `the format conversion failed: ${error.message}`)));
    worker.on('exit', (code) => settle(fail('internal', `the format conversion stopped unexpectedly (exit code ${code})`)));
    // An export's worker starts once it has every document; stopped before then, it has nothing to finish.
    let started = job.kind !== 'export';
    task.onCancel(() => {
      Atomics.store(flag, 0, 1);
      if (!started) settle(fail('cancelled', 'cancelled'));
      else setTimeout(() => settle(fail('cancelled', 'cancelled')), CANCEL_GRACE_MS).unref();
    });
    const request: FormatJobRequest = { job: packFormatJob(job), cancelFlag };
    worker.postMessage(request);
    if (job.kind === 'export') {
      void sendDocuments(worker, job.corpus.documents, () => settled || task.isCancelled()).then(() => {
        started = true;
      });
    }
  });
}

/**
 * Posts an export's documents to the worker a slice at a time, letting the
 * main thread answer the window between slices: packing a million
 * annotations at once held it for seconds.
 */
async function sendDocuments(worker: Worker, documents: readonly CorpusDocument[], stop: () => boolean): Promise<void> {
  let next = 0;
  while (next < documents.length) {
    if (stop()) return;
    const started = performance.now();
    const documentsJson: string[] = [];
    do documentsJson.push(JSON.stringify(documents[next++]));
    while (next < documents.length && performance.now() - started < SLICE_MS);
    const message: FormatJobDocuments = { documentsJson };
    worker.postMessage(message);
    await nextTurn();
  }
}
