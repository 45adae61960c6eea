/** Entry point of the worker thread that runs format conversions (see `format-job.ts`). */
import { parentPort } from 'node:worker_threads';
import type { CorpusDocument } from '../../../annotations/model';
import { runFormatJob, unpackDocuments, unpackFormatJob, type FormatJobDocuments, type FormatJobMessage, type FormatJobRequest, type PackedFormatJob } from './format-job';

const port = parentPort;
if (!port) throw new Error('format-worker must run as a worker thread');

port.once('message', ({ job: packed, cancelFlag }: FormatJobRequest) => {
  const flag = new Int32Array(cancelFlag);
  const post = (message: FormatJobMessage) => port.postMessage(message);
  const run = (documents: CorpusDocument[]) => {
    const job = unpackFormatJob(packed, documents);
    void Promise.resolve(runFormatJob(job, (done, total) => post({ type: 'progress', done, total }), () => Atomics.load(flag, 0) === 1)).then((result) => post({ type: 'done', result }));
  };
  const expected = documentsToCome(packed);
  if (expected === 0) return run([]);
  // An export's documents come after the request, a slice at a time; each slice is read as it arrives.
  const documents: CorpusDocument[] = [];
  port.on('message', (message: FormatJobDocuments) => {
    for (const d of unpackDocuments(message)) documents.push(d);
    if (documents.length === expected) run(documents);
  });
});

function documentsToCome(packed: PackedFormatJob): number {
  return packed.kind === 'export' ? packed.documentCount : 0;
}
