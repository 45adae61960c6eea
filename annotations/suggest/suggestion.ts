/**
 * A suggestion: a span Parley proposes to tag, which enters no layer until the
 * analyst accepts it (issue 15). Suggestions are computed, never stored; only
 * the analyst's rejections are kept (see `rejected-suggestion.ts`).
 */

/** Where a suggestion came from, in the order the side panel lists them. */
export type SuggestionSource = 'own-tags' | 'gazetteer' | 'pattern' | 'dates';

/** Every source, in display (and merge priority) order. */
export const SUGGESTION_SOURCES: readonly SuggestionSource[] = ['own-tags', 'gazetteer', 'pattern', 'dates'];

/** True when `value` names a suggestion source. */
export function isSuggestionSource(value: unknown): value is SuggestionSource {
  return typeof value === 'string' && (SUGGESTION_SOURCES as readonly string[]).includes(value);
}

/** One proposed span with a label. Offsets are UTF-16 code units, end exclusive, like annotations. */
export interface Suggestion {
  /** Stable across runs: `source:start-end:labelId` of its first source (see `suggestionId`). */
  id: string;
  documentId: string;
  start: number;
  end: number;
  labelId: string;
  /** The first source that proposed it, in `SUGGESTION_SOURCES` order; recorded as `suggestedBy` when accepted. */
  source: SuggestionSource;
  /** Every source that proposed this span and label (at least `source`). */
  sources: SuggestionSource[];
  /** The canonical entity the span names, when a tag's entity or a gazetteer row gave one. */
  entityId?: string;
  /** Attribute values to set on acceptance (a date's normalised `value`). */
  attributes?: Record<string, string>;
  /** Why it was proposed, one short line per source ("tagged as Actor in “Talks resume”"). */
  reason: string;
}

/**
 * The stable id of a suggestion: the same source, span and label always give
 * the same id, so an id handed to the window still names the same suggestion
 * when it comes back to accept or reject it.
 */
export function suggestionId(source: SuggestionSource, start: number, end: number, labelId: string): string {
  return `${source}:${start}-${end}:${labelId}`;
}

/** Reads `suggestionId` back into its parts, or undefined when `id` is not one. */
export function parseSuggestionId(id: string): { source: SuggestionSource; start: number; end: number; labelId: string } | undefined {
  const m = /^([a-z-]+):(\d+)-(\d+):(.+)$/.exec(id);
  if (!m || !isSuggestionSource(m[1])) return undefined;
  const start = Number(m[2]);
  const end = Number(m[3]);
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) return undefined;
  return { source: m[1], start, end, labelId: m[4]! };
}
