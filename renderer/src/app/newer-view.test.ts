import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { OWN_LAYER_ID } from '../../../annotations/model';
import type { DocumentView } from '../../../shared/library';
import { newerView } from './newer-view';

const TEXT = 'Noh met Kim.';

/** A view of document `id` as of `updatedAt`, with `tags` actor tags on "Noh". */
function view(id: string, updatedAt: string, tags: number): DocumentView {
  const document = createDocument({ id, title: id, source: `${id}.txt`, text: TEXT, now: '2026-11-22T09:00:00.000Z' });
  const annotations = Array.from({ length: tags }, (_, i) => {
    const made = createAnnotation(TEXT, { documentId: id, start: 0, end: 3, labelId: 'actor', author: 'analyst', now: updatedAt, id: `ann_${i}` });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  });
  return { document, layers: [{ id: OWN_LAYER_ID, kind: 'own', author: 'analyst', annotations }], decisions: [], updatedAt, undoLabel: null, redoLabel: null };
}

describe('newerView', () => {
  it('keeps the view the reader already brought up to date when a stale fetch arrives', () => {
    const patched = view('doc_a', '2026-11-22T09:00:02.000Z', 1);
    const stale = view('doc_a', '2026-11-22T09:00:01.000Z', 0);
    expect(newerView(patched, stale)).toBe(patched);
  });

  it('takes a fetched view that is as new or newer', () => {
    const shown = view('doc_a', '2026-11-22T09:00:02.000Z', 1);
    const same = view('doc_a', '2026-11-22T09:00:02.000Z', 1);
    const later = view('doc_a', '2026-11-22T09:00:03.000Z', 2);
    expect(newerView(shown, same)).toBe(same);
    expect(newerView(shown, later)).toBe(later);
  });

  it('always takes a view of another document, or the first one', () => {
    const shown = view('doc_a', '2026-11-22T09:00:09.000Z', 1);
    const other = view('doc_b', '2026-11-22T09:00:01.000Z', 0);
    expect(newerView(shown, other)).toBe(other);
    expect(newerView(null, other)).toBe(other);
  });
});
