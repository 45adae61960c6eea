import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { OWN_LAYER_ID, type AnnotationLayer, type DocumentStatus, type LabelSchema } from '../../../annotations/model';
import type { Failure, Problem } from '../../../annotations/result';
import type { AnnotatedImportPlan, ImportPairing, ImportReport, LayerImportReport } from '../../../shared/api';
import type { DocumentSummary } from '../../../shared/library';
import { BackupsDialog } from '../library/backups-dialog';
import { DeleteDocumentDialog } from '../library/delete-document-dialog';
import { DeletedDocumentsDialog } from '../library/deleted-documents-dialog';
import { ImportDialog, type AnnotatedFormatChoice } from '../library/import-dialog';
import { DETECT_FORMAT } from '../ui/format-select';
import { ImportPairingsDialog } from '../library/import-pairings-dialog';
import { LibrarySidebar } from '../library/library-sidebar';
import { LayerManager } from '../review/layer-manager';
import { firstDocumentToReview } from '../review/first-document-to-review';
import { useShownLayers } from '../review/use-shown-layers';
import { AuthorField } from './author-field';
import { DocumentPane } from './document-pane';
import { DropOverlay } from './drop-overlay';
import type { ExportChoice } from './export-dialog';
import { AgreementView, CorpusView, ExportDialog, LabelEditorDialog, LoadLayerDialog, ReviewMode, preloadLazyParts } from './lazy-parts';
import { failureLines } from '../ui/format-problem';
import { LoadingPart } from '../ui/loading-part';
import { PartBoundary } from '../ui/part-boundary';
import { useBusyCall } from '../ui/use-busy-call';
import { afterNextPaint } from '../ui/after-next-paint';
import { IncidentBanner } from './incident-banner';
import { ModeSwitch, type AppMode } from './mode-switch';
import type { Notice, NoticeInput } from './notice';
import { NoticeList } from './notice-list';
import { TaskProgressDialog } from './task-progress-dialog';
import { TopBar } from './top-bar';
import { useFileDrop } from './use-file-drop';
import { useLibrary } from './use-library';
import type { KeyOverrides } from '../../../shared/key-bindings';

const SIDEBAR_ID = 'library-sidebar';

type OpenDialog = 'import' | 'export' | 'labels' | 'load-layer' | null;
const NO_LAYERS: readonly AnnotationLayer[] = [];
/** The reader's keys before the app's settings have arrived: every default. */
const NO_KEY_OVERRIDES: KeyOverrides = {};

/** The app shell: top bar, library sidebar, the reader, and the dialogs around them. */
export function App() {
  const [notices, setNotices] = useState<Notice[]>([]);
  const noticeId = useRef(0);
  const notify = useCallback((notice: NoticeInput) => {
    noticeId.current += 1;
    const id = noticeId.current;
    setNotices((all) => [...all, { ...notice, id } as Notice]);
  }, []);
  const reportFailure = useCallback(
    (title: string, failure: Failure) =>
      // A task the analyst cancelled did not fail: say calmly that nothing changed.
      failure.code === 'cancelled' ? notify({ kind: 'info', title: 'Cancelled', message: sentence(failure.message) }) : notify({ kind: 'error', title, ...failureLines(failure) }),
    [notify],
  );

  const library = useLibrary(reportFailure);
  const { documents, labels, view, info, loading, open, openIfNone } = library;
  const openDocumentId = view?.document.id ?? null;
  /** Alt+PageDown / Alt+PageUp in the reader: the next or previous document of the library. */
  const openAdjacent = useCallback(
    (direction: 1 | -1) => {
      const next = documents[documents.findIndex((d) => d.id === openDocumentId) + direction];
      if (next) void open(next.id);
    },
    [documents, openDocumentId, open],
  );
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [deleting, setDeleting] = useState<DocumentSummary | null>(null);
  const [backupsOf, setBackupsOf] = useState<DocumentSummary | null>(null);
  const [deletedOpen, setDeletedOpen] = useState(false);
  const { busy, whileBusy } = useBusyCall();
  const [pairingPlan, setPairingPlan] = useState<AnnotatedImportPlan | null>(null);
  const [incidentsDismissed, setIncidentsDismissed] = useState(false);
  const openedFirst = useRef(false);
  const [mode, setMode] = useState<AppMode>('read');
  const [reviewWith, setReviewWith] = useState<string | null>(null);
  // Several layers reviewed at once (null: the analyst's against reviewWith), and the label a click-through narrowed the review to.
  const [reviewLayers, setReviewLayers] = useState<string[] | null>(null);
  const [reviewLabel, setReviewLabel] = useState<string | null>(null);
  // A span the corpus view asked to open: selected and scrolled to once its document is in the reader.
  const [focusSpan, setFocusSpan] = useState<{ documentId: string; annotationId: string; start?: number; end?: number } | null>(null);
  const openSpan = useCallback(
    (documentId: string, annotationId: string, at?: { start: number; end: number }) => {
      setFocusSpan({ documentId, annotationId, ...at });
      setMode('read');
      if (documentId !== openDocumentId) void open(documentId);
    },
    [open, openDocumentId],
  );
  const corpusErrors = useCallback((message: string) => notify({ kind: 'error', title: 'Corpus', message, problems: [] }), [notify]);
  const layers = useShownLayers();
  const { overlayOf } = layers;

  const currentId = view?.document.id ?? null;
  const current = documents.find((d) => d.id === currentId) ?? null;
  const overlay = useMemo(() => (view ? overlayOf(view.layers) : NO_LAYERS), [view, overlayOf]);

  // On start, open the first document so the reader is never blank when there is something to read,
  // and load the parts the library left out, both once the library has been painted: begun in the
  // list's own commit, they held its first frame back (about 80 ms at 1,000 documents).
  useEffect(() => {
    if (loading || openedFirst.current) return;
    openedFirst.current = true;
    const first = documents[0];
    void afterNextPaint().then(() => {
      if (first) void openIfNone(first.id);
      preloadLazyParts();
    });
  }, [loading, documents, openIfNone]);

  const usage = useMemo(() => {
    const counts = new Map<string, number>();
    for (const doc of documents) for (const [id, n] of Object.entries(doc.countsByLabel)) counts.set(id, (counts.get(id) ?? 0) + n);
    return counts;
  }, [documents]);

  const showImportReport = (report: ImportReport) => {
    notify({ kind: 'import', report });
    const first = report.added[0];
    if (first) void open(first.id);
  };

  const importFromDialog = async () => {
    const result = await whileBusy(() => window.parley.api.importFromDialog({}));
    if (!result.ok) return reportFailure('Import failed', result.error);
    if (result.value === null) return;
    setDialog(null);
    showImportReport(result.value);
  };

  // An annotated import is planned first; when some texts look like edited versions of stored ones, the analyst chooses before it is applied.
  // A detected format is shown for the analyst to confirm before anything is written.
  const importAnnotated = async (format: AnnotatedFormatChoice) => {
    const planned = await whileBusy(() => window.parley.api.planAnnotatedImportFromDialog(format === DETECT_FORMAT ? {} : { format }));
    if (!planned.ok) return reportFailure('Import failed', planned.error);
    if (planned.value === null) return;
    if (planned.value.pairings.length === 0 && !planned.value.detected) return applyAnnotated(planned.value.planId, []);
    setDialog(null);
    setPairingPlan(planned.value);
  };

  const applyAnnotated = async (planId: string, merges: ImportPairing[]) => {
    const result = await whileBusy(() => window.parley.api.applyAnnotatedImport({ planId, merges: merges.map((p) => ({ incoming: p.incoming, documentId: p.documentId })) }));
    setPairingPlan(null);
    if (!result.ok) return reportFailure('Import failed', result.error);
    setDialog(null);
    notify({ kind: 'annotated-import', report: result.value });
    const first = result.value.added[0] ?? result.value.merged[0];
    if (first) void open('id' in first ? first.id : first.documentId);
  };

  const importTexts = async (files: Array<{ name: string; content: string }>) => {
    const result = await whileBusy(() => window.parley.api.importTexts({ files }));
    if (!result.ok && result.error.code === 'cancelled') {
      reportFailure('Import failed', result.error);
      return false;
    }
    if (!result.ok) {
      notify({ kind: 'error', title: 'Import failed', message: result.error.message, problems: (result.error.problems ?? []).map((p) => (p.file ? `${p.file}: ${p.message}` : p.message)) });
      return false;
    }
    showImportReport(result.value);
    return true;
  };

  // Dropped files are imported as the dialog imports chosen ones: the preload finds their paths, the main process reads them.
  const dragging = useFileDrop((files) => {
    void whileBusy(() => window.parley.importDroppedFiles(files)).then((result) => (result.ok ? showImportReport(result.value) : reportFailure('Import failed', result.error)));
  });

  const deleteDocument = async (doc: DocumentSummary) => {
    const result = await whileBusy(() => window.parley.api.deleteDocument({ documentId: doc.id }));
    setDeleting(null);
    if (!result.ok) return reportFailure(`Could not delete “${doc.title}”`, result.error);
    notify({ kind: 'info', title: 'Document deleted', message: `“${doc.title}” was removed from the library.` });
    if (doc.id === currentId) {
      const next = documents.find((d) => d.id !== doc.id);
      void open(next?.id ?? null);
    }
  };

  const setStatus = async (status: DocumentStatus) => {
    if (!current) return;
    const result = await whileBusy(() => window.parley.api.setStatus({ documentId: current.id, status }));
    if (!result.ok) return reportFailure('Could not change the status', result.error);
    library.setDocuments((all) => all.map((d) => (d.id === result.value.id ? result.value : d)));
  };

  const exportTo = async (scope: 'current' | 'library', choice: ExportChoice, allLayers: boolean) => {
    const documents = scope === 'current' && currentId ? { documentIds: [currentId] } : {};
    const result = await whileBusy(async () =>
      choice === 'statements' ? await window.parley.api.exportStatementsToDialog({ ...documents, format: 'csv' }) : await window.parley.api.exportToDialog({ ...documents, format: choice, ...(allLayers ? { allLayers } : {}) }),
    );
    if (!result.ok) return reportFailure('Export failed', result.error);
    if (result.value === null) return;
    setDialog(null);
    notify({ kind: 'export', path: result.value.path, warnings: 'warnings' in result.value ? result.value.warnings : [] });
  };

  const saveAuthor = async (author: string): Promise<string | null> => {
    const result = await window.parley.api.setAuthor({ author });
    if (!result.ok) return result.error.message;
    if (info) library.setInfo({ ...info, author: result.value.author });
    return null;
  };

  const labelsSaved = (schema: LabelSchema) => {
    library.setLabels(schema);
    setDialog(null);
    notify({ kind: 'info', title: 'Labels saved', message: `${schema.labels.length} ${schema.labels.length === 1 ? 'label' : 'labels'} in the schema.` });
    void library.refresh();
  };

  const layersLoaded = (report: LayerImportReport) => {
    setDialog(null);
    notify({ kind: 'layer-import', report });
    layers.show(report.layers.map((l) => l.layerId));
    const first = report.layers[0];
    if (first && mode === 'review') setReviewWith(first.layerId);
  };

  const incidents = info?.incidents ?? [];
  const readerErrors = (message: string) => notify({ kind: 'error', title: mode === 'review' ? 'Review' : 'Reader', message, problems: [] });
  const exported = (path: string, warnings: Problem[]) => notify({ kind: 'export', path, warnings });

  return (
    <div className={`app${sidebarOpen ? '' : ' sidebar-closed'}`}>
      <a className="skip-link" href="#document">
        Skip to the document
      </a>
      <TopBar
        sidebarId={SIDEBAR_ID}
        sidebarOpen={sidebarOpen}
        current={current}
        statusBusy={busy}
        canExport={documents.length > 0}
        onToggleSidebar={() => setSidebarOpen((o) => !o)}
        onStatus={(status) => void setStatus(status)}
        onExport={() => setDialog('export')}
        onLabels={() => setDialog('labels')}
        onImport={() => setDialog('import')}
        modes={<ModeSwitch mode={mode} canReview={view !== null} onChange={setMode} />}
      />
      <div className="app-body">
        <div className="sidebar-slot" hidden={!sidebarOpen}>
          <LibrarySidebar
            id={SIDEBAR_ID}
            documents={documents}
            labels={labels}
            currentId={currentId}
            loading={loading}
            onOpen={(id) => void open(id)}
            onShowBackups={setBackupsOf}
            onDelete={setDeleting}
            onImport={() => setDialog('import')}
            onShowDeleted={() => setDeletedOpen(true)}
            footer={
              <>
                {!loading && (
                  <LayerManager
                    documents={documents}
                    currentId={currentId}
                    shown={layers.shown}
                    reviewing={mode === 'review'}
                    onToggleShown={layers.toggle}
                    onLoad={() => setDialog('load-layer')}
                    onRemoved={(_, removedFrom) =>
                      notify({ kind: 'info', title: 'Layer removed', message: `The layer was removed from ${removedFrom === 1 ? '1 document' : `${removedFrom} documents`}.` })
                    }
                    onExported={exported}
                  />
                )}
                {info && <AuthorField author={info.author} onSave={saveAuthor} />}
              </>
            }
          />
        </div>
        <main id="document" className="main-pane" tabIndex={-1} aria-label="Document">
          {(incidents.length > 0 && !incidentsDismissed) || notices.length > 0 ? (
            <div className="notices">
              {incidents.length > 0 && !incidentsDismissed && info && <IncidentBanner incidents={incidents} storeDir={info.storeDir} onDismiss={() => setIncidentsDismissed(true)} />}
              <NoticeList notices={notices} onDismiss={(id) => setNotices((all) => all.filter((n) => n.id !== id))} />
            </div>
          ) : null}
          <PartBoundary name={mode === 'corpus' ? 'The corpus view' : mode === 'agreement' ? 'The agreement view' : mode === 'review' ? 'Review' : 'The reader'} resetKey={`${mode}:${view?.document.id ?? ''}`}>
          <Suspense fallback={<LoadingPart />}>
            {mode === 'corpus' ? (
              <CorpusView documents={documents} labels={labels} onOpen={openSpan} onError={corpusErrors} onStoreChanged={() => void library.refresh()} />
            ) : mode === 'agreement' ? (
              <div className="agreement-pane">
                <AgreementView
                  documents={documents}
                  currentId={currentId}
                  labels={labels.labels}
                  onReview={(documentId, layerId) => {
                    setReviewWith(layerId);
                    setReviewLayers(null);
                    setReviewLabel(null);
                    setMode('review');
                    void open(documentId);
                  }}
                  onReviewLayers={(layerIds, labelId) => {
                    const pair = layerIds.length === 2 && layerIds[0] === OWN_LAYER_ID;
                    if (pair) setReviewWith(layerIds[1]!);
                    setReviewLayers(pair ? null : layerIds);
                    setReviewLabel(labelId ?? null);
                    setMode('review');
                    void firstDocumentToReview(layerIds, currentId).then((id) => {
                      if (id && id !== currentId) void open(id);
                    });
                  }}
                />
              </div>
            ) : mode === 'review' && view ? (
              <div className="reader-slot">
                <ReviewMode
                  key={view.document.id}
                  view={view}
                  labels={labels}
                  author={info?.author ?? ''}
                  keyOverrides={info?.keyBindings ?? NO_KEY_OVERRIDES}
                  onKeyOverridesChange={(keyBindings) => info && library.setInfo({ ...info, keyBindings })}
                  documents={documents}
                  theirsLayerId={reviewWith}
                  onChooseColleague={setReviewWith}
                  layerIds={reviewLayers}
                  onChooseLayers={setReviewLayers}
                  onlyLabel={reviewLabel}
                  onShowAllLabels={() => setReviewLabel(null)}
                  onLoadLayer={() => setDialog('load-layer')}
                  onExported={exported}
                  onOpenDocument={(id) => void open(id)}
                  onClose={() => setMode('read')}
                  onViewChange={library.setView}
                  onError={readerErrors}
                />
              </div>
            ) : (
              <DocumentPane
                view={view}
                labels={labels}
                author={info?.author ?? ''}
                hasDocuments={documents.length > 0}
                onImport={() => setDialog('import')}
                onViewChange={library.setView}
                onError={readerErrors}
                overlayLayers={overlay}
                showOwn={layers.shown.has(OWN_LAYER_ID)}
                onOpenAdjacent={openAdjacent}
                keyOverrides={info?.keyBindings ?? NO_KEY_OVERRIDES}
                onKeyOverridesChange={(keyBindings) => info && library.setInfo({ ...info, keyBindings })}
                focusAnnotation={focusSpan && focusSpan.documentId === view?.document.id ? focusSpan : null}
              />
            )}
          </Suspense>
          </PartBoundary>
        </main>
      </div>
      {dragging && <DropOverlay />}
      <ImportDialog
        open={dialog === 'import'}
        busy={busy}
        onClose={() => setDialog(null)}
        onChooseFiles={() => void importFromDialog()}
        onChooseAnnotated={(format) => void importAnnotated(format)}
        onPaste={(name, content) => {
          void importTexts([{ name, content }]).then((done) => done && setDialog(null));
        }}
      />
      <PartBoundary name="The dialog" resetKey={dialog ?? ''}>
      <Suspense fallback={<LoadingPart />}>
        {dialog === 'export' && (
          <ExportDialog open currentTitle={current?.title ?? null} documentCount={documents.length} busy={busy} onClose={() => setDialog(null)} onExport={(scope, choice, allLayers) => void exportTo(scope, choice, allLayers)} />
        )}
        <ImportPairingsDialog plan={pairingPlan} busy={busy} onCancel={() => setPairingPlan(null)} onApply={(merges) => pairingPlan && void applyAnnotated(pairingPlan.planId, merges)} />
        {dialog === 'load-layer' && <LoadLayerDialog onClose={() => setDialog(null)} onLoaded={layersLoaded} />}
        {dialog === 'labels' && <LabelEditorDialog schema={labels} usage={usage} onClose={() => setDialog(null)} onSaved={labelsSaved} />}
      </Suspense>
      </PartBoundary>
      <DeleteDocumentDialog document={deleting} busy={busy} onCancel={() => setDeleting(null)} onConfirm={(doc) => void deleteDocument(doc)} />
      <BackupsDialog
        document={backupsOf}
        onClose={() => setBackupsOf(null)}
        onRestored={(doc, backup) => {
          setBackupsOf(null);
          notify({ kind: 'info', title: 'Backup restored', message: `“${doc.title}” now has the ${backup.annotationCount} annotations it had on ${new Date(backup.takenAt).toLocaleString()}.` });
          void library.refresh();
        }}
      />
      <DeletedDocumentsDialog
        open={deletedOpen}
        documents={documents}
        onClose={() => setDeletedOpen(false)}
        onRestored={(doc, backup) => {
          setDeletedOpen(false);
          notify({ kind: 'info', title: 'Document restored', message: `“${doc.title}” is back in the library with the ${backup.annotationCount} annotations it had when it was deleted.` });
          void library.refresh().then(() => open(doc.id));
        }}
      />
      <TaskProgressDialog />
    </div>
  );
}

/** `message` as a sentence: capital first letter and a full stop. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
