/** The corpus view's calls through the handlers on a real store: search across documents, tagging hits as one step, undoing it at once, and exporting a filtered statement table. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const FIRST = '🇰🇷 Seoul, 3 March.\r\nKim Jong Un opposed the joint drills. 김정은 위원장은 합동훈련을 비난했다 😀.';
const SECOND = 'Tokyo: joint drills again.\r\n합동훈련 재개.';

async function setup() {
  const { dir, opened } = await openTestStore('Min-ji');
  const dialogs = new QueuedDialogs();
  const api = createHandlers({ ...opened, dialogs, version: 'test', notify: () => undefined });
  const ids = value(await api.importTexts({ files: [{ name: 'first.txt', content: FIRST }, { name: 'second.txt', content: SECOND }] })).added.map((d) => d.id);
  return { api, dialogs, dir, ids, store: opened.store };
}

describe('search and tag across the library', () => {
  it('finds Hangul and emoji in both documents with exact offsets', async () => {
    const { api, ids } = await setup();
    const found = value(await api.searchLibrary({ text: '합동훈련' }));
    expect(found.hits.map((h) => [h.documentId, (h.documentId === ids[0] ? FIRST : SECOND).slice(h.start, h.end)])).toEqual([
      [ids[0], '합동훈련'],
      [ids[1], '합동훈련'],
    ]);
    const emoji = value(await api.searchLibrary({ text: '😀' })).hits[0]!;
    expect(FIRST.slice(emoji.start, emoji.end)).toBe('😀');
  });

  it('tags the chosen hits of two documents as one step, and undoes and redoes them at once', async () => {
    const { api, ids, store } = await setup();
    const hits = value(await api.searchLibrary({ text: 'joint drills' })).hits.map(({ documentId, start, end }) => ({ documentId, start, end }));
    expect(hits).toHaveLength(2);
    const tagged = value(await api.tagSearchHits({ labelId: 'position', hits }));
    expect(tagged).toMatchObject({ tagged: 2, documents: 2, history: { undoLabel: 'Tag 2 search hits in 2 documents as Position', redoLabel: null } });
    const own = (id: string) => value(store.getDocument(id)).layers.find((l) => l.id === 'own')?.annotations.map((a) => a.quote.exact) ?? [];
    expect(own(ids[0]!)).toEqual(['joint drills']);
    expect(own(ids[1]!)).toEqual(['joint drills']);
    // The search now shows the new tag over the hit.
    expect(value(await api.searchLibrary({ text: 'joint drills', labelId: 'position' })).total).toBe(2);

    const undone = value(await api.undoCorpusStep({}));
    expect(undone.changes.map((c) => c.documentId).sort()).toEqual([...ids].sort());
    expect(undone.history).toEqual({ undoLabel: null, redoLabel: 'Tag 2 search hits in 2 documents as Position' });
    expect(own(ids[0]!)).toEqual([]);
    expect(own(ids[1]!)).toEqual([]);
    value(await api.redoCorpusStep({}));
    expect(own(ids[1]!)).toEqual(['joint drills']);
    expect(value(await api.corpusHistory({}))).toEqual({ undoLabel: 'Tag 2 search hits in 2 documents as Position', redoLabel: null });
  });

  it('refuses to undo a batch once one of its documents changed, leaving both as they are', async () => {
    const { api, ids, store } = await setup();
    const hits = value(await api.searchLibrary({ text: 'joint drills' })).hits.map(({ documentId, start, end }) => ({ documentId, start, end }));
    value(await api.tagSearchHits({ labelId: 'position', hits }));
    value(await api.addAnnotations({ documentId: ids[1]!, spans: [{ start: 0, end: 5, labelId: 'actor' }] }));
    const refused = await api.undoCorpusStep({});
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const count = (id: string) => value(store.getDocument(id)).layers.find((l) => l.id === 'own')!.annotations.length;
    expect([count(ids[0]!), count(ids[1]!)]).toEqual([1, 2]);
  });

  it('checks every hit before writing: a bad one leaves every document untouched', async () => {
    const { api, ids, store } = await setup();
    const bad = await api.tagSearchHits({ labelId: 'actor', hits: [{ documentId: ids[0]!, start: 0, end: 5 }, { documentId: ids[1]!, start: 0, end: 10_000 }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api.tagSearchHits({ labelId: 'nope', hits: [{ documentId: ids[0]!, start: 0, end: 5 }] })).toMatchObject({ ok: false });
    for (const id of ids) expect(store.getDocument(id)).toMatchObject({ ok: true, value: { undoLabel: null } });
    expect(value(await api.corpusHistory({}))).toEqual({ undoLabel: null, redoLabel: null });
  });
});

describe('entities table and statements, kept per document until it changes', () => {
  it('groups mentions across documents, lists one row’s mentions, and follows a new tag and link', async () => {
    const { api, ids } = await setup();
    value(await api.createEntity({ name: 'Kim Jong Un', kind: 'actor', aliases: ['김정은'] }));
    const tag = async (documentId: string, text: string, quote: string, labelId: string) =>
      value(await api.addAnnotations({ documentId, spans: [{ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length, labelId }] })).added[0]!.id;
    const kim = await tag(ids[0]!, FIRST, 'Kim Jong Un', 'actor');
    await tag(ids[0]!, FIRST, '김정은', 'actor');
    await tag(ids[1]!, SECOND, 'Tokyo', 'actor');
    const table = value(await api.entityRows({ filter: {} }));
    expect(table.rows.map((r) => [r.name, r.mentionCount, r.documentCount])).toEqual([
      ['Kim Jong Un', 2, 1],
      ['Tokyo', 1, 1],
    ]);
    const mentions = value(await api.entityMentions({ key: table.rows[0]!.key, filter: {} }));
    expect(mentions.map((m) => m.text)).toEqual(['Kim Jong Un', '김정은']);
    expect(value(await api.entityRows({ filter: { status: 'done' } })).total).toBe(0);

    expect(value(await api.listStatements({}))).toEqual([]);
    const position = await tag(ids[0]!, FIRST, 'opposed the joint drills', 'position');
    value(await api.addRelation({ documentId: ids[0]!, typeId: 'holds', sourceId: kim, targetId: position }));
    expect(value(await api.listStatements({})).map((s) => [s.actor?.entityName, s.position.text])).toEqual([['Kim Jong Un', 'opposed the joint drills']]);
    // Renaming the entity renames it in every statement, though no document changed.
    const entity = value(await api.listEntities({}))[0]!;
    value(await api.renameEntity({ entityId: entity.id, name: 'Chairman Kim' }));
    expect(value(await api.listStatements({}))[0]!.actor?.entityName).toBe('Chairman Kim');
    expect(value(await api.entityRows({ filter: { stance: 'opposes' } })).total).toBe(0);
  });
});

describe('statement table export of the corpus view', () => {
  it('writes only the rows it names', async () => {
    const { api, dialogs, dir, ids } = await setup();
    const documentId = ids[0]!;
    const tag = async (quote: string, labelId: string) => value(await api.addAnnotations({ documentId, spans: [{ start: FIRST.indexOf(quote), end: FIRST.indexOf(quote) + quote.length, labelId }] })).added[0]!.id;
    const kim = await tag('Kim Jong Un', 'actor');
    const opposed = await tag('opposed the joint drills', 'position');
    const kim2 = await tag('김정은', 'actor');
    const blamed = await tag('비난했다', 'position');
    value(await api.addRelation({ documentId, typeId: 'holds', sourceId: kim, targetId: opposed }));
    value(await api.addRelation({ documentId, typeId: 'holds', sourceId: kim2, targetId: blamed }));
    const statements = value(await api.listStatements({}));
    expect(statements).toHaveLength(2);
    const target = path.join(dir, 'filtered.json');
    dialogs.saves.push(target);
    const only = statements[1]!;
    expect(value(await api.exportStatementsToDialog({ format: 'json', rows: [{ documentId: only.documentId, positionId: only.position.annotationId, actorId: only.actor!.annotationId }] }))).toEqual({ path: target, statements: 1 });
    expect(await readFile(target, 'utf8')).toContain('비난했다');
    expect(await readFile(target, 'utf8')).not.toContain('opposed the joint drills');
  });
});
