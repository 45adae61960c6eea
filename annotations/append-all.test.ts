import { describe, expect, it } from 'vitest';
import { appendAll } from './append-all';

describe('appendAll', () => {
  it('appends more items than a spread call can pass as arguments', () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i);
    // The spread this replaces fails on the same input; if V8 ever lifts the limit, the next line says so.
    expect(() => [0].push(...many)).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, many)).toBe(target);
    expect(target).toHaveLength(500_001);
    expect(target[0]).toBe(-1);
    expect(target[500_000]).toBe(499_999);
  });

  it('takes any iterable, in its order', () => {
    expect(appendAll(['a'], new Set(['b', 'c']).values())).toEqual(['a', 'b', 'c']);
  });
});
