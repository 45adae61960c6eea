import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import type { Annotation } from '../model';
import { findDifferences } from './differences';
import { decide, keptSpans, type DecisionContext } from './reconcile';
import { emptyReviewState } from './review-state';
import { pairSpans } from './span-pairs';

const TEXT = 'The South Korea Foreign Ministry said the US–ROK working group on North Korea would end. 통일부 장관 🤝 agreed.\r\nNo more.';
type Row = [quote: string, labelId: string, occurrence?: number];

function at(quote: string, occurrence = 0): number {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) from = TEXT.indexOf(quote, from + 1);
  if (from < 0) throw new Error(`${quote} is not in the text`);
  return from;
}

function layer(author: string, rows: Row[]): Annotation[] {
  return annotationsFrom(
    'doc',
    author,
    rows.map(([quote, labelId, n]) => [at(quote, n), at(quote, n) + quote.length, labelId, quote] as const),
  );
}

const spans = (xs: readonly Annotation[]) => xs.map((x) => `${x.author}:${x.quote.exact}=${x.labelId}`);
const context: DecisionContext = { documentId: 'doc', layers: ['own', 'colleague:ben'], decidedBy: 'ana', now: '2026-11-30T10:00:00.000Z' };

/** The one difference between the two layers that is not agreed. */
function onlyDifference(mine: Annotation[], theirs: Annotation[]) {
  const diffs = findDifferences(TEXT, mine, theirs).filter((d) => d.kind !== 'agreed');
  expect(diffs).toHaveLength(1);
  return diffs[0]!;
}

describe('pairSpans', () => {
  it('pairs the same span with different labels before same-label spans with other bounds', () => {
    const mine = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['South Korea', 'actor'],
    ]);
    const theirs = layer('ben', [['South Korea Foreign Ministry', 'actor']]);
    const { pairs, loneMine, loneTheirs } = pairSpans(mine, theirs);
    expect(pairs.map((p) => [p.mine.quote.exact, p.mine.labelId, p.theirs.labelId, p.kind])).toEqual([['South Korea Foreign Ministry', 'policy-body', 'actor', 'label']]);
    expect(spans(loneMine)).toEqual(['ana:South Korea=actor']);
    expect(loneTheirs).toEqual([]);
  });

  it('pairs the closest bounds along an overlapping chain and leaves the rest lone', () => {
    // mine: "US–ROK working" and "group on North Korea"; theirs: "working group" — a chain through theirs.
    const mine = layer('ana', [
      ['US–ROK working', 'policy-body'],
      ['group on North Korea', 'policy-body'],
    ]);
    const theirs = layer('ben', [['US–ROK working group', 'policy-body']]);
    const { pairs, loneMine } = pairSpans(mine, theirs);
    expect(pairs.map((p) => [p.mine.quote.exact, p.kind])).toEqual([['US–ROK working', 'boundary']]);
    expect(spans(loneMine)).toEqual(['ana:group on North Korea=policy-body']);
  });

  it('pairs several spans on each side one to one, and falls back to different label and bounds', () => {
    const mine = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['Korea', 'actor'],
      ['통일부 장관', 'actor'],
    ]);
    const theirs = layer('ben', [
      ['South Korea', 'actor'],
      ['Foreign Ministry', 'policy-body'],
      ['통일부', 'policy-body'],
    ]);
    const { pairs, loneMine, loneTheirs } = pairSpans(mine, theirs);
    expect(pairs.map((p) => `${p.mine.quote.exact}|${p.theirs.quote.exact}|${p.kind}`).sort()).toEqual(
      ['Korea|South Korea|boundary', 'South Korea Foreign Ministry|Foreign Ministry|boundary', '통일부 장관|통일부|both'].sort(),
    );
    expect(loneMine).toEqual([]);
    expect(loneTheirs).toEqual([]);
  });
});

describe('deciding a group decides each span', () => {
  it('accepting theirs keeps my nested span that is in no conflict', () => {
    const mine = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['South Korea', 'actor'],
    ]);
    const theirs = layer('ben', [['South Korea Foreign Ministry', 'actor']]);
    const d = onlyDifference(mine, theirs);
    expect(d.kind).toBe('label-conflict');
    const { state, decision } = decide(emptyReviewState(), d, 'accept-theirs', context);
    expect(spans(state.annotations).sort()).toEqual(['ana:South Korea=actor', 'ben:South Korea Foreign Ministry=actor'].sort());
    expect(decision.sourceIds!.sort()).toEqual([mine[1]!.id, theirs[0]!.id].sort());
    expect(spans(keptSpans(d, 'keep-mine')).sort()).toEqual(['ana:South Korea Foreign Ministry=policy-body', 'ana:South Korea=actor'].sort());
    expect(spans(keptSpans(d, 'reject-both'))).toEqual(['ana:South Korea=actor']);
    expect(keptSpans(d, 'keep-both')).toHaveLength(3);
  });

  it('keeps a lone span of theirs whichever side wins the conflict', () => {
    const mine = layer('ana', [['South Korea', 'actor']]);
    const theirs = layer('ben', [
      ['South Korea Foreign Ministry', 'actor'],
      ['South Korea Foreign Ministry', 'policy-body'],
    ]);
    const d = onlyDifference(mine, theirs);
    expect(spans(keptSpans(d, 'keep-mine')).sort()).toEqual(['ana:South Korea=actor', 'ben:South Korea Foreign Ministry=policy-body'].sort());
  });

  it('on an overlapping chain, the lone end survives accepting theirs', () => {
    const mine = layer('ana', [
      ['US–ROK working', 'policy-body'],
      ['group on North Korea', 'policy-body'],
    ]);
    const theirs = layer('ben', [['US–ROK working group', 'policy-body']]);
    const d = onlyDifference(mine, theirs);
    expect(d.kind).toBe('boundary-conflict');
    expect(spans(keptSpans(d, 'accept-theirs'))).toEqual(['ana:group on North Korea=policy-body', 'ben:US–ROK working group=policy-body']);
  });

  it('with several spans on each side, accepting theirs keeps theirs and nothing of mine that conflicted', () => {
    const mine = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['Korea', 'actor'],
    ]);
    const theirs = layer('ben', [
      ['South Korea', 'actor'],
      ['Foreign Ministry', 'policy-body'],
    ]);
    const d = onlyDifference(mine, theirs);
    expect(spans(keptSpans(d, 'accept-theirs'))).toEqual(['ben:South Korea=actor', 'ben:Foreign Ministry=policy-body']);
  });

  it('choose-spans keeps exactly the ticked spans, ignoring ids from elsewhere, and records their sources', () => {
    const mine = layer('ana', [
      ['South Korea Foreign Ministry', 'policy-body'],
      ['South Korea', 'actor'],
    ]);
    const theirs = layer('ben', [['South Korea Foreign Ministry', 'actor']]);
    const d = onlyDifference(mine, theirs);
    const { state, decision } = decide(emptyReviewState(), d, 'choose-spans', context, [mine[0]!.id, theirs[0]!.id, 'not-in-this-difference']);
    expect(decision.action).toBe('choose-spans');
    expect(spans(state.annotations).sort()).toEqual(['ana:South Korea Foreign Ministry=policy-body', 'ben:South Korea Foreign Ministry=actor'].sort());
    expect(decision.sourceIds).toEqual([mine[0]!.id, theirs[0]!.id]);
    expect(state.annotations.map((a) => a.id).sort()).toEqual([...decision.resultIds].sort());
  });

  it('keeps the all-or-nothing meaning on only-mine and only-theirs differences', () => {
    const mine = layer('ana', [['North Korea', 'actor']]);
    const d = onlyDifference(mine, []);
    expect(keptSpans(d, 'accept-theirs')).toEqual([]);
    expect(keptSpans(d, 'reject-both')).toEqual([]);
    expect(spans(keptSpans(d, 'keep-mine'))).toEqual(['ana:North Korea=actor']);
  });
});
