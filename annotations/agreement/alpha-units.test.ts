import { describe, expect, it } from 'vitest';
import { groupCodedAlphaUnits, type GroupedUnit } from './alpha-units';
import { CategoryCodes } from './token-labels';

/** Groups coders' categories given by name, numbering them as the report does. */
function groupAlphaUnits(categories: string[][]): GroupedUnit[] {
  const codes = new CategoryCodes();
  return groupCodedAlphaUnits(
    categories.map((c) => Int32Array.from(c, (category) => codes.code(category))),
    codes.names,
  );
}

/** The grouping done the plain way: one key per token. */
function naive(categories: string[][]): GroupedUnit[] {
  const units = new Map<string, GroupedUnit>();
  for (let t = 0; t < categories[0]!.length; t++) {
    const values = categories.map((c) => c[t]!);
    const key = JSON.stringify(values);
    const unit = units.get(key);
    if (unit) unit.times++;
    else units.set(key, { values, times: 1 });
  }
  return [...units.values()];
}

const sorted = (units: GroupedUnit[]) => [...units].sort((a, b) => (JSON.stringify(a.values) < JSON.stringify(b.values) ? -1 : 1));

describe('groupCodedAlphaUnits', () => {
  it('counts the tokens of each distinct list of values, coders in order', () => {
    const a = ['[]', '["actor"]', '["actor"]', '["국회"]', '[]'];
    const b = ['[]', '["actor"]', '["position"]', '["국회"]', '["actor"]'];
    expect(sorted(groupAlphaUnits([a, b]))).toEqual(
      sorted([
        { values: ['[]', '[]'], times: 1 },
        { values: ['["actor"]', '["actor"]'], times: 1 },
        { values: ['["actor"]', '["position"]'], times: 1 },
        { values: ['["국회"]', '["국회"]'], times: 1 },
        { values: ['[]', '["actor"]'], times: 1 },
      ]),
    );
  });

  it('gives the plain grouping for three coders, and with more distinct lists than its array holds', () => {
    const few = ['[]', '["a"]', '["b"]', '["a","b"]'];
    const many = Array.from({ length: 60 }, (_, i) => `["label-${i}"]`);
    for (const pool of [few, many]) {
      const coders = [0, 1, 2].map((c) => Array.from({ length: 2_000 }, (_, t) => pool[(t * (c + 3) + c * 7) % pool.length]!));
      expect(sorted(groupAlphaUnits(coders))).toEqual(sorted(naive(coders)));
    }
  });

  it('has no units for no tokens, and refuses coders with different token counts', () => {
    expect(groupAlphaUnits([[], []])).toEqual([]);
    expect(() => groupAlphaUnits([['[]'], ['[]', '[]']])).toThrow(RangeError);
  });
});
