import { describe, expect, it } from 'vitest';
import { annotationsFrom } from '../agreement/test-support/load-fixture';
import type { Annotation } from '../model';
import { findDifferences } from './differences';
import { findLayerDifferences, type LayerDifference } from './layer-differences';

// ASCII, CRLF, Hangul and a surrogate pair, so offsets are UTF-16 code units throughout.
const TEXTS = [
  'The envoy met the Unification Ministry in Seoul on Tuesday.',
  'Talks resumed.\r\nThe 통일부 envoy 🤝 spoke\r\nagain on Friday.',
  '🇰🇷 Seoul and 🇺🇸 Washington signed the 2023 declaration.',
];
const LABELS = ['actor', 'policy-body', 'date'];

/** A small deterministic generator, so each family is the same on every run. */
function generator(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

/** Random spans of `text`, including exact repeats and spans shared with `borrow` (so agreements occur). */
function randomLayer(next: (n: number) => number, text: string, author: string, borrow: readonly Annotation[] = []): Annotation[] {
  const rows: Array<readonly [number, number, string, string]> = [];
  const count = next(7);
  for (let i = 0; i < count; i++) {
    if (borrow.length > 0 && next(2) === 0) {
      const b = borrow[next(borrow.length)]!;
      rows.push([b.start, b.end, next(4) === 0 ? LABELS[next(3)]! : b.labelId, b.quote.exact]);
      continue;
    }
    const start = next(text.length - 1);
    const end = start + 1 + next(Math.min(14, text.length - start));
    rows.push([start, end, LABELS[next(3)]!, text.slice(start, end)]);
  }
  return annotationsFrom('doc', author, rows);
}

const summary = (d: LayerDifference | ReturnType<typeof findDifferences>[number]) => ({ key: d.key, kind: d.kind, start: d.start, end: d.end, mineIds: d.mineIds, theirsIds: d.theirsIds });

describe('findLayerDifferences', () => {
  it('gives exactly the pair differences when two layers are compared (keys included)', () => {
    let compared = 0;
    for (const [t, text] of TEXTS.entries()) {
      for (let seed = 1; seed <= 120; seed++) {
        const next = generator(seed * 31 + t);
        const mine = randomLayer(next, text, 'ana');
        const theirs = randomLayer(next, text, 'ben', mine);
        const pair = findDifferences(text, mine, theirs);
        const layered = findLayerDifferences(text, [
          { id: 'own', annotations: mine },
          { id: 'colleague:ben', annotations: theirs },
        ]);
        expect(layered.map(summary)).toEqual(pair.map(summary));
        compared += pair.length;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('calls a span agreed only when every layer holds it, and says who lacks it otherwise', () => {
    const text = TEXTS[0]!;
    const at = (q: string) => [text.indexOf(q), text.indexOf(q) + q.length] as const;
    const envoy = at('envoy');
    const ministry = at('Unification Ministry');
    const seoul = at('Seoul');
    const tuesday = at('Tuesday');
    const own = annotationsFrom('doc', 'ana', [
      [...envoy, 'actor'],
      [...ministry, 'policy-body'],
      [...tuesday, 'date'],
    ]);
    const ben = annotationsFrom('doc', 'ben', [
      [...envoy, 'actor'],
      [...ministry, 'policy-body'],
      [...seoul, 'actor'],
    ]);
    const kim = annotationsFrom('doc', 'kim', [
      [...envoy, 'actor'],
      [...seoul, 'actor'],
    ]);
    const diffs = findLayerDifferences(text, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    expect(diffs.map((d) => [d.quote, d.kind, d.spans.map((s) => s.layerId)])).toEqual([
      ['envoy', 'agreed', ['own', 'colleague:ben', 'colleague:kim']],
      ['Unification Ministry', 'only-mine', ['own', 'colleague:ben']],
      ['Seoul', 'only-theirs', ['colleague:ben', 'colleague:kim']],
      ['Tuesday', 'only-mine', ['own']],
    ]);
    // Keys list the spans layer by layer, so they differ from any pair review's keys.
    expect(JSON.parse(diffs[2]!.key)).toEqual({ layers: [[], [[seoul[0], seoul[1], 'actor']], [[seoul[0], seoul[1], 'actor']]] });
  });

  it('groups overlaps between any two layers into one conflict and keeps mine first, theirs after', () => {
    const text = TEXTS[1]!;
    const start = text.indexOf('통일부');
    const own = annotationsFrom('doc', 'ana', [[start, start + 3, 'policy-body']]);
    const ben = annotationsFrom('doc', 'ben', [[start, start + 9, 'actor']]); // "통일부 envoy"
    const kim = annotationsFrom('doc', 'kim', [[start + 4, start + 12, 'actor']]); // "envoy 🤝" (surrogate pair whole)
    const diffs = findLayerDifferences(text, [
      { id: 'own', annotations: own },
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]!.kind).toBe('label-conflict');
    expect(diffs[0]!.quote).toBe('통일부 envoy 🤝');
    expect(diffs[0]!.mineIds).toEqual([own[0]!.id]);
    expect(diffs[0]!.theirsIds).toEqual([ben[0]!.id, kim[0]!.id]);
  });

  it('compares two colleagues without the analyst, the first playing "mine"', () => {
    const text = TEXTS[2]!;
    const s = text.indexOf('Washington');
    const ben = annotationsFrom('doc', 'ben', [[s, s + 10, 'actor']]);
    const kim = annotationsFrom('doc', 'kim', [[s - 5, s + 10, 'actor']]); // takes the flag (two surrogate pairs) and the space
    const diffs = findLayerDifferences(text, [
      { id: 'colleague:ben', annotations: ben },
      { id: 'colleague:kim', annotations: kim },
    ]);
    expect(diffs.map((d) => [d.kind, d.mineIds, d.theirsIds])).toEqual([['boundary-conflict', [ben[0]!.id], [kim[0]!.id]]]);
  });

  it('compares nothing with fewer than two distinct layers', () => {
    const own = annotationsFrom('doc', 'ana', [[0, 3, 'actor']]);
    expect(findLayerDifferences(TEXTS[0]!, [{ id: 'own', annotations: own }])).toEqual([]);
    expect(findLayerDifferences(TEXTS[0]!, [{ id: 'own', annotations: own }, { id: 'own', annotations: own }])).toEqual([]);
  });

  it('numbers a repeated key among three layers in reading order', () => {
    const text = TEXTS[0]!;
    const rows = [[4, 9, 'actor']] as const;
    const own = annotationsFrom('doc', 'ana', [...rows, ...rows]);
    const ben = annotationsFrom('doc', 'ben', [...rows]);
    const kim = annotationsFrom('doc', 'kim', [...rows]);
    const diffs = findLayerDifferences(text, [
      { id: 'own', annotations: own },
      { id: 'b', annotations: ben },
      { id: 'k', annotations: kim },
    ]);
    // One copy agreed by all three; the spare copy of mine is mine alone.
    expect(diffs.map((d) => d.kind).sort()).toEqual(['agreed', 'only-mine']);
    expect(new Set(diffs.map((d) => d.key)).size).toBe(2);
  });
});
