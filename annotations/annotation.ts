/** Creating annotations and applying changes to a layer. */
import { describeSpan } from './anchoring';
import { newId } from './ids';
import type { Annotation, AnnotationChange } from './model';
import { fail, ok, type Result } from './result';
import { splitsSurrogatePair } from './unicode';

/** Checks that [start, end) is a non-empty span inside `text` that does not split a character. */
export function checkSpan(text: string, start: number, end: number): Result<void> {
  if (!Number.isInteger(start) || !Number.isInteger(end)) return fail('invalid-input', `offsets must be integers (got ${start}, ${end})`);
  if (start < 0 || end > text.length) return fail('invalid-input', `span [${start}, ${end}) is outside the text (length ${text.length})`);
  if (end <= start) return fail('invalid-input', `span [${start}, ${end}) is empty or reversed`);
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) return fail('invalid-input', `span [${start}, ${end}) splits a character in two`);
  return ok(undefined);
}

/** A new annotation on `text[start, end)`, with its quote and context. */
export function createAnnotation(
  text: string,
  input: { documentId: string; start: number; end: number; labelId: string; author: string; now: string; note?: string; id?: string },
): Result<Annotation> {
  const span = checkSpan(text, input.start, input.end);
  if (!span.ok) return span;
  const { quote } = describeSpan(text, input.start, input.end);
  const annotation: Annotation = {
    id: input.id ?? newId('ann'),
    documentId: input.documentId,
    start: input.start,
    end: input.end,
    quote,
    labelId: input.labelId,
    author: input.author,
    createdAt: input.now,
    updatedAt: input.now,
  };
  if (input.note !== undefined && input.note !== '') annotation.note = input.note;
  return ok(annotation);
}

/** The change that undoes `change`: annotations and relations removed become added, and the other way round. */
export function invertChange(change: AnnotationChange): AnnotationChange {
  const inverse: AnnotationChange = { removed: change.added, added: change.removed };
  if (change.addedRelations?.length) inverse.removedRelations = change.addedRelations;
  if (change.removedRelations?.length) inverse.addedRelations = change.removedRelations;
  return inverse;
}

/** Changes up to this size are spliced into a sorted list instead of re-sorting it. */
const SMALL_CHANGE = 64;

/**
 * Applies a change to a list of annotations, returning a new list sorted by
 * position. Fails (changing nothing) if a removed id is absent or an added id
 * already exists after the removals. Ids in the list must be unique, as they
 * are in every layer the store keeps. A small change to a sorted list (one
 * tag among 20,000) is spliced in, in time linear in the list with a small
 * constant, rather than rebuilding and re-sorting the list.
 */
export function applyChange(annotations: readonly Annotation[], change: AnnotationChange): Result<Annotation[]> {
  if (change.removed.length + change.added.length <= SMALL_CHANGE && isSorted(annotations)) return spliceChange(annotations, change);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  for (const a of change.removed) {
    if (!byId.delete(a.id)) return fail('not-found', `annotation ${a.id} is not in this layer`);
  }
  for (const a of change.added) {
    if (byId.has(a.id)) return fail('conflict', `annotation ${a.id} already exists in this layer`);
    byId.set(a.id, a);
  }
  return ok(sortAnnotations([...byId.values()]));
}

/** Reading order: by start, then longer first, then id. */
export function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Annotations in reading order: by start, then longer first, then id. Sorts in place. */
export function sortAnnotations(annotations: Annotation[]): Annotation[] {
  return annotations.sort(compareAnnotations);
}

function isSorted(annotations: readonly Annotation[]): boolean {
  for (let i = 1; i < annotations.length; i++) if (compareAnnotations(annotations[i - 1]!, annotations[i]!) >= 0) return false;
  return true;
}

/** `applyChange` for a sorted list: removals and insertions in place of a copy. */
function spliceChange(annotations: readonly Annotation[], change: AnnotationChange): Result<Annotation[]> {
  // A spread, not slice(): the store's lists are frozen, and V8 copies a frozen array with slice() ten times slower.
  const next = [...annotations];
  for (const a of change.removed) {
    const at = next.findIndex((x) => x.id === a.id);
    if (at < 0) return fail('not-found', `annotation ${a.id} is not in this layer`);
    next.splice(at, 1);
  }
  for (const a of change.added) {
    if (next.some((x) => x.id === a.id)) return fail('conflict', `annotation ${a.id} already exists in this layer`);
    let low = 0;
    let high = next.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareAnnotations(next[mid]!, a) < 0) low = mid + 1;
      else high = mid;
    }
    next.splice(low, 0, a);
  }
  return ok(next);
}
