/**
 * Documents an annotator has not started: held by a compared layer with no
 * annotations at all and not marked done. Counted as they are, such a
 * document reads as total disagreement (the other annotator's every span is
 * "missed"), so the agreement report leaves them out unless asked to include
 * them, and says which it left out and why.
 *
 * An empty layer on a document marked done is kept: the annotator read it and
 * found nothing, which is a real answer.
 */
import type { AgreementDocument, AnnotatorDocuments } from './agreement-input';
import { plural } from '../text/plural';

/** A document left out of (or, on request, kept in) the comparison because someone had not started it. */
export interface UnstartedDocument {
  /** The key the document is matched by. */
  id: string;
  title: string;
  /** The annotators whose layer on it is empty and not marked done, in annotator order. */
  notStartedBy: string[];
}

/** True when an annotator's copy of a document has no annotations and is not marked done. */
export function isUnstarted(doc: AgreementDocument): boolean {
  return doc.annotations.length === 0 && doc.done !== true;
}

/**
 * The documents held by two or more annotators that at least one of them has
 * not started, in order of first appearance. A document held by one annotator
 * is never compared, so it is never listed here.
 */
export function findUnstarted(input: readonly AnnotatorDocuments[]): UnstartedDocument[] {
  const seen = new Map<string, { title: string; holders: number; notStartedBy: string[] }>();
  for (const annotator of input) {
    for (const [id, doc] of annotator.documents) {
      let entry = seen.get(id);
      if (!entry) seen.set(id, (entry = { title: doc.title ?? id, holders: 0, notStartedBy: [] }));
      entry.holders += 1;
      if (isUnstarted(doc)) entry.notStartedBy.push(annotator.annotator);
    }
  }
  return [...seen]
    .filter(([, e]) => e.holders >= 2 && e.notStartedBy.length > 0)
    .map(([id, e]) => ({ id, title: e.title, notStartedBy: e.notStartedBy }));
}

/** "“Title” (not started by ben)": one left-out document, for a report line. */
export function describeUnstarted(doc: UnstartedDocument): string {
  return `“${doc.title}” (not started by ${doc.notStartedBy.join(' and ')})`;
}

/**
 * The sentence a report shows about unstarted documents: which were left out
 * (or included) and why; '' when there are none.
 */
export function unstartedLine(unstarted: { included: boolean; documents: readonly UnstartedDocument[] }): string {
  const n = unstarted.documents.length;
  if (n === 0) return '';
  const which = unstarted.documents.map(describeUnstarted).join('; ');
  const what = `${plural(n, 'document')} not started (no annotations, not marked done)`;
  return unstarted.included
    ? `Included ${what}, counted as disagreement: ${which}.`
    : `Left out ${what}, which would count as total disagreement: ${which}.`;
}
