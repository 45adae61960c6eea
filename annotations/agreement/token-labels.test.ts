import { describe, expect, it } from 'vitest';
import { annotationsFrom } from './test-support/load-fixture';
import type { Annotation } from '../model';
import { CategoryCodes, categoryName, codedTokenCategories } from './token-labels';
import { spanTokenRanges, tokenize, type Tokens } from './tokens';

/** The category of every token, by name. */
function tokenCategories(tokens: Tokens, annotations: readonly Annotation[]): string[] {
  const codes = new CategoryCodes();
  return Array.from(codedTokenCategories(tokens.count, annotations, spanTokenRanges(tokens, annotations), codes), (n) => codes.names[n]!);
}

describe('codedTokenCategories', () => {
  const text = 'joint fisheries council said';
  const tokens = tokenize(text);

  it('gives each token its label, the combination of several labels, or none', () => {
    const annotations = annotationsFrom('d', 'a', [
      [0, 23, 'position'],
      [6, 23, 'policy-body'],
      [6, 15, 'policy-body'],
    ]);
    expect(tokenCategories(tokens, annotations).map(categoryName)).toEqual(['position', 'policy-body+position', 'policy-body+position', 'none']);
  });

  it('orders a combination the same way whichever annotation comes first', () => {
    const one = tokenCategories(tokens, annotationsFrom('d', 'a', [[0, 5, 'b'], [0, 5, 'a']]));
    const two = tokenCategories(tokens, annotationsFrom('d', 'a', [[0, 5, 'a'], [0, 5, 'b']]));
    expect(one[0]).toBe(two[0]);
  });

  it('keeps a label literally called "none" apart from no label', () => {
    const [labelled, bare] = tokenCategories(tokens, annotationsFrom('d', 'a', [[0, 5, 'none']]));
    expect(labelled).not.toBe(bare);
  });

  it('gives the combination of every label on a token, with more labels than fit in a bit mask', () => {
    const many = Array.from({ length: 33 }, (_, i) => `label-${String(i).padStart(2, '0')}`);
    const annotations = annotationsFrom('d', 'a', [...many.map((l) => [6, 15, l] as [number, number, string]), [0, 5, 'label-07']]);
    const categories = tokenCategories(tokens, annotations);
    expect(categoryName(categories[1]!)).toBe(many.join('+'));
    expect(categories.map(categoryName).filter((_, i) => i !== 1)).toEqual(['label-07', 'none', 'none']);
  });

  it('numbers a combination the same for every annotator and document sharing the codes, whatever the order labels first appear in', () => {
    const codes = new CategoryCodes();
    const coded = (rows: Array<[number, number, string]>) => {
      const annotations = annotationsFrom('d', 'a', rows);
      return [...codedTokenCategories(tokens.count, annotations, spanTokenRanges(tokens, annotations), codes)];
    };
    const first = coded([[0, 5, 'actor'], [0, 5, '정책'], [6, 15, '정책']]);
    const second = coded([[6, 15, '정책'], [0, 5, '정책'], [0, 5, 'actor'], [16, 23, 'actor']]);
    expect(first[0]).toBe(second[0]);
    expect(first[1]).toBe(second[1]);
    expect(second[2]).not.toBe(second[1]);
    expect([...first, ...second].map((n) => categoryName(codes.names[n]!))).toEqual(['actor+정책', '정책', 'none', 'none', 'actor+정책', '정책', 'actor', 'none']);
  });
});
