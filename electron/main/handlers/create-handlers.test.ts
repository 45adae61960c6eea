import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { findStoredDocument } from '../../node/store/replay-journal';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';

afterEach(closeTestStores);

async function setup(options: { seedSamples?: boolean } = { seedSamples: false }) {
  const { dir, opened: store } = await openTestStore('Min-ji', options);
  const dialogs = new QueuedDialogs();
  const events: string[] = [];
  const api = createHandlers({ ...store, dialogs, version: 'test', notify: (e) => events.push(e.type) });
  return { dir, api, dialogs, events, store: store.store };
}

const ARTICLE = 'Noh suggested terminating the working group.\r\n통일부 welcomed it 🇰🇷 on 22 June 2021.';

describe('importing articles', () => {
  it('imports text exactly, refuses what it cannot read, and does not import a text twice', async () => {
    const { api, events } = await setup();
    const report = value(
      await api.importTexts({
        files: [
          { name: 'noh.txt', content: ARTICLE },
          { name: 'page.html', content: '<html><head><title>Envoys meet</title><script>alert(1)</script></head><body><p>Sung Kim met Noh.</p></body></html>' },
          { name: 'slides.pdf', content: '%PDF' },
          { name: 'again.txt', content: ARTICLE },
        ],
      }),
    );
    expect(report.added.map((d) => d.title)).toEqual(['noh', 'Envoys meet']);
    expect(report.duplicates).toEqual([{ name: 'again.txt', existingId: report.added[0]!.id }]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]!.file).toBe('slides.pdf');
    const stored = value(await api.getDocument({ documentId: report.added[0]!.id }));
    expect(stored.document.text).toBe(ARTICLE);
    const html = value(await api.getDocument({ documentId: report.added[1]!.id }));
    expect(html.document.text).toBe('Sung Kim met Noh.');
    expect(events).toContain('library-changed');
  });

  it('seeds the sample corpus once, on first run only', async () => {
    const { api, store } = await setup({ seedSamples: true });
    const docs = value(await api.listDocuments({}));
    expect(docs.length).toBeGreaterThanOrEqual(3);
    value(await api.deleteDocument({ documentId: docs[0]!.id }));
    await closeTestStores();
    const again = trackTestStore(value(await openAppStore(store.dir, 'Min-ji')));
    expect(again.store.listDocuments()).toHaveLength(docs.length - 1);
  });
});

describe('tagging', () => {
  async function withArticle() {
    const ctx = await setup();
    const [doc] = value(await ctx.api.importTexts({ files: [{ name: 'noh.txt', content: ARTICLE }] })).added;
    return { ...ctx, documentId: doc!.id };
  }

  it('stores a span with its quote and context, and the author from the settings', async () => {
    const { api, documentId, store } = await withArticle();
    const start = ARTICLE.indexOf('the working group');
    const change = value(await api.addAnnotations({ documentId, spans: [{ start, end: start + 17, labelId: 'policy-body' }] }));
    // The handler answers with the change alone, not the whole document.
    expect(change).toMatchObject({ documentId, layerId: 'own', removed: [], undoLabel: 'Tag “the working group”', redoLabel: null });
    expect(change).not.toHaveProperty('document');
    const [a] = value(await api.getDocument({ documentId })).layers.find((l) => l.id === 'own')!.annotations;
    expect(change.added).toEqual([a]);
    expect(a).toMatchObject({ start, end: start + 17, labelId: 'policy-body', author: 'Min-ji', quote: { exact: 'the working group', prefix: 'Noh suggested terminating ' } });
    // On disk once answered: the store's own reading of its files (document file and journal) holds it.
    expect(JSON.stringify(await findStoredDocument(store.dir, documentId))).toContain('the working group');
  });

  it('refuses unknown labels, spans outside the text and spans that split an emoji, changing nothing', async () => {
    const { api, documentId } = await withArticle();
    const flag = ARTICLE.indexOf('🇰🇷');
    for (const span of [
      { start: 0, end: 3, labelId: 'nonsense' },
      { start: 0, end: ARTICLE.length + 1, labelId: 'actor' },
      { start: flag + 1, end: flag + 4, labelId: 'actor' },
      { start: 5, end: 5, labelId: 'actor' },
    ]) {
      const result = await api.addAnnotations({ documentId, spans: [{ start: 0, end: 3, labelId: 'actor' }, span] });
      expect(result.ok).toBe(false);
    }
    const view = value(await api.getDocument({ documentId }));
    expect(view.layers.find((l) => l.id === 'own')!.annotations).toEqual([]);
    expect(view.undoLabel).toBeNull();
  });

  it('undoes and redoes tagging, relabelling, notes and deletion, one step each', async () => {
    const { api, documentId } = await withArticle();
    const own = async () => value(await api.getDocument({ documentId })).layers.find((l) => l.id === 'own')!.annotations;
    const tagged = value(await api.addAnnotations({ documentId, spans: [{ start: 0, end: 3, labelId: 'actor' }, { start: 4, end: 43, labelId: 'position' }] }));
    expect(tagged.added).toHaveLength(2);
    const noh = (await own()).find((a) => a.labelId === 'actor')!;
    expect(value(await api.updateAnnotation({ documentId, annotationId: noh.id, note: 'ROK special representative' })).added[0]!.note).toBe('ROK special representative');
    expect((await own())[0]!.note).toBe('ROK special representative');
    const relabelled = value(await api.updateAnnotation({ documentId, annotationId: noh.id, labelId: 'policy-body' }));
    expect([relabelled.removed[0]!.labelId, relabelled.added[0]!.labelId]).toEqual(['actor', 'policy-body']);
    expect((await own())[0]!.labelId).toBe('policy-body');
    const deleted = value(await api.deleteAnnotations({ documentId, annotationIds: [noh.id] }));
    expect(deleted.removed.map((a) => a.id)).toEqual([noh.id]);
    expect(await own()).toHaveLength(1);
    const undone = value(await api.undo({ documentId }));
    expect(undone.added.map((a) => a.id)).toEqual([noh.id]);
    expect((await own()).find((a) => a.id === noh.id)).toMatchObject({ labelId: 'policy-body', note: 'ROK special representative' });
    value(await api.undo({ documentId }));
    expect((await own()).find((a) => a.id === noh.id)!.labelId).toBe('actor');
    value(await api.undo({ documentId }));
    expect((await own()).find((a) => a.id === noh.id)!.note).toBeUndefined();
    const last = value(await api.undo({ documentId }));
    expect(await own()).toEqual([]);
    expect(last.undoLabel).toBeNull();
    const redone = value(await api.redo({ documentId }));
    expect(redone.added).toHaveLength(2);
    expect(await own()).toHaveLength(2);
  });

  it('does not let the analyst edit a colleague\'s layer', async () => {
    const { api, documentId } = await withArticle();
    const result = await api.addAnnotations({ documentId, layerId: 'colleague:Sam', spans: [{ start: 0, end: 3, labelId: 'actor' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('exporting, loading a colleague\'s work, and review', () => {
  it('exports Parley JSON that a colleague\'s copy loads as a separate layer, then settles the differences', async () => {
    const me = await setup();
    const [doc] = value(await me.api.importTexts({ files: [{ name: 'noh.txt', content: ARTICLE }] })).added;
    const documentId = doc!.id;
    value(await me.api.addAnnotations({ documentId, spans: [{ start: 0, end: 3, labelId: 'actor' }, { start: 26, end: 43, labelId: 'policy-body' }] }));

    // The colleague imports the same text in their own store and tags it differently.
    const sam = await setup();
    value(await sam.api.setAuthor({ author: 'Sam' }));
    const [copy] = value(await sam.api.importTexts({ files: [{ name: 'copy.txt', content: ARTICLE }] })).added;
    value(await sam.api.addAnnotations({ documentId: copy!.id, spans: [{ start: 0, end: 3, labelId: 'actor' }, { start: 26, end: 43, labelId: 'position' }, { start: ARTICLE.indexOf('2021'), end: ARTICLE.indexOf('2021') + 4, labelId: 'date' }] }));
    const exportPath = path.join(sam.dir, 'sam.json');
    sam.dialogs.saves.push(exportPath);
    expect(value(await sam.api.exportToDialog({ format: 'parley' }))).toMatchObject({ path: exportPath });

    me.dialogs.opens.push([exportPath]);
    const report = value(await me.api.importLayerFromDialog({ format: 'parley' }));
    expect(report).toMatchObject({ layers: [{ documentId, layerId: 'colleague:Sam', author: 'Sam', count: 3, matchedBy: 'checksum' }], orphans: [], unmatched: [] });
    let view = value(await me.api.getDocument({ documentId }));
    expect(view.layers.find((l) => l.id === 'own')!.annotations).toHaveLength(2);

    value(await me.api.acceptAllAgreed({ documentId, theirsLayerId: 'colleague:Sam' }));
    view = value(await me.api.getDocument({ documentId }));
    expect(view.layers.find((l) => l.id === 'reconciled')!.annotations.map((a) => a.quote.exact)).toEqual(['Noh']);
    expect(view.decisions).toHaveLength(1);

    const agreement = value(await me.api.agreement({ layerIds: ['own', 'colleague:Sam'] }));
    // One exact match out of 2 + 3 annotations: F1 = 2·1 / 5.
    expect(agreement.instance.total.mean).toBeCloseTo(0.4, 10);

    const { findDifferences } = await import('../../../annotations/review/differences');
    const mine = view.layers.find((l) => l.id === 'own')!.annotations;
    const theirs = view.layers.find((l) => l.id === 'colleague:Sam')!.annotations;
    const conflict = findDifferences(view.document.text, mine, theirs).find((d) => d.kind === 'label-conflict')!;
    value(await me.api.decide({ documentId, theirsLayerId: 'colleague:Sam', differenceKey: conflict.key, action: 'accept-theirs' }));
    view = value(await me.api.getDocument({ documentId }));
    const reconciled = view.layers.find((l) => l.id === 'reconciled')!;
    expect(reconciled.annotations.map((a) => a.labelId).sort()).toEqual(['actor', 'position']);
    expect(view.decisions.find((d) => d.differenceKey === conflict.key)).toMatchObject({ action: 'accept-theirs', decidedBy: 'Min-ji', layers: ['own', 'colleague:Sam'] });

    const reportPath = path.join(me.dir, 'agreement.md');
    me.dialogs.saves.push(reportPath);
    value(await me.api.exportAgreementToDialog({ layerIds: ['own', 'colleague:Sam'], format: 'markdown' }));
    expect(await readFile(reportPath, 'utf8')).toMatch(/Sam/);
  });

  it('asks for a name when the colleague\'s file does not carry one', async () => {
    const me = await setup();
    value(await me.api.importTexts({ files: [{ name: 'noh.txt', content: ARTICLE }] }));
    const file = path.join(me.dir, 'doccano.jsonl');
    const cp = (s: string) => Array.from(s).length;
    await writeFile(file, `${JSON.stringify({ text: ARTICLE, label: [[0, 3, 'actor'], [cp(ARTICLE.slice(0, ARTICLE.indexOf('2021'))), cp(ARTICLE.slice(0, ARTICLE.indexOf('2021') + 4)), 'DATE']] })}\n`);
    me.dialogs.opens.push([file]);
    expect(await me.api.importLayerFromDialog({ format: 'doccano' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    me.dialogs.opens.push([file]);
    const report = value(await me.api.importLayerFromDialog({ format: 'doccano', author: 'Jae' }));
    expect(report!.layers).toMatchObject([{ layerId: 'colleague:Jae', count: 2 }]);
  });
});
