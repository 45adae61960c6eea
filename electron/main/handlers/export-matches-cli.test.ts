/**
 * The app's Export command and `parley export` write the same file: the app
 * writes Parley JSON document by document into a temporary file and runs the
 * other formats in the format worker, the command line runs the codec
 * whole, and the bytes must not tell them apart.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiInputSchemas } from '../../../shared/api';
import { runExport } from '../../cli/export-command';
import { capture } from '../../cli/test-support/capture-io';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

let workerFile = '';
beforeAll(async () => {
  workerFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-worker-')), 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, '../../node/tasks/format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
});

afterEach(async () => {
  await closeTestStores();
  vi.useRealTimers();
});

// Enough documents that the app's writer makes them in several slices.
const ARTICLES = Array.from({ length: 7 }, (_, i) => [
  { name: `talks-${i}.txt`, content: `Talks in Seoul, round ${i}\r\n\r\nThe 통일부 delegation met Noh Kyu-duk 🇰🇷 on 22 June 2021.\r\nSung Kim 👩🏽‍💼 answered for the working group.\r\n` },
  { name: `statement-${i}.txt`, content: `Joint statement ${i}\r\n\r\n남북 실무회담 resumed; the envoy 🕊️ thanked the Ministry of Unification.\r\n` },
]).flat();

/** A store with fourteen articles (CRLF line ends, Hangul, emoji) and spans on each, whose handlers use the real format worker; then closed, for the command line to open. */
async function annotatedStore() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => {}, formatWorker: workerFile });
  value(await api.importTexts({ files: ARTICLES }));
  for (const { document: doc } of opened.store.exportCorpus().documents) {
    const text = doc.text;
    const span = (quote: string, labelId: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, labelId });
    const spans = [span('통일부', 'policy-body'), span('Noh Kyu-duk 🇰🇷', 'actor'), span('22 June 2021', 'date'), span('남북 실무회담', 'policy-body'), span('envoy 🕊️', 'actor')].filter((s) => s.start >= 0);
    value(await api.addAnnotations({ documentId: doc.id, spans }));
  }
  return { dir, api, dialogs, store: opened.store };
}

describe('the app’s export and parley export', () => {
  it('write the same Parley JSON bytes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T08:00:00.000Z') });
    const { dir, api, dialogs, store } = await annotatedStore();
    const texts = store.exportCorpus().documents.map((d) => d.document.text);
    expect(texts.every((t) => t.includes('\r\n'))).toBe(true);
    const fromApp = path.join(dir, 'app.parley.json');
    dialogs.saves.push(fromApp);
    expect(value(await api.exportToDialog({ format: 'parley' }))).toEqual({ path: fromApp, warnings: [] });
    await closeTestStores();

    const fromCli = path.join(dir, 'cli.parley.json');
    const io = capture();
    expect(await runExport(['--out', fromCli, '--store', path.join(dir, 'store')], io.io)).toBe(0);
    const appBytes = await readFile(fromApp);
    expect(appBytes.equals(await readFile(fromCli))).toBe(true);
    const written = JSON.parse(appBytes.toString('utf8')) as { documents: Array<{ text: string; layers: Array<{ annotations: Array<{ quote: { exact: string } }> }> }> };
    expect(written.documents.map((d) => d.text)).toEqual(texts);
    expect(written.documents.flatMap((d) => d.layers.flatMap((l) => l.annotations.map((a) => a.quote.exact)))).toEqual(expect.arrayContaining(['통일부', 'Noh Kyu-duk 🇰🇷', '남북 실무회담', 'envoy 🕊️']));
    expect((await readdir(dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('write the same Parley JSON bytes with a colleague’s layer when the app exports every layer; by default the app writes the own layer alone', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T08:00:00.000Z') });
    const { dir, api, dialogs, store } = await annotatedStore();
    // A colleague's layer: the own layer as exported now, loaded back as a colleague's layer (Min-ji's, its author), then the own layer changed.
    const earlier = path.join(dir, 'colleague.parley.json');
    dialogs.saves.push(earlier);
    value(await api.exportToDialog({ format: 'parley' }));
    dialogs.opens.push([earlier]);
    value(await api.importLayerFromDialog({ format: 'parley' }));
    const first = store.exportCorpus().documents[0]!;
    value(await api.addAnnotations({ documentId: first.document.id, spans: [{ start: 0, end: 5, labelId: 'actor' }] }));
    const layersOf = async (file: string) => (JSON.parse(await readFile(file, 'utf8')) as { documents: Array<{ layers: Array<{ id: string }> }> }).documents.map((d) => d.layers.map((l) => l.id));

    const ownOnly = path.join(dir, 'own.parley.json');
    dialogs.saves.push(ownOnly);
    value(await api.exportToDialog({ format: 'parley' }));
    expect(new Set((await layersOf(ownOnly)).flat())).toEqual(new Set(['own']));
    const every = path.join(dir, 'every.parley.json');
    dialogs.saves.push(every);
    value(await api.exportToDialog({ format: 'parley', allLayers: true }));
    expect(new Set((await layersOf(every)).flat())).toEqual(new Set(['own', 'colleague:Min-ji']));
    await closeTestStores();

    const fromCli = path.join(dir, 'cli-every.parley.json');
    expect(await runExport(['--out', fromCli, '--store', path.join(dir, 'store')], capture().io)).toBe(0);
    expect((await readFile(every)).equals(await readFile(fromCli))).toBe(true);
  });

  it('takes layers named or every layer, not both', () => {
    const input = (extra: object) => apiInputSchemas.exportToDialog.safeParse({ format: 'parley', ...extra }).success;
    expect(input({ layerIds: ['own'], allLayers: true })).toBe(false);
    expect(input({ layerIds: ['own'] })).toBe(true);
    expect(input({ allLayers: true })).toBe(true);
    expect(input({ layerIds: ['own'], allLayers: false })).toBe(true);
  });

  it('write the same files into a zip for a format of several files', async () => {
    const { dir, api, dialogs } = await annotatedStore();
    const fromApp = path.join(dir, 'app-w3c.zip');
    dialogs.saves.push(fromApp);
    expect(value(await api.exportToDialog({ format: 'w3c' }))?.path).toBe(fromApp);
    await closeTestStores();

    const fromCli = path.join(dir, 'cli-w3c.zip');
    expect(await runExport(['--out', fromCli, '--format', 'w3c', '--store', path.join(dir, 'store')], capture().io)).toBe(0);
    // The zips' entries carry the time they were made; what each entry holds must be the same.
    const entries = async (file: string) => Object.fromEntries(Object.entries(unzipSync(await readFile(file))).map(([name, bytes]) => [name, strFromU8(bytes)]));
    const app = await entries(fromApp);
    expect(Object.keys(app)).toHaveLength(2 * ARTICLES.length);
    expect(app).toEqual(await entries(fromCli));
  });
});
