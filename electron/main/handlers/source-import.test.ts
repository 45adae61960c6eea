/**
 * PDF, Word and saved pages through the app's Import dialog: read in the
 * format worker (the main process keeps running), with progress per page and
 * cancel, the originals kept in the store, and damaged files refused with the
 * store unchanged.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { build } from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TaskProgressEvent } from '../../../shared/api';
import { sha256Of } from '../../node/sources/original-files';
import { lockedPdf, makePdf, type PdfLine } from '../../node/sources/test-support/pdf-fixtures';
import { TaskRegistry } from '../../node/tasks/task-registry';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

let workerFile = '';
let longPdf: Uint8Array;
let shortPdf: Uint8Array;
let docx: Uint8Array;
const PAGES = 120;

beforeAll(async () => {
  workerFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'parley-worker-')), 'format-worker.js');
  await build({ entryPoints: [path.join(__dirname, '../../node/tasks/format-worker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'silent' });
  const page = (p: number): PdfLine[] => Array.from({ length: 40 }, (_, l) => ({ runs: `Part ${p + 1}.${l + 1}: the envoys reviewed the draft on sanctions relief.`, gapBefore: l % 10 === 0 ? 14 : 0 }));
  longPdf = await makePdf({ title: 'Long Review', footer: '#', pages: Array.from({ length: PAGES }, (_, p) => page(p)) });
  shortPdf = await makePdf({
    title: 'Talks in Geneva',
    author: 'Desk',
    pages: [[{ runs: 'Talks in Geneva', size: 18 }, { runs: 'The envoys met on Monday.', gapBefore: 14 }], [{ runs: [{ text: '통일부는 ', font: 'hangul' }, { text: 'welcomed it. 😀' }] }]],
  });
  docx = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: 'Memo on Reunions', heading: HeadingLevel.HEADING_1 }), new Paragraph('Family reunions were proposed.')] }] })));
}, 120_000);
afterEach(closeTestStores);

async function setup(onProgress: (e: TaskProgressEvent, tasks: TaskRegistry) => void = () => undefined) {
  const { dir, opened } = await openTestStore('Min-ji');
  const tasks: TaskRegistry = new TaskRegistry((e) => {
    if (e.type === 'progress') onProgress(e, tasks);
  });
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined, tasks, formatWorker: workerFile });
  return { dir, api, dialogs, store: opened.store };
}

async function files(dir: string, named: Record<string, Uint8Array>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, bytes] of Object.entries(named)) {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    paths.push(file);
  }
  return paths;
}

describe('importing sources through the dialog', () => {
  it('imports a PDF, a Word file and a saved page with titles, pages, metadata and originals', async () => {
    const { dir, api, dialogs, store } = await setup();
    const page = new TextEncoder().encode('<html><head><meta property="og:title" content="Seoul Responds"><meta property="og:site_name" content="Wire"></head><body><p>Seoul responded on Tuesday.</p></body></html>');
    dialogs.opens.push(await files(dir, { 'geneva.pdf': shortPdf, 'memo.docx': docx, 'seoul.html': page }));
    const report = value(await api.importFromDialog({}));
    expect(report!.problems).toEqual([]);
    expect(report!.added.map((a) => a.title)).toEqual(['Talks in Geneva', 'Memo on Reunions', 'Seoul Responds']);
    const pdfDoc = value(await api.getDocument({ documentId: report!.added[0]!.id })).document;
    expect(pdfDoc.text).toBe('Talks in Geneva\n\nThe envoys met on Monday.\n\n통일부는 welcomed it. 😀');
    expect(pdfDoc.pages).toEqual([{ start: 0, end: 42 }, { start: 44, end: pdfDoc.text.length }]);
    expect(pdfDoc.metadata?.author).toBe('Desk');
    expect(value(await api.getDocument({ documentId: report!.added[2]!.id })).document.metadata).toEqual({ outlet: 'Wire' });
    expect((await readdir(path.join(store.dir, 'originals'))).sort()).toEqual([`${sha256Of(shortPdf)}.pdf`, `${sha256Of(docx)}.docx`, `${sha256Of(page)}.html`].sort());

    dialogs.opens.push(await files(dir, { 'renamed copy.pdf': shortPdf }));
    const again = value(await api.importFromDialog({}));
    expect(again!.added).toEqual([]);
    expect(again!.duplicates).toEqual([{ name: 'renamed copy.pdf', existingId: report!.added[0]!.id }]);
  });

  it(`reads a ${PAGES}-page PDF in the worker with progress, the main process running meanwhile`, async () => {
    const done: number[] = [];
    const { dir, api, dialogs } = await setup((e) => done.push(e.done));
    dialogs.opens.push(await files(dir, { 'long.pdf': longPdf }));
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const report = value(await api.importFromDialog({}))!.added;
    clearInterval(timer);
    console.log(`${PAGES}-page PDF through the dialog: ${((performance.now() - started) / 1000).toFixed(2)} s, longest stall of the main process ${longest.toFixed(0)} ms`);
    expect(report).toHaveLength(1);
    // Reading takes seconds; what the main process does itself (hashing, validating and writing the document) takes a fraction of one.
    // The bound leaves room for a loaded machine (178 ms in a run with the load average at 14), and stays far below the seconds
    // that reading in the main process would block it for.
    expect(longest).toBeLessThan(1_500);
    // Progress moves with the pages (in thousandths of a file), not only at the start and the end (the registry passes on a few a second).
    expect(new Set(done.filter((d) => d > 0 && d < 1000)).size).toBeGreaterThan(3);
  }, 120_000);

  it('cancels a long PDF part-way and leaves the store and its originals as they were', async () => {
    const { dir, api, dialogs, store } = await setup((e, tasks) => {
      if (e.done >= 300 && !e.finished) tasks.cancel(e.taskId);
    });
    dialogs.opens.push(await files(dir, { 'long.pdf': longPdf }));
    const result = await api.importFromDialog({});
    expect(result.ok ? 'ok' : result.error.code).toBe('cancelled');
    expect(store.listDocuments()).toEqual([]);
    expect(await readdir(path.join(store.dir, 'originals')).catch(() => [])).toEqual([]);
  }, 120_000);

  it('names a password-protected, a damaged and a scanned PDF among the problems and imports the rest', async () => {
    const { dir, api, dialogs, store } = await setup();
    const { makeImageOnlyPdf } = await import('../../node/sources/test-support/pdf-fixtures');
    dialogs.opens.push(await files(dir, { 'locked.pdf': await lockedPdf(shortPdf), 'cut.pdf': shortPdf.slice(0, 500), 'scan.pdf': await makeImageOnlyPdf(), 'memo.docx': docx }));
    const report = value(await api.importFromDialog({}));
    expect(report!.added.map((a) => a.title)).toEqual(['Memo on Reunions']);
    expect(report!.problems.map((p) => p.file)).toEqual(['locked.pdf', 'cut.pdf', 'scan.pdf']);
    expect(report!.problems[0]!.message).toMatch(/protected by a password/u);
    expect(report!.problems[1]!.message).toMatch(/could not be read as a PDF/u);
    expect(report!.problems[2]!.message).toMatch(/no text layer \(a scan\?\)/u);
    expect(await readdir(path.join(store.dir, 'originals'))).toEqual([`${sha256Of(docx)}.docx`]);
  });
});

describe('renaming documents and their originals', () => {
  it('renames any document, refusing an empty title, and the list shows the new name', async () => {
    const { api } = await setup();
    const [article] = value(await api.importTexts({ files: [{ name: 'a.txt', content: 'The envoys met in Seoul.' }] })).added;
    expect(value(await api.renameDocument({ documentId: article!.id, title: '  Envoys   in Seoul 🇰🇷 ' })).title).toBe('Envoys in Seoul 🇰🇷');
    expect(value(await api.listDocuments({}))[0]!.title).toBe('Envoys in Seoul 🇰🇷');
    const empty = await api.renameDocument({ documentId: article!.id, title: ' \n ' });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('invalid-input');
    expect(value(await api.getDocument({ documentId: article!.id })).document.title).toBe('Envoys in Seoul 🇰🇷');
  });

  it('opens a copy of the original under its own name, and says so when there is none or it was removed', async () => {
    const { dir, opened } = await openTestStore('Min-ji');
    const viewed: string[] = [];
    const dialogs = new QueuedDialogs();
    const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined, formatWorker: workerFile, openPath: async (file) => (viewed.push(file), '') });
    dialogs.opens.push(await files(dir, { 'geneva talks.pdf': shortPdf }));
    const [doc] = value(await api.importFromDialog({}))!.added;
    const shown = value(await api.openOriginal({ documentId: doc!.id })).opened;
    expect(path.basename(shown)).toBe('geneva talks.pdf');
    expect(viewed).toEqual([shown]);
    expect(sha256Of(new Uint8Array(await readFile(shown)))).toBe(sha256Of(shortPdf));

    const [plain] = value(await api.importTexts({ files: [{ name: 'b.txt', content: 'Plain words.' }] })).added;
    const none = await api.openOriginal({ documentId: plain!.id });
    expect(none.ok ? 'ok' : none.error.message).toMatch(/was not imported from a PDF, Word file or saved page/u);

    expect(value(await api.removeOriginal({ documentId: doc!.id }))).toEqual({ removed: true });
    expect(await readdir(path.join(opened.store.dir, 'originals'))).toEqual([]);
    const gone = await api.openOriginal({ documentId: doc!.id });
    expect(gone.ok ? 'ok' : gone.error.message).toMatch(/the original of “Talks in Geneva” \(geneva talks\.pdf\) is no longer in the store/u);
    expect(value(await api.getDocument({ documentId: doc!.id })).document.pages).toHaveLength(2);
    expect(value(await api.removeOriginal({ documentId: plain!.id }))).toEqual({ removed: false });
  });

  it('counts the originals in the store’s size, and a removed one leaves it with its annotations kept', async () => {
    const { dir, opened } = await openTestStore('Min-ji');
    const events: string[] = [];
    const dialogs = new QueuedDialogs();
    const api = createHandlers({ ...opened, dialogs, version: 'test', notify: (e) => events.push(e.type), formatWorker: workerFile });
    dialogs.opens.push(await files(dir, { 'geneva.pdf': shortPdf }));
    const [doc] = value(await api.importFromDialog({}))!.added;
    const { document } = value(await api.getDocument({ documentId: doc!.id }));
    const at = document.text.indexOf('통일부');
    value(await api.addAnnotations({ documentId: doc!.id, spans: [{ start: at, end: at + 3, labelId: 'policy-body' }] }));
    expect(value(await api.getDocument({ documentId: doc!.id })).originalKept).toBe(true);
    const before = value(await api.storeSize({}));
    expect(before.documents.count).toBe(1);
    expect(before.originals).toEqual({ count: 1, bytes: shortPdf.length });
    expect(before.totalBytes).toBe(before.documents.bytes + before.originals.bytes + before.backups.bytes + before.other.bytes);

    events.length = 0;
    expect(value(await api.removeOriginal({ documentId: doc!.id }))).toEqual({ removed: true });
    expect(events).toContain('library-changed');
    const after = value(await api.storeSize({}));
    expect(after.originals).toEqual({ count: 0, bytes: 0 });
    expect(after.totalBytes).toBeLessThan(before.totalBytes);
    const view = value(await api.getDocument({ documentId: doc!.id }));
    expect(view.originalKept).toBe(false);
    expect(view.document.pages).toHaveLength(2);
    expect(view.layers.find((l) => l.id === 'own')!.annotations.map((a) => a.quote.exact)).toEqual(['통일부']);
  });
});

describe('Parley JSON of a document extracted from a PDF', () => {
  it('carries its pages and original; a library holding the same file keeps the link, another keeps only the name', async () => {
    const { dir, api, dialogs } = await setup();
    dialogs.opens.push(await files(dir, { 'geneva.pdf': shortPdf }));
    const imported = value(await api.importFromDialog({}))!.added[0]!;
    const exportFile = path.join(dir, 'corpus.parley.json');
    dialogs.saves.push(exportFile);
    value(await api.exportToDialog({ format: 'parley' }));
    const json = JSON.parse(await readFile(exportFile, 'utf8')) as { documents: Array<{ original?: unknown; pages?: unknown[] }> };
    expect(json.documents[0]!.original).toEqual({ name: 'geneva.pdf', mediaType: 'application/pdf', sha256: sha256Of(shortPdf) });
    expect(json.documents[0]!.pages).toHaveLength(2);

    // A colleague's library that never held the PDF: pages and name, no link to a file it does not have.
    const elsewhere = await setup();
    elsewhere.dialogs.opens.push([exportFile]);
    const there = value(await elsewhere.api.importAnnotatedFromDialog({ format: 'parley' }))!.added[0]!;
    const thereDoc = value(await elsewhere.api.getDocument({ documentId: there.id })).document;
    expect(thereDoc.pages).toEqual(value(await api.getDocument({ documentId: imported.id })).document.pages);
    expect(thereDoc.originalName).toBe('geneva.pdf');
    expect(thereDoc.originalSha256).toBeUndefined();
    expect((await elsewhere.api.openOriginal({ documentId: there.id })).ok).toBe(false);

    // A library that holds the same file (its document deleted since): the link is kept, and the original opens.
    value(await api.deleteDocument({ documentId: imported.id }));
    dialogs.opens.push([exportFile]);
    const back = value(await api.importAnnotatedFromDialog({ format: 'parley' }))!.added[0]!;
    expect(value(await api.getDocument({ documentId: back.id })).document.originalSha256).toBe(sha256Of(shortPdf));
  });
});
