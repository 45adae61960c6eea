/** How the agreement view explains each measure, and why a figure can be missing. */
import type { AgreementMeasure } from '../../../annotations/agreement/report';

/** One sentence on what each measure compares. */
export const MEASURE_DETAILS: Readonly<Record<AgreementMeasure, string>> = {
  instance: 'Two spans match only when start, end and label are all the same.',
  token: 'Every word a span covers counts on its own, so a boundary one word off costs one word, not the span.',
  lenient: 'Two spans match when they overlap and carry the same label.',
  kappa: 'Agreement on the label of every word, corrected for chance, for each pair of layers.',
  alpha: 'Agreement on the label of every word across all chosen layers at once, corrected for chance.',
};

/** Why a figure of this measure is undefined for one pair of layers (or, for alpha, for the chosen layers). */
export function undefinedReason(measure: AgreementMeasure): string {
  switch (measure) {
    case 'instance':
    case 'lenient':
      return 'Neither layer has an annotation here, so F1 would be 0 ÷ 0.';
    case 'token':
      return 'Neither layer tags a single word here, so F1 would be 0 ÷ 0.';
    case 'kappa':
      return 'There are no words here, or both layers give every word the same value (for example, nobody tagged anything), so chance agreement is 1 and kappa would be 0 ÷ 0.';
    case 'alpha':
      return 'No word here was coded by two layers, or only one value occurs among them (for example, nobody tagged anything), so there is no disagreement expected by chance to compare with.';
  }
}

/** Why a mean over pairs is undefined. Alpha is one figure, not a mean, so its reason is its own. */
export function undefinedSummaryReason(measure: AgreementMeasure): string {
  return measure === 'alpha' ? undefinedReason(measure) : `No pair of layers has a figure here. ${undefinedReason(measure)}`;
}

/** Why a document has no figure at all. */
export const NOT_COMPARED = 'Only one of the chosen layers is on this document, so there is nothing to compare it with.';
