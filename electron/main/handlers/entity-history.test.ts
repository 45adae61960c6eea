/**
 * Undoing entity changes as library-wide steps, through the handlers on a
 * real store: a merge, a split, a delete, a rename and an alias edit each come back
 * with Undo (the entities as they were, the spans that moved moved back in
 * every document) and go again with Redo; a span moved on by hand since is
 * left alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXTS = ['정동영 장관은 말했다.\r\nChung Dong-young 🙂 spoke; DY Chung 🇰🇷 agreed.', 'Later, 정동영 met the working group.'];

async function setup() {
  const { opened } = await openTestStore('Min-ji');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const ids = value(await api.importTexts({ files: TEXTS.map((content, i) => ({ name: `article-${i}.txt`, content })) })).added.map((d) => d.id);
  const tag = async (doc: number, quote: string) => {
    const text = TEXTS[doc]!;
    return value(await api.addAnnotations({ documentId: ids[doc]!, spans: [{ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, labelId: 'actor' }] })).added[0]!;
  };
  const links = async () => {
    const out: string[] = [];
    for (const id of ids) for (const a of value(await api.getDocument({ documentId: id })).layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? []) out.push(`${a.quote.exact}=${a.entityId ?? '-'}`);
    return out;
  };
  return { api, ids, tag, links };
}

describe('entity history', () => {
  it('undoes a merge: both entities back, every moved span back, in every document; redo merges again', async () => {
    const { api, tag, links } = await setup();
    const english = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: [] }));
    const korean = value(await api.createEntity({ name: '정동영', kind: 'actor', aliases: ['정 장관'] }));
    await tag(0, '정동영');
    await tag(0, 'Chung Dong-young');
    await tag(1, '정동영');
    const before = await links();
    expect(before).toEqual([`정동영=${korean.id}`, `Chung Dong-young=${english.id}`, `정동영=${korean.id}`]);
    value(await api.mergeEntities({ intoId: english.id, fromId: korean.id }));
    expect(value(await api.entityHistory({}))).toEqual({ undoLabel: 'Merge “정동영” into “Chung Dong-young”', redoLabel: null });

    const undone = value(await api.undoEntityChange({}));
    expect(undone).toMatchObject({ did: 'Merge “정동영” into “Chung Dong-young”', undoLabel: null, redoLabel: 'Merge “정동영” into “Chung Dong-young”' });
    expect([...value(await api.listEntities({}))].sort((a, b) => a.name.localeCompare(b.name))).toEqual([english, korean].sort((a, b) => a.name.localeCompare(b.name)));
    expect(await links()).toEqual(before);

    value(await api.redoEntityChange({}));
    expect(value(await api.listEntities({}))).toEqual([{ ...english, aliases: ['정동영', '정 장관'] }]);
    expect(await links()).toEqual([`정동영=${english.id}`, `Chung Dong-young=${english.id}`, `정동영=${english.id}`]);
  });

  it('deletes an entity: its spans stay tagged, unlinked, in every document; undo links them again, redo unlinks them', async () => {
    const { api, ids, tag, links } = await setup();
    const korean = value(await api.createEntity({ name: '정동영', kind: 'actor', aliases: ['Chung Dong-young'] }));
    const other = value(await api.createEntity({ name: 'DY Chung', kind: 'actor', aliases: [] }));
    await tag(0, '정동영');
    await tag(0, 'Chung Dong-young');
    await tag(0, 'DY Chung');
    await tag(1, '정동영');
    const linked = [`정동영=${korean.id}`, `Chung Dong-young=${korean.id}`, `DY Chung=${other.id}`, `정동영=${korean.id}`];
    expect(await links()).toEqual(linked);

    expect(value(await api.deleteEntity({ entityId: korean.id }))).toEqual({ unlinked: 3 });
    expect(value(await api.listEntities({}))).toEqual([other]);
    expect(await links()).toEqual(['정동영=-', 'Chung Dong-young=-', `DY Chung=${other.id}`, '정동영=-']);
    // The unlinked spans keep no trace of the entity, and tagging its name again links nothing.
    const own = value(await api.getDocument({ documentId: ids[1]! })).layers.find((l) => l.id === OWN_LAYER_ID)!.annotations;
    expect(own.every((a) => !('entityId' in a))).toBe(true);
    expect((await tag(1, 'working group')).entityId).toBeUndefined();
    expect(value(await api.entityHistory({}))).toEqual({ undoLabel: 'Delete “정동영”', redoLabel: null });

    const undone = value(await api.undoEntityChange({}));
    expect(undone.did).toBe('Delete “정동영”');
    expect([...undone.entities].sort((a, b) => a.name.localeCompare(b.name))).toEqual([other, korean].sort((a, b) => a.name.localeCompare(b.name)));
    expect((await links()).filter((l) => !l.startsWith('working group'))).toEqual(linked);
    value(await api.redoEntityChange({}));
    expect((await links()).filter((l) => !l.startsWith('working group'))).toEqual(['정동영=-', 'Chung Dong-young=-', `DY Chung=${other.id}`, '정동영=-']);

    // A document's own undo takes back that document's unlinking alone.
    value(await api.undo({ documentId: ids[0]! }));
    expect((await links()).slice(0, 3)).toEqual([`정동영=${korean.id}`, `Chung Dong-young=${korean.id}`, `DY Chung=${other.id}`]);
  });

  it('refuses to delete an entity that is not there, changing nothing', async () => {
    const { api, tag, links } = await setup();
    const korean = value(await api.createEntity({ name: '정동영', kind: 'actor', aliases: [] }));
    await tag(1, '정동영');
    for (const entityId of ['ent_missing', '__proto__', 'constructor']) expect(await api.deleteEntity({ entityId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(value(await api.listEntities({}))).toEqual([korean]);
    expect(await links()).toEqual([`정동영=${korean.id}`]);
    expect(value(await api.entityHistory({}))).toEqual({ undoLabel: null, redoLabel: null });
  });

  it('undoes a split, a rename and an alias edit across scripts, newest first, and says when there is nothing left', async () => {
    const { api, tag, links } = await setup();
    const chung = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: ['정동영', 'DY Chung'] }));
    await tag(0, 'DY Chung');
    await tag(1, '정동영');
    const split = value(await api.splitEntity({ entityId: chung.id, name: 'Chung (nickname)', aliases: ['DY Chung'] }));
    expect(await links()).toEqual([`DY Chung=${split.split.id}`, `정동영=${chung.id}`]);
    value(await api.renameEntity({ entityId: chung.id, name: '정동영 (Chung Dong-young)' }));
    const edited = value(await api.setEntityAliases({ entityId: chung.id, aliases: ['Chung Dong-young', '정동영', 'chung  dong-young', ' 鄭東泳 '] }));
    expect(edited.aliases).toEqual(['Chung Dong-young', '정동영', '鄭東泳']);

    expect(value(await api.undoEntityChange({})).did).toBe('Edit the aliases of “정동영 (Chung Dong-young)”');
    expect(value(await api.undoEntityChange({})).did).toBe('Rename “Chung Dong-young” to “정동영 (Chung Dong-young)”');
    expect(value(await api.listEntities({})).find((e) => e.id === chung.id)).toEqual({ ...chung, aliases: ['정동영'] });
    const unsplit = value(await api.undoEntityChange({}));
    expect(unsplit.did).toBe('Split “Chung (nickname)” off “Chung Dong-young”');
    expect(unsplit.entities).toEqual([chung]);
    expect(await links()).toEqual([`DY Chung=${chung.id}`, `정동영=${chung.id}`]);
    const nothing = await api.undoEntityChange({});
    expect(!nothing.ok && nothing.error).toEqual({ code: 'not-found', message: 'there is no entity change to undo' });
  });

  it('leaves a span linked by hand since the merge where it is, and refuses an alias edit that would clash, changing nothing', async () => {
    const { api, ids, tag, links } = await setup();
    const english = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: [] }));
    const korean = value(await api.createEntity({ name: '정동영', kind: 'actor', aliases: [] }));
    const other = value(await api.createEntity({ name: 'DY Chung', kind: 'actor', aliases: [] }));
    const span = await tag(1, '정동영');
    value(await api.mergeEntities({ intoId: english.id, fromId: korean.id }));
    value(await api.updateAnnotation({ documentId: ids[1]!, annotationId: span.id, entityId: other.id }));
    value(await api.undoEntityChange({}));
    expect(await links()).toEqual([`정동영=${other.id}`]);
    expect(value(await api.listEntities({})).map((e) => e.name).sort()).toEqual(['Chung Dong-young', 'DY Chung', '정동영']);
    const clash = await api.setEntityAliases({ entityId: english.id, aliases: ['DY Chung'] });
    expect(clash.ok).toBe(false);
    expect(value(await api.listEntities({})).find((e) => e.id === english.id)).toEqual(english);
  });
});
