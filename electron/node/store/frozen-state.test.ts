import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID, type Annotation, type Entity, type Label } from '../../../annotations/model';
import { ok, type Result } from '../../../annotations/result';
import { ParleyStore } from './parley-store';
import { makeAnnotation, makeDocument, makeTempDir, removeTempDir } from './test-support/store-fixtures';

let dir: string;
let store: ParleyStore;

async function openStore(): Promise<ParleyStore> {
  const opened = await ParleyStore.open(dir, { onWarning: () => undefined });
  if (!opened.ok) throw new Error(opened.error.message);
  return opened.value.store;
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** A deep copy, to compare what the store holds with what it held before. */
function copy<T>(data: T): T {
  return JSON.parse(JSON.stringify(data)) as T;
}

beforeEach(async () => {
  dir = await makeTempDir();
  store = await openStore();
});
afterEach(async () => {
  await store.close();
  await removeTempDir(dir);
});

// A text with a CRLF, Hangul and an emoji: the stored quotes are checked against it on every load.
const TEXT = 'Seoul 서울 met\r\nWashington 🇺🇸 on Tuesday to discuss tariffs.';

describe('stored states are frozen', () => {
  it('refuses a write in place into a stored document, and the store, the next save and the reopened file hold what was stored', async () => {
    const doc = makeDocument('doc_a', TEXT);
    value(await store.addDocuments([doc]));
    const seoul = makeAnnotation(doc, 0, 5);
    const hangul = makeAnnotation(doc, 6, 8);
    value(await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [seoul, hangul] }, 'Tag'));
    const view = value(store.getDocument('doc_a'));
    const stored = copy(view);
    const own = view.layers.find((l) => l.id === OWN_LAYER_ID)!;
    const annotations = own.annotations as Annotation[];

    expect(() => annotations.push(makeAnnotation(doc, 14, 24))).toThrow(TypeError);
    expect(() => annotations.sort((a, b) => b.start - a.start)).toThrow(TypeError);
    expect(() => annotations.splice(0, 1)).toThrow(TypeError);
    expect(() => {
      annotations[0]!.labelId = 'date';
    }).toThrow(TypeError);
    expect(() => {
      annotations[1]!.quote.exact = '워싱턴';
    }).toThrow(TypeError);
    expect(() => {
      view.document.status = 'done';
    }).toThrow(TypeError);
    expect(() => {
      (view.layers as unknown[]).length = 0;
    }).toThrow(TypeError);

    expect(copy(value(store.getDocument('doc_a')))).toEqual(stored);
    // The next change saves its own difference only; the reopened file has both tags, unchanged.
    value(await store.setStatus('doc_a', 'in-progress'));
    await store.close();
    store = await openStore();
    const reopened = value(store.getDocument('doc_a'));
    expect(reopened.document.status).toBe('in-progress');
    expect(copy(reopened.layers)).toEqual(stored.layers);
    expect(reopened.undoLabel).toBe('Tag');
  });

  it('refuses a change whose builder writes into the layer it is given, and leaves the document and its history as they were', async () => {
    const doc = makeDocument('doc_a', TEXT);
    value(await store.addDocuments([doc]));
    value(await store.changeAnnotations('doc_a', OWN_LAYER_ID, { removed: [], added: [makeAnnotation(doc, 0, 5)] }, 'Tag'));
    const stored = copy(value(store.getDocument('doc_a')));
    const sneaky = makeAnnotation(doc, 14, 24);

    await expect(
      store.editLayer('doc_a', OWN_LAYER_ID, ({ annotations }) => {
        (annotations as Annotation[]).push(sneaky);
        return ok({ change: { removed: [], added: [] }, label: 'Tag in place' });
      }),
    ).rejects.toThrow(TypeError);

    expect(copy(value(store.getDocument('doc_a')))).toEqual(stored);
    await store.close();
    store = await openStore();
    expect(copy(value(store.getDocument('doc_a')))).toEqual(stored);
  });

  it('refuses a write in place into the labels or the entities, and the library reopens as it was saved', async () => {
    const entity: Entity = { id: 'ent_seoul', name: 'Seoul', aliases: ['서울'], kind: 'actor' };
    value(await store.saveEntity(entity));
    const labels = store.getLabels();
    const entities = store.listEntities();
    const saved = copy({ labels, entities });

    expect(() => (labels.labels as Label[]).push({ ...labels.labels[0]!, id: 'extra' })).toThrow(TypeError);
    expect(() => {
      labels.labels[0]!.name = 'Renamed in place';
    }).toThrow(TypeError);
    expect(() => entities.push({ ...entity, id: 'ent_other' })).toThrow(TypeError);
    expect(() => entities[0]!.aliases.push('🇰🇷 capital')).toThrow(TypeError);
    // The entity handed to the store is the one it keeps: the caller cannot change it behind the store's back either.
    expect(() => entity.aliases.push('Hanyang')).toThrow(TypeError);

    expect(copy({ labels: store.getLabels(), entities: store.listEntities() })).toEqual(saved);
    await store.close();
    store = await openStore();
    expect(copy({ labels: store.getLabels(), entities: store.listEntities() })).toEqual(saved);
  });
});
