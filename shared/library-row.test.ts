import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import type { Annotation, AnnotationLayer } from '../annotations/model';
import type { DocumentSummary } from './library';
import { keepUnchangedRows, libraryRowOf, withLibraryRow } from './library-row';

const NOW = '2026-11-30T10:00:00.000Z';

function tagged(text: string, quotes: Array<[string, string]>, documentId: string): Annotation[] {
  return quotes.map(([quote, labelId]) => {
    const start = text.indexOf(quote);
    const made = createAnnotation(text, { documentId, start, end: start + quote.length, labelId, author: 'Min-ji', now: NOW });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  });
}

describe('libraryRowOf', () => {
  const cases = [
    { name: 'CRLF', text: 'Noh spoke.\r\nThe group ended.\r\n', own: [['Noh', 'actor'], ['group', 'policy-body']], length: 30 },
    { name: 'Hangul', text: '통일부가 정동영 장관의 제안을 환영했다.', own: [['통일부', 'policy-body'], ['정동영', 'actor']], length: 22 },
    { name: 'emoji', text: 'Leaders 🇰🇷🇺🇸 met 🤝 at Camp David.', own: [['Camp David', 'place']], length: 38 },
  ] as const;
  for (const c of cases) {
    it(`counts the own layer per label and gives the ${c.name} text's length in UTF-16 units`, () => {
      const document = createDocument({ title: c.name, source: 'test', text: c.text, now: NOW });
      const own = tagged(c.text, c.own.map(([q, l]) => [q, l]), document.id);
      const theirs = tagged(c.text, [[c.own[0][0], 'other']], document.id);
      const layers: AnnotationLayer[] = [
        { id: 'own', kind: 'own', author: 'Min-ji', annotations: own },
        { id: 'colleague-jun', kind: 'colleague', author: 'Jun', annotations: theirs },
      ];
      const row = libraryRowOf({ document, layers, updatedAt: '2026-11-30T11:00:00.000Z' });
      expect(row.length).toBe(c.length);
      expect(row.length).toBe(c.text.length);
      expect(row.annotationCount).toBe(c.own.length);
      const expected: Record<string, number> = {};
      for (const [, label] of c.own) expected[label] = (expected[label] ?? 0) + 1;
      expect(row.countsByLabel).toEqual(expected);
      expect(row.layers).toEqual([
        { id: 'own', kind: 'own', author: 'Min-ji', count: c.own.length },
        { id: 'colleague-jun', kind: 'colleague', author: 'Jun', count: 1 },
      ]);
      expect(row.updatedAt).toBe('2026-11-30T11:00:00.000Z');
      expect({ id: row.id, title: row.title, status: row.status, sha256: row.sha256 }).toEqual({ id: document.id, title: c.name, status: document.status, sha256: document.sha256 });
    });
  }

  it('gives zero counts when there is no own layer', () => {
    const document = createDocument({ title: 'empty', source: 'test', text: 'Nothing tagged.', now: NOW });
    const row = libraryRowOf({ document, layers: [], updatedAt: NOW });
    expect(row.annotationCount).toBe(0);
    expect(row.countsByLabel).toEqual({});
    expect(row.layers).toEqual([]);
  });
});

describe('withLibraryRow', () => {
  const row = (id: string, updatedAt: string, annotationCount = 0): DocumentSummary => ({
    id,
    title: id,
    source: 'test',
    sha256: id,
    importedAt: NOW,
    updatedAt,
    status: 'todo',
    annotationCount,
    countsByLabel: {},
    layers: [],
    length: 1,
  });
  const list = [row('a', '2026-11-30T10:00:00.000Z'), row('b', '2026-11-30T10:00:00.000Z'), row('c', '2026-11-30T10:00:00.000Z')];

  it('puts the new row in its place, keeping the order and the other rows', () => {
    const next = withLibraryRow(list, row('b', '2026-11-30T10:05:00.000Z', 3));
    expect(next.map((r) => [r.id, r.annotationCount])).toEqual([['a', 0], ['b', 3], ['c', 0]]);
    expect(next[0]).toBe(list[0]);
    expect(list[1]!.annotationCount).toBe(0);
  });

  it('leaves the list alone for a document it does not show, or for a row older than the one shown', () => {
    expect(withLibraryRow(list, row('deleted', '2026-11-30T11:00:00.000Z', 9))).toBe(list);
    expect(withLibraryRow(list, row('a', '2026-11-30T09:00:00.000Z', 9))).toBe(list);
  });

  it('takes a row of the same time (two changes within a millisecond)', () => {
    expect(withLibraryRow(list, row('c', '2026-11-30T10:00:00.000Z', 2))[2]!.annotationCount).toBe(2);
  });
});

describe('keepUnchangedRows', () => {
  const row = (id: string, change: Partial<DocumentSummary> = {}): DocumentSummary => ({
    id,
    title: `Title ${id}`,
    source: 'test',
    sha256: id,
    importedAt: NOW,
    updatedAt: NOW,
    status: 'todo',
    annotationCount: 2,
    countsByLabel: { actor: 1, date: 1 },
    layers: [{ id: 'own', kind: 'own', author: 'Min-ji', count: 2 }],
    length: 40,
    ...change,
  });
  const shown = [row('a'), row('b'), row('c')];

  it('gives the shown list itself when a fresh answer says the same of every row', () => {
    expect(keepUnchangedRows(shown, [row('a'), row('b'), row('c')])).toBe(shown);
  });

  // Each field of a row, changed alone, makes that row (and only it) the fresh one.
  const changes: Array<[string, Partial<DocumentSummary>]> = [
    ['title', { title: '통일부 briefing 🇰🇷' }],
    ['source', { source: 'other.txt' }],
    ['sha256', { sha256: 'other' }],
    ['importedAt', { importedAt: '2026-11-30T11:00:00.000Z' }],
    ['updatedAt', { updatedAt: '2026-11-30T11:00:00.000Z' }],
    ['status', { status: 'done' }],
    ['annotationCount', { annotationCount: 3 }],
    ['a label count', { countsByLabel: { actor: 2, date: 1 } }],
    ['a new label with the same total', { countsByLabel: { actor: 1, position: 1 } }],
    ['a layer count', { layers: [{ id: 'own', kind: 'own', author: 'Min-ji', count: 3 }] }],
    ['a layer added', { layers: [{ id: 'own', kind: 'own', author: 'Min-ji', count: 2 }, { id: 'jaewon', kind: 'colleague', author: 'Jae-won', count: 5 }] }],
    ['a layer author', { layers: [{ id: 'own', kind: 'own', author: 'Jae-won', count: 2 }] }],
    ['length', { length: 41 }],
    // A field the row does not have today: compared all the same.
    ['a field added later', { origin: 'pdf' } as Partial<DocumentSummary>],
  ];
  for (const [name, change] of changes) {
    it(`takes the fresh row when its ${name} changed, and keeps the others`, () => {
      const fresh = [row('a'), row('b', change), row('c')];
      const kept = keepUnchangedRows(shown, fresh);
      expect(kept).not.toBe(shown);
      expect(kept[0]).toBe(shown[0]);
      expect(kept[1]).toBe(fresh[1]);
      expect(kept[2]).toBe(shown[2]);
    });
  }

  it('follows the fresh order, additions and deletions, keeping the unchanged rows', () => {
    const fresh = [row('c'), row('d'), row('a')];
    const kept = keepUnchangedRows(shown, fresh);
    expect(kept.map((r) => r.id)).toEqual(['c', 'd', 'a']);
    expect(kept[0]).toBe(shown[2]);
    expect(kept[1]).toBe(fresh[1]);
    expect(kept[2]).toBe(shown[0]);
    expect(keepUnchangedRows(shown, [row('a'), row('b')])).toEqual([row('a'), row('b')]);
    expect(keepUnchangedRows(shown, [row('b'), row('a'), row('c')]).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});
