/** Source 4 as suggestions: each date mention proposed with the date label and its value. */
import { findDates } from './date-recogniser';
import type { Suggestion } from './suggestion';
import { suggestionId } from './suggestion';

/** The attribute a date span's normalised value is kept in (model v2: label `date`, attribute `value`). */
export const DATE_VALUE_ATTRIBUTE = 'value';

/**
 * Suggestions of `labelId` (the schema's date label) for every date mention in
 * `target`, each with its normalised value in `attributes.value` when it has
 * one. `reference` is the document's publication date, else its import date.
 */
export function suggestDates(target: { documentId: string; text: string }, labelId: string, reference?: string): Suggestion[] {
  return findDates(target.text, reference).map((d) => ({
    id: suggestionId('dates', d.start, d.end, labelId),
    documentId: target.documentId,
    start: d.start,
    end: d.end,
    labelId,
    source: 'dates',
    sources: ['dates'],
    ...(d.value ? { attributes: { [DATE_VALUE_ATTRIBUTE]: d.value } } : {}),
    reason: d.value ? `“${d.text}” reads as a date: ${d.value}` : `“${d.text}” reads as a date`,
  }));
}
