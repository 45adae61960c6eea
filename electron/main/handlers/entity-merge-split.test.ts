/**
 * Renaming, merging and splitting entities, and changing a relation's type,
 * through the handlers on a real store in a temporary folder: the spans
 * linked to an entity follow it, each document's relink is one undoable
 * step, and bad input changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXTS = ['정동영 장관은 말했다.\r\nChung Dong-young 🙂 spoke; Chung Eui-yong 🇰🇷 replied.', 'Later, 정동영 and Chung Eui-yong met the working group.'];

async function setup() {
  const { opened } = await openTestStore('Min-ji');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const ids = value(await api.importTexts({ files: TEXTS.map((content, i) => ({ name: `article-${i}.txt`, content })) })).added.map((d) => d.id);
  const tag = async (doc: number, quote: string, labelId = 'actor') => {
    const text = TEXTS[doc]!;
    return value(await api.addAnnotations({ documentId: ids[doc]!, spans: [{ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, labelId }] })).added[0]!;
  };
  const own = async (doc: number) => value(await api.getDocument({ documentId: ids[doc]! })).layers.find((l) => l.id === OWN_LAYER_ID)!;
  return { api, ids, tag, own, store: opened.store };
}

describe('entities', () => {
  it('merge: one entity with every name, the other removed, its spans relinked in every document, each relink undoable', async () => {
    const { api, ids, tag, own } = await setup();
    const english = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: [] }));
    const korean = value(await api.createEntity({ name: '정동영', kind: 'actor', aliases: ['정 장관'] }));
    expect((await tag(0, '정동영')).entityId).toBe(korean.id);
    expect((await tag(0, 'Chung Dong-young')).entityId).toBe(english.id);
    expect((await tag(1, '정동영')).entityId).toBe(korean.id);
    const merged = value(await api.mergeEntities({ intoId: english.id, fromId: korean.id }));
    expect(merged).toEqual({ entity: { ...english, aliases: ['정동영', '정 장관'] }, relinked: 2 });
    expect(value(await api.listEntities({}))).toEqual([merged.entity]);
    for (const doc of [0, 1]) expect((await own(doc)).annotations.every((a) => a.entityId === english.id)).toBe(true);
    // Tagging the Korean name now links the merged entity.
    expect((await tag(1, 'Chung Eui-yong')).entityId).toBeUndefined();
    const undone = value(await api.undo({ documentId: ids[0]! }));
    expect(undone.added.map((a) => a.entityId)).toEqual([korean.id]);
  });

  it('refuse to merge an entity into itself, entities of two kinds, or one that is not there, changing nothing', async () => {
    const { api } = await setup();
    const a = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: [] }));
    const body = value(await api.createEntity({ name: 'Ministry of Unification', kind: 'policy-body', aliases: ['통일부'] }));
    expect(await api.mergeEntities({ intoId: a.id, fromId: a.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.mergeEntities({ intoId: a.id, fromId: body.id })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.mergeEntities({ intoId: a.id, fromId: 'ent_missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(value(await api.listEntities({}))).toEqual([a, body]);
  });

  it('split: moved aliases make a new entity, and the spans that read as them follow', async () => {
    const { api, tag, own } = await setup();
    // Two people filed under one entity by mistake.
    const mixed = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: ['정동영', 'Chung Eui-yong'] }));
    await tag(0, '정동영');
    await tag(0, 'Chung Eui-yong');
    await tag(1, 'Chung Eui-yong');
    const split = value(await api.splitEntity({ entityId: mixed.id, name: 'Chung Eui-yong', aliases: ['Chung Eui-yong'] }));
    expect(split.kept).toEqual({ ...mixed, aliases: ['정동영'] });
    expect(split.split).toMatchObject({ name: 'Chung Eui-yong', aliases: [], kind: 'actor' });
    expect(split.relinked).toBe(2);
    const linked = async (doc: number) => (await own(doc)).annotations.map((a) => [a.quote.exact, a.entityId]);
    expect(await linked(0)).toEqual([
      ['정동영', mixed.id],
      ['Chung Eui-yong', split.split.id],
    ]);
    expect(await linked(1)).toEqual([['Chung Eui-yong', split.split.id]]);
    expect(await api.splitEntity({ entityId: mixed.id, name: 'X', aliases: ['Chung Dong-young'] })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('rename: the old name stays an alias, so tagging it still links', async () => {
    const { api, tag } = await setup();
    const e = value(await api.createEntity({ name: 'Chung', kind: 'actor', aliases: ['정동영'] }));
    const renamed = value(await api.renameEntity({ entityId: e.id, name: 'Chung Dong-young' }));
    expect(renamed).toEqual({ ...e, name: 'Chung Dong-young', aliases: ['Chung', '정동영'] });
    expect((await tag(0, 'Chung Dong-young')).entityId).toBe(e.id);
    expect(await api.renameEntity({ entityId: 'ent_missing', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('changeRelationType', () => {
  it('gives a link another type its ends allow, as one undoable step, and refuses one they do not, changing nothing', async () => {
    const { api, ids, tag, own } = await setup();
    const schema = value(await api.getLabels({}));
    const criticises = { id: 'criticises', name: 'criticises', color: '#b91c1c', shortcut: 'c', directed: true, from: ['actor'], to: ['policy-body'] };
    value(await api.saveLabels({ labels: schema.labels, migrate: [], relationTypes: [...schema.relationTypes!, criticises] }));
    const chung = await tag(1, '정동영');
    const group = await tag(1, 'the working group', 'policy-body');
    const link = value(await api.addRelation({ documentId: ids[1]!, typeId: 'member-of', sourceId: chung.id, targetId: group.id }));
    const relationId = link.addedRelations![0]!.id;
    const refused = await api.changeRelationType({ documentId: ids[1]!, relationId, typeId: 'holds' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringContaining('not actor to policy-body') } });
    expect((await own(1)).relations!.map((r) => r.typeId)).toEqual(['member-of']);
    const changed = value(await api.changeRelationType({ documentId: ids[1]!, relationId, typeId: 'criticises' }));
    expect([changed.removedRelations![0]!.typeId, changed.addedRelations![0]!.typeId]).toEqual(['member-of', 'criticises']);
    expect(changed.addedRelations![0]!.id).toBe(relationId);
    expect(changed.undoLabel).toBe('Make the link “criticises”');
    expect((await own(1)).relations!.map((r) => [r.id, r.typeId])).toEqual([[relationId, 'criticises']]);
    value(await api.undo({ documentId: ids[1]! }));
    expect((await own(1)).relations!.map((r) => [r.id, r.typeId])).toEqual([[relationId, 'member-of']]);
    expect(await api.changeRelationType({ documentId: ids[1]!, relationId: 'rel_missing', typeId: 'holds' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
