/**
 * Tagging a span whose text is a known name of an entity links it at once,
 * in the same undoable change, on a real store in a temporary folder.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXT = '정동영 장관은 말했다.\r\nChung Dong-young 🙂 and CHUNG  DONG-YOUNG met the 통일부 staff; Chung spoke.';

async function setup() {
  const { opened } = await openTestStore('Min-ji');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const documentId = value(await api.importTexts({ files: [{ name: 'article.txt', content: TEXT }] })).added[0]!.id;
  const at = (quote: string) => ({ start: TEXT.indexOf(quote), end: TEXT.indexOf(quote) + quote.length });
  const own = async () => value(await api.getDocument({ documentId })).layers.find((l) => l.id === OWN_LAYER_ID)!;
  return { api, documentId, at, own };
}

describe('tagging a known name', () => {
  it('links the span to its entity across scripts, spacing and case, and one undo takes tag and link back', async () => {
    const { api, documentId, at, own } = await setup();
    const chung = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: ['정동영'] }));
    const tagged = value(await api.addAnnotations({ documentId, spans: [{ ...at('정동영'), labelId: 'actor' }, { ...at('CHUNG  DONG-YOUNG'), labelId: 'actor' }, { ...at('Chung spoke'), labelId: 'actor' }] }));
    expect(tagged.added.map((a) => [a.quote.exact, a.entityId])).toEqual([
      ['정동영', chung.id],
      ['CHUNG  DONG-YOUNG', chung.id],
      ['Chung spoke', undefined],
    ]);
    expect((await own()).annotations.filter((a) => a.entityId === chung.id)).toHaveLength(2);
    const undone = value(await api.undo({ documentId }));
    expect(undone.removed.map((a) => a.entityId)).toEqual([chung.id, chung.id, undefined]);
    expect((await own()).annotations).toEqual([]);
    const redone = value(await api.redo({ documentId }));
    expect(redone.added.filter((a) => a.entityId === chung.id)).toHaveLength(2);
  });

  it('links only spans of the entity’s kind', async () => {
    const { api, documentId, at } = await setup();
    value(await api.createEntity({ name: 'Ministry of Unification', kind: 'policy-body', aliases: ['통일부'] }));
    const asActor = value(await api.addAnnotations({ documentId, spans: [{ ...at('통일부'), labelId: 'actor' }] }));
    expect(asActor.added[0]!.entityId).toBeUndefined();
    value(await api.undo({ documentId }));
    const asBody = value(await api.addAnnotations({ documentId, spans: [{ ...at('통일부'), labelId: 'policy-body' }] }));
    expect(asBody.added[0]!.entityId).toMatch(/^ent_/);
  });
});
