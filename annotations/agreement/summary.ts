/** Summarising a figure over annotator pairs: mean and population standard deviation. */

/** A figure summarised over pairs. Both are `null` when no pair has a defined value. */
export interface AgreementSummary {
  mean: number | null;
  /** Population standard deviation (divide by the number of values). `null` where a figure is not averaged over pairs (alpha). */
  sd: number | null;
}

/**
 * Mean and population standard deviation of the defined values (`null`s are
 * left out: a pair with nothing to compare says nothing about agreement).
 */
export function summarise(values: ReadonlyArray<number | null>): AgreementSummary {
  const defined = values.filter((v): v is number => v !== null);
  if (defined.length === 0) return { mean: null, sd: null };
  const mean = defined.reduce((s, v) => s + v, 0) / defined.length;
  const variance = defined.reduce((s, v) => s + (v - mean) * (v - mean), 0) / defined.length;
  return { mean, sd: Math.sqrt(variance) };
}
