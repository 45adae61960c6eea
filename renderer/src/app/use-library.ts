import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelSchema } from '../../../annotations/model';
import type { Failure } from '../../../annotations/result';
import type { AppInfo, ParleyApi } from '../../../shared/api';
import type { DocumentSummary, DocumentView } from '../../../shared/library';
import { keepUnchangedRows, libraryRowOf, withLibraryRow } from '../../../shared/library-row';
import { newerView } from './newer-view';

type Answer<M extends keyof ParleyApi> = ReturnType<ParleyApi[M]>;

/** The calls the library's first render waits on, asked for before React draws anything. */
interface FirstCalls {
  list: Answer<'listDocuments'>;
  labels: Answer<'getLabels'>;
  info: Answer<'getAppInfo'>;
}

let firstCalls: FirstCalls | null = null;

/**
 * Asks the main process for the library list, the labels and the app's settings at once, so
 * they are on their way while React draws the window's frame (main.tsx calls it before rendering);
 * the library's first load takes these answers instead of asking again.
 */
export function askForLibrary(): void {
  firstCalls ??= { list: window.parley.api.listDocuments({}), labels: window.parley.api.getLabels({}), info: window.parley.api.getAppInfo({}) };
}

/** The calls `askForLibrary` started, once; later loads ask afresh. */
function takeFirstCalls(): FirstCalls | null {
  const calls = firstCalls;
  firstCalls = null;
  return calls;
}

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
  /** Opens a document unless one is open or on its way (the first document at start, which the analyst may have beaten to it). */
  openIfNone(documentId: string): Promise<void>;
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

  const load = useCallback(async (asked: FirstCalls | null) => {
    const [list, schema] = await Promise.all([asked?.list ?? window.parley.api.listDocuments({}), asked?.labels ?? window.parley.api.getLabels({})]);
    // Rows that say what they said keep their objects, so the list draws again only those that changed.
    if (list.ok) setDocumentsState((shown) => keepUnchangedRows(shown, list.value));
    else reportFailure.current('Could not read the library', list.error);
    if (schema.ok) setLabels(schema.value);
    else reportFailure.current('Could not read the labels', schema.error);
    setLoading(false);
    const current = openId.current;
    if (list.ok && current !== null && !list.value.some((d) => d.id === current)) await loadView(null);
    else if (current !== null) await loadView(current);
  }, [loadView]);
  const refresh = useCallback(() => load(null), [load]);
  const openIfNone = useCallback((documentId: string) => (openId.current === null ? loadView(documentId) : Promise.resolve()), [loadView]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const asked = takeFirstCalls();
      const [appInfo] = await Promise.all([asked?.info ?? window.parley.api.getAppInfo({}), load(asked)]);
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
  }, [load, refresh, loadView]);

  const setView = useCallback((next: DocumentView, row?: DocumentSummary) => {
    if (next.document.id !== openId.current) return;
    setViewState(next);
    setDocumentsState((rows) => withLibraryRow(rows, row ?? libraryRowOf(next)));
  }, []);

  const setDocuments = useCallback((update: (documents: DocumentSummary[]) => DocumentSummary[]) => setDocumentsState(update), []);

  return { info, documents, labels, view, loading, open: loadView, openIfNone, refresh, setView, setDocuments, setLabels, setInfo };
}
