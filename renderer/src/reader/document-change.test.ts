import { describe, expect, it } from 'vitest';
import { createAnnotation } from '../../../annotations/annotation';
import { createDocument } from '../../../annotations/document';
import { colleagueLayerId, OWN_LAYER_ID, type Annotation } from '../../../annotations/model';
import type { DocumentChange, DocumentView } from '../../../shared/library';
import type { MarkSpan, MarksChange } from './annotation-marks';
import { applyDocumentChange, marksOf, NO_MARKS_CHANGE, revertMarks, settleMarks } from './document-change';

const NOW = '2026-11-30T09:00:00.000Z';
const LATER = '2026-11-30T09:05:00.000Z';

/** Texts that count UTF-16 code units differently from characters: CRLF, Hangul, emoji. */
const TEXTS = [
  'Seoul and Washington met in Geneva on 3 May.\r\nBoth sides agreed to keep talking.',
  '서울과 워싱턴은 5월 3일 제네바에서 만났다. The envoys spoke for an hour.',
  'The envoy 🇰🇷 spoke first 🤝 and the working group 👥 met after lunch.',
];

function annotate(text: string, documentId: string, word: string, labelId: string, id: string): Annotation {
  const start = text.indexOf(word);
  const made = createAnnotation(text, { documentId, start, end: start + word.length, labelId, author: 'ana', now: NOW, id });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

function viewOf(text: string): { view: DocumentView; words: [string, string, string] } {
  const document = createDocument({ title: 'Talks', source: 'talks.txt', text, now: NOW, id: 'doc-1' });
  const words = text.split(/\s+/).filter((w) => w.length > 2);
  const [a, b, c] = [words[0]!, words[2]!, words[4]!];
  const own = [annotate(text, document.id, a, 'actor', 'ann-a'), annotate(text, document.id, b, 'actor', 'ann-b')];
  const theirs = [annotate(text, document.id, c, 'date', 'ann-c')];
  const view: DocumentView = {
    document,
    layers: [
      { id: OWN_LAYER_ID, kind: 'own', author: 'ana', annotations: own.sort((x, y) => x.start - y.start) },
      { id: colleagueLayerId('ben'), kind: 'colleague', author: 'ben', annotations: theirs },
    ],
    decisions: [],
    updatedAt: NOW,
    undoLabel: null,
    redoLabel: null,
  };
  return { view, words: [a, b, c] };
}

function change(view: DocumentView, patch: Partial<DocumentChange>): DocumentChange {
  return { documentId: view.document.id, layerId: OWN_LAYER_ID, removed: [], added: [], updatedAt: LATER, undoLabel: 'Tag', redoLabel: null, ...patch };
}

const mark = (start: number, end: number, labelId = 'actor', layer = OWN_LAYER_ID): MarkSpan => ({ start, end, labelId, layer });

describe('applyDocumentChange', () => {
  for (const text of TEXTS) {
    it(`adds and removes annotations of one layer and takes the undo state (${JSON.stringify(text.slice(0, 12))}…)`, () => {
      const { view, words } = viewOf(text);
      const added = annotate(text, view.document.id, words[2], 'position', 'ann-new');
      const removed = view.layers[0]!.annotations[0]!;
      const next = applyDocumentChange(view, change(view, { removed: [removed], added: [added], undoLabel: 'Tag “x”', redoLabel: 'Redo' }));
      expect(next).not.toBeNull();
      expect(next!.layers[0]!.annotations.map((a) => a.id).sort()).toEqual(['ann-b', 'ann-new']);
      expect(next!.layers[0]!.annotations.find((a) => a.id === 'ann-new')!.quote.exact).toBe(words[2]);
      // The colleague's layer is the same object; the view passed in is not changed.
      expect(next!.layers[1]).toBe(view.layers[1]);
      expect(view.layers[0]!.annotations.map((a) => a.id)).toEqual(['ann-a', 'ann-b']);
      expect(next!.updatedAt).toBe(LATER);
      expect([next!.undoLabel, next!.redoLabel]).toEqual(['Tag “x”', 'Redo']);
      expect(next!.document).toBe(view.document);
    });
  }

  it('keeps the layer in reading order when the added annotation comes first', () => {
    const { view } = viewOf(TEXTS[0]!);
    const first = annotate(TEXTS[0]!, view.document.id, 'Seoul', 'actor', 'ann-z');
    const next = applyDocumentChange(view, change(view, { removed: [view.layers[0]!.annotations[0]!], added: [first] }));
    expect(next!.layers[0]!.annotations.map((a) => a.start)).toEqual([...next!.layers[0]!.annotations.map((a) => a.start)].sort((x, y) => x - y));
    expect(next!.layers[0]!.annotations[0]!.id).toBe('ann-z');
  });

  it('is null when the change does not fit the view: another document, an unknown layer, a removal it lacks, an id it already has', () => {
    const { view } = viewOf(TEXTS[1]!);
    const own = view.layers[0]!.annotations;
    expect(applyDocumentChange(view, change(view, { documentId: 'doc-2' }))).toBeNull();
    expect(applyDocumentChange(view, change(view, { layerId: 'reconciled' }))).toBeNull();
    expect(applyDocumentChange(view, change(view, { removed: [{ ...own[0]!, id: 'ann-gone' }] }))).toBeNull();
    expect(applyDocumentChange(view, change(view, { added: [own[1]!] }))).toBeNull();
  });

  it('applies a change to a colleague layer without touching the own layer', () => {
    const { view } = viewOf(TEXTS[2]!);
    const theirs = view.layers[1]!.annotations[0]!;
    const next = applyDocumentChange(view, change(view, { layerId: colleagueLayerId('ben'), removed: [theirs] }));
    expect(next!.layers[1]!.annotations).toEqual([]);
    expect(next!.layers[0]).toBe(view.layers[0]);
  });
});

describe('marksOf', () => {
  it('gives each annotation its mark on the layer named', () => {
    const { view } = viewOf(TEXTS[2]!);
    const own = view.layers[0]!.annotations;
    expect(marksOf(own, 'colleague:ben')).toEqual(own.map((a) => ({ start: a.start, end: a.end, labelId: a.labelId, layer: 'colleague:ben' })));
  });
});

describe('settleMarks', () => {
  const sorted = (change: MarksChange) => ({ add: [...change.add].sort(byKey), remove: [...change.remove].sort(byKey) });
  const byKey = (a: MarkSpan, b: MarkSpan) => a.start - b.start || a.end - b.end || a.labelId.localeCompare(b.labelId) || a.layer.localeCompare(b.layer);

  it('draws nothing more when the store did exactly what was drawn early', () => {
    const early: MarksChange = { add: [mark(0, 5)], remove: [mark(10, 20, 'date')] };
    expect(settleMarks({ add: [mark(0, 5)], remove: [mark(10, 20, 'date')] }, early)).toEqual(NO_MARKS_CHANGE);
  });

  it('draws what the store did that was not drawn early, and takes back what it did not do', () => {
    // Drawn early: a tag on [0, 5). The store tagged [0, 6) instead (snapped) and also removed a mark.
    const early: MarksChange = { add: [mark(0, 5)], remove: [] };
    const confirmed: MarksChange = { add: [mark(0, 6)], remove: [mark(30, 34, 'date')] };
    expect(sorted(settleMarks(confirmed, early))).toEqual({ add: [mark(0, 6)], remove: [mark(0, 5), mark(30, 34, 'date')] });
  });

  it('puts back a mark removed early that the store kept', () => {
    const early: MarksChange = { add: [], remove: [mark(7, 9, 'position')] };
    expect(settleMarks(NO_MARKS_CHANGE, early)).toEqual({ add: [mark(7, 9, 'position')], remove: [] });
  });

  it('counts identical marks one by one, and tells layers and labels apart', () => {
    // Two identical marks confirmed, one drawn early: one is left to draw.
    expect(settleMarks({ add: [mark(3, 8), mark(3, 8)], remove: [] }, { add: [mark(3, 8)], remove: [] })).toEqual({ add: [mark(3, 8)], remove: [] });
    // Same span, other layer or label: not the same mark.
    const early: MarksChange = { add: [mark(3, 8, 'actor', 'colleague:ben')], remove: [] };
    expect(sorted(settleMarks({ add: [mark(3, 8), mark(3, 8, 'date')], remove: [] }, early))).toEqual({
      add: [mark(3, 8), mark(3, 8, 'date')],
      remove: [mark(3, 8, 'actor', 'colleague:ben')],
    });
  });

  it('settling then reverting what is left restores what was drawn early', () => {
    const early: MarksChange = { add: [mark(0, 4), mark(12, 15, 'date')], remove: [mark(20, 25)] };
    const confirmed: MarksChange = { add: [mark(0, 4), mark(40, 44)], remove: [mark(20, 25), mark(50, 52)] };
    const settled = settleMarks(confirmed, early);
    // Drawing early, then the settled rest, draws the same as the confirmed change.
    const net = new Map<string, number>();
    const bump = (m: MarkSpan, by: number) => net.set(JSON.stringify(m), (net.get(JSON.stringify(m)) ?? 0) + by);
    for (const c of [early, settled]) {
      c.add.forEach((m) => bump(m, 1));
      c.remove.forEach((m) => bump(m, -1));
    }
    const expected = new Map<string, number>();
    confirmed.add.forEach((m) => expected.set(JSON.stringify(m), 1));
    confirmed.remove.forEach((m) => expected.set(JSON.stringify(m), -1));
    expect(new Map([...net].filter(([, n]) => n !== 0))).toEqual(expected);
  });
});

describe('revertMarks', () => {
  it('swaps what is added and removed, and reverting twice gives the change back', () => {
    const c: MarksChange = { add: [mark(1, 2)], remove: [mark(3, 4, 'date')] };
    expect(revertMarks(c)).toEqual({ add: [mark(3, 4, 'date')], remove: [mark(1, 2)] });
    expect(revertMarks(revertMarks(c))).toEqual(c);
  });
});
