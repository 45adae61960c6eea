import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { DEFAULT_LABELS, DEFAULT_RELATION_TYPES } from '../labels';
import type { Annotation, CorpusDocument, Entity, Relation } from '../model';
import { keywordInContext } from './keyword-in-context';
import { entityRows, libraryMentions } from './library-entities';
import { LibrarySearch, queryPattern } from './library-search';
import { libraryStatements } from './library-statements';
import { PerDocumentCache } from './per-document-cache';
import { searchTerms } from './search-terms';
import { filterStatements, sortStatements, statementKey } from './statement-filter';

const NOW = '2026-12-01T00:00:00.000Z';
// CRLF, Hangul, a flag and an emoji before the spans, so UTF-16 offsets differ from code points.
const SEOUL = '🇰🇷 Seoul, 3 March 2025 — Kim Jong Un opposed the joint drills.\r\n서울은 합동훈련을 지지했다 😀좋아요.\r\nSeoul backed the joint drills again.';
const TOKYO = 'Tokyo, 9 May 2025 — Kim Jong Un demanded an end to joint drills.';

const SCHEMA = { labels: [...DEFAULT_LABELS], relationTypes: [...DEFAULT_RELATION_TYPES] };
const ENTITIES: Entity[] = [{ id: 'ent_kim', name: 'Kim Jong Un', aliases: ['김정은'], kind: 'actor' }];

function article(id: string, text: string, publishedAt?: string): CorpusDocument {
  const document = createDocument({ id, title: `Article ${id}`, source: `${id}.txt`, text, now: NOW });
  return { document: publishedAt ? { ...document, metadata: { publishedAt, outlet: 'Yonhap' } } : document, layers: [{ id: 'own', kind: 'own', author: 'ana', annotations: [], relations: [] }], decisions: [] };
}

function tag(doc: CorpusDocument, exact: string, labelId: string, extra: Partial<Annotation> = {}, nth = 0): Annotation {
  const text = doc.document.text;
  let start = text.indexOf(exact);
  for (let i = 0; i < nth; i += 1) start = text.indexOf(exact, start + 1);
  const layer = doc.layers[0]!;
  const made = createAnnotation(text, { documentId: doc.document.id, start, end: start + exact.length, labelId, author: 'ana', now: NOW, id: `ann_${doc.document.id}_${layer.annotations.length}` });
  if (!made.ok) throw new Error(made.error.message);
  const a = { ...made.value, ...extra };
  layer.annotations.push(a);
  return a;
}

function link(doc: CorpusDocument, typeId: string, source: Annotation, target: Annotation): void {
  const relations = doc.layers[0]!.relations!;
  const r: Relation = { id: `rel_${relations.length}`, documentId: doc.document.id, typeId, sourceId: source.id, targetId: target.id, author: 'ana', createdAt: NOW, updatedAt: NOW };
  relations.push(r);
}

/** Two articles: Kim opposes the drills on 3 March (Seoul) and demands their end on 9 May (Tokyo); "Seoul" is tagged twice but never linked. */
function library() {
  const seoul = article('doc_seoul', SEOUL, '2025-03-04T09:00:00+09:00');
  const kim = tag(seoul, 'Kim Jong Un', 'actor', { entityId: 'ent_kim' });
  const opposed = tag(seoul, 'opposed the joint drills', 'position', { attributes: { stance: 'opposes' } });
  const march = tag(seoul, '3 March 2025', 'date', { attributes: { value: '2025-03-03' } });
  tag(seoul, 'Seoul', 'actor');
  tag(seoul, 'Seoul', 'actor', {}, 1);
  link(seoul, 'holds', kim, opposed);
  link(seoul, 'when', opposed, march);
  const tokyo = article('doc_tokyo', TOKYO);
  const kim2 = tag(tokyo, 'Kim Jong Un', 'actor', { entityId: 'ent_kim' });
  const demanded = tag(tokyo, 'demanded an end to joint drills', 'position', { attributes: { stance: 'demands' } });
  const may = tag(tokyo, '9 May 2025', 'date', { attributes: { value: '2025-05' } });
  link(tokyo, 'holds', kim2, demanded);
  link(tokyo, 'when', demanded, may);
  return [seoul, tokyo];
}

describe('libraryStatements', () => {
  it('reads every document in order, naming entities, and skips documents without the layer', () => {
    const statements = libraryStatements(library(), { entities: ENTITIES });
    expect(statements.map((s) => [s.documentId, s.actor?.entityName, s.stance])).toEqual([
      ['doc_seoul', 'Kim Jong Un', 'opposes'],
      ['doc_tokyo', 'Kim Jong Un', 'demands'],
    ]);
    expect(libraryStatements(library(), { layerId: 'reconciled' })).toEqual([]);
  });
});

describe('entities across the library', () => {
  it('groups linked mentions by entity and unlinked ones by label and text, with documents and dates', () => {
    const mentions = libraryMentions(library(), SCHEMA, ENTITIES);
    const rows = entityRows(mentions, ENTITIES);
    expect(rows.map((r) => [r.key, r.name, r.mentions.length, r.documentCount, r.firstDate, r.lastDate])).toEqual([
      ['entity:ent_kim', 'Kim Jong Un', 2, 2, '2025-03-03', '2025-05-01'],
      ['text:actor:seoul', 'Seoul', 2, 1, '2025-03-04', '2025-03-04'],
    ]);
    // Positions and dates are not mentions.
    expect(mentions.every((m) => m.labelId === 'actor')).toBe(true);
  });

  it('gives mentions in reading order whether or not a layer is stored in that order, and groups names by their normalised form', () => {
    const inOrder = library();
    for (const doc of inOrder) doc.layers[0]!.annotations.sort((a, b) => a.start - b.start || a.end - b.end);
    const reversed = library();
    for (const doc of reversed) doc.layers[0]!.annotations.reverse();
    const places = (docs: CorpusDocument[]) => libraryMentions(docs, SCHEMA, ENTITIES).map((m) => [m.documentId, m.start, m.group]);
    expect(places(reversed)).toEqual(places(inOrder));
    expect(places(inOrder).filter(([doc]) => doc === 'doc_seoul').map(([, start]) => start)).toEqual([...SEOUL.matchAll(/Kim Jong Un|Seoul/g)].map((m) => m.index).sort((a, b) => a - b).slice(0, 3));
    // The same name typed apart (case, spaces, composed or not) is one group.
    const hangul = article('doc_hangul', '김정은 met 김정은.\r\nKIM  jong un and Kim Jong Un 😀.');
    tag(hangul, '김정은', 'actor');
    const decomposed = '김정은'.normalize('NFD');
    tag(hangul, 'KIM  jong un', 'actor');
    tag(hangul, 'Kim Jong Un', 'actor');
    tag(hangul, '김정은', 'actor', {}, 1);
    hangul.layers[0]!.annotations[3] = { ...hangul.layers[0]!.annotations[3]!, quote: { ...hangul.layers[0]!.annotations[3]!.quote, exact: decomposed } };
    expect(Object.fromEntries(entityRows(libraryMentions([hangul], SCHEMA, []), []).map((r) => [r.key, r.mentions.length]))).toEqual({
      'text:actor:김정은': 2,
      'text:actor:kim jong un': 2,
    });
  });

  it('filters by stance, label, layer, status and name', () => {
    const mentions = libraryMentions(library(), SCHEMA, ENTITIES);
    const statusOf = (id: string) => (id === 'doc_seoul' ? ('todo' as const) : ('in-progress' as const));
    const names = (filter: Parameters<typeof entityRows>[2]) => entityRows(mentions, ENTITIES, filter, statusOf).map((r) => `${r.name}×${r.mentions.length}`);
    expect(names({ stance: 'demands' })).toEqual(['Kim Jong Un×1']);
    expect(names({ labelId: 'policy-body' })).toEqual([]);
    expect(names({ layerId: 'reconciled' })).toEqual([]);
    expect(names({ status: 'todo' })).toEqual(['Seoul×2', 'Kim Jong Un×1']);
    expect(names({ status: 'done' })).toEqual([]);
    expect(names({ text: 'kim' })).toEqual(['Kim Jong Un×2']);
  });
});

describe('library search', () => {
  const indexed = () => {
    const docs = library();
    const search = new LibrarySearch();
    search.sync(docs.map((d) => ({ id: d.document.id, version: '1' })), (id) => docs.find((d) => d.document.id === id));
    return { docs, search };
  };

  it('finds words across documents with exact UTF-16 offsets, context and the tags over them', () => {
    const { search } = indexed();
    const found = search.search({ text: 'joint DRILLS' });
    expect(found.documents).toBe(2);
    expect(found.hits.map((h) => [h.documentId, SEOUL.slice(h.start, h.end)]).slice(0, 2)).toEqual([
      ['doc_seoul', 'joint drills'],
      ['doc_seoul', 'joint drills'],
    ]);
    const first = found.hits[0]!;
    expect(first.context.left.endsWith('Kim Jong Un opposed the ')).toBe(true);
    expect(first.context.hit).toBe('joint drills');
    expect(first.tags.map((t) => t.labelId)).toEqual(['position']);
    expect(found.hits[2]!.documentId).toBe('doc_tokyo');
  });

  it('finds Hangul at a word start, emoji and flags, and whole phrases across CRLF', () => {
    const { search } = indexed();
    const at = (text: string) => search.search({ text }).hits.map((h) => SEOUL.slice(h.start, h.end));
    expect(at('서울')).toEqual(['서울']);
    expect(at('합동훈련을')).toEqual(['합동훈련을']);
    expect(at('😀')).toEqual(['😀']);
    expect(at('🇰🇷')).toEqual(['🇰🇷']);
    expect(at('drills. 서울은')).toEqual(['drills.\r\n서울은']);
    expect(at('울은')).toEqual([]);
    expect(at('   ')).toEqual([]);
  });

  it('filters by label, entity, date range and outlet', () => {
    const { search } = indexed();
    const docsOf = (q: Omit<Parameters<LibrarySearch['search']>[0], 'text'>) => [...new Set(search.search({ text: 'Kim', ...q }).hits.map((h) => h.documentId))];
    expect(docsOf({ from: '2025-03-01', to: '2025-03-31' })).toEqual(['doc_seoul']);
    expect(docsOf({ from: '2025-04-01' })).toEqual([]);
    expect(docsOf({ outlet: 'yonhap' })).toEqual(['doc_seoul']);
    expect(docsOf({ entityId: 'ent_kim' })).toEqual(['doc_seoul', 'doc_tokyo']);
    expect(search.search({ text: 'Seoul', labelId: 'actor' }).total).toBe(2);
    expect(search.search({ text: 'Seoul', labelId: 'position' }).total).toBe(0);
  });

  it('keeps the index up to date one document at a time and counts hits past the limit', () => {
    const { docs, search } = indexed();
    expect(search.search({ text: 'drills', limit: 1 })).toMatchObject({ total: 3, truncated: true, hits: [{ documentId: 'doc_seoul' }] });
    const changed = { ...docs[1]!, document: { ...docs[1]!.document, text: 'Tokyo was quiet.' } };
    const reindexed = search.sync([{ id: 'doc_seoul', version: '1' }, { id: 'doc_tokyo', version: '2' }], () => changed);
    expect(reindexed).toBe(1);
    expect(search.search({ text: 'drills' }).documents).toBe(1);
    search.sync([{ id: 'doc_tokyo', version: '2' }], () => changed);
    expect(search.size).toBe(1);
    expect(search.search({ text: 'Seoul' }).total).toBe(0);
  });

  it('finds words in notes too', () => {
    const docs = library();
    docs[1]!.layers[0]!.annotations[0]!.note = '북한 leader, see 김정은';
    const search = new LibrarySearch();
    search.sync(docs.map((d) => ({ id: d.document.id, version: '1' })), (id) => docs.find((d) => d.document.id === id));
    expect(search.search({ text: '김정은' }).hits).toMatchObject([{ documentId: 'doc_tokyo', where: 'note', start: 15, end: 18, tags: [{ labelId: 'actor' }] }]);
  });

  it('splits terms around emoji and escapes patterns', () => {
    expect(searchTerms('좋아요😀 a+b (🇰🇷)')).toEqual(['좋아요', '😀', 'a', 'b', '🇰🇷']);
    expect(queryPattern('a+b')!.source).toContain('a\\+b');
    expect(keywordInContext('x😀abc😀y', 3, 6, 2)).toEqual({ left: '😀', hit: 'abc', right: '😀' });
  });
});

describe('statement table', () => {
  const statements = libraryStatements(library(), { entities: ENTITIES });
  it('filters by text, actor, stance and dates (month precision reaching into the range)', () => {
    expect(filterStatements(statements, { stance: 'demands' }).map((s) => s.documentId)).toEqual(['doc_tokyo']);
    expect(filterStatements(statements, { actor: 'kim jong un' })).toHaveLength(2);
    expect(filterStatements(statements, { text: 'OPPOSED' }).map((s) => s.documentId)).toEqual(['doc_seoul']);
    expect(filterStatements(statements, { from: '2025-05-20' }).map((s) => s.documentId)).toEqual(['doc_tokyo']);
    expect(filterStatements(statements, { to: '2025-04-30' }).map((s) => s.documentId)).toEqual(['doc_seoul']);
  });
  it('sorts by any column both ways and keys rows uniquely', () => {
    expect(sortStatements(statements, 'stance', 'ascending').map((s) => s.stance)).toEqual(['demands', 'opposes']);
    expect(sortStatements(statements, 'date', 'descending').map((s) => s.documentId)).toEqual(['doc_tokyo', 'doc_seoul']);
    expect(new Set(statements.map(statementKey)).size).toBe(2);
  });
});

describe('PerDocumentCache', () => {
  it('computes a document again only when its version changes, and forgets documents gone', () => {
    const cache = new PerDocumentCache<string>();
    const computed: string[] = [];
    const compute = (id: string) => {
      computed.push(id);
      return id === 'gone' ? undefined : `${id}!`;
    };
    expect(cache.collect([{ id: 'a', version: '1' }, { id: 'b', version: '1' }, { id: 'gone', version: '1' }], compute)).toEqual(['a!', 'b!']);
    expect(cache.collect([{ id: 'b', version: '2' }, { id: 'a', version: '1' }], compute)).toEqual(['b!', 'a!']);
    expect(computed).toEqual(['a', 'b', 'gone', 'b']);
    cache.collect([{ id: 'b', version: '2' }], compute);
    cache.collect([{ id: 'a', version: '1' }], compute);
    expect(computed).toEqual(['a', 'b', 'gone', 'b', 'a']);
  });
});
