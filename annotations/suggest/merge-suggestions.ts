/** Merging the sources' proposals into one suggestion per span and label. */
import type { Suggestion } from './suggestion';
import { SUGGESTION_SOURCES, suggestionId } from './suggestion';

/**
 * One suggestion per span and label, listing every source that proposed it
 * (in `SUGGESTION_SOURCES` order; the first is its `source` and names its
 * id). Entity and attributes come from the first source that gave them;
 * reasons are joined. Sorted by start, then end, then label.
 */
export function mergeSuggestions(raw: readonly Suggestion[]): Suggestion[] {
  const groups = new Map<string, Suggestion[]>();
  for (const s of raw) {
    const key = `${s.start}-${s.end}:${s.labelId}`;
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const merged: Suggestion[] = [];
  for (const group of groups.values()) {
    if (group.length === 1 && group[0]!.sources.length === 1 && group[0]!.sources[0] === group[0]!.source) {
      merged.push(group[0]!); // one source proposed it: already in its merged form
      continue;
    }
    group.sort((a, b) => SUGGESTION_SOURCES.indexOf(a.source) - SUGGESTION_SOURCES.indexOf(b.source));
    const first = group[0]!;
    const sources = SUGGESTION_SOURCES.filter((src) => group.some((s) => s.sources.includes(src)));
    const entityId = group.find((s) => s.entityId)?.entityId;
    const attributes = group.find((s) => s.attributes)?.attributes;
    const reasons = [...new Set(group.map((s) => s.reason))];
    merged.push({
      id: suggestionId(sources[0]!, first.start, first.end, first.labelId),
      documentId: first.documentId,
      start: first.start,
      end: first.end,
      labelId: first.labelId,
      source: sources[0]!,
      sources,
      ...(entityId ? { entityId } : {}),
      ...(attributes ? { attributes } : {}),
      reason: reasons.join('; '),
    });
  }
  // Label ids compared by code unit: localeCompare took most of the time at a million suggestions.
  return merged.sort((a, b) => a.start - b.start || a.end - b.end || (a.labelId < b.labelId ? -1 : a.labelId > b.labelId ? 1 : 0));
}
