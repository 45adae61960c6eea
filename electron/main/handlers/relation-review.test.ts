/**
 * Deciding a colleague's links in Review: through the same `decide` call and
 * review history as span decisions, into the reconciled layer on disk, counted
 * in the review's progress, refused while an end is not reconciled. Real
 * handlers on a real store in a temporary folder, reopened to read it back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import type { Annotation, AnnotationLayer, Relation } from '../../../annotations/model';
import { findDifferences } from '../../../annotations/review/differences';
import { reviewedRelations } from '../../../annotations/review/relation-decisions';
import { applyReviewChange } from '../../../renderer/src/review/apply-review-change';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';

afterEach(closeTestStores);

const ARTICLE = 'Noh Kyu-duk 🙂 proposed ending\r\nthe working group on 22 June 2021.\r\n정동영 opposed it.';
const THEIRS = 'colleague:Ben';
const span = (quote: string, labelId: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length, labelId });

async function setUp() {
  const { dir, opened } = await openTestStore('Ana');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const [doc] = value(await api.importTexts({ files: [{ name: 'working group.txt', content: ARTICLE }] })).added;
  const documentId = doc!.id;
  // My layer: three spans, two links.
  value(await api.addAnnotations({ documentId, spans: [span('Noh Kyu-duk', 'actor'), span('proposed ending', 'position'), span('the working group', 'policy-body'), span('22 June 2021', 'date')] }));
  const ownView = value(await api.getDocument({ documentId }));
  const ownId = (quote: string) => ownView.layers.find((l) => l.id === 'own')!.annotations.find((a) => a.quote.exact === quote)!.id;
  value(await api.addRelation({ documentId, typeId: 'holds', sourceId: ownId('Noh Kyu-duk'), targetId: ownId('proposed ending') }));
  value(await api.addRelation({ documentId, typeId: 'when', sourceId: ownId('proposed ending'), targetId: ownId('22 June 2021') }));
  // Ben's layer: the same spans, the same "holds", a "toward" I did not draw, no "when".
  const ben = (quote: string, labelId: string): Annotation => {
    const made = createAnnotation(ARTICLE, { documentId, ...span(quote, labelId), author: 'Ben', now: '2026-11-30T09:00:00.000Z' });
    if (!made.ok) throw new Error(made.error.message);
    return made.value;
  };
  const spans = [ben('Noh Kyu-duk', 'actor'), ben('proposed ending', 'position'), ben('the working group', 'policy-body'), ben('22 June 2021', 'date')];
  const link = (typeId: string, from: number, to: number, n: number): Relation => ({ id: `rel_ben_${n}`, documentId, typeId, sourceId: spans[from]!.id, targetId: spans[to]!.id, author: 'Ben', createdAt: '2026-11-30T09:00:00.000Z', updatedAt: '2026-11-30T09:00:00.000Z' });
  value(await opened.store.putLayer(documentId, { id: THEIRS, kind: 'colleague', author: 'Ben', annotations: spans, relations: [link('holds', 0, 1, 1), link('toward', 1, 2, 2)] }));
  return { dir, opened, api, documentId };
}

const layerOf = (view: { layers: AnnotationLayer[] }, id: string) => view.layers.find((l) => l.id === id);
function links(view: { layers: AnnotationLayer[] }): string[] {
  const layer = layerOf(view, 'reconciled');
  const quote = (id: string) => layer?.annotations.find((a) => a.id === id)?.quote.exact ?? `(missing ${id})`;
  return (layer?.relations ?? []).map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`).sort();
}

describe('deciding links in review', () => {
  it('accepts one link and rejects another into the reconciled layer, counts them, and undoes them in Review only', async () => {
    const { dir, opened, api, documentId } = await setUp();
    const view = value(await api.getDocument({ documentId }));
    const spanDiffs = findDifferences(ARTICLE, layerOf(view, 'own')!.annotations, layerOf(view, THEIRS)!.annotations);
    const linkDiffs = reviewedRelations(layerOf(view, 'own')!, layerOf(view, THEIRS)!);
    expect(linkDiffs.map((d) => d.kind)).toEqual(['agreed', 'only-mine', 'only-theirs']);
    const toward = linkDiffs.find((d) => d.kind === 'only-theirs')!;
    const when = linkDiffs.find((d) => d.kind === 'only-mine')!;

    // Before its ends are reconciled, a link is refused with the span to accept first, and nothing is written.
    const early = await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: toward.decisionKey, action: 'accept-theirs' });
    expect(!early.ok && early.error).toEqual({ code: 'conflict', message: '“proposed ending” (Position) is not in the reconciled layer: accept that span first, then the link' });
    expect(value(await api.getDocument({ documentId })).decisions).toEqual([]);

    // Accept all agreed: the four spans and the agreed "holds" link.
    const agreed = value(await api.acceptAllAgreed({ documentId, theirsLayerId: THEIRS }));
    expect(agreed.progress).toMatchObject({ decided: spanDiffs.length + 1, total: spanDiffs.length + 3 });
    expect(links(value(await api.getDocument({ documentId })))).toEqual(['Noh Kyu-duk holds proposed ending']);

    const beforeAccept = value(await api.getDocument({ documentId }));
    const accepted = value(await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: toward.decisionKey, action: 'accept-theirs' }));
    // The answer is a change: applied to the view before, it gives the document after, links included.
    expect(applyReviewChange(beforeAccept, accepted)?.layers).toEqual(value(await api.getDocument({ documentId })).layers);
    expect(accepted.addedRelations?.map((r) => r.typeId)).toEqual(['toward']);
    expect(accepted.reviewUndoLabel).toBe('Accept theirs on link “proposed ending” → “the working group”');
    const rejected = value(await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: when.decisionKey, action: 'reject-both' }));
    expect(rejected.progress).toMatchObject({ decided: spanDiffs.length + 3, total: spanDiffs.length + 3 });
    const queue = value(await api.reviewQueue({ theirsLayerId: THEIRS }));
    expect(queue.documents.find((d) => d.documentId === documentId)).toMatchObject({ decided: spanDiffs.length + 3, total: spanDiffs.length + 3 });

    // Ctrl+Z in Review takes back the rejection, then the acceptance (its link leaves the layer); Read's history is untouched.
    const undone = value(await api.undoReview({ documentId }));
    expect(undone.decisions.some((d) => d.differenceKey === when.decisionKey)).toBe(false);
    const beforeUndo = value(await api.getDocument({ documentId }));
    const undone2 = value(await api.undoReview({ documentId }));
    expect(applyReviewChange(beforeUndo, undone2)?.layers).toEqual(value(await api.getDocument({ documentId })).layers);
    expect(undone2.removedRelations?.map((r) => r.typeId)).toEqual(['toward']);
    const after = value(await api.getDocument({ documentId }));
    expect(links(after)).toEqual(['Noh Kyu-duk holds proposed ending']);
    expect(after.undoLabel).toContain('when');
    const redone = value(await api.redoReview({ documentId }));
    expect(redone.addedRelations?.map((r) => r.typeId)).toEqual(['toward']);

    // On disk, after reopening: the reconciled layer holds the two kept links, with their decisions.
    await opened.store.close();
    const again = trackTestStore(value(await openAppStore(`${dir}/store`, 'Ana', { seedSamples: false })));
    const stored = value(again.store.getDocument(documentId));
    expect(links(stored)).toEqual(['Noh Kyu-duk holds proposed ending', 'proposed ending toward the working group']);
    expect(stored.decisions.filter((d) => d.differenceKey.startsWith('relation:')).map((d) => `${d.kind}:${d.action}`).sort()).toEqual(['agreed:keep-mine', 'only-theirs:accept-theirs']);
    expect(stored.reviewRedoLabel).toBe('Reject both on link “proposed ending” → “22 June 2021”');
  });

  it('moves a link to the new copy of its span when the span is decided again, and drops it when the span is rejected', async () => {
    const { api, documentId } = await setUp();
    value(await api.acceptAllAgreed({ documentId, theirsLayerId: THEIRS }));
    const view = value(await api.getDocument({ documentId }));
    const actor = findDifferences(ARTICLE, layerOf(view, 'own')!.annotations, layerOf(view, THEIRS)!.annotations).find((d) => d.quote === 'Noh Kyu-duk')!;
    value(await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: actor.key, action: 'accept-theirs' }));
    expect(links(value(await api.getDocument({ documentId })))).toEqual(['Noh Kyu-duk holds proposed ending']);
    value(await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: actor.key, action: 'reject-both' }));
    const rejected = value(await api.getDocument({ documentId }));
    expect(links(rejected)).toEqual([]);
    expect(rejected.decisions.some((d) => d.differenceKey.startsWith('relation:'))).toBe(false);
    // One undo brings the span, the link and the link's decision back together.
    value(await api.undoReview({ documentId }));
    const back = value(await api.getDocument({ documentId }));
    expect(links(back)).toEqual(['Noh Kyu-duk holds proposed ending']);
    expect(back.decisions.some((d) => d.differenceKey.startsWith('relation:'))).toBe(true);
  });

  it('refuses choose-spans and keepIds on a link, and an unknown link key', async () => {
    const { api, documentId } = await setUp();
    const view = value(await api.getDocument({ documentId }));
    const [first] = reviewedRelations(layerOf(view, 'own')!, layerOf(view, THEIRS)!);
    const chosen = await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: first!.decisionKey, action: 'choose-spans', keepIds: [] });
    expect(!chosen.ok && chosen.error.code).toBe('invalid-input');
    const unknown = await api.decide({ documentId, theirsLayerId: THEIRS, differenceKey: 'relation:agreed|nothing', action: 'keep-mine' });
    expect(!unknown.ok && unknown.error.code).toBe('not-found');
    expect(value(await api.getDocument({ documentId })).decisions).toEqual([]);
  });
});
