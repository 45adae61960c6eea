/**
 * The reconciled layer exported as Parley JSON carries each decision's
 * provenance (who decided, when, on which layers, which annotation each copy
 * came from) and reads back unchanged, per-span choices included.
 */
import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotation';
import { createDocument } from '../document';
import { codecs } from '../formats/index';
import { defaultLabelSchema } from '../labels';
import type { Annotation, Corpus } from '../model';
import { findDifferences } from './differences';
import { decide } from './reconcile';
import { emptyReviewState, reconciledLayer } from './review-state';

const TEXT = 'The South Korea Foreign Ministry met 통일부 officials 🤝 on Friday.\r\nNo statement followed.';
const now = '2026-11-30T10:00:00.000Z';
const document = createDocument({ title: 'Ministry meeting', source: 'test', text: TEXT, now });

function span(author: string, quote: string, labelId: string): Annotation {
  const start = TEXT.indexOf(quote);
  const created = createAnnotation(TEXT, { documentId: document.id, start, end: start + quote.length, labelId, author, now });
  if (!created.ok) throw new Error(created.error.message);
  return created.value;
}

describe('reconciled layer export', () => {
  it('writes and reads back every decision with who, when, which layers and the source of each copy', () => {
    const mine = [span('ana', 'South Korea Foreign Ministry', 'policy-body'), span('ana', 'South Korea', 'actor'), span('ana', '통일부', 'policy-body')];
    const theirs = [span('ben', 'South Korea Foreign Ministry', 'actor'), span('ben', '통일부 officials', 'policy-body')];
    const [group, boundary] = findDifferences(TEXT, mine, theirs);
    const layers: [string, string] = ['own', 'colleague:ben'];
    let state = emptyReviewState();
    state = decide(state, group!, 'accept-theirs', { documentId: document.id, layers, decidedBy: 'ana', now }).state;
    state = decide(state, boundary!, 'choose-spans', { documentId: document.id, layers, decidedBy: 'ana', now: '2026-11-30T10:05:00.000Z' }, [theirs[1]!.id]).state;

    const corpus: Corpus = {
      labels: defaultLabelSchema(),
      documents: [{ document, layers: [{ id: 'own', kind: 'own', author: 'ana', annotations: mine }, reconciledLayer(state, 'ana')], decisions: state.decisions }],
    };
    const exported = codecs.parley.export(corpus, { layerIds: ['reconciled'] });
    if (!exported.ok) throw new Error(exported.error.message);
    const json = JSON.parse(exported.value.files[0]!.data as string) as { documents: Array<{ layers: Array<{ id: string }>; decisions: unknown[] }> };
    expect(json.documents[0]!.layers.map((l) => l.id)).toEqual(['reconciled']);
    expect(json.documents[0]!.decisions).toEqual(
      state.decisions.map((d) => expect.objectContaining({ decidedBy: 'ana', decidedAt: d.decidedAt, layers: ['own', 'colleague:ben'], action: d.action, sourceIds: d.sourceIds })),
    );

    const read = codecs.parley.import(exported.value.files, { labels: defaultLabelSchema(), author: 'someone', now });
    if (!read.ok) throw new Error(read.error.message);
    const back = read.value.corpus.documents[0]!;
    expect(back.decisions).toEqual(state.decisions);
    const copies = new Map(back.layers[0]!.annotations.map((a) => [a.id, a]));
    // Each copy is traced to the annotation it came from, with that annotation's author kept.
    for (const d of back.decisions) d.resultIds.forEach((id, i) => expect(copies.get(id)!.author).toBe([...mine, ...theirs].find((x) => x.id === d.sourceIds![i])!.author));
  });

  it('refuses a decision whose sources do not line up with its results, naming where', () => {
    const exported = codecs.parley.export(
      { labels: defaultLabelSchema(), documents: [{ document, layers: [], decisions: [{ id: 'dec_1', documentId: document.id, differenceKey: 'k', kind: 'only-mine', action: 'keep-mine', layers: ['own', 'colleague:ben'], mineIds: ['a'], theirsIds: [], resultIds: ['r1'], sourceIds: ['a', 'b'], decidedBy: 'ana', decidedAt: now }] }] },
      {},
    );
    if (!exported.ok) throw new Error(exported.error.message);
    const read = codecs.parley.import(exported.value.files, { labels: defaultLabelSchema(), author: 'someone', now });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(JSON.stringify(read.error)).toContain('sourceIds');
  });
});
