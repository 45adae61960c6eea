/**
 * Importing annotated files into one's own library, through the handler, on
 * real stores: new documents arrive with their annotations and labels;
 * documents already there get the annotations merged (by checksum, by id
 * after a small edit, or as the analyst confirmed, re-anchored by quote),
 * duplicates are skipped, orphans listed, and a bad file changes nothing.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

async function setup(author: string) {
  const { dir, opened: store } = await openTestStore(author);
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...store, dialogs, version: 'test', notify: () => {} });
  return { dir, api, dialogs, store: store.store };
}

const TEXT = 'Noh suggested terminating the working group.\r\n통일부 welcomed it 🇰🇷 on 22 June 2021.';

async function tagged() {
  const a = await setup('Min-ji');
  const [doc] = value(await a.api.importTexts({ files: [{ name: 'noh.txt', content: TEXT }] })).added;
  const labels = value(await a.api.getLabels({}));
  value(await a.api.saveLabels({ labels: [...labels.labels, { id: 'venue', name: 'Venue', color: '#7c3aed', shortcut: '7', description: 'Where a meeting takes place.' }], migrate: [] }));
  const span = (quote: string, labelId: string, note?: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length, labelId, ...(note ? { note } : {}) });
  value(await a.api.addAnnotations({ documentId: doc!.id, spans: [span('Noh', 'actor'), span('the working group', 'policy-body', 'the US–ROK group'), span('통일부', 'venue'), span('22 June 2021', 'date')] }));
  return { ...a, documentId: doc!.id };
}

async function exportAs(a: Awaited<ReturnType<typeof setup>>, format: 'parley' | 'doccano', name: string): Promise<string> {
  const file = path.join(a.dir, name);
  a.dialogs.saves.push(file);
  value(await a.api.exportToDialog({ format }));
  return file;
}

async function storeFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const sub of ['', 'documents']) for (const name of await readdir(path.join(dir, sub))) if (name.endsWith('.json')) out[path.join(sub, name)] = await readFile(path.join(dir, sub, name), 'utf8');
  return out;
}

describe('importing annotated documents', () => {
  it('brings a colleague’s Parley file into an empty library with every annotation, note and label colour', async () => {
    const a = await tagged();
    const file = await exportAs(a, 'parley', 'minji.json');
    const b = await setup('Jun');
    b.dialogs.opens.push([file]);
    const report = value(await b.api.importAnnotatedFromDialog({ format: 'parley' }))!;
    expect(report.added.map((d) => d.title)).toEqual(['noh']);
    expect(report.labelsAdded).toEqual(['Venue']);
    expect(report.orphans).toEqual([]);
    const view = value(await b.api.getDocument({ documentId: report.added[0]!.id }));
    expect(view.document.text).toBe(TEXT);
    const own = view.layers.find((l) => l.id === 'own')!.annotations;
    expect(own.map((x) => [x.quote.exact, x.labelId, x.note ?? '', x.author])).toEqual([
      ['Noh', 'actor', '', 'Min-ji'],
      ['the working group', 'policy-body', 'the US–ROK group', 'Min-ji'],
      ['통일부', 'venue', '', 'Min-ji'],
      ['22 June 2021', 'date', '', 'Min-ji'],
    ]);
    expect(value(await b.api.getLabels({})).labels.find((l) => l.id === 'venue')).toMatchObject({ color: '#7c3aed', shortcut: '7' });
  });

  it('skips what is already there when the same file comes back, and changes nothing', async () => {
    const a = await tagged();
    const file = await exportAs(a, 'parley', 'again.json');
    const before = await storeFiles(a.store.dir);
    a.dialogs.opens.push([file]);
    const report = value(await a.api.importAnnotatedFromDialog({ format: 'parley' }))!;
    expect(report).toMatchObject({ added: [], merged: [], orphans: [], duplicatesSkipped: 4, labelsAdded: [] });
    expect(await storeFiles(a.store.dir)).toEqual(before);
  });

  it('merges annotations from a doccano file into the matching document, adds its unknown label, and one undo takes them out', async () => {
    const a = await tagged();
    const doccano = path.join(a.dir, 'extra.jsonl');
    const start = TEXT.indexOf('welcomed');
    // doccano counts code points; nothing before "welcomed" is outside the BMP, so they are the same here.
    await writeFile(doccano, `${JSON.stringify({ text: TEXT, label: [[0, 3, 'actor'], [start, start + 8, 'Stance']] })}\n`);
    a.dialogs.opens.push([doccano]);
    const report = value(await a.api.importAnnotatedFromDialog({ format: 'doccano' }))!;
    expect(report.added).toEqual([]);
    expect(report.duplicatesSkipped).toBe(1);
    expect(report.merged).toEqual([{ documentId: a.documentId, title: 'noh', layerId: 'own', count: 1, matchedBy: 'checksum' }]);
    expect(report.labelsAdded).toEqual(['Stance']);
    const own = () => a.api.getDocument({ documentId: a.documentId }).then((r) => value(r).layers.find((l) => l.id === 'own')!.annotations.map((x) => x.quote.exact));
    expect(await own()).toContain('welcomed');
    value(await a.api.undo({ documentId: a.documentId }));
    expect(await own()).toEqual(['Noh', 'the working group', '통일부', '22 June 2021']);
  });

  it('re-anchors annotations on a document whose text was edited since, once the analyst confirms the pairing, and lists the ones that no longer fit', async () => {
    const a = await tagged();
    const file = await exportAs(a, 'parley', 'old.json');
    const b = await setup('Jun');
    // Jun has the same article, lightly edited: a sentence added before, and the date gone.
    const edited = `Seoul, Monday.\n${TEXT.replace(' on 22 June 2021', '')}`;
    const [mine] = value(await b.api.importTexts({ files: [{ name: 'noh-edited.txt', content: edited }] })).added;
    b.dialogs.opens.push([file]);
    // Other ids and a changed text: only proposed (this once merged on its own when enough quotes re-anchored).
    const plan = value(await b.api.planAnnotatedImportFromDialog({ format: 'parley' }))!;
    expect(plan.pairings.map((p) => [p.incoming, p.documentId])).toEqual([[0, mine!.id]]);
    const report = value(await b.api.applyAnnotatedImport({ planId: plan.planId, merges: [{ incoming: 0, documentId: mine!.id }] }));
    expect(report.added).toEqual([]);
    expect(report.merged).toEqual([{ documentId: mine!.id, title: 'noh edited', layerId: 'own', count: 3, matchedBy: 'confirmed', similarity: plan.pairings[0]!.similarity }]);
    expect(report.orphans.map((o) => [o.quote, o.labelId])).toEqual([['22 June 2021', 'date']]);
    const own = value(await b.api.getDocument({ documentId: mine!.id })).layers.find((l) => l.id === 'own')!.annotations;
    for (const x of own) expect(edited.slice(x.start, x.end)).toBe(x.quote.exact);
  });

  it('refuses a broken file with the problems named, and leaves the store byte for byte as it was', async () => {
    const a = await tagged();
    const before = await storeFiles(a.store.dir);
    const bad = path.join(a.dir, 'bad.jsonl');
    await writeFile(bad, `${JSON.stringify({ text: 'Short text.', label: [[3, 99, 'actor']] })}\n{"text": "unterminated\n`);
    a.dialogs.opens.push([bad]);
    const result = await a.api.importAnnotatedFromDialog({ format: 'doccano' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems?.length).toBeGreaterThanOrEqual(2);
    expect(result.error.problems!.map((p) => p.line)).toEqual(expect.arrayContaining([1, 2]));
    expect(await storeFiles(a.store.dir)).toEqual(before);
  });
});
