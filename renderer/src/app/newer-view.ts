import type { DocumentView } from '../../../shared/library';

/**
 * Which of two views of a document to show: a view fetched before a change
 * was saved can arrive after the reader applied that change itself. The store
 * stamps every change with `updatedAt`, so of two views of the same document
 * the older is stale and is dropped; a view of another document always wins.
 */
export function newerView(shown: DocumentView | null, fetched: DocumentView): DocumentView {
  return shown && shown.document.id === fetched.document.id && shown.updatedAt > fetched.updatedAt ? shown : fetched;
}
