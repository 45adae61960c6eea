/**
 * Date values in the reader: the value suggested for a date span's text,
 * read relative to the open document's date, and why a typed value is not
 * one. A thin layer over the engine's `dates/`.
 */
import { parseDateValue } from '../../../annotations/dates/date-value';
import { suggestDateValue } from '../../../annotations/dates/suggest-date-value';
import type { ParleyDocument } from '../../../annotations/model';

/** Why `value` is not a normalised date (a day, month, year, or a range of them), or null when it is. */
export function dateValueProblem(value: string): string | null {
  const parsed = parseDateValue(value);
  return parsed.ok ? null : `Not a date value: ${parsed.error.message}.`;
}

/** The date a document's relative dates are read against: its publication date, else the day it was imported. */
export function referenceDate(document: ParleyDocument): string {
  return document.metadata?.publishedAt ?? document.importedAt;
}

/** The value suggested for a date span's text (null when none could be read). */
export function suggestDate(text: string, reference: string): string | null {
  return suggestDateValue(text, reference)?.value ?? null;
}
