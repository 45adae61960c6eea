/**
 * Format conversions in a real worker thread: the worker is the production
 * entry point, bundled with esbuild as the app's build bundles it.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { defaultLabelSchema } from '../../../annotations/labels';
import { OWN_LAYER_ID, type Corpus } from '../../../annotations/model';
import type { ParleyEvent, TaskProgressEvent } from '../../../shared/api';
import { runFormatJobWith } from './run-format-job';
import { TaskRegistry } from './task-registry';

const NOW = '2026-11-22T09:00:00.000Z';
let workerFile = '';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'parley-worker-'));
  workerFile = path.join(dir, 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, 'format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
});

/** A corpus of `n` short documents with two annotations each. */
function corpus(n: number): Corpus {
  const documents = Array.from({ length: n }, (_, i) => {
    const text = `Report ${i}: the Ministry of Unification met 통일부 staff on 22 June 2021 🇰🇷.`;
    const document = createDocument({ title: `Report ${i}`, source: `report-${i}.txt`, text, now: NOW });
    const at = (quote: string, labelId: string) => {
      const start = text.indexOf(quote);
      const made = createAnnotation(text, { documentId: document.id, start, end: start + quote.length, labelId, author: 'Min-ji', now: NOW });
      if (!made.ok) throw new Error(made.error.message);
      return made.value;
    };
    return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own' as const, author: 'Min-ji', annotations: [at('Ministry of Unification', 'policy-body'), at('22 June 2021', 'date')] }], decisions: [] };
  });
  return { labels: defaultLabelSchema(), documents };
}

/** A clock on which every reading is a second after the last, so no progress report is held back. */
function tickingClock(): () => number {
  let t = 0;
  return () => (t += 1000);
}

function watch() {
  const events: TaskProgressEvent[] = [];
  const tasks = new TaskRegistry((e: ParleyEvent) => {
    if (e.type === 'progress') events.push(e);
  }, tickingClock());
  return { tasks, events };
}

describe('runFormatJobWith', () => {
  it('exports in a worker thread, getting the documents a slice at a time, and writes the same file as inline, reporting progress', async () => {
    const input = corpus(300);
    const inlinePath = path.join(dir, 'inline.csv.zip');
    const inline = await runFormatJobWith(null, { kind: 'export', format: 'csv', corpus: input, options: { now: NOW }, path: inlinePath }, new TaskRegistry(() => {}).begin('inline'));
    const { tasks, events } = watch();
    const task = tasks.begin('Exporting 300 documents as csv');
    const threadedPath = path.join(dir, 'threaded.csv.zip');
    const threaded = await runFormatJobWith(workerFile, { kind: 'export', format: 'csv', corpus: input, options: { now: NOW }, path: threadedPath }, task);
    task.end();
    expect(threaded).toEqual(inline);
    expect(threaded).toMatchObject({ ok: true, value: { files: 301 } });
    const files = (bytes: Buffer) => Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
    const written = files(await readFile(threadedPath));
    expect(written).toEqual(files(await readFile(inlinePath)));
    expect(written['annotations.csv']!.split('\n').filter(Boolean)).toHaveLength(1 + 600);
    const progress = events.filter((e) => !e.finished && e.total > 0);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.map((e) => e.done)).toEqual([...progress.map((e) => e.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ done: 300, total: 300 });
  });

  it('imports in a worker thread and keeps every annotation', async () => {
    const exportedPath = path.join(dir, 'reports.jsonl');
    const exported = await runFormatJobWith(null, { kind: 'export', format: 'doccano', corpus: corpus(50), options: { now: NOW }, path: exportedPath }, new TaskRegistry(() => {}).begin('x'));
    if (!exported.ok) throw new Error(exported.error.message);
    const { tasks } = watch();
    const files = [{ path: 'reports.jsonl', data: await readFile(exportedPath, 'utf8') }];
    const imported = await runFormatJobWith(workerFile, { kind: 'import', format: 'doccano', files, options: { labels: defaultLabelSchema(), author: 'Jun', now: NOW } }, tasks.begin('Importing'));
    if (!imported.ok) throw new Error(imported.error.message);
    expect(imported.value.corpus.documents).toHaveLength(50);
    expect(imported.value.corpus.documents.flatMap((d) => d.layers.flatMap((l) => l.annotations)).map((a) => a.quote.exact).slice(0, 2)).toEqual(['Ministry of Unification', '22 June 2021']);
  });

  it('stops a worker when the task is cancelled, and says so', async () => {
    const events: TaskProgressEvent[] = [];
    let taskId = '';
    const tasks: TaskRegistry = new TaskRegistry(
      (e) => {
        if (e.type !== 'progress') return;
        events.push(e);
        // Cancel as soon as the worker reports that it has started on the documents.
        if (e.done > 0 && !e.finished) tasks.cancel(taskId);
      },
      tickingClock(),
    );
    const task = tasks.begin('Exporting 20,000 documents as w3c');
    taskId = task.id;
    const result = await runFormatJobWith(workerFile, { kind: 'export', format: 'w3c', corpus: corpus(20_000), options: { now: NOW }, path: path.join(dir, 'cancelled.zip') }, task);
    task.end();
    expect(result.ok ? 'finished' : result.error.code).toBe('cancelled');
    const reported = events.filter((e) => e.total > 0);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.at(-1)!.done).toBeLessThan(20_000);
    expect(await readdir(dir)).not.toContain('cancelled.zip');
  });

  it('reports a worker that cannot start as an error, not a crash', async () => {
    const { tasks } = watch();
    const result = await runFormatJobWith(path.join(os.tmpdir(), 'no-such-worker.js'), { kind: 'export', format: 'csv', corpus: corpus(1), options: {}, path: path.join(dir, 'never.zip') }, tasks.begin('x'));
    expect(result.ok ? 'ok' : result.error.code).toBe('internal');
  });
});
