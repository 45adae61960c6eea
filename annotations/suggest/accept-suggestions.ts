/** Turning accepted suggestions into annotations of the analyst's layer, with their provenance. */
import { createAnnotation } from '../annotation';
import type { Annotation } from '../model';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { Suggestion } from './suggestion';

/**
 * One annotation per suggestion, on `text`: the suggestion's span and label,
 * `suggestedBy` its first source, its entity and attribute values (a date's
 * `value`). Fails, creating none, when any span does not fit the text (a
 * suggestion computed on another text).
 */
export function annotationsFromSuggestions(text: string, suggestions: readonly Suggestion[], author: string, now: string): Result<Annotation[]> {
  const out: Annotation[] = [];
  for (const s of suggestions) {
    const created = createAnnotation(text, { documentId: s.documentId, start: s.start, end: s.end, labelId: s.labelId, author, now });
    if (!created.ok) return fail('invalid-input', `suggestion ${s.id} does not fit the document: ${created.error.message}`);
    out.push({
      ...created.value,
      suggestedBy: s.source,
      ...(s.entityId ? { entityId: s.entityId } : {}),
      ...(s.attributes ? { attributes: { ...s.attributes } } : {}),
    });
  }
  return ok(out);
}
