/**
 * Long imports and exports through the handlers on a real store: they report
 * progress, and a cancel leaves the library and the disk as they were.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDocument } from '../../../annotations/document';
import { OWN_LAYER_ID } from '../../../annotations/model';
import type { TaskProgressEvent } from '../../../shared/api';
import type { Dialogs } from '../dialogs';
import { TaskRegistry } from '../../node/tasks/task-registry';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, value } from './handler-test-kit';

let workerFile = '';
beforeAll(async () => {
  workerFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-worker-')), 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, '../../node/tasks/format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
});

afterEach(closeTestStores);

class RecordingDialogs implements Dialogs {
  saveRequests = 0;
  constructor(private readonly target: string) {}
  async openFiles() {
    return null;
  }
  async saveFile() {
    this.saveRequests++;
    return this.target;
  }
}

/** Handlers over a fresh store whose task registry cancels a task (whose title matches `only`) once it reports `cancelAfter` units done. */
async function setup(cancelAfter: number | null, only = /./) {
  const { dir, opened: store } = await openTestStore('Min-ji');
  const events: TaskProgressEvent[] = [];
  let tick = 0;
  const tasks: TaskRegistry = new TaskRegistry(
    (e) => {
      if (e.type !== 'progress') return;
      events.push(e);
      if (cancelAfter !== null && only.test(e.task) && e.done >= cancelAfter && !e.finished) tasks.cancel(e.taskId);
    },
    () => (tick += 1000),
  );
  const target = path.join(dir, 'export.json');
  const dialogs = new RecordingDialogs(target);
  const api = createHandlers({ ...store, dialogs, version: 'test', notify: () => {}, tasks, formatWorker: workerFile });
  return { dir, api, dialogs, events, target, store: store.store, settings: store.settings };
}

const articles = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `briefing-${i}.txt`, content: `Briefing ${i}\n\nThe envoy met 통일부 officials on day ${i} 🇰🇷.` }));

async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'backups') await walk(full);
      } else if (!entry.name.endsWith('.lock')) files[path.relative(dir, full)] = await readFile(full, 'utf8');
    }
  };
  await walk(dir);
  return files;
}

describe('long tasks', () => {
  it('imports many articles with progress from start to finish', async () => {
    const { api, events } = await setup(null);
    const report = value(await api.importTexts({ files: articles(60) }));
    expect(report.added).toHaveLength(60);
    const dones = events.map((e) => e.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(events.at(-1)).toMatchObject({ finished: true, done: 120, total: 120, task: 'Importing 60 articles' });
  });

  it('a cancelled article import leaves the library and its files unchanged', async () => {
    const { api, store } = await setup(20);
    value(await api.importTexts({ files: [{ name: 'kept.txt', content: 'A document that was there before.' }] }));
    const before = await snapshot(store.dir);
    const cancelled = await api.importTexts({ files: articles(60) });
    expect(cancelled.ok ? 'imported' : cancelled.error.code).toBe('cancelled');
    expect(await snapshot(store.dir)).toEqual(before);
    expect(store.listDocuments().map((d) => d.title)).toEqual(['kept']);
  });

  it('a cancel between the store’s write batches removes what was written', async () => {
    const { store } = await setup(null);
    const before = await snapshot(store.dir);
    const docs = Array.from({ length: 30 }, (_, i) => ({
      document: createDocument({ title: `Doc ${i}`, source: `doc-${i}.txt`, text: `Text ${i} on the working group.`, now: '2026-11-22T09:00:00.000Z' }),
      layers: [{ id: OWN_LAYER_ID, kind: 'own' as const, author: 'Min-ji', annotations: [] }],
      decisions: [],
    }));
    let checks = 0;
    const result = await store.addDocuments(docs, { isCancelled: () => checks++ >= 2 });
    expect(result.ok ? 'added' : result.error.code).toBe('cancelled');
    // Two batches of eight had been written before the cancel was seen.
    expect(checks).toBe(3);
    expect(await snapshot(store.dir)).toEqual(before);
    expect(store.listDocuments()).toEqual([]);
  });

  it('asks for the file first, then exports with progress into it', async () => {
    const done = await setup(null);
    value(await done.api.importTexts({ files: articles(40) }));
    const written = value(await done.api.exportToDialog({ format: 'parley' }));
    expect(written?.path).toBe(done.target);
    expect(done.dialogs.saveRequests).toBe(1);
    const file = JSON.parse(await readFile(done.target, 'utf8')) as { documents: Array<{ title: string }> };
    expect(file.documents.map((d) => d.title)).toEqual(articles(40).map((a) => a.name.replace(/\.txt$/, '').replace('-', ' ')));
    const exportEvents = done.events.filter((e) => e.task === 'Exporting 40 documents as Parley JSON');
    expect(exportEvents.at(-1)).toMatchObject({ finished: true, done: 40, total: 40 });
    expect(await readdir(done.dir)).toEqual(['export.json', 'store']);
  });

  for (const format of ['parley', 'w3c'] as const) {
    it(`a cancelled ${format} export leaves the file that was there untouched and nothing beside it`, async () => {
      const cancelling = await setup(1, /^Exporting/);
      value(await cancelling.api.importTexts({ files: articles(400) }));
      await writeFile(cancelling.target, 'an earlier export, kept');
      const result = await cancelling.api.exportToDialog({ format });
      expect(result.ok ? 'exported' : result.error.code).toBe('cancelled');
      expect(cancelling.dialogs.saveRequests).toBe(1);
      expect(await readFile(cancelling.target, 'utf8')).toBe('an earlier export, kept');
      expect(await readdir(cancelling.dir)).toEqual(['export.json', 'store']);
    });
  }

  it('an export that cannot write says where, and leaves nothing behind', async () => {
    const failing = await setup(null);
    value(await failing.api.importTexts({ files: articles(3) }));
    const api = createHandlers({ store: failing.store, settings: failing.settings, incidents: [], dialogs: new RecordingDialogs(path.join(failing.dir, 'no-such-folder', 'export.json')), version: 'test', notify: () => {}, formatWorker: workerFile });
    const result = await api.exportToDialog({ format: 'parley' });
    expect(result.ok ? 'exported' : `${result.error.code}: ${result.error.message}`).toMatch(/^io-error: could not write .*no-such-folder.*export\.json: /);
    expect(await readdir(failing.dir)).toEqual(['store']);
  });
});
