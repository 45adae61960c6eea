/**
 * How agreement figures map onto a picture: the shade of a heatmap cell and
 * the extent of a bar. F1 figures lie in [0, 1]; kappa and alpha can fall
 * below zero (worse than chance, down to −1 for kappa and further for alpha
 * in theory), so the scales keep a separate tone for figures below zero.
 * A `null` figure (undefined, see docs/agreement.md) gets no shade and no bar.
 */

/** The shade of one heatmap cell. */
export interface AgreementShade {
  /** `agree` for figures ≥ 0, `below-chance` for negative ones, `undefined` for `null` (or a non-finite value). */
  tone: 'agree' | 'below-chance' | 'undefined';
  /** How strong the shade is, 0 (none) to 1 (full): |value|, capped at 1. */
  strength: number;
}

/** The shade for a figure. */
export function agreementShade(value: number | null): AgreementShade {
  if (value === null || !Number.isFinite(value)) return { tone: 'undefined', strength: 0 };
  return { tone: value < 0 ? 'below-chance' : 'agree', strength: Math.min(1, Math.abs(value)) };
}

/** The range a set of bars is drawn over: [0, 1], or [−1, 1] when some figure is below zero. */
export function barDomain(values: Iterable<number | null>): [number, number] {
  for (const v of values) if (v !== null && Number.isFinite(v) && v < 0) return [-1, 1];
  return [0, 1];
}

/** Where a bar starts and how wide it is, in percent of the track; `zero` is where the axis is. */
export interface BarExtent {
  left: number;
  width: number;
  zero: number;
}

/**
 * Where `value` lies on a track drawn over `domain`, in percent from the
 * left, clamped to the track. `null` for an undefined figure or a domain
 * without width.
 */
export function trackPosition(value: number | null, domain: readonly [number, number]): number | null {
  const [min, max] = domain;
  if (value === null || !Number.isFinite(value) || !(max > min)) return null;
  return ((Math.min(max, Math.max(min, value)) - min) / (max - min)) * 100;
}

/**
 * The bar for `value` on `domain`: it runs from zero to the value (leftwards
 * for a negative value), clamped to the domain. `null` for an undefined
 * figure, or a domain that does not contain zero or has no width.
 */
export function barExtent(value: number | null, domain: readonly [number, number]): BarExtent | null {
  if (domain[0] > 0 || domain[1] < 0) return null;
  const zero = trackPosition(0, domain);
  const end = trackPosition(value, domain);
  if (zero === null || end === null) return null;
  return { left: Math.min(zero, end), width: Math.abs(end - zero), zero };
}
