/**
 * Krippendorff's alpha for nominal data, for any number of coders and missing
 * values: α = 1 − Dₒ/Dₑ.
 *
 * Each unit (here, a token) has the values given by the coders who coded it.
 * Units with fewer than two values are not pairable and are left out. For a
 * pairable unit with m values, each ordered pair of values from different
 * coders adds 1/(m − 1) to the coincidence matrix o; n_c is the row total of
 * category c and n the grand total. Then
 *   α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k.
 */
import { splitCrossKey, type CrossTable } from './cross-table';

/** Running totals for alpha; add units with `addAlphaUnit`, read with `alphaFromTotals`. */
export interface AlphaTotals {
  /** Σ over units of the observed disagreement term (the off-diagonal mass of o). */
  disagreement: number;
  /** n_c for each category. */
  categoryTotals: Map<string, number>;
}

/** Totals with no units. */
export function emptyAlphaTotals(): AlphaTotals {
  return { disagreement: 0, categoryTotals: new Map() };
}

/**
 * Adds one unit: the values its coders gave (one per coder who coded it), or
 * `times` units that all have these values (the totals are sums over units,
 * so identical units can be added at once). Units with fewer than two values
 * are ignored.
 */
export function addAlphaUnit(totals: AlphaTotals, values: readonly string[], times = 1): void {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  addAlphaValueCounts(totals, [...counts], times);
}

/**
 * `addAlphaUnit` for a unit given as how many of its coders gave each value
 * (values given by no coder may be left out or counted 0).
 */
export function addAlphaValueCounts(totals: AlphaTotals, counts: ReadonlyArray<readonly [value: string, coders: number]>, times = 1): void {
  let m = 0;
  let sameValuePairs = 0;
  for (const [, c] of counts) {
    m += c;
    sameValuePairs += c * (c - 1);
  }
  if (m < 2) return;
  for (const [v, c] of counts) if (c > 0) totals.categoryTotals.set(v, (totals.categoryTotals.get(v) ?? 0) + c * times);
  const orderedPairs = m * (m - 1);
  totals.disagreement += ((orderedPairs - sameValuePairs) / (m - 1)) * times;
}

/** Adds the totals of `more` into `into` (units are disjoint, so totals simply add). */
export function mergeAlphaTotals(into: AlphaTotals, more: AlphaTotals): void {
  into.disagreement += more.disagreement;
  for (const [c, n] of more.categoryTotals) into.categoryTotals.set(c, (into.categoryTotals.get(c) ?? 0) + n);
}

/**
 * Alpha from totals. `null` when undefined: no pairable unit, or only one
 * category among all pairable values (expected disagreement 0; some tools,
 * NLTK among them, report 1 here, we report that there is nothing to measure).
 */
export function alphaFromTotals(totals: AlphaTotals): number | null {
  let n = 0;
  let sumSquares = 0;
  for (const c of totals.categoryTotals.values()) {
    n += c;
    sumSquares += c * c;
  }
  const expectedPairs = n * n - sumSquares; // Σ_{c≠k} n_c·n_k
  if (n === 0 || expectedPairs <= 0) return null;
  return 1 - ((n - 1) * totals.disagreement) / expectedPairs;
}

/** Alpha over a list of units (each the values given by the coders who coded it). */
export function krippendorffAlpha(units: Iterable<readonly string[]>): number | null {
  const totals = emptyAlphaTotals();
  for (const unit of units) addAlphaUnit(totals, unit);
  return alphaFromTotals(totals);
}

/**
 * Alpha between two coders who both coded every unit, from their cross table
 * (see `cross-table.ts`): each unit is pairable with m = 2, so a disagreeing
 * unit adds 2 to the disagreement and each unit adds one to each coder's category.
 */
export function alphaFromCrossTable(table: CrossTable): number | null {
  const totals = emptyAlphaTotals();
  for (const [key, count] of table) {
    const [a, b] = splitCrossKey(key);
    if (a !== b) totals.disagreement += 2 * count;
    totals.categoryTotals.set(a, (totals.categoryTotals.get(a) ?? 0) + count);
    totals.categoryTotals.set(b, (totals.categoryTotals.get(b) ?? 0) + count);
  }
  return alphaFromTotals(totals);
}
