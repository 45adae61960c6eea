/**
 * Review decisions answer with a change, not the whole document: the
 * reconciled layer's change, the decisions, the undo state, the library row
 * and the review's progress row. Applied to the view the window held (with
 * the review panel's own `applyReviewChange`), it gives exactly the document
 * the store now holds, in pair reviews and reviews of several layers, with
 * undo and redo, over CRLF, Hangul and emoji offsets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import type { Annotation } from '../../../annotations/model';
import type { Result } from '../../../annotations/result';
import { findDifferences } from '../../../annotations/review/differences';
import { findLayerDifferences } from '../../../annotations/review/layer-differences';
import type { DocumentView, ReviewChange } from '../../../shared/library';
import { applyReviewChange } from '../../../renderer/src/review/apply-review-change';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, value } from './handler-test-kit';

afterEach(closeTestStores);

const ARTICLE = 'The South Korea Foreign Ministry said Sung Kim’s visit to Seoul 🇰🇷 went well.\r\n통일부 agreed 🤝 on 22 June 2021.';
const span = (quote: string, labelId: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length, labelId });

async function setUp() {
  const { opened } = await openTestStore('Ana');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const [doc] = value(await api.importTexts({ files: [{ name: 'visit.txt', content: ARTICLE }] })).added;
  const documentId = doc!.id;
  const by = (author: string, quote: string, labelId: string): Annotation => {
    const created = createAnnotation(ARTICLE, { documentId, ...span(quote, labelId), author, now: '2026-11-30T09:00:00.000Z' });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  };
  value(await api.addAnnotations({ documentId, spans: [span('South Korea', 'actor'), span('Seoul 🇰🇷', 'policy-body')] }));
  value(await opened.store.putLayer(documentId, { id: 'colleague:Ben', kind: 'colleague', author: 'Ben', annotations: [by('Ben', 'South Korea Foreign Ministry', 'actor'), by('Ben', '통일부', 'policy-body'), by('Ben', 'Seoul 🇰🇷', 'policy-body')] }));
  value(await opened.store.putLayer(documentId, { id: 'colleague:Kim', kind: 'colleague', author: 'Kim', annotations: [by('Kim', '통일부', 'policy-body'), by('Kim', '22 June 2021', 'date')] }));
  return { api, documentId, store: opened.store };
}

type Api = Awaited<ReturnType<typeof setUp>>['api'];

/** Runs a review step and checks its change against the store: applied to `before`, it is the document after. */
async function step(api: Api, documentId: string, before: DocumentView, call: Promise<Result<ReviewChange>>): Promise<{ change: ReviewChange; after: DocumentView }> {
  const change = value(await call);
  const after = value(await api.getDocument({ documentId }));
  expect(applyReviewChange(before, change)).toEqual(after);
  expect(change.decisions).toEqual(after.decisions);
  expect(change.summary).toEqual(value(await api.listDocuments({})).find((d) => d.id === documentId));
  // The change is a small fraction of the document it describes.
  expect(JSON.stringify(change).length).toBeLessThan(JSON.stringify(after).length);
  return { change, after };
}

describe('a review decision answers with a change', () => {
  it('in a pair review: decide, accept all agreed, undo and redo, each applying exactly, with the progress row', async () => {
    const { api, documentId } = await setUp();
    let view = value(await api.getDocument({ documentId }));
    const layer = (id: string) => view.layers.find((l) => l.id === id)!.annotations;
    const differences = findDifferences(ARTICLE, layer('own'), layer('colleague:Ben'));
    const first = differences.find((d) => d.quote.startsWith('South Korea'))!;

    // The first decision creates the reconciled layer.
    expect(view.layers.some((l) => l.id === 'reconciled')).toBe(false);
    let done = await step(api, documentId, view, api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first.key, action: 'accept-theirs' }));
    const queueRow = () => api.reviewQueue({ theirsLayerId: 'colleague:Ben' }).then((q) => value(q).documents.find((d) => d.documentId === documentId));
    expect(done.change.progress).toEqual(await queueRow());
    expect(done.change.progress?.decided).toBe(1);
    view = done.after;

    done = await step(api, documentId, view, api.acceptAllAgreed({ documentId, theirsLayerId: 'colleague:Ben' }));
    expect(done.change.progress).toEqual(await queueRow());
    view = done.after;

    done = await step(api, documentId, view, api.undoReview({ documentId }));
    expect(done.change.progress).toBeUndefined();
    view = done.after;
    done = await step(api, documentId, view, api.undoReview({ documentId }));
    expect(done.after.decisions).toEqual([]);
    view = done.after;
    done = await step(api, documentId, view, api.redoReview({ documentId }));
    expect(done.after.decisions).toHaveLength(1);
  });

  it('in a review of three layers: a span choice and its undo apply exactly, with the progress row', async () => {
    const { api, documentId } = await setUp();
    const layers = ['own', 'colleague:Ben', 'colleague:Kim'];
    const view = value(await api.getDocument({ documentId }));
    const differences = findLayerDifferences(ARTICLE, layers.map((id) => ({ id, annotations: view.layers.find((l) => l.id === id)!.annotations })));
    const ministry = differences.find((d) => d.quote.startsWith('통일부'))!;
    const keep = ministry.spans.find((s) => s.layerId === 'colleague:Kim')!.annotation.id;
    const done = await step(api, documentId, view, api.decideAcross({ documentId, layerIds: layers, differenceKey: ministry.key, action: 'choose-spans', keepIds: [keep] }));
    expect(done.change.added.map((a) => a.quote.exact)).toEqual(['통일부']);
    expect(done.change.progress).toEqual(value(await api.reviewQueue({ layerIds: layers })).documents.find((d) => d.documentId === documentId));
    await step(api, documentId, done.after, api.undoReview({ documentId }));
  });

  it('does not fit a view of another document, or one that lacks what the change removes', async () => {
    const { api, documentId } = await setUp();
    const view = value(await api.getDocument({ documentId }));
    const [first] = findDifferences(ARTICLE, view.layers.find((l) => l.id === 'own')!.annotations, view.layers.find((l) => l.id === 'colleague:Ben')!.annotations);
    const decided = value(await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'accept-theirs' }));
    expect(applyReviewChange({ ...view, document: { ...view.document, id: 'doc_other' } }, decided)).toBeNull();
    const undone = value(await api.undoReview({ documentId }));
    // The undo removes an annotation of the reconciled layer that the old view never had.
    expect(undone.removed.length).toBeGreaterThan(0);
    expect(applyReviewChange(view, undone)).toBeNull();
  });
});
