import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import type { Failure } from '../../../annotations/result';
import type { AppInfo } from '../../../shared/api';
import type { DocumentSummary, DocumentView } from '../../../shared/library';
import { libraryRowOf, withLibraryRow } from '../../../shared/library-row';
import { newerView } from './newer-view';

/** What the app knows about the store, refetched whenever the main process says the library changed. */
export interface LibraryState {
  info: AppInfo | null;
  documents: DocumentSummary[];
  labels: LabelSchema;
  /** The document open in the reader. */
  view: DocumentView | null;
  /** True until the first list has arrived. */
  loading: boolean;
}

interface LibraryActions {
  /** Opens a document in the reader (null closes it). */
  open(documentId: string | null): Promise<void>;
  /** Refetches the list, the labels and the open document. */
  refresh(): Promise<void>;
  /**
   * Takes a view the reader or the review received after one of their own
   * calls, and puts the document's library row in the list: `row` when the
   * change carried it (`DocumentChange.summary`), otherwise the row worked out
   * from the view by the same function the store uses. No call is made.
   */
  setView(view: DocumentView, row?: DocumentSummary): void;
  setDocuments(update: (documents: DocumentSummary[]) => DocumentSummary[]): void;
  setLabels(labels: LabelSchema): void;
  setInfo(info: AppInfo): void;
}

/**
 * Holds the library list, the label schema and the open document. React is
 * the only owner of this state; the store is the truth. What the main process
 * announces (`library-changed`: imports, deletes, labels; `layers-pulled`: a
 * team sync put layers on the open document) is refetched; a
 * tag's answer already holds the document's new row, which is put in place
 * (one round trip per tag).
 */
export function useLibrary(onFailure: (title: string, failure: Failure) => void): LibraryState & LibraryActions {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [documents, setDocumentsState] = useState<DocumentSummary[]>([]);
  const [labels, setLabels] = useState<LabelSchema>({ labels: [] });
  const [view, setViewState] = useState<DocumentView | null>(null);
  const [loading, setLoading] = useState(true);
  const openId = useRef<string | null>(null);
  const reportFailure = useRef(onFailure);
  reportFailure.current = onFailure;

  const loadView = useCallback(async (documentId: string | null) => {
    openId.current = documentId;
    if (documentId === null) {
      setViewState(null);
      return;
    }
    const result = await window.parley.api.getDocument({ documentId });
    if (openId.current !== documentId) return;
    if (result.ok) setViewState((shown) => newerView(shown, result.value));
    else {
      openId.current = null;
      setViewState(null);
      if (result.error.code !== 'not-found') reportFailure.current('Could not open the document', result.error);
    }
  }, []);

  const refresh = useCallback(async () => {
    const [list, schema] = await Promise.all([window.parley.api.listDocuments({}), window.parley.api.getLabels({})]);
    if (list.ok) setDocumentsState(list.value);
    else reportFailure.current('Could not read the library', list.error);
    if (schema.ok) setLabels(schema.value);
    else reportFailure.current('Could not read the labels', schema.error);
    setLoading(false);
    const current = openId.current;
    if (list.ok && current !== null && !list.value.some((d) => d.id === current)) await loadView(null);
    else if (current !== null) await loadView(current);
  }, [loadView]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [appInfo] = await Promise.all([window.parley.api.getAppInfo({}), refresh()]);
      if (cancelled) return;
      if (appInfo.ok) setInfo(appInfo.value);
      else reportFailure.current('Could not read the app settings', appInfo.error);
    })();
    const unsubscribe = window.parley.onEvent((event) => {
      if (event.type === 'library-changed') void refresh();
      // A colleague's or the reconciled layer of the open document came from the team workspace: fetch it again (the reader and review keep their selection, keyed by annotation and difference).
      const current = openId.current;
      if (event.type === 'layers-pulled' && current !== null && event.layers.some((l) => l.documentId === current)) void loadView(current);
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [refresh, loadView]);

  const setView = useCallback((next: DocumentView, row?: DocumentSummary) => {
    if (next.document.id !== openId.current) return;
    setViewState(next);
    setDocumentsState((rows) => withLibraryRow(rows, row ?? libraryRowOf(next)));
  }, []);

  const setDocuments = useCallback((update: (documents: DocumentSummary[]) => DocumentSummary[]) => setDocumentsState(update), []);

  return { info, documents, labels, view, loading, open: loadView, refresh, setView, setDocuments, setLabels, setInfo };
}
