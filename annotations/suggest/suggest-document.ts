/**
 * All suggestion sources over one document: what to run, what to leave out
 * (rejections, spans already tagged), merged one per span and label.
 */
import { suggestDates } from './date-suggestions';
import type { Gazetteer } from './gazetteer';
import { suggestFromGazetteers } from './gazetteer-suggestions';
import { mergeSuggestions } from './merge-suggestions';
import type { EntityNames, OwnTag, TaggedText } from './own-tag-suggestions';
import { suggestFromOwnTags } from './own-tag-suggestions';
import type { CompiledRule } from './pattern-rules';
import { suggestFromPatterns } from './pattern-suggestions';
import type { RejectedSuggestion } from './rejected-suggestion';
import { rejectionKey } from './rejected-suggestion';
import type { Suggestion, SuggestionSource } from './suggestion';
import { SUGGESTION_SOURCES } from './suggestion';
import { appendAll } from '../append-all';

/** What the sources need to know about the library. Every field may be empty. */
export interface SuggestionContext {
  /** Sources to run; absent = all four. */
  sources?: readonly SuggestionSource[];
  /** Every document's own tags, the target's included (source `own-tags`). */
  library?: readonly TaggedText[];
  /** The library's entities, whose aliases the own tags teach. */
  entities?: readonly EntityNames[];
  gazetteers?: readonly Gazetteer[];
  /** Compiled pattern rules (`compilePatternRules(schemaPatternRules(schema))`). */
  patterns?: readonly CompiledRule[];
  /** The schema's date label id; without one, source `dates` proposes nothing. */
  dateLabelId?: string;
  /** ISO date the document's relative dates are read against (publication, else import date). */
  referenceDate?: string;
  /** This document's rejections. */
  rejected?: readonly RejectedSuggestion[];
}

/**
 * The suggestions for one document: each requested source's proposals, less
 * those rejected before (per source, span and label), merged one per span and
 * label, less those the document's own layer already covers with a span of
 * the same label (`own`: the own layer's annotations).
 */
export function suggestForDocument(target: { documentId: string; text: string }, own: readonly OwnTag[], context: SuggestionContext): Suggestion[] {
  const sources = new Set(context.sources ?? SUGGESTION_SOURCES);
  const raw: Suggestion[] = [];
  if (sources.has('own-tags')) appendAll(raw, suggestFromOwnTags(target, context.library ?? [], context.entities ?? []));
  if (sources.has('gazetteer')) appendAll(raw, suggestFromGazetteers(target, context.gazetteers ?? []));
  if (sources.has('pattern')) appendAll(raw, suggestFromPatterns(target, context.patterns ?? []));
  if (sources.has('dates') && context.dateLabelId) appendAll(raw, suggestDates(target, context.dateLabelId, context.referenceDate));
  const rejected = new Set((context.rejected ?? []).map(rejectionKey));
  const kept = raw.filter((s) => !rejected.has(rejectionKey(s)));
  const covered = coverCheck(own);
  return mergeSuggestions(kept).filter((s) => !covered(s));
}

/**
 * Whether a tag of the same label covers a span, in O(log n) per span: per
 * label, tags sorted by start with the furthest end reached so far; the tags
 * starting at or before the span's start cover it if that furthest end does.
 * (A scan of every tag per suggestion took minutes at 20,000 tags.)
 */
function coverCheck(own: readonly OwnTag[]): (span: { labelId: string; start: number; end: number }) => boolean {
  const byLabel = new Map<string, { starts: number[]; furthest: number[] }>();
  const sorted = [...own].sort((a, b) => a.start - b.start);
  for (const tag of sorted) {
    let entry = byLabel.get(tag.labelId);
    if (!entry) byLabel.set(tag.labelId, (entry = { starts: [], furthest: [] }));
    const before = entry.furthest.length > 0 ? entry.furthest[entry.furthest.length - 1]! : -Infinity;
    entry.starts.push(tag.start);
    entry.furthest.push(Math.max(before, tag.end));
  }
  return ({ labelId, start, end }) => {
    const entry = byLabel.get(labelId);
    if (!entry) return false;
    let lo = 0;
    let hi = entry.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (entry.starts[mid]! <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && entry.furthest[lo - 1]! >= end;
  };
}
