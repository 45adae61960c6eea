import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Of } from '../node/sources/original-files';
import { makePdf } from '../node/sources/test-support/pdf-fixtures';
import { ParleyStore } from '../node/store/parley-store';
import { main } from './parley';
import { capture } from './test-support/capture-io';

let pdf: Uint8Array;
let docx: Uint8Array;

beforeAll(async () => {
  pdf = await makePdf({
    title: 'Envoys Return to Talks',
    author: 'Research Desk',
    creationDate: new Date('2025-02-11T08:00:00Z'),
    footer: '- # -',
    pages: [
      [{ runs: 'Envoys Return to Talks', size: 18 }, { runs: 'The envoys met in Geneva and began negoti-', gapBefore: 14 }, { runs: 'ations on a joint text.' }],
      [{ runs: [{ text: '통일부는 ', font: 'hangul' }, { text: 'welcomed the talks. 😀' }] }],
    ],
  });
  const doc = new Document({ creator: 'Desk', sections: [{ children: [new Paragraph({ text: 'Ministry Memo', heading: HeadingLevel.HEADING_1 }), new Paragraph('The ministry proposed family reunions.')] }] });
  docx = new Uint8Array(await Packer.toBuffer(doc));
}, 60_000);

async function storeDocs(store: string) {
  const opened = await ParleyStore.open(store);
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.value.store.listDocuments().map((s) => {
      const view = opened.value.store.getDocument(s.id);
      if (!view.ok) throw new Error(view.error.message);
      return view.value.document;
    });
  } finally {
    await opened.value.store.close();
  }
}

describe('parley import of PDF, Word and saved pages', () => {
  it('imports a PDF and a Word file with their own titles, metadata and pages, and keeps the originals', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-sources-'));
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'envoys_2025.pdf'), pdf);
    await writeFile(path.join(dir, 'memo.docx'), docx);
    const run = capture();
    expect(await main(['import', path.join(dir, 'envoys_2025.pdf'), path.join(dir, 'memo.docx'), '--store', store], run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^2 imported, 0 already present/u);
    const docs = await storeDocs(store);
    const fromPdf = docs.find((d) => d.source === 'envoys_2025.pdf')!;
    expect(fromPdf.title).toBe('Envoys Return to Talks');
    expect(fromPdf.text).toBe('Envoys Return to Talks\n\nThe envoys met in Geneva and began negotiations on a joint text.\n\n통일부는 welcomed the talks. 😀');
    expect(fromPdf.metadata).toEqual({ author: 'Research Desk', publishedAt: '2025-02-11' });
    expect(fromPdf.pages!.map((p) => fromPdf.text.slice(p.start, p.end))).toEqual(['Envoys Return to Talks\n\nThe envoys met in Geneva and began negotiations on a joint text.', '통일부는 welcomed the talks. 😀']);
    expect(fromPdf.originalSha256).toBe(sha256Of(pdf));
    expect(fromPdf.originalName).toBe('envoys_2025.pdf');
    const fromDocx = docs.find((d) => d.source === 'memo.docx')!;
    expect(fromDocx.title).toBe('Ministry Memo');
    expect(fromDocx.text).toBe('Ministry Memo\n\nThe ministry proposed family reunions.');
    const kept = (await readdir(path.join(store, 'originals'))).sort();
    expect(kept).toEqual([`${sha256Of(docx)}.docx`, `${sha256Of(pdf)}.pdf`].sort());
    expect(new Uint8Array(await readFile(path.join(store, 'originals', `${sha256Of(pdf)}.pdf`)))).toEqual(pdf);
  });

  it('recognises the same file imported again, under another name too', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-sources-'));
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'a.pdf'), pdf);
    await writeFile(path.join(dir, 'copy of a.pdf'), pdf);
    expect(await main(['import', path.join(dir, 'a.pdf'), '--store', store], capture().io)).toBe(0);
    const again = capture();
    expect(await main(['import', path.join(dir, 'copy of a.pdf'), '--store', store], again.io)).toBe(0);
    expect(again.out).toContain('  already in the library: copy of a.pdf');
    expect(again.out.at(-1)).toMatch(/^0 imported, 1 already present/u);
    expect(await storeDocs(store)).toHaveLength(1);
  });

  it('refuses a damaged PDF and a scan with a clear message, and imports nothing of the batch', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-sources-'));
    const store = path.join(dir, 'store');
    await writeFile(path.join(dir, 'good.docx'), docx);
    await writeFile(path.join(dir, 'cut.pdf'), pdf.slice(0, 700));
    const run = capture();
    expect(await main(['import', path.join(dir, 'good.docx'), path.join(dir, 'cut.pdf'), '--store', store], run.io)).toBe(1);
    expect(run.err.join('\n')).toMatch(/cut\.pdf could not be read as a PDF .*damaged or cut short/u);
    expect(run.err.join('\n')).toMatch(/nothing was imported/u);
    const opened = await ParleyStore.open(store);
    if (opened.ok) {
      expect(opened.value.store.listDocuments()).toHaveLength(0);
      await opened.value.store.close();
    }
    expect(await readdir(path.join(store, 'originals')).catch(() => [])).toEqual([]);
  });

  it('finds PDF and Word files in a folder beside articles', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'parley-sources-'));
    const folder = path.join(dir, 'inbox');
    await import('node:fs/promises').then((fs) => fs.mkdir(path.join(folder, 'reports'), { recursive: true }));
    await writeFile(path.join(folder, 'reports', 'envoys.pdf'), pdf);
    await writeFile(path.join(folder, 'memo.docx'), docx);
    await writeFile(path.join(folder, 'note.txt'), 'A short note on the talks.');
    await writeFile(path.join(folder, 'photo.jpg'), 'not really a photo');
    const run = capture();
    expect(await main(['import', folder, '--store', path.join(dir, 'store')], run.io)).toBe(0);
    expect(run.out.at(-1)).toMatch(/^3 imported, 0 already present, 1 skipped/u);
    const docs = await storeDocs(path.join(dir, 'store'));
    expect(docs.find((d) => d.source === 'envoys.pdf')?.originalPath).toBe('reports/envoys.pdf');
  });
});
