import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { ParleyStore, type StoredDocumentChange } from './parley-store';
import { makeAnnotation, makeDocument, makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;
let store: ParleyStore;

beforeEach(async () => {
  dir = await makeTempDir();
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  store = opened.value.store;
});
afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

describe('ParleyStore.onDocumentChange', () => {
  it('reports each change once it is applied, in call order, with the state before and after, until removed', async () => {
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const seen: StoredDocumentChange[] = [];
    const stop = store.onDocumentChange((c) => seen.push(c));
    const a = makeAnnotation(doc, 0, 5);
    const b = makeAnnotation(doc, 10, 20);
    const first = store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [a] }, 'Tag');
    const second = store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [b] }, 'Tag');
    await Promise.all([first, second]);
    await store.undo('doc_a');
    await store.setStatus('doc_a', 'done');
    const own = (c: StoredDocumentChange, which: 'before' | 'after') => c[which].layers.find((l) => l.id === OWN_LAYER_ID)!.annotations.map((x) => x.id);
    expect(seen.map((c) => [own(c, 'before'), own(c, 'after')])).toEqual([
      [[], [a.id]],
      [[a.id], [a.id, b.id]],
      [[a.id, b.id], [a.id]],
      [[a.id], [a.id]],
    ]);
    expect(seen[3]!.after.document.status).toBe('done');
    stop();
    await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [a], added: [] }, 'Delete');
    expect(seen).toHaveLength(4);
  });

  it('reports nothing for a change the store refuses', async () => {
    const doc = makeDocument('doc_a');
    await store.addDocuments([doc]);
    const seen: StoredDocumentChange[] = [];
    store.onDocumentChange((c) => seen.push(c));
    const refused = await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [makeAnnotation(doc, 0, 5)], added: [] }, 'Delete');
    expect(refused.ok).toBe(false);
    expect(seen).toEqual([]);
  });
});
