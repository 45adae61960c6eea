/** Entry point of the worker thread that runs format conversions (see `format-job.ts`). */
import { parentPort } from 'node:worker_threads';
import { runFormatJob, unpackFormatJob, type AnyJobResult, type FormatJobMessage, type FormatJobRequest } from './format-job';

const port = parentPort;
if (!port) throw new Error('format-worker must run as a worker thread');

port.once('message', ({ job: packed, cancelFlag }: FormatJobRequest) => {
  const job = unpackFormatJob(packed);
  const flag = new Int32Array(cancelFlag);
  const post = (message: FormatJobMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  void Promise.resolve(runFormatJob(job, (done, total) => post({ type: 'progress', done, total }), () => Atomics.load(flag, 0) === 1)).then((result) => post({ type: 'done', result }, exportedBuffers(result)));
});

/**
 * The buffers of an export's binary files, handed over rather than copied: a
 * Parley JSON export of a million annotations is over 600 MB. The worker ends
 * after this message, so nothing here uses them again.
 */
function exportedBuffers(result: AnyJobResult): ArrayBuffer[] {
  if (!result.ok || !('files' in result.value)) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const file of result.value.files) {
    // A view over part of a buffer (or a shared pool) is copied as before: only whole, unshared buffers are moved.
    if (file.data instanceof Uint8Array && file.data.buffer instanceof ArrayBuffer && file.data.byteOffset === 0 && file.data.byteLength === file.data.buffer.byteLength) buffers.add(file.data.buffer);
  }
  return [...buffers];
}
