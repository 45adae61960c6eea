import { describe, expect, it } from 'vitest';
import { summarise } from './summary';

describe('summarise', () => {
  it('gives the mean and population sd of the defined values', () => {
    // 0.2, 0.4, 0.6: mean 0.4, variance (0.04 + 0 + 0.04)/3
    const s = summarise([0.2, null, 0.4, 0.6]);
    expect(s.mean).toBeCloseTo(0.4, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.08 / 3), 12);
  });

  it('is null, not NaN, when no value is defined', () => {
    expect(summarise([null, null])).toEqual({ mean: null, sd: null });
    expect(summarise([])).toEqual({ mean: null, sd: null });
  });
});
