import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { defaultLabelSchema } from '../../../annotations/labels';
import { ParleyStore } from './parley-store';
import { readStoredDocument } from './replay-journal';
import { makeAnnotation, makeDocument, makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;
let open: ParleyStore[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
  open = [];
});
afterEach(async () => {
  for (const store of open) await store.close();
  await removeTempDir(dir);
});

async function openStore(options: Parameters<typeof ParleyStore.open>[1] = {}) {
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined, ...options });
  if (!opened.ok) throw new Error(opened.error.message);
  open.push(opened.value.store);
  return opened.value;
}

async function reopen(store: ParleyStore) {
  await store.close();
  open = open.filter((s) => s !== store);
  return openStore();
}

function readJson(file: string): Promise<unknown> {
  return readFile(file, 'utf8').then((t) => JSON.parse(t) as unknown);
}

describe('ParleyStore', () => {
  it('creates an empty store with the default labels and a library file on disk', async () => {
    const { store, incidents } = await openStore();
    expect(incidents).toEqual([]);
    expect(store.isEmpty()).toBe(true);
    expect(store.getLabels()).toEqual(defaultLabelSchema());
    expect(await readJson(path.join(dir, 'library.json'))).toMatchObject({ schemaVersion: 2, documents: [], entities: [] });
  });

  it('adds documents and finds them again after reopening', async () => {
    const { store } = await openStore();
    const added = await store.addDocuments([makeDocument('doc_a'), makeDocument('doc_b')]);
    expect(added.ok && added.value.map((d) => d.id)).toEqual(['doc_a', 'doc_b']);
    const { store: again } = await reopen(store);
    expect(again.listDocuments().map((d) => d.id)).toEqual(['doc_a', 'doc_b']);
    const view = again.getDocument('doc_b');
    expect(view.ok && view.value.document.text).toBe(makeDocument('doc_b').document.text);
  });

  it('keeps each document in its own file, so a tag appends to one journal and rewrites no file', async () => {
    const { store } = await openStore();
    const a = makeDocument('doc_a');
    await store.addDocuments([a, makeDocument('doc_b')]);
    const read = (name: string) => readFile(path.join(dir, name), 'utf8');
    const before = { a: await read('documents/doc_a.json'), b: await read('documents/doc_b.json'), library: await read('library.json') };
    const changed = await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5)] }, 'Tag Seoul');
    expect(changed.ok).toBe(true);
    // The write has resolved, so the change is on disk now, not later: in doc_a's journal.
    expect((await readStoredDocument(path.join(dir, 'documents', 'doc_a.json'))).layers[0]!.annotations).toHaveLength(1);
    expect(await read('documents/doc_a.json')).toBe(before.a);
    expect(await read('documents/doc_b.json')).toBe(before.b);
    expect(await read('library.json')).toBe(before.library);
    expect((await readdir(path.join(dir, 'documents'))).sort()).toEqual(['doc_a.journal', 'doc_a.json', 'doc_b.json']);
  });

  it('refuses an id already in the library and adds nothing from that batch', async () => {
    const { store } = await openStore();
    await store.addDocuments([makeDocument('doc_a')]);
    const again = await store.addDocuments([makeDocument('doc_new'), makeDocument('doc_a')]);
    expect(!again.ok && again.error.code).toBe('conflict');
    expect(store.listDocuments().map((d) => d.id)).toEqual(['doc_a']);
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['doc_a.json']);
  });

  it('adds nothing when one document of a batch cannot be written', async () => {
    const { store } = await openStore();
    // A folder where the second file should go makes its rename fail.
    await mkdir(path.join(dir, 'documents', 'doc_y.json'));
    await writeFile(path.join(dir, 'documents', 'doc_y.json', 'block'), 'x');
    const added = await store.addDocuments([makeDocument('doc_x'), makeDocument('doc_y')]);
    expect(!added.ok && added.error.code).toBe('io-error');
    expect(store.isEmpty()).toBe(true);
    expect(await readdir(path.join(dir, 'documents'))).toEqual(['doc_y.json']);
    expect(await readJson(path.join(dir, 'library.json'))).toMatchObject({ documents: [] });
  });

  it('rejects an annotation outside the text or whose quote does not match', async () => {
    const { store } = await openStore();
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const outside = { ...makeAnnotation(doc, 0, 5), end: doc.document.text.length + 3 };
    const badQuote = { ...makeAnnotation(doc, 0, 5), quote: { exact: 'Tokyo', prefix: '', suffix: '' } };
    for (const annotation of [outside, badQuote]) {
      const result = await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [annotation] }, 'bad');
      expect(!result.ok && result.error.code).toBe('invalid-input');
    }
    const view = store.getDocument('doc_a');
    expect(view.ok && view.value.layers[0]!.annotations).toEqual([]);
  });

  it('undoes and redoes changes, and the history survives reopening', async () => {
    const { store } = await openStore();
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const seoul = makeAnnotation(doc, 0, 5, 'actor', 'ann_1');
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [seoul] }, 'Tag Seoul');
    const relabelled = { ...seoul, labelId: 'policy-body' };
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [seoul], added: [relabelled] }, 'Change label');

    const { store: second } = await reopen(store);
    const own = (s: typeof store) => {
      const view = s.getDocument('doc_a');
      return view.ok ? view.value.layers[0]!.annotations : null;
    };
    const undone = await second.undo('doc_a');
    // The result is the reverse change: the relabelled version goes, the original comes back.
    expect(undone.ok && [undone.value.removed.map((a) => a.labelId), undone.value.added.map((a) => a.labelId)]).toEqual([['policy-body'], ['actor']]);
    expect(undone.ok && [undone.value.undoLabel, undone.value.redoLabel]).toEqual(['Tag Seoul', 'Change label']);
    expect(own(second)![0]!.labelId).toBe('actor');

    const { store: third } = await reopen(second);
    const redone = await third.redo('doc_a');
    expect(redone.ok && redone.value.added[0]!.labelId).toBe('policy-body');
    expect(own(third)![0]!.labelId).toBe('policy-body');
    await third.undo('doc_a');
    const empty = await third.undo('doc_a');
    expect(empty.ok && [empty.value.removed.map((a) => a.id), empty.value.added]).toEqual([['ann_1'], []]);
    expect(own(third)).toEqual([]);
    const nothing = await third.undo('doc_a');
    expect(!nothing.ok && nothing.error.code).toBe('not-found');
  });

  it('keeps at most 200 undo steps and clears redo on a new change', async () => {
    const { store } = await openStore();
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const pending = [];
    for (let i = 0; i < 205; i++) {
      pending.push(store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 0, 5, 'actor', `ann_${i}`)] }, `step ${i}`));
    }
    await Promise.all(pending);
    await store.undo('doc_a');
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 6, 9, 'actor', 'ann_x')] }, 'last');
    const file = await readStoredDocument(path.join(dir, 'documents', 'doc_a.json'));
    expect(file.history.undo).toHaveLength(200);
    expect(file.history.undo.at(-1)!.label).toBe('last');
    expect(file.history.redo).toEqual([]);
  });

  it('lands concurrent writes to one document in call order', async () => {
    const { store } = await openStore();
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 0, 5, 'actor', `ann_${String(i).padStart(2, '0')}`)] }, `step ${i}`)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    // Each caller gets its own change, applied in call order (its step is the newest when it applies).
    expect(results.map((r) => (r.ok ? `${r.value.added[0]!.id} ${r.value.undoLabel}` : ''))).toEqual(Array.from({ length: 50 }, (_, i) => `ann_${String(i).padStart(2, '0')} step ${i}`));
    const { store: again } = await reopen(store);
    const view = again.getDocument('doc_a');
    expect(view.ok && view.value.layers[0]!.annotations).toHaveLength(50);
    const file = (await readJson(path.join(dir, 'documents', 'doc_a.json'))) as { history: { undo: Array<{ label: string }> } };
    expect(file.history.undo.map((e) => e.label)).toEqual(Array.from({ length: 50 }, (_, i) => `step ${i}`));
  });

  it('sets status, replaces layers and records decisions in one write', async () => {
    const { store } = await openStore();
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const status = await store.setStatus('doc_a', 'done');
    expect(status.ok && status.value.status).toBe('done');
    const theirs = await store.putLayer('doc_a', { id: 'colleague:kim', kind: 'colleague', author: 'kim', annotations: [makeAnnotation(doc, 0, 5, 'actor', 'ann_k')] });
    expect(theirs.ok && theirs.value.layers.map((l) => l.id)).toEqual([OWN_LAYER_ID, 'colleague:kim']);
    const decision = {
      id: 'dec_1', documentId: 'doc_a', differenceKey: 'k', kind: 'only-theirs' as const, action: 'accept-theirs' as const,
      layers: [OWN_LAYER_ID, 'colleague:kim'] as [string, string], mineIds: [], theirsIds: ['ann_k'], resultIds: ['ann_k'], decidedBy: 'me', decidedAt: '2024-01-02T00:00:00.000Z',
    };
    const decided = await store.recordDecisions('doc_a', [makeAnnotation(doc, 0, 5, 'actor', 'ann_k')], [decision]);
    expect(decided.ok && decided.value.decisions).toEqual([decision]);
    const { store: again } = await reopen(store);
    const view = again.getDocument('doc_a');
    expect(view.ok && view.value.layers.find((l) => l.id === 'reconciled')!.annotations.map((a) => a.id)).toEqual(['ann_k']);
    expect(again.listDocuments()[0]!.status).toBe('done');
    const removed = await again.removeLayer('doc_a', 'colleague:kim');
    expect(removed.ok && removed.value.layers.map((l) => l.id)).toEqual([OWN_LAYER_ID, 'reconciled']);
  });

  it('renames and deletes labels in every document and layer, and refuses to orphan annotations', async () => {
    const { store } = await openStore();
    const a = makeDocument('doc_a');
    const b = makeDocument('doc_b');
    await store.addDocuments([a, b]);
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5, 'actor', 'ann_1'), makeAnnotation(a, 10, 20, 'date', 'ann_2')] }, 'tag');
    await store.putLayer('doc_b', { id: 'colleague:kim', kind: 'colleague', author: 'kim', annotations: [makeAnnotation(b, 0, 5, 'actor', 'ann_3')] });
    const labels = defaultLabelSchema().labels.filter((l) => l.id !== 'actor' && l.id !== 'date');
    labels.push({ id: 'participant', name: 'Participant', color: '#000000', shortcut: '', description: '' });

    const refused = await store.saveLabels({ labels }, [{ from: 'actor', to: 'participant' }]);
    expect(!refused.ok && refused.error.code).toBe('conflict');

    const saved = await store.saveLabels({ labels }, [{ from: 'actor', to: 'participant' }, { from: 'date', to: null }]);
    expect(saved.ok).toBe(true);
    const { store: again } = await reopen(store);
    expect(again.getLabels().labels.map((l) => l.id)).toContain('participant');
    const viewA = again.getDocument('doc_a');
    expect(viewA.ok && viewA.value.layers[0]!.annotations.map((x) => [x.id, x.labelId])).toEqual([['ann_1', 'participant']]);
    const viewB = again.getDocument('doc_b');
    expect(viewB.ok && viewB.value.layers[1]!.annotations.map((x) => x.labelId)).toEqual(['participant']);
    const library = (await readJson(path.join(dir, 'library.json'))) as Record<string, unknown>;
    expect(library.pendingMigration).toBeUndefined();
  });

  it('completes a label change interrupted after the index was written', async () => {
    const { store } = await openStore();
    const a = makeDocument('doc_a');
    await store.addDocuments([a]);
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5, 'actor', 'ann_1')] }, 'tag');
    await store.close();
    open = [];
    // What a crash between writing library.json and the document files leaves behind.
    const libraryPath = path.join(dir, 'library.json');
    const library = (await readJson(libraryPath)) as { labels: { labels: Array<{ id: string }> } } & Record<string, unknown>;
    library.labels.labels = library.labels.labels.filter((l) => l.id !== 'actor');
    library.labelsRevision = 1;
    library.pendingMigration = { revision: 1, migrate: [{ from: 'actor', to: 'position' }] };
    await writeFile(libraryPath, JSON.stringify(library));
    const { store: again } = await openStore();
    const view = again.getDocument('doc_a');
    expect(view.ok && view.value.layers[0]!.annotations[0]!.labelId).toBe('position');
    expect(((await readJson(libraryPath)) as Record<string, unknown>).pendingMigration).toBeUndefined();
  });

  it('deletes a document and restores it from its backup', async () => {
    const { store } = await openStore();
    const a = makeDocument('doc_a');
    await store.addDocuments([a]);
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5)] }, 'tag');
    expect((await store.deleteDocument('doc_a')).ok).toBe(true);
    expect(store.getDocument('doc_a').ok).toBe(false);
    const { store: again } = await reopen(store);
    expect(again.isEmpty()).toBe(true);
    const backups = again.listBackups('doc_a');
    expect(backups[0]).toMatchObject({ documentId: 'doc_a', title: 'Document doc_a', annotationCount: 1 });
    const restored = await again.restoreBackup(backups[0]!.id);
    expect(restored.ok && restored.value.annotationCount).toBe(1);
    const { store: third } = await reopen(again);
    expect(third.listDocuments().map((d) => d.id)).toEqual(['doc_a']);
  });

  it('restores an earlier version of a document in the library', async () => {
    // Each save is compacted into the file, so each version of it is among the backups.
    const { store } = await openStore({ compaction: { bytes: 0 } });
    const a = makeDocument('doc_a');
    await store.addDocuments([a]);
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5, 'actor', 'ann_1')] }, 'one');
    await store.settle();
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 10, 20, 'actor', 'ann_2')] }, 'two');
    await store.settle();
    const withOne = store.listBackups('doc_a').find((b) => b.annotationCount === 1)!;
    const restored = await store.restoreBackup(withOne.id);
    expect(restored.ok && restored.value.annotationCount).toBe(1);
    expect(store.listBackups('doc_a')[0]!.annotationCount).toBe(2);
    const missing = await store.restoreBackup('doc_a/nothing.json');
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });

  it('keeps the last 10 versions plus one a day for a week', async () => {
    let clock = Date.parse('2024-03-01T09:00:00.000Z');
    const now = () => new Date(clock).toISOString();
    // Each save is compacted into the file, so each replaces it and backs up the version before.
    const { store } = await openStore({ now, compaction: { bytes: 0 } });
    const a = makeDocument('doc_a');
    await store.addDocuments([a]);
    for (let day = 0; day < 10; day++) {
      for (let i = 0; i < 12; i++) {
        clock += 60_000;
        await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(a, 0, 5, 'actor', `ann_${day}_${i}`)] }, 'tag');
        await store.settle();
      }
      clock += 24 * 3600_000;
    }
    const backups = store.listBackups('doc_a');
    const days = new Set(backups.slice(10).map((b) => b.takenAt.slice(0, 10)));
    expect(backups.length).toBeGreaterThanOrEqual(10 + 6);
    expect(backups.length).toBeLessThanOrEqual(10 + 7);
    expect(days.size).toBe(backups.length - 10);
    const files = await readdir(path.join(dir, 'backups', 'documents', 'doc_a'));
    expect(files).toHaveLength(backups.length);
  });

  it('turns a document id that is unsafe as a file name into a hashed name', async () => {
    const { store } = await openStore();
    const doc = makeDocument('../../Evil:Name');
    const added = await store.addDocuments([doc]);
    expect(added.ok).toBe(true);
    const names = await readdir(path.join(dir, 'documents'));
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/^h-[0-9a-f]{32}\.json$/);
    const { store: again } = await reopen(store);
    expect(again.getDocument('../../Evil:Name').ok).toBe(true);
  });

  it('exports the corpus with its labels', async () => {
    const { store } = await openStore();
    await store.addDocuments([makeDocument('doc_a'), makeDocument('doc_b')]);
    expect(store.exportCorpus(['doc_b']).documents.map((d) => d.document.id)).toEqual(['doc_b']);
    expect(store.exportCorpus().labels).toEqual(defaultLabelSchema());
  });
});
