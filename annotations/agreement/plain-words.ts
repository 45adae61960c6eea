/**
 * Agreement figures in words a reader without statistics can follow: what
 * the counts behind an F1 figure are ("8 of 10 spans by ana match one by ben
 * exactly"), and where a chance-corrected figure sits on a named scale
 * ("kappa 0.79: substantial agreement (Landis & Koch)").
 */
import type { AgreementMeasure, PairFigures } from './report';

/** The scale used to read kappa and alpha, as the report names it. */
export const AGREEMENT_SCALE_NAME = 'Landis & Koch';

/**
 * The band of Landis and Koch's (1977) scale a chance-corrected figure falls
 * in: below 0 poor, up to 0.20 slight, 0.40 fair, 0.60 moderate, 0.80
 * substantial, above that almost perfect. Null for an undefined figure.
 */
export function agreementBand(value: number | null): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value < 0) return 'poor agreement (worse than chance)';
  if (value <= 0.2) return 'slight agreement';
  if (value <= 0.4) return 'fair agreement';
  if (value <= 0.6) return 'moderate agreement';
  if (value <= 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}

const UNITS: Readonly<Record<'instance' | 'token' | 'lenient', { items: string; match: string }>> = {
  instance: { items: 'spans', match: 'match one of the other’s exactly (same start, end and label)' },
  token: { items: 'tagged words', match: 'carry the same label in the other’s layer' },
  lenient: { items: 'spans', match: 'overlap one of the other’s with the same label' },
};

/**
 * One sentence reading the figure of `measure` for one pair of layers:
 * the counts for the F1 measures, the band of the scale for kappa and
 * alpha. `pair.a` and `pair.b` name the layers as everywhere else in the
 * report. Says so when the figure is undefined.
 */
export function readPair(measure: AgreementMeasure, pair: PairFigures): string {
  if (measure === 'kappa' || measure === 'alpha') {
    const band = agreementBand(pair.total);
    const name = measure === 'kappa' ? 'kappa' : 'alpha';
    return band === null ? `${name} undefined for ${pair.a} and ${pair.b}` : `${name} ${pair.total!.toFixed(2)}: ${band} (${AGREEMENT_SCALE_NAME})`;
  }
  const counts = pair.counts;
  if (!counts) return '';
  const { items, match } = UNITS[measure];
  if (counts.a + counts.b === 0) return `Neither ${pair.a} nor ${pair.b} tagged anything compared`;
  return `${counts.matches} of ${counts.a} ${items} by ${pair.a} and ${counts.matches} of ${counts.b} by ${pair.b} ${match}`;
}

/**
 * The reading of a measure over the whole report: the one pair's sentence
 * when two layers are compared; otherwise, for kappa and alpha, the band of
 * the overall figure, and for F1 measures the number of pairs averaged.
 */
export function readMeasure(measure: AgreementMeasure, pairs: readonly PairFigures[], overall: number | null): string {
  if (measure === 'alpha') {
    const band = agreementBand(overall);
    return band === null ? 'alpha undefined' : `alpha ${overall!.toFixed(2)}: ${band} (${AGREEMENT_SCALE_NAME})`;
  }
  if (pairs.length === 1) return readPair(measure, pairs[0]!);
  if (measure === 'kappa') {
    const band = agreementBand(overall);
    return band === null ? 'kappa undefined' : `mean kappa ${overall!.toFixed(2)}: ${band} (${AGREEMENT_SCALE_NAME})`;
  }
  return `mean over ${pairs.length} pairs of layers`;
}
