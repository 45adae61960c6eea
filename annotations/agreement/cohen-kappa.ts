/**
 * Cohen's kappa between two annotators who each put every item (here, every
 * token) in one category: κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the share of items
 * on which they agree and pₑ the agreement expected from their category
 * frequencies, Σ_c (n_a(c)/n)·(n_b(c)/n).
 */
import { addToCrossTable, splitCrossKey, type CrossTable } from './cross-table';

/**
 * Kappa from a cross table. `null` when undefined: no items, or expected
 * agreement of 1 (both annotators put every item in the same one category,
 * so 0/0; scikit-learn returns NaN here).
 */
export function kappaFromCrossTable(table: CrossTable): number | null {
  let n = 0;
  let agreed = 0;
  const rowTotals = new Map<string, number>();
  const columnTotals = new Map<string, number>();
  for (const [key, count] of table) {
    const [a, b] = splitCrossKey(key);
    n += count;
    if (a === b) agreed += count;
    rowTotals.set(a, (rowTotals.get(a) ?? 0) + count);
    columnTotals.set(b, (columnTotals.get(b) ?? 0) + count);
  }
  if (n === 0) return null;
  let expected = 0;
  for (const [category, row] of rowTotals) {
    const column = columnTotals.get(category) ?? 0;
    if (row === n && column === n) return null; // pₑ = 1: one category for everything, on both sides
    expected += (row / n) * (column / n);
  }
  const observed = agreed / n;
  return (observed - expected) / (1 - expected);
}

/** Kappa between two equally long category sequences. Throws RangeError on unequal lengths. */
export function cohenKappa(a: readonly string[], b: readonly string[]): number | null {
  return kappaFromCrossTable(addToCrossTable(new Map(), a, b));
}
