import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import type { Annotation, DecisionAction } from '../model';
import { findDifferences } from './differences';
import { decideAcross, keptLayerIds, spansInNoConflict, type LayerDecisionContext } from './layer-decisions';
import { findLayerDifferences, type ReviewLayer } from './layer-differences';
import { keptIds, keptSpans } from './reconcile';
import { emptyReviewState } from './review-state';

const TEXT = 'The South Korea Foreign Ministry said the US–ROK working group on North Korea would end. 통일부 장관 🤝 agreed.\r\nNo more.';
const LABELS = ['actor', 'policy-body', 'position'];
const ACTIONS: DecisionAction[] = ['accept-theirs', 'keep-mine', 'keep-both', 'reject-both'];

function at(quote: string): number {
  const i = TEXT.indexOf(quote);
  if (i < 0) throw new Error(`${quote} is not in the text`);
  return i;
}

function layer(author: string, rows: Array<[string, string]>): Annotation[] {
  return annotationsFrom(
    'doc',
    author,
    rows.map(([quote, labelId]) => [at(quote), at(quote) + quote.length, labelId, quote] as const),
  );
}

function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % n;
  };
}

function randomLayer(next: (n: number) => number, author: string, borrow: readonly Annotation[] = []): Annotation[] {
  const rows: Array<readonly [number, number, string, string]> = [];
  for (let i = next(6); i > 0; i--) {
    if (borrow.length > 0 && next(2) === 0) {
      const b = borrow[next(borrow.length)]!;
      const shift = next(3) === 0 ? 1 : 0;
      rows.push([b.start, b.end + shift, next(3) === 0 ? LABELS[next(3)]! : b.labelId, '']);
      continue;
    }
    const start = next(TEXT.length - 20);
    rows.push([start, start + 1 + next(18), LABELS[next(3)]!, '']);
  }
  return annotationsFrom('doc', author, rows);
}

const context = (layers: string[]): LayerDecisionContext => {
  let n = 0;
  return { documentId: 'doc', layers, decidedBy: 'ana', now: '2026-11-30T10:00:00.000Z', makeId: (prefix) => `${prefix}-${++n}` };
};

describe('decisions across several layers', () => {
  it('keep, with two layers, exactly the spans a pair decision keeps, for every action', () => {
    let checked = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const next = generator(seed);
      const mine = randomLayer(next, 'ana');
      const theirs = randomLayer(next, 'ben', mine);
      const layers: ReviewLayer[] = [
        { id: 'own', annotations: mine },
        { id: 'colleague:ben', annotations: theirs },
      ];
      const pair = findDifferences(TEXT, mine, theirs);
      findLayerDifferences(TEXT, layers).forEach((d, i) => {
        for (const action of ACTIONS) {
          expect([...keptLayerIds(d, action)].sort()).toEqual([...keptIds(pair[i]!, action)].sort());
          const { decision } = decideAcross(emptyReviewState(), d, action, context(['own', 'colleague:ben']));
          expect(decision.sourceIds).toEqual(keptSpans(pair[i]!, action).map((x) => x.id));
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('keeps a nested span in no conflict whatever is decided among three layers', () => {
    const own = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['South Korea', 'actor'],
    ]);
    const ben = layer('ben', [['South Korea Foreign Ministry', 'actor']]);
    const kim = layer('kim', [['South Korea Foreign Ministry', 'policy-body']]);
    const [d] = findLayerDifferences(TEXT, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    expect(d!.kind).toBe('label-conflict');
    expect(spansInNoConflict(d!).map((s) => [s.layerId, s.annotation.quote.exact])).toEqual([['own', 'South Korea']]);
    for (const action of ACTIONS) {
      const { state } = decideAcross(emptyReviewState(), d!, action, context(['own', 'colleague:ben', 'colleague:kim']));
      expect(state.annotations.some((x) => x.quote.exact === 'South Korea' && x.labelId === 'actor')).toBe(true);
    }
  });

  it('keeps identical copies from two colleagues once and records the layer of each source', () => {
    const own = layer('ana', [['통일부 장관', 'actor']]);
    const ben = layer('ben', [['통일부', 'policy-body']]);
    const kim = layer('kim', [['통일부', 'policy-body']]);
    const layers = ['own', 'colleague:ben', 'colleague:kim'];
    const [d] = findLayerDifferences(TEXT, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    const { state, decision } = decideAcross(emptyReviewState(), d!, 'accept-theirs', context(layers));
    expect(state.annotations.map((x) => [x.quote.exact, x.labelId, x.author])).toEqual([['통일부', 'policy-body', 'ben']]);
    expect(decision).toMatchObject({ layers, sourceIds: [ben[0]!.id], sourceLayers: ['colleague:ben'], mineIds: [own[0]!.id], theirsIds: [ben[0]!.id, kim[0]!.id] });

    // Deciding again replaces the decision and what it added.
    const again = decideAcross(state, d!, 'choose-spans', context(layers), [own[0]!.id, kim[0]!.id]);
    expect(again.state.decisions).toHaveLength(1);
    expect(again.state.annotations.map((x) => [x.quote.exact, x.author])).toEqual([
      ['통일부 장관', 'ana'],
      ['통일부', 'kim'],
    ]);
    expect(again.decision.sourceLayers).toEqual(['own', 'colleague:kim']);
  });

  it('keeps a decision on three layers apart from a pair review of the same spans', () => {
    const own = layer('ana', [['No more', 'position']]);
    const ben = layer('ben', [['No more', 'actor']]);
    const kim = layer('kim', []);
    const three = findLayerDifferences(TEXT, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    const first = decideAcross(emptyReviewState(), three[0]!, 'keep-mine', context(['own', 'colleague:ben', 'colleague:kim']));
    const pair = findLayerDifferences(TEXT, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
    ]);
    const second = decideAcross(first.state, pair[0]!, 'accept-theirs', context(['own', 'colleague:ben']));
    expect(second.state.decisions.map((d) => d.layers.length)).toEqual([3, 2]);
    expect(second.state.annotations.map((x) => x.labelId).sort()).toEqual(['actor', 'position']);
  });
});
