import { describe, expect, it } from 'vitest';
import { addConfusion, confusionMatrix } from './confusion';
import { annotationsFrom } from './test-support/load-fixture';

describe('label confusion', () => {
  it('counts every overlapping pair under (first label, second label), with agreements on the diagonal', () => {
    const a = annotationsFrom('d', 'a', [
      [0, 10, 'actor'],
      [20, 25, 'date'],
    ]);
    const b = annotationsFrom('d', 'b', [
      [0, 4, 'actor'],
      [5, 10, 'policy-body'],
      [25, 30, 'date'],
    ]);
    const matrix = confusionMatrix(addConfusion(new Map(), a, b), ['actor', 'policy-body', 'date']);
    expect(matrix).toEqual({
      labels: ['actor', 'policy-body', 'date'],
      counts: [
        [1, 1, 0],
        [0, 0, 0],
        [0, 0, 0], // [20,25) and [25,30) only touch
      ],
    });
  });
});
