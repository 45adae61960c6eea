/**
 * Review decisions in the persisted undo history: in Review, undo and redo
 * take decisions back and forth and never an edit made in Read mode; in Read,
 * undo never takes a decision. Real handlers on a real store in a temporary
 * folder, reopened to check that the history is on disk.
 */
import type { Result } from '../../../annotations/result';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import type { Annotation } from '../../../annotations/model';
import { findDifferences } from '../../../annotations/review/differences';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';

afterEach(closeTestStores);

const ARTICLE = 'The South Korea Foreign Ministry said Sung Kim’s visit to Seoul went well.\r\n통일부 agreed 🤝.';
const span = (quote: string, labelId: string) => ({ start: ARTICLE.indexOf(quote), end: ARTICLE.indexOf(quote) + quote.length, labelId });

async function setUp() {
  const { dir, opened } = await openTestStore('Ana');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const [doc] = value(await api.importTexts({ files: [{ name: 'visit.txt', content: ARTICLE }] })).added;
  const documentId = doc!.id;
  const ben = (quote: string, labelId: string): Annotation => {
    const created = createAnnotation(ARTICLE, { documentId, ...span(quote, labelId), author: 'Ben', now: '2026-11-30T09:00:00.000Z' });
    if (!created.ok) throw new Error(created.error.message);
    return created.value;
  };
  value(await opened.store.putLayer(documentId, { id: 'colleague:Ben', kind: 'colleague', author: 'Ben', annotations: [ben('South Korea Foreign Ministry', 'actor'), ben('통일부', 'policy-body')] }));
  return { dir, opened, api, documentId };
}

const own = (view: { layers: Array<{ id: string; annotations: Annotation[] }> }) =>
  (view.layers.find((l) => l.id === 'own')?.annotations ?? []).map((a) => `${a.quote.exact}=${a.labelId}`);
const reconciled = (view: { layers: Array<{ id: string; annotations: Annotation[] }> }) =>
  (view.layers.find((l) => l.id === 'reconciled')?.annotations ?? []).map((a) => `${a.author}:${a.quote.exact}=${a.labelId}`).sort();

describe('review decisions in the undo history', () => {
  it('undoes a decision in Review without touching the own layer tagged in Read, and redoes it', async () => {
    const { api, documentId } = await setUp();
    value(await api.addAnnotations({ documentId, spans: [span('South Korea Foreign Ministry', 'policy-body')] }));
    value(await api.addAnnotations({ documentId, spans: [span('South Korea', 'actor')] }));
    const before = value(await api.getDocument({ documentId }));
    expect(before.undoLabel).toContain('South Korea');
    expect(before.reviewUndoLabel).toBeNull();

    const diffs = findDifferences(ARTICLE, before.layers.find((l) => l.id === 'own')!.annotations, before.layers.find((l) => l.id === 'colleague:Ben')!.annotations);
    const conflict = diffs.find((d) => d.kind === 'label-conflict')!;
    // Each review call answers with a change (see review-change.test.ts); the document after it is read back here.
    const viewAfter = async (step: Promise<Result<unknown>>) => {
      value(await step);
      return value(await api.getDocument({ documentId }));
    };
    const decided = await viewAfter(api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: conflict.key, action: 'reject-both' }));
    expect(decided.decisions).toHaveLength(1);
    expect(decided.reviewUndoLabel).toBe('Reject both on “South Korea Foreign Ministry”');
    // Read mode's own Undo still names the last tag, not the decision.
    expect(decided.undoLabel).toBe(before.undoLabel);

    const undone = await viewAfter(api.undoReview({ documentId }));
    expect(undone.decisions).toEqual([]);
    expect(reconciled(undone)).toEqual([]);
    expect(own(undone)).toEqual(own(before));
    expect(undone.reviewUndoLabel).toBeNull();
    expect(undone.reviewRedoLabel).toBe('Reject both on “South Korea Foreign Ministry”');
    expect(undone.undoLabel).toBe(before.undoLabel);

    const redone = await viewAfter(api.redoReview({ documentId }));
    expect(redone.decisions.map((d) => [d.action, d.id])).toEqual(decided.decisions.map((d) => [d.action, d.id]));
    expect(reconciled(redone)).toEqual(reconciled(decided));
    expect(reconciled(redone)).toEqual(['Ana:South Korea=actor']);
    expect(own(redone)).toEqual(own(before));

    // Nothing more to undo in Review: the tags are Read mode's, and stay.
    value(await api.undoReview({ documentId }));
    const nothing = await api.undoReview({ documentId });
    expect(nothing.ok ? 'ok' : nothing.error).toMatchObject({ code: 'not-found', message: 'there is no review decision to undo' });
    expect(own(value(await api.getDocument({ documentId })))).toEqual(own(before));
  });

  it('in Read, undo takes the last tag back and leaves the decisions made since', async () => {
    const { api, documentId } = await setUp();
    value(await api.addAnnotations({ documentId, spans: [span('Seoul', 'actor')] }));
    const view = value(await api.getDocument({ documentId }));
    const diffs = findDifferences(ARTICLE, view.layers.find((l) => l.id === 'own')!.annotations, view.layers.find((l) => l.id === 'colleague:Ben')!.annotations);
    for (const d of diffs) value(await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: d.key, action: 'keep-both' }));
    const change = value(await api.undo({ documentId }));
    expect(change.layerId).toBe('own');
    expect(change.removed.map((a) => a.quote.exact)).toEqual(['Seoul']);
    const after = value(await api.getDocument({ documentId }));
    expect(after.decisions).toHaveLength(diffs.length);
    expect(after.reviewUndoLabel).toBe('Keep both on “통일부”');
    expect(after.undoLabel).toBeNull();
  });

  it('undoes a re-decision back to the earlier decision, one step at a time, and keeps the history across a restart', async () => {
    const { dir, opened, api, documentId } = await setUp();
    const view = value(await api.getDocument({ documentId }));
    const [first] = findDifferences(ARTICLE, [], view.layers.find((l) => l.id === 'colleague:Ben')!.annotations);
    value(await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'accept-theirs' }));
    const accepted = value(await api.getDocument({ documentId }));
    value(await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'reject-both' }));
    value(await api.acceptAllAgreed({ documentId, theirsLayerId: 'colleague:Ben' }));

    await opened.store.close();
    const again = trackTestStore(value(await openAppStore(`${dir}/store`, 'Ana', { seedSamples: false })));
    const api2 = createHandlers({ ...again, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
    expect(value(await api2.getDocument({ documentId })).reviewUndoLabel).toBe('Accept all agreed (0)');
    value(await api2.undoReview({ documentId }));
    value(await api2.undoReview({ documentId }));
    const back = value(await api2.getDocument({ documentId }));
    expect(back.decisions.map((d) => d.action)).toEqual(['accept-theirs']);
    expect(reconciled(back)).toEqual(reconciled(accepted));
    expect(back.reviewRedoLabel).toBe('Reject both on “South Korea Foreign Ministry”');
    // A new decision clears review redo, but not Read mode's.
    value(await api2.addAnnotations({ documentId, spans: [span('Seoul', 'actor')] }));
    value(await api2.undo({ documentId }));
    value(await api2.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'keep-both' }));
    const last = value(await api2.getDocument({ documentId }));
    expect(last.reviewRedoLabel).toBeNull();
    expect(last.redoLabel).toBe('Tag “Seoul”');
  });

  it('refuses a span choice naming an annotation outside the difference, and changes nothing', async () => {
    const { api, documentId } = await setUp();
    const view = value(await api.getDocument({ documentId }));
    const [first] = findDifferences(ARTICLE, [], view.layers.find((l) => l.id === 'colleague:Ben')!.annotations);
    const refused = await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'choose-spans', keepIds: ['ann_elsewhere'] });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('invalid-input');
    const missing = await api.decide({ documentId, theirsLayerId: 'colleague:Ben', differenceKey: first!.key, action: 'choose-spans' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('invalid-input');
    const after = value(await api.getDocument({ documentId }));
    expect(after.decisions).toEqual([]);
    expect(after.reviewUndoLabel).toBeNull();
  });
});
