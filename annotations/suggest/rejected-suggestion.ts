/**
 * Rejections: what the analyst said no to, kept per document so the same
 * source never proposes the same span and label again.
 */
import type { Suggestion, SuggestionSource } from './suggestion';

/** One rejected proposal: a source, a span (UTF-16 offsets) and a label, on one document. */
export interface RejectedSuggestion {
  source: SuggestionSource;
  start: number;
  end: number;
  labelId: string;
  /** The text rejected, for the record (and to see that the text is still the same). */
  quote: string;
  /** ISO 8601. */
  rejectedAt: string;
}

/** The key under which a rejection and a raw suggestion are compared. */
export function rejectionKey(r: { source: SuggestionSource; start: number; end: number; labelId: string }): string {
  return `${r.source}:${r.start}-${r.end}:${r.labelId}`;
}

/** The rejections a merged suggestion stands for: one per source that proposed it. */
export function rejectionsOf(s: Suggestion, text: string, rejectedAt: string): RejectedSuggestion[] {
  return s.sources.map((source) => ({ source, start: s.start, end: s.end, labelId: s.labelId, quote: text.slice(s.start, s.end), rejectedAt }));
}

/** Adds `more` to `existing`, once each (by `rejectionKey`), keeping the earlier record of a repeat. */
export function addRejections(existing: readonly RejectedSuggestion[], more: readonly RejectedSuggestion[]): RejectedSuggestion[] {
  const seen = new Set(existing.map(rejectionKey));
  const out = [...existing];
  for (const r of more) {
    const key = rejectionKey(r);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(r);
  }
  return out;
}
