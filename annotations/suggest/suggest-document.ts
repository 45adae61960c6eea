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
  if (sources.has('own-tags')) raw.push(...suggestFromOwnTags(target, context.library ?? [], context.entities ?? []));
  if (sources.has('gazetteer')) raw.push(...suggestFromGazetteers(target, context.gazetteers ?? []));
  if (sources.has('pattern')) raw.push(...suggestFromPatterns(target, context.patterns ?? []));
  if (sources.has('dates') && context.dateLabelId) raw.push(...suggestDates(target, context.dateLabelId, context.referenceDate));
  const rejected = new Set((context.rejected ?? []).map(rejectionKey));
  const kept = raw.filter((s) => !rejected.has(rejectionKey(s)));
  return mergeSuggestions(kept).filter((s) => !own.some((a) => a.labelId === s.labelId && a.start <= s.start && s.end <= a.end));
}
