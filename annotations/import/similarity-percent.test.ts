import { describe, expect, it } from 'vitest';
import { similarityPercent } from './similarity-percent';

describe('similarityPercent', () => {
  it.each([
    [1, '100%'],
    [0.999, '99%'],
    [0.934, '93%'],
    [0.6, '60%'],
    [0.001, '1%'],
    [0, '0%'],
    [Number.NaN, '0%'],
  ])('shows %s as %s', (value, shown) => {
    expect(similarityPercent(value)).toBe(shown);
  });
});
