/**
 * What the agreement engine compares: for each annotator, the documents they
 * annotated, keyed by a document id that is the same for every annotator
 * (the CLI and the app use the SHA-256 of the text, so copies of one article
 * imported separately still match).
 */
import type { Annotation, Relation } from '../model';

/** One annotator's annotations on one document. */
export interface AgreementDocument {
  /** The document text. Annotators sharing a key must share the text; the first annotator's copy is used. */
  text: string;
  /** Shown in reports; defaults to the key. */
  title?: string;
  /**
   * All of this annotator's annotations on the document. An empty list means
   * "found nothing" only when `done` is true; otherwise the document counts as
   * not started (see `unstarted-documents.ts`).
   */
  annotations: readonly Annotation[];
  /** This annotator's relations between those annotations (version 2), for relation agreement. */
  relations?: readonly Relation[];
  /** The document is marked done: an empty list is the annotator's answer, not work still to do. */
  done?: boolean;
}

/** One annotator (one layer) and the documents they annotated, keyed by document id or text SHA-256. */
export interface AnnotatorDocuments {
  annotator: string;
  documents: ReadonlyMap<string, AgreementDocument>;
}
