import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../annotations/annotation';
import { createDocument } from '../annotations/document';
import type { Annotation, AnnotationLayer, ReviewDecision } from '../annotations/model';
import { packDocumentView, PackedViewError, unpackDocumentView, type PackedDocumentView } from './document-view-wire';
import type { DocumentView } from './library';
import { packResult, unpackResult } from './wire-forms';

const NOW = '2026-11-30T10:00:00.000Z';
const LATER = '2026-12-01T04:30:00.000Z';
const TEXT = 'Talks resume\r\n\r\n통일부 welcomed the talks 🇰🇷 on Monday.\r\nMin-ji said 😀 the envoy 정동영 would return.\r\n';

function tag(documentId: string, quote: string, labelId: string, author: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  const made = createAnnotation(TEXT, { documentId, start, end: start + quote.length, labelId, author, now: NOW });
  if (!made.ok) throw new Error(made.error.message);
  return { ...made.value, ...extra };
}

function richView(): DocumentView {
  const document = createDocument({ title: '통일부 talks 😀', source: 'talks.txt', text: TEXT, now: NOW });
  const d = document.id;
  const own: AnnotationLayer = {
    id: 'own',
    kind: 'own',
    author: 'Min-ji',
    annotations: [
      tag(d, '통일부', 'policy-body', 'Min-ji', { entityId: 'ent_unification', attributes: { stance: 'supports', date: '2026-11-30' } }),
      tag(d, 'talks 🇰🇷', 'event', 'Min-ji', { note: 'flag 🇰🇷 inside\r\nthe span', updatedAt: LATER }),
      tag(d, '정동영', 'actor', 'Min-ji', { suggestedBy: 'gazetteer' }),
      // Out of reading order, and at the very start and end of the text (short context).
      tag(d, 'Talks', 'event', 'Min-ji'),
      tag(d, 'return.\r\n', 'event', 'Min-ji'),
      // Quotes the text does not give: kept from before an edit, and a span outside the text (an orphan).
      { ...tag(d, 'Monday', 'date', 'Min-ji'), quote: { exact: 'Monday', prefix: 'talks on ', suffix: '.' } },
      { ...tag(d, 'envoy', 'actor', 'Min-ji'), start: 500, end: 505, quote: { exact: 'envoy', prefix: 'the ', suffix: ' 정' } },
    ],
    relations: [
      { id: 'rel_1', documentId: d, typeId: 'said', sourceId: 'ann_x', targetId: 'ann_y', author: 'Min-ji', createdAt: NOW, updatedAt: NOW, note: '말했다' },
    ],
  };
  const theirs: AnnotationLayer = {
    id: 'colleague:Sam',
    kind: 'colleague',
    author: 'Sam',
    annotations: [tag(d, '통일부 welcomed', 'policy-body', 'Sam'), tag(d, '😀', 'emotion', 'Sam')],
  };
  const reconciled: AnnotationLayer = { id: 'reconciled', kind: 'reconciled', author: 'Min-ji', annotations: [tag(d, '정동영', 'actor', 'Sam')], relations: [] };
  const decision: ReviewDecision = {
    id: 'dec_1',
    documentId: d,
    differenceKey: 'k1',
    kind: 'label-conflict',
    action: 'accept-theirs',
    layers: ['own', 'colleague:Sam'],
    mineIds: [own.annotations[0].id],
    theirsIds: [theirs.annotations[0].id],
    resultIds: [reconciled.annotations[0].id],
    sourceIds: [theirs.annotations[0].id],
    preAccepted: { k: 2, n: 3 },
    decidedBy: 'Min-ji',
    decidedAt: LATER,
  };
  return {
    document,
    layers: [own, theirs, reconciled, { id: 'colleague:Empty', kind: 'colleague', author: 'Empty', annotations: [] }],
    decisions: [decision],
    updatedAt: LATER,
    undoLabel: 'Tag “통일부”',
    redoLabel: null,
    reviewUndoLabel: null,
    originalKept: true,
  };
}

/** A view the size of the bench's largest: about a million characters and 20,000 overlapping annotations. */
function largeView(): DocumentView {
  const sentence = 'The ministry 통일부 said on Monday 🇰🇷 that talks would resume.\r\n';
  const text = sentence.repeat(Math.floor(1_000_000 / sentence.length));
  const document = createDocument({ title: 'large', source: 'generated', text, now: NOW });
  const labels = ['actor', 'policy-body', 'event', 'date', 'place'];
  const annotations: Annotation[] = [];
  for (let i = 0; i < 20_000; i++) {
    const start = (i * 50) % (text.length - 40);
    const safeStart = text.charCodeAt(start) >= 0xdc00 && text.charCodeAt(start) <= 0xdfff ? start + 1 : start;
    let end = safeStart + 3 + (i % 30);
    if (text.charCodeAt(end) >= 0xdc00 && text.charCodeAt(end) <= 0xdfff) end += 1;
    const made = createAnnotation(text, { documentId: document.id, start: safeStart, end, labelId: labels[i % labels.length], author: i % 3 ? 'Min-ji' : 'Sam', now: i % 7 ? NOW : LATER, id: `ann_${i}` });
    if (!made.ok) throw new Error(made.error.message);
    annotations.push(i % 1000 === 0 ? { ...made.value, note: `note ${i} 📝` } : made.value);
  }
  return { document, layers: [{ id: 'own', kind: 'own', author: 'Min-ji', annotations }], decisions: [], updatedAt: NOW, undoLabel: null, redoLabel: null };
}

describe('packDocumentView / unpackDocumentView', () => {
  it('gives back exactly the view it packed: CRLF, Hangul, emoji, notes, attributes, entities, relations, several layers, decisions', () => {
    const view = richView();
    const before = structuredClone(view);
    const packed = packDocumentView(view);
    expect(view).toStrictEqual(before);
    expect(unpackDocumentView(packed)).toStrictEqual(view);
    // As it travels: through JSON (the e2e bridge) and structured clone (Electron's IPC).
    expect(unpackDocumentView(JSON.parse(JSON.stringify(packed)) as PackedDocumentView)).toStrictEqual(view);
    expect(unpackDocumentView(structuredClone(packed))).toStrictEqual(view);
  });

  it('sends only the quotes the text does not give', () => {
    const packed = packDocumentView(richView());
    const own = packed.layers[0];
    expect(own.quotes.map(([i]) => i)).toEqual([5, 6]);
    expect(packed.layers[1].quotes).toEqual([]);
    expect(JSON.stringify(packed)).not.toContain('"prefix":""');
  });

  it('sends each repeated string once', () => {
    const packed = packDocumentView(richView());
    expect(packed.strings.filter((s) => s === 'Min-ji')).toHaveLength(1);
    expect(new Set(packed.strings).size).toBe(packed.strings.length);
  });

  it('round-trips a million characters with 20,000 annotations in under a quarter of the JSON beside the text', () => {
    const view = largeView();
    const packed = packDocumentView(view);
    const back = unpackDocumentView(JSON.parse(JSON.stringify(packed)) as PackedDocumentView);
    expect(back).toStrictEqual(view);
    const plain = JSON.stringify(view).length;
    const dense = JSON.stringify(packed).length;
    expect(dense - view.document.text.length).toBeLessThan((plain - view.document.text.length) / 4);
  });

  it('refuses a value of another form, and columns of different lengths', () => {
    const packed = packDocumentView(richView());
    expect(() => unpackDocumentView({ ...packed, format: 'parley-packed-view/0' } as unknown as PackedDocumentView)).toThrow(PackedViewError);
    expect(() => unpackDocumentView(richView() as unknown as PackedDocumentView)).toThrow(/form this window does not read/);
    const short = { ...packed, layers: [{ ...packed.layers[0], lengths: packed.layers[0].lengths.slice(1) }] };
    expect(() => unpackDocumentView(short)).toThrow(/layer own came with columns of different lengths/);
    const astray = { ...packed, layers: [{ ...packed.layers[0], labelIds: packed.layers[0].labelIds.map(() => packed.strings.length) }] };
    expect(() => unpackDocumentView(astray)).toThrow(/layer own points past its table of strings/);
  });
});

describe('packResult / unpackResult', () => {
  it('packs a document view on the way out and unpacks it on the way in', () => {
    const view = richView();
    const wire = packResult('getDocument', { ok: true, value: view });
    expect(wire.ok && (wire.value as PackedDocumentView).format).toBe('parley-packed-view/1');
    expect(unpackResult('getDocument', JSON.parse(JSON.stringify(wire)))).toStrictEqual({ ok: true, value: view });
  });

  it('leaves failures and other methods as they are', () => {
    const failure = { ok: false as const, error: { code: 'not-found' as const, message: 'no document doc_x' } };
    expect(packResult('getDocument', failure)).toBe(failure);
    expect(unpackResult('getDocument', failure)).toBe(failure);
    const labels = { ok: true as const, value: { labels: [], relationTypes: [] } };
    expect(packResult('getLabels', labels as never)).toBe(labels);
    expect(unpackResult('getLabels', labels)).toBe(labels);
  });

  it('turns a packed answer it cannot read into an internal failure', () => {
    const result = unpackResult('getDocument', { ok: true, value: { document: { text: '' }, layers: [] } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal');
  });
});
