/**
 * Runs a format job for the main process: in a worker thread when the
 * worker's built file is known (the app), otherwise inline (the command line
 * and tests that do not need a responsive window). Progress and cancellation
 * go through the job's `TaskHandle`.
 */
import { Worker } from 'node:worker_threads';
import { fail, type Result } from '../../../annotations/result';
import { packFormatJob, runFormatJob, type FormatJob, type FormatJobMessage, type FormatJobRequest, type FormatJobResult } from './format-job';
import type { TaskHandle } from './task-registry';

/** How long a cancelled worker may take to reach its next checkpoint before it is stopped outright. */
const CANCEL_GRACE_MS = 2000;

/** Runs `job`, reporting to `task`; `workerFile` is the built `format-worker.js`, or null to run inline. */
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
      void worker.terminate();
      resolve(result);
    };
    worker.on('message', (message: FormatJobMessage) => {
      if (message.type === 'progress') task.progress(message.done, message.total);
      // A cancel that reached us before the result did wins: nothing has been written yet, and the analyst asked for nothing to be.
      else settle(Atomics.load(flag, 0) === 1 ? fail('cancelled', 'cancelled') : message.result);
    });
    worker.on('error', (error) => settle(fail('internal', `the format conversion failed: ${error.message}`)));
    worker.on('exit', (code) => settle(fail('internal', `the format conversion stopped unexpectedly (exit code ${code})`)));
    task.onCancel(() => {
      Atomics.store(flag, 0, 1);
      setTimeout(() => settle(fail('cancelled', 'cancelled')), CANCEL_GRACE_MS).unref();
    });
    const request: FormatJobRequest = { job: packFormatJob(job), cancelFlag };
    worker.postMessage(request);
  });
}
