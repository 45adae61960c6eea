/**
 * A document file read when the store opened but not yet parsed: its bytes
 * passed every check at an earlier open (`checked-files.ts`), so what it
 * holds and the library row it gives are known, and parsing it waits until
 * the document is first used. A library of 1,000 documents is listed without
 * parsing 40 MB of JSON first.
 */
import type { DocumentSummary } from '../../../shared/library';
import type { DocumentFile } from './store-schemas';

/** A checked document file whose parsing waits until it is used. */
export interface DeferredDocument {
  readonly deferred: true;
  /** The document the file holds. */
  readonly id: string;
  /** Its library row, as it was when the file was checked. */
  readonly row: DocumentSummary;
  /** Parses the file's bytes (the same bytes that passed every check). */
  parse(): DocumentFile;
}

/** A document as the store's open read it: parsed and checked, or checked before and parsed when used. */
export type StoredDocument = DocumentFile | DeferredDocument;

/** True if `stored` waits to be parsed. */
export function isDeferred(stored: StoredDocument): stored is DeferredDocument {
  return 'deferred' in stored;
}

/** The document file, parsed now if it was deferred. */
export function parsedDocument(stored: StoredDocument): DocumentFile {
  return isDeferred(stored) ? stored.parse() : stored;
}

/** The title and import time of the document a stored file holds, without parsing it. */
export function storedDocumentHeading(stored: StoredDocument): { title: string; importedAt: string } {
  return isDeferred(stored) ? stored.row : stored.document;
}

/** The id of the document a stored file holds. */
export function storedDocumentId(stored: StoredDocument): string {
  return isDeferred(stored) ? stored.id : stored.document.id;
}
