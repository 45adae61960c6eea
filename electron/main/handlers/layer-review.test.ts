/**
 * Reviewing several layers at once through the real handlers on a real store
 * in a temporary folder: the queue over three layers, "k of n agree" as
 * undoable decisions, a decision by hand, and bad requests that change
 * nothing.
 */
import type { Result } from '../../../annotations/result';
import { afterEach, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import type { Annotation } from '../../../annotations/model';
import { findLayerDifferences } from '../../../annotations/review/layer-differences';
import type { DocumentView } from '../../../shared/library';
import { openAppStore } from '../../node/open-app-store';
import { createHandlers } from './create-handlers';
import { closeTestStores, openTestStore, QueuedDialogs, trackTestStore, value } from './handler-test-kit';

afterEach(closeTestStores);

const ARTICLES = [
  'Sung Kim met 통일부 officials in Seoul 🇰🇷 on Friday.\r\nThe talks go on.',
  'The envoy flew to Tokyo on Monday; Japan’s Foreign Ministry welcomed him.',
];
const LAYERS = ['own', 'colleague:Ben', 'colleague:Kim'];

function span(text: string, quote: string, labelId: string) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`${quote} is not in the text`);
  return { start, end: start + quote.length, labelId };
}

async function setUp() {
  const { dir, opened } = await openTestStore('Ana');
  const api = createHandlers({ ...opened, dialogs: new QueuedDialogs(), version: 'test', notify: () => undefined });
  const added = value(await api.importTexts({ files: ARTICLES.map((content, i) => ({ name: `article-${i}.txt`, content })) })).added;
  const ids = added.map((d) => d.id);
  const put = async (documentId: string, text: string, author: string, rows: Array<[string, string]>) => {
    const annotations = rows.map(([quote, labelId]): Annotation => {
      const created = createAnnotation(text, { documentId, ...span(text, quote, labelId), author, now: '2026-11-30T09:00:00.000Z' });
      if (!created.ok) throw new Error(created.error.message);
      return created.value;
    });
    value(await opened.store.putLayer(documentId, { id: `colleague:${author}`, kind: 'colleague', author, annotations }));
  };
  const [a, b] = ARTICLES as [string, string];
  value(await api.addAnnotations({ documentId: ids[0]!, spans: [span(a, 'Sung Kim', 'actor'), span(a, '통일부', 'policy-body')] }));
  await put(ids[0]!, a, 'Ben', [['Sung Kim', 'actor'], ['통일부 officials', 'policy-body'], ['Seoul 🇰🇷', 'location']]);
  await put(ids[0]!, a, 'Kim', [['Sung Kim', 'position'], ['Seoul 🇰🇷', 'location']]);
  value(await api.addAnnotations({ documentId: ids[1]!, spans: [span(b, 'Foreign Ministry', 'policy-body')] }));
  await put(ids[1]!, b, 'Ben', [['Japan’s Foreign Ministry', 'policy-body']]);
  await put(ids[1]!, b, 'Kim', [['Foreign Ministry', 'policy-body'], ['Tokyo', 'location']]);
  return { dir, opened, api, ids };
}

const differencesOf = (view: DocumentView) =>
  findLayerDifferences(
    view.document.text,
    LAYERS.map((id) => ({ id, annotations: view.layers.find((l) => l.id === id)?.annotations ?? [] })),
  );
const reconciled = (view: DocumentView) => (view.layers.find((l) => l.id === 'reconciled')?.annotations ?? []).map((a) => `${a.author}:${a.quote.exact}=${a.labelId}`).sort();

describe('reviewing three layers at once', () => {
  it('pre-accepts what two of three hold, counts it in the queue, and undoes it like any decision', async () => {
    const { api, ids, dir, opened } = await setUp();
    const before = value(await api.reviewQueue({ layerIds: LAYERS }));
    expect(before.documents.map((d) => [d.decided, d.total])).toEqual([
      [0, 3],
      [0, 2],
    ]);

    const pre = value(await api.preAcceptAgreed({ layerIds: LAYERS, k: 2 }));
    // Article 1: "Sung Kim" (Ana, Ben) and "Seoul 🇰🇷" (Ben, Kim); "통일부" stays. Article 2: "Foreign Ministry" (Ana, Kim) outvotes Ben's longer span.
    expect(pre).toEqual({ decided: 3, documents: 2 });
    const first = value(await api.getDocument({ documentId: ids[0]! }));
    expect(reconciled(first)).toEqual(['Ana:Sung Kim=actor', 'Ben:Seoul 🇰🇷=location']);
    expect(first.decisions.every((d) => d.preAccepted?.k === 2 && d.preAccepted.n === 3 && d.layers.join() === LAYERS.join())).toBe(true);
    expect(first.reviewUndoLabel).toBe('2 of 3 agree: accepted 2');
    expect(value(await api.reviewQueue({ layerIds: LAYERS })).decided).toBe(3);
    // A pair review of the same document is a different comparison: nothing decided there.
    expect(value(await api.reviewQueue({ theirsLayerId: 'colleague:Ben' })).decided).toBe(0);

    // A decision by hand on what is left, then undo takes it back first, then the pre-acceptance.
    const left = differencesOf(first).find((d) => d.quote.startsWith('통일부'))!;
    const viewAfter = async (step: Promise<Result<unknown>>) => {
      value(await step);
      return value(await api.getDocument({ documentId: ids[0]! }));
    };
    const decided = await viewAfter(api.decideAcross({ documentId: ids[0]!, layerIds: LAYERS, differenceKey: left.key, action: 'choose-spans', keepIds: [left.theirsIds[0]!] }));
    expect(reconciled(decided)).toContain('Ben:통일부 officials=policy-body');
    expect(decided.decisions.at(-1)!.sourceLayers).toEqual(['colleague:Ben']);
    const undone = await viewAfter(api.undoReview({ documentId: ids[0]! }));
    expect(reconciled(undone)).toEqual(reconciled(first));
    const undoneAgain = await viewAfter(api.undoReview({ documentId: ids[0]! }));
    expect(undoneAgain.decisions).toEqual([]);
    expect(reconciled(undoneAgain)).toEqual([]);

    // The decisions are on disk.
    value(await api.redoReview({ documentId: ids[0]! }));
    await opened.store.close();
    const reopened = trackTestStore(value(await openAppStore(`${dir}/store`, 'Ana', { seedSamples: false })));
    const again = reopened.store.getDocument(ids[0]!);
    expect(again.ok && reconciled(again.value)).toEqual(reconciled(first));
  });

  it('refuses a k above the number of layers, a layer named twice and a layer a document lacks, changing nothing', async () => {
    const { api, ids } = await setUp();
    const k4 = await api.preAcceptAgreed({ layerIds: LAYERS, k: 4 });
    expect(!k4.ok && k4.error.message).toContain('k from 2 to 3');
    const twice = await api.preAcceptAgreed({ layerIds: ['own', 'colleague:Ben', 'colleague:Ben'], k: 2 });
    expect(!twice.ok && twice.error.message).toContain('named twice');
    const missing = await api.preAcceptAgreed({ layerIds: ['own', 'colleague:Sam'], k: 2, documentIds: [ids[0]!] });
    expect(!missing.ok && missing.error.message).toContain('no layer colleague:Sam');
    const either = await api.reviewQueue({});
    expect(!either.ok && either.error.code).toBe('invalid-input');
    const stray = await api.decideAcross({ documentId: ids[0]!, layerIds: LAYERS, differenceKey: 'nope', action: 'keep-both' });
    expect(!stray.ok && stray.error.code).toBe('not-found');
    for (const id of ids) expect(value(await api.getDocument({ documentId: id })).decisions).toEqual([]);
  });

  it('reviews two colleagues without the analyst', async () => {
    const { api, ids } = await setUp();
    const pre = value(await api.preAcceptAgreed({ layerIds: ['colleague:Ben', 'colleague:Kim'], k: 2 }));
    expect(pre).toEqual({ decided: 1, documents: 1 });
    expect(reconciled(value(await api.getDocument({ documentId: ids[0]! })))).toEqual(['Ben:Seoul 🇰🇷=location']);
  });
});
