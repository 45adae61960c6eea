/** Entry point of the worker thread that runs format conversions (see `format-job.ts`). */
import { parentPort } from 'node:worker_threads';
import { runFormatJob, unpackFormatJob, type FormatJobMessage, type FormatJobRequest } from './format-job';

const port = parentPort;
if (!port) throw new Error('format-worker must run as a worker thread');

port.once('message', ({ job: packed, cancelFlag }: FormatJobRequest) => {
  const job = unpackFormatJob(packed);
  const flag = new Int32Array(cancelFlag);
  const post = (message: FormatJobMessage) => port.postMessage(message);
  void Promise.resolve(runFormatJob(job, (done, total) => post({ type: 'progress', done, total }), () => Atomics.load(flag, 0) === 1)).then((result) => post({ type: 'done', result }));
});
