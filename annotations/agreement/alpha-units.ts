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
 * Groups the tokens of `categories` (one array per coder, all of one length,
 * the category of each token) by their values across coders, in no particular
 * order. Throws RangeError if the arrays differ in length.
 */
export function groupAlphaUnits(categories: ReadonlyArray<readonly string[]>): GroupedUnit[] {
  const tokenCount = categories[0]?.length ?? 0;
  if (categories.some((c) => c.length !== tokenCount)) throw new RangeError('every coder must give one category per token');
  // Each category gets a number; a token's values are then the digits of one number in base `names.length`.
  const numbers = new Map<string, number>();
  const names: string[] = [];
  const coded = categories.map((c) => {
    const out = new Int32Array(c.length);
    for (let t = 0; t < c.length; t++) {
      let n = numbers.get(c[t]!);
      if (n === undefined) {
        n = names.length;
        numbers.set(c[t]!, n);
        names.push(c[t]!);
      }
      out[t] = n;
    }
    return out;
  });
  const base = names.length;
  const keys = base ** coded.length;
  const valuesOf = (key: number): string[] => {
    const values = new Array<string>(coded.length);
    for (let c = coded.length - 1; c >= 0; c--) {
      values[c] = names[key % base]!;
      key = Math.floor(key / base);
    }
    return values;
  };
  if (keys <= MAX_ARRAY_KEYS) {
    const counts = new Int32Array(keys);
    for (let t = 0; t < tokenCount; t++) {
      let key = 0;
      for (let c = 0; c < coded.length; c++) key = key * base + coded[c]![t]!;
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
    else units.set(key, { values: categories.map((c) => c[t]!), times: 1 });
  }
  return [...units.values()];
}
