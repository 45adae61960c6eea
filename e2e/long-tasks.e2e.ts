/**
 * Exporting a large collection: the window shows what is happening and how
 * far it has got, Cancel stops it without asking for a file or writing one,
 * and a second export runs to the end.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import { OWN_LAYER_ID, type Annotation, type CorpusDocument } from '../annotations/model';
import { ParleyStore } from '../electron/node/store/parley-store';
import { closeBrowser, launchParley, type ParleyHarness } from './support/harness';

let app: ParleyHarness | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});
afterAll(closeBrowser);

const DOCUMENTS = 600;
const ANNOTATIONS_PER_DOCUMENT = 300;
const NOW = '2026-11-22T09:00:00.000Z';

/** A store on disk holding a large tagged collection, written by the store itself. */
async function largeStore(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-large-'));
  const opened = await ParleyStore.open(dir);
  if (!opened.ok) throw new Error(opened.error.message);
  const { store } = opened.value;
  const sentence = 'On 22 June 2021 the Ministry of Unification said Noh Kyu-duk would meet Sung Kim. ';
  const docs: CorpusDocument[] = Array.from({ length: DOCUMENTS }, (_, d) => {
    const text = `Briefing ${d}\n\n${sentence.repeat(ANNOTATIONS_PER_DOCUMENT / 2)}`;
    const document = createDocument({ title: `Briefing ${d}`, source: `briefing-${d}.txt`, text, now: NOW });
    const annotations: Annotation[] = [];
    for (let s = 0; s < ANNOTATIONS_PER_DOCUMENT / 2; s++) {
      const base = text.indexOf(sentence) + s * sentence.length;
      for (const [quote, labelId] of [['Ministry of Unification', 'policy-body'], ['Noh Kyu-duk', 'actor']] as const) {
        const start = base + sentence.indexOf(quote);
        const made = createAnnotation(text, { documentId: document.id, start, end: start + quote.length, labelId, author: 'analyst', now: NOW });
        if (!made.ok) throw new Error(made.error.message);
        annotations.push(made.value);
      }
    }
    return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'analyst', annotations }], decisions: [] };
  });
  const added = await store.addDocuments(docs);
  if (!added.ok) throw new Error(added.error.message);
  await store.close();
  return dir;
}

describe('long exports', () => {
  // Writing a store of 180,000 annotations and exporting it twice takes minutes, not seconds, on a busy CI machine.
  it('shows progress, cancels without writing anything, and finishes when left alone', async () => {
    const storeDir = await largeStore();
    app = await launchParley({ storeDir, seedSamples: false });
    const { page } = app;
    await page.getByRole('button', { name: 'Briefing 0', exact: true }).waitFor();
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'parley-e2e-export-'));

    // Start exporting the whole library as W3C into a zip: the save dialog is answered first, then the export runs.
    const target = path.join(outDir, 'library.zip');
    app.dialogs.nextSave(target);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
    await exportDialog.getByRole('radio', { name: /The whole library/ }).check();
    await exportDialog.getByLabel('Format').selectOption('w3c');
    await exportDialog.getByRole('button', { name: 'Export…' }).click();

    const progress = page.getByRole('dialog', { name: `Exporting ${DOCUMENTS} documents as W3C Web Annotation` });
    await progress.waitFor();
    await expect.poll(async () => Number(await progress.getByRole('progressbar').getAttribute('max')), { timeout: 60_000 }).toBe(DOCUMENTS);
    await expect.poll(() => progress.getByText(new RegExp(`^[\\d,]+ of ${DOCUMENTS}$`)).count()).toBe(1);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await progress.waitFor({ state: 'detached' });
    await page.getByText('The export was cancelled; nothing was written.').waitFor();
    // Neither the zip nor the temporary file it was being written to.
    expect(await readdir(outDir)).toEqual([]);

    // The same export, left to finish, writes the file.
    app.dialogs.nextSave(target);
    await exportDialog.getByRole('button', { name: 'Export…' }).click();
    await page.getByText(`Written to ${target}`).waitFor({ timeout: 180_000 });
    await expect.poll(() => progress.count()).toBe(0);
    // Per document, its text and its W3C annotations, zipped together.
    const files = unzipSync(await readFile(target));
    const entries = Object.entries(files).filter(([name]) => !name.endsWith('.txt')).map(([, bytes]) => bytes);
    expect(entries).toHaveLength(DOCUMENTS);
    const quotes = entries.reduce((n, bytes) => n + strFromU8(bytes).split('"exact": "Noh Kyu-duk"').length - 1, 0);
    expect(quotes).toBe((DOCUMENTS * ANNOTATIONS_PER_DOCUMENT) / 2);
  }, 360_000);
});
