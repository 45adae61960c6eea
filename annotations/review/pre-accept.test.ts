import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import type { Annotation } from '../model';
import { decideAcross, type LayerDecisionContext } from './layer-decisions';
import { findLayerDifferences } from './layer-differences';
import { preAcceptAgreed } from './pre-accept';
import { emptyReviewState } from './review-state';

const TEXT = 'Envoy Sung Kim met 통일부 officials in Seoul 🇰🇷 on Friday.\r\nThe US–ROK talks will go on.';
const LAYERS = ['own', 'colleague:ben', 'colleague:kim'];

function span(quote: string, labelId: string): readonly [number, number, string, string] {
  const i = TEXT.indexOf(quote);
  if (i < 0) throw new Error(`${quote} is not in the text`);
  return [i, i + quote.length, labelId, quote];
}

const context = (layers = LAYERS): LayerDecisionContext => {
  let n = 0;
  return { documentId: 'doc', layers, decidedBy: 'ana', now: '2026-11-30T11:00:00.000Z', makeId: (prefix) => `${prefix}-${++n}` };
};

function differences(own: Annotation[], ben: Annotation[], kim: Annotation[]) {
  return findLayerDifferences(TEXT, [
    { id: 'own', annotations: own },
    { id: 'colleague:ben', annotations: ben },
    { id: 'colleague:kim', annotations: kim },
  ]);
}

describe('preAcceptAgreed (k of n agree)', () => {
  const own = annotationsFrom('doc', 'ana', [span('Sung Kim', 'actor'), span('통일부', 'policy-body'), span('Friday', 'date')]);
  const ben = annotationsFrom('doc', 'ben', [span('Sung Kim', 'actor'), span('통일부', 'actor'), span('Seoul 🇰🇷', 'location')]);
  const kim = annotationsFrom('doc', 'kim', [span('Sung Kim', 'position'), span('통일부 officials', 'policy-body'), span('Seoul 🇰🇷', 'location')]);

  it('accepts a span two of three layers hold exactly and drops the spans it outvotes, as a marked decision', () => {
    const diffs = differences(own, ben, kim);
    const result = preAcceptAgreed(emptyReviewState(), diffs, 2, context());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { state, decided } = result.value;
    // "Sung Kim": actor by ana and ben outvotes kim's position; "Seoul 🇰🇷": ben and kim.
    // "통일부": no span is held by two layers; "Friday": ana alone. Both left for the analyst.
    expect(decided).toBe(2);
    expect(state.annotations.map((x) => [x.quote.exact, x.labelId, x.author])).toEqual([
      ['Sung Kim', 'actor', 'ana'],
      ['Seoul 🇰🇷', 'location', 'ben'],
    ]);
    for (const d of state.decisions) {
      expect(d).toMatchObject({ action: 'choose-spans', preAccepted: { k: 2, n: 3 }, layers: LAYERS, decidedBy: 'ana' });
    }
    expect(state.decisions.map((d) => d.sourceLayers)).toEqual([['own'], ['colleague:ben']]);
  });

  it('asks more with a higher k: three of three accepts only what everyone holds', () => {
    const three = annotationsFrom('doc', 'kim', [span('Sung Kim', 'actor')]);
    const result = preAcceptAgreed(emptyReviewState(), differences(own, ben, three), 3, context());
    expect(result.ok && result.value.state.annotations.map((x) => x.quote.exact)).toEqual(['Sung Kim']);
    expect(result.ok && result.value.decided).toBe(1);
  });

  it('leaves a difference alone when a span in it is outvoted by nobody (a nested span of another label)', () => {
    const a = annotationsFrom('doc', 'ana', [span('Envoy Sung Kim', 'actor'), span('Sung Kim', 'person')]);
    const b = annotationsFrom('doc', 'ben', [span('Envoy Sung Kim', 'actor')]);
    const c = annotationsFrom('doc', 'kim', [span('Envoy Sung Kim', 'position')]);
    const result = preAcceptAgreed(emptyReviewState(), differences(a, b, c), 2, context());
    expect(result.ok && result.value.decided).toBe(0);
    expect(result.ok && result.value.state.annotations).toEqual([]);
  });

  it('leaves differences already decided by hand as they are', () => {
    const diffs = differences(own, ben, kim);
    const byHand = decideAcross(emptyReviewState(), diffs[0]!, 'reject-both', context());
    const result = preAcceptAgreed(byHand.state, diffs, 2, context());
    expect(result.ok && result.value.decided).toBe(1);
    expect(result.ok && result.value.state.decisions.filter((d) => d.differenceKey === diffs[0]!.key)).toEqual([byHand.decision]);
  });

  it('refuses a k outside 2..n with a clear error and changes nothing', () => {
    const diffs = differences(own, ben, kim);
    for (const k of [0, 1, 4, 2.5, Number.NaN]) {
      const result = preAcceptAgreed(emptyReviewState(), diffs, k, context());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toContain('k from 2 to 3');
    }
  });

  it('works on two colleagues without the analyst', () => {
    const diffs = findLayerDifferences(TEXT, [
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    const result = preAcceptAgreed(emptyReviewState(), diffs, 2, context(['colleague:ben', 'colleague:kim']));
    expect(result.ok && result.value.state.annotations.map((x) => [x.quote.exact, x.author])).toEqual([['Seoul 🇰🇷', 'ben']]);
  });
});
