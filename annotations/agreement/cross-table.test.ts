import { describe, expect, it } from 'vitest';
import { addToCrossTable, crossTableOfCodes } from './cross-table';
import { CategoryCodes } from './token-labels';

describe('crossTableOfCodes', () => {
  it('gives the table of the named sequences, with few categories and with more pairs than its array holds', () => {
    const few = ['[]', '["actor"]', '["정책"]', '["actor","date 📅"]'];
    const many = Array.from({ length: 300 }, (_, i) => `["label-${i}"]`);
    for (const pool of [few, many]) {
      const a = Array.from({ length: 5_000 }, (_, t) => pool[(t * 7) % pool.length]!);
      const b = Array.from({ length: 5_000 }, (_, t) => pool[(t * 13 + 5) % pool.length]!);
      const codes = new CategoryCodes();
      codes.code('["unused"]'); // numbers the sequences do not use must not matter
      const coded = (s: string[]) => Int32Array.from(s, (c) => codes.code(c));
      expect(new Map([...crossTableOfCodes(coded(a), coded(b), codes.names)].sort())).toEqual(new Map([...addToCrossTable(new Map(), a, b)].sort()));
    }
  });

  it('refuses sequences of different lengths', () => {
    expect(() => crossTableOfCodes(new Int32Array(2), new Int32Array(3), ['[]'])).toThrow(RangeError);
  });
});
