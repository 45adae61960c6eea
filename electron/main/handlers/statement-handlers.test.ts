/**
 * Statements through the handlers, on a real store in a temporary folder:
 * relations added, deleted, undone and redone (a deleted span takes its
 * relations, one undo brings both back); attribute values checked against
 * the label's attributes; entities made, aliased across scripts and linked;
 * document metadata checked; relation types kept and checked on label saves.
 * Bad input changes nothing.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { relationDifferences } from '../../../annotations/review/relation-differences';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const TEXTS = [
  'On 22 June 2021 Noh Kyu-duk proposed ending the working group.',
  'Seoul.\r\nOn 22 June 2021 Noh Kyu-duk 🇰🇷 proposed ending the working group 👥.',
  '정동영 장관은 2021년 6월 22일에 말했다. On 22 June 2021 Noh Kyu-duk proposed ending the working group.',
];

async function setup(text: string) {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined });
  const documentId = value(await api.importTexts({ files: [{ name: 'article.txt', content: text }] })).added[0]!.id;
  const at = (quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
  const tag = async (quote: string, labelId: string) => value(await api.addAnnotations({ documentId, spans: [{ ...at(quote), labelId }] })).added[0]!.id;
  const own = async () => value(await api.getDocument({ documentId })).layers.find((l) => l.id === OWN_LAYER_ID)!;
  return { api, dir, dialogs, store: opened.store, documentId, tag, own };
}

describe('relation handlers', () => {
  TEXTS.forEach((text, i) => {
    it(`link spans, and a deleted span takes its links back with one undo (text ${i})`, async () => {
      const { api, documentId, tag, own } = await setup(text);
      const actor = await tag('Noh Kyu-duk', 'actor');
      const position = await tag('proposed ending', 'position');
      const date = await tag('22 June 2021', 'date');
      const holds = value(await api.addRelation({ documentId, typeId: 'holds', sourceId: actor, targetId: position }));
      expect(holds.addedRelations).toHaveLength(1);
      expect(holds.undoLabel).toBe('Link “Noh Kyu-duk” holds “proposed ending”');
      value(await api.addRelation({ documentId, typeId: 'when', sourceId: position, targetId: date }));
      expect((await own()).relations!.map((r) => r.typeId)).toEqual(['holds', 'when']);

      const deleted = value(await api.deleteAnnotations({ documentId, annotationIds: [position] }));
      expect(deleted.removedRelations!.map((r) => r.typeId).sort()).toEqual(['holds', 'when']);
      expect((await own()).relations).toBeUndefined();
      const back = value(await api.undo({ documentId }));
      expect(back.addedRelations!.map((r) => r.typeId).sort()).toEqual(['holds', 'when']);
      expect((await own()).relations!.map((r) => r.typeId)).toEqual(['holds', 'when']);

      const relationId = (await own()).relations![1]!.id;
      const unlinked = value(await api.deleteRelations({ documentId, relationIds: [relationId] }));
      expect(unlinked.removedRelations!.map((r) => r.id)).toEqual([relationId]);
      expect((await own()).annotations).toHaveLength(3);
      value(await api.undo({ documentId }));
      value(await api.redo({ documentId }));
      expect((await own()).relations!.map((r) => r.typeId)).toEqual(['holds']);
    });
  });

  it('refuses links the schema does not allow, duplicates, unknown ends and colleague layers, changing nothing', async () => {
    const { api, documentId, tag, own } = await setup(TEXTS[0]!);
    const actor = await tag('Noh Kyu-duk', 'actor');
    const position = await tag('proposed ending', 'position');
    const date = await tag('22 June 2021', 'date');
    value(await api.addRelation({ documentId, typeId: 'holds', sourceId: actor, targetId: position }));
    const before = await own();
    const refusals = [
      await api.addRelation({ documentId, typeId: 'holds', sourceId: actor, targetId: position }),
      await api.addRelation({ documentId, typeId: 'when', sourceId: actor, targetId: date }),
      await api.addRelation({ documentId, typeId: 'nope', sourceId: actor, targetId: date }),
      await api.addRelation({ documentId, typeId: 'holds', sourceId: actor, targetId: 'ann_missing' }),
      await api.addRelation({ documentId, typeId: 'holds', sourceId: actor, targetId: actor }),
      await api.addRelation({ documentId, layerId: 'colleague:Sam', typeId: 'holds', sourceId: actor, targetId: position }),
      await api.deleteRelations({ documentId, relationIds: ['rel_missing'] }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['conflict', 'invalid-input', 'invalid-input', 'not-found', 'invalid-input', 'forbidden', 'not-found']);
    expect(await own()).toEqual(before);
  });
});

describe('attribute values', () => {
  it('sets a stance and a date value, clears one, and refuses values the label does not allow', async () => {
    const { api, documentId, tag, own } = await setup(TEXTS[2]!);
    const position = await tag('proposed ending', 'position');
    const date = await tag('2021년 6월 22일', 'date');
    value(await api.updateAnnotation({ documentId, annotationId: position, attributes: { stance: 'proposes' } }));
    value(await api.updateAnnotation({ documentId, annotationId: date, attributes: { value: '2021-06-22' } }));
    const find = async (id: string) => (await own()).annotations.find((a) => a.id === id)!;
    expect((await find(position)).attributes).toEqual({ stance: 'proposes' });
    expect((await find(date)).attributes).toEqual({ value: '2021-06-22' });
    const before = await own();
    const refusals = [
      await api.updateAnnotation({ documentId, annotationId: position, attributes: { stance: 'maybe' } }),
      await api.updateAnnotation({ documentId, annotationId: date, attributes: { value: '2021-02-29' } }),
      await api.updateAnnotation({ documentId, annotationId: date, attributes: { value: '22 June 2021' } }),
      await api.updateAnnotation({ documentId, annotationId: date, attributes: { colour: 'red' } }),
      await api.updateAnnotation({ documentId, annotationId: date, entityId: 'ent_missing' }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['invalid-input', 'invalid-input', 'invalid-input', 'invalid-input', 'not-found']);
    expect(await own()).toEqual(before);
    value(await api.updateAnnotation({ documentId, annotationId: date, attributes: { value: null } }));
    expect((await find(date)).attributes).toBeUndefined();
    // Undo brings the value back.
    value(await api.undo({ documentId }));
    expect((await find(date)).attributes).toEqual({ value: '2021-06-22' });
  });
});

describe('entities and metadata', () => {
  it('makes an entity, adds an alias in another script, links a span, and refuses a name another entity has', async () => {
    const { api, dir, dialogs, documentId, tag, own } = await setup(TEXTS[2]!);
    const chung = value(await api.createEntity({ name: 'Chung Dong-young', kind: 'actor', aliases: [] }));
    const aliased = value(await api.addEntityAlias({ entityId: chung.id, alias: '정동영' }));
    expect(aliased.aliases).toEqual(['정동영']);
    // Adding it again changes nothing.
    expect(value(await api.addEntityAlias({ entityId: chung.id, alias: '정동영' })).aliases).toEqual(['정동영']);
    const span = await tag('정동영', 'actor');
    value(await api.updateAnnotation({ documentId, annotationId: span, entityId: chung.id }));
    expect((await own()).annotations.find((a) => a.id === span)!.entityId).toBe(chung.id);
    const refusals = [
      await api.createEntity({ name: '정동영', kind: 'actor', aliases: [] }),
      await api.createEntity({ name: 'Someone', kind: 'nope', aliases: [] }),
      await api.addEntityAlias({ entityId: 'ent_missing', alias: 'x' }),
    ];
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['conflict', 'invalid-input', 'not-found']);
    expect(value(await api.listEntities({}))).toEqual([aliased]);
    // An export carries the entities its spans name, so it reads back (as a colleague's layer here).
    const file = path.join(dir, 'export.json');
    dialogs.saves.push(file);
    value(await api.exportToDialog({ format: 'parley' }));
    dialogs.opens.push([file]);
    expect(value(await api.importLayerFromDialog({ format: 'parley', author: 'Sam' }))!.layers).toHaveLength(1);
    value(await api.updateAnnotation({ documentId, annotationId: span, entityId: null }));
    expect((await own()).annotations.find((a) => a.id === span)!.entityId).toBeUndefined();
  });

  it('sets document metadata, trimmed, refuses a publication date that is none, and clears it', async () => {
    const { api, documentId } = await setup(TEXTS[0]!);
    value(await api.setDocumentMetadata({ documentId, metadata: { publishedAt: '2021-06-23T09:30+09:00', outlet: ' Yonhap ', author: '', url: 'https://example.org/a' } }));
    expect(value(await api.getDocument({ documentId })).document.metadata).toEqual({ publishedAt: '2021-06-23T09:30+09:00', outlet: 'Yonhap', url: 'https://example.org/a' });
    for (const publishedAt of ['Tuesday', '2021-02-30', '2021-06-01/2021-06-30', '2021-06-23T25']) {
      const refused = await api.setDocumentMetadata({ documentId, metadata: { publishedAt } });
      expect(refused.ok ? 'ok' : refused.error.code, publishedAt).toBe('invalid-input');
    }
    expect(value(await api.getDocument({ documentId })).document.metadata?.outlet).toBe('Yonhap');
    value(await api.setDocumentMetadata({ documentId, metadata: {} }));
    expect(value(await api.getDocument({ documentId })).document.metadata).toBeUndefined();
  });
});

describe('label saves and relation types', () => {
  it('keeps the relation types when a save sends none, follows a merged label, refuses clashing keys, and deletes a type with its end label', async () => {
    const { api } = await setup(TEXTS[0]!);
    const schema = value(await api.getLabels({}));
    const labels = schema.labels.map(({ attributes, ...l }) => ({ ...l, ...(attributes ? { attributes } : {}) }));
    const kept = value(await api.saveLabels({ labels, migrate: [] }));
    expect(kept.relationTypes).toEqual(schema.relationTypes);
    // Policy body merged into actor: ends naming it follow.
    const merged = value(await api.saveLabels({ labels: labels.filter((l) => l.id !== 'policy-body'), migrate: [{ from: 'policy-body', to: 'actor' }], relationTypes: schema.relationTypes }));
    expect(merged.relationTypes!.find((t) => t.id === 'toward')!.to).toEqual(['actor']);
    const before = value(await api.getLabels({}));
    const clash = await api.saveLabels({ labels: before.labels, migrate: [], relationTypes: [...before.relationTypes!, { ...before.relationTypes![0]!, id: 'holds-2', name: 'holds too' }] });
    expect(clash.ok ? 'ok' : clash.error.message).toBe('“holds too” and “holds” both use the key "h"');
    expect(value(await api.getLabels({}))).toEqual(before);
    // Deleting the date label deletes "when" with it, rather than leaving it open to any label.
    const withoutDate = value(await api.saveLabels({ labels: before.labels.filter((l) => l.id !== 'date'), migrate: [{ from: 'date', to: null }], relationTypes: before.relationTypes }));
    expect(withoutDate.relationTypes!.map((t) => t.id)).toEqual(['holds', 'toward', 'member-of']);
  });
});

describe('a colleague’s links', () => {
  TEXTS.forEach((text, i) => {
    it(`come with their layer from a Parley JSON export, and review tells agreed links from the rest (text ${i})`, async () => {
      // Sam links actor, position and date, and exports.
      const sam = await setup(text);
      const actor = await sam.tag('Noh Kyu-duk', 'actor');
      const position = await sam.tag('proposed ending', 'position');
      const date = await sam.tag('22 June 2021', 'date');
      value(await sam.api.addRelation({ documentId: sam.documentId, typeId: 'holds', sourceId: actor, targetId: position }));
      value(await sam.api.addRelation({ documentId: sam.documentId, typeId: 'when', sourceId: position, targetId: date }));
      const file = path.join(sam.dir, 'sam.json');
      sam.dialogs.saves.push(file);
      value(await sam.api.exportToDialog({ format: 'parley' }));

      // Min-ji tags the same spans, links only holds, and loads Sam's file as a layer.
      const minji = await setup(text);
      const a = await minji.tag('Noh Kyu-duk', 'actor');
      const p = await minji.tag('proposed ending', 'position');
      await minji.tag('22 June 2021', 'date');
      value(await minji.api.addRelation({ documentId: minji.documentId, typeId: 'holds', sourceId: a, targetId: p }));
      minji.dialogs.opens.push([file]);
      value(await minji.api.importLayerFromDialog({ format: 'parley', author: 'Sam' }));
      const view = value(await minji.api.getDocument({ documentId: minji.documentId }));
      const theirs = view.layers.find((l) => l.kind === 'colleague')!;
      expect(theirs.relations!.map((r) => r.typeId)).toEqual(['holds', 'when']);
      expect(theirs.relations!.every((r) => r.documentId === minji.documentId)).toBe(true);
      const mine = view.layers.find((l) => l.id === OWN_LAYER_ID)!;
      expect(relationDifferences(mine, theirs).map((d) => `${d.kind}:${(d.mine ?? d.theirs)!.typeId}`)).toEqual(['agreed:holds', 'only-theirs:when']);
    });
  });
});
