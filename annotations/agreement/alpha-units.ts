/**
 * The units of Krippendorff's alpha over a document's tokens, grouped: tokens
 * whose coders gave the same values add the same to alpha's totals, so each
 * distinct list of values is added once, times the number of tokens that have
 * it (see `addAlphaUnit`). A document has hundreds of tokens and a handful of
 * distinct lists.
 */

/** One distinct unit: the values in coder order, and how many tokens have them. */
export interface GroupedUnit {
  values: string[];
  times: number;
}

/** Distinct lists this many or fewer are counted in a typed array; more in a map. */
const MAX_ARRAY_KEYS = 1 << 16;

/**
 * Groups the tokens of `coded` (one array per coder, all of one length, the
 * category number of each token, `names[n]` naming category n; see
 * `CategoryCodes`) by their values across coders, in no particular order.
 * Throws RangeError if the arrays differ in length.
 */
export function groupCodedAlphaUnits(coded: readonly Int32Array[], names: readonly string[]): GroupedUnit[] {
  const tokenCount = coded[0]?.length ?? 0;
  if (coded.some((c) => c.length !== tokenCount)) throw new RangeError('every coder must give one category per token');
  // The categories this document uses are numbered again from 0, so that a token's values are the digits of one small number.
  const local = new Int32Array(names.length).fill(-1);
  const used: number[] = [];
  for (const c of coded) {
    for (let t = 0; t < tokenCount; t++) {
      if (local[c[t]!]! < 0) {
        local[c[t]!] = used.length;
        used.push(c[t]!);
      }
    }
  }
  const base = used.length;
  const keys = base ** coded.length;
  const valuesOf = (key: number): string[] => {
    const values = new Array<string>(coded.length);
    for (let c = coded.length - 1; c >= 0; c--) {
      values[c] = names[used[key % base]!]!;
      key = Math.floor(key / base);
    }
    return values;
  };
  if (keys <= MAX_ARRAY_KEYS) {
    const counts = new Int32Array(keys);
    for (let t = 0; t < tokenCount; t++) {
      let key = 0;
      for (let c = 0; c < coded.length; c++) key = key * base + local[coded[c]![t]!]!;
      counts[key]!++;
    }
    const units: GroupedUnit[] = [];
    for (let key = 0; key < keys; key++) if (counts[key]! > 0) units.push({ values: valuesOf(key), times: counts[key]! });
    return units;
  }
  const units = new Map<string, GroupedUnit>();
  for (let t = 0; t < tokenCount; t++) {
    const key = coded.map((c) => c[t]!).join(',');
    const unit = units.get(key);
    if (unit) unit.times++;
    else units.set(key, { values: coded.map((c) => names[c[t]!]!), times: 1 });
  }
  return [...units.values()];
}
