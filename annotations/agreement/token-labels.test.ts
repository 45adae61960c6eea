import { describe, expect, it } from 'vitest';
import { annotationsFrom } from './test-support/load-fixture';
import { categoryName, tokenCategories } from './token-labels';
import { tokenize } from './tokens';

describe('tokenCategories', () => {
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
});
