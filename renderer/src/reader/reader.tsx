import { StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AnnotationLayer, LabelSchema } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import type { DocumentView } from '../../../shared/library';
import { AnnotationList } from './annotation-list';
import { LabelPalette } from './label-palette';
import { outlineStyles, outlineStyleSheet } from './layer-outlines';
import { NoteEditor } from './note-editor';
import { OverlapChooser } from './overlap-chooser';
import { redoChange, selectAnnotationSpec, undoChange } from './reader-commands';
import { createReaderState, dateSuggesterCompartment, labelKeysCompartment, statementKeysCompartment } from './reader-extensions';
import { ReaderFooter } from './reader-footer';
import { readerKeymap } from './reader-keymap';
import { overlayMarks, ownMark, ownMarks } from './reader-marks';
import { ReaderSession } from './reader-session';
import { ownAnnotations, readerConfig, setReaderConfig, setReaderUi, type ReaderHistory } from './reader-state';
import { ReaderSearch } from './reader-search';
import { useReaderInputs } from './use-reader-inputs';
import { useReaderKeys } from './use-reader-keys';
import { SelectedAnnotation } from './selected-annotation';
import type { SnapMode } from './selection-snap';
import { ShortcutSheet } from './shortcut-sheet';
import { snapshotOf, type ReaderSnapshot } from './reader-snapshot';
import { toggleArcs } from './statement-commands';
import { STATEMENT_SHORTCUTS, statementKeymap } from './statement-input';
import { dateSuggester, setEntities, setRelationTypes, statementSnapshotOf, type StatementSnapshot } from './statement-state';
import { DocumentMetadataDialog } from '../library/document-metadata-dialog';
import { dateValueProblem, referenceDate, suggestDate } from '../statements/date-values';
import { StatementList } from '../statements/statement-list';
import { StatementOverlays } from '../statements/statement-overlays';
import { statementRows } from '../statements/statement-rows';
import './reader.css';

export type { ReaderHistory };

/** What the app hands the reader. */
export interface ReaderProps {
  view: DocumentView;
  labels: LabelSchema;
  author: string;
  onViewChange(view: DocumentView): void;
  onError(message: string): void;
  /** Other layers drawn beside the analyst's own, as dashed outlines with underlines (a colleague's, the reconciled one). */
  overlayLayers?: readonly AnnotationLayer[];
  /** Whether the analyst's own marks are drawn (default true). */
  showOwn?: boolean;
  /** A region outlined and brought into view: the difference under review. */
  focusRegion?: TextSpan | null;
  /** Takes the place of the annotation list beside the text (review mode puts its panel here). */
  side?: ReactNode;
  /** Keys of the mode around the reader (review), listed in the shortcut sheet after the reader's own. */
  moreShortcuts?: ReadonlyArray<readonly [keys: string, action: string]>;
  /** Undo and redo of the mode around the reader, replacing the reader's own. */
  historyOverride?: ReaderHistory;
  /** The mode's key handler (review), run before the reader's own keys. */
  modeKeys?: (event: KeyboardEvent, view: EditorView) => boolean;
  /** Opens the next (1) or previous (-1) document (Alt+PageDown, Alt+PageUp). */
  onOpenAdjacent?(direction: 1 | -1): void;
}

const SNAP_MODE_KEY = 'parley.reader.snapMode';
const STATEMENTS_SHOWN_KEY = 'parley.reader.statementsShown';
const NO_LAYERS: readonly AnnotationLayer[] = [];

/** A shown/hidden choice kept between sessions (shown unless hidden before). */
function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) !== 'false';
  } catch {
    return true;
  }
}

function writeFlag(key: string, on: boolean): void {
  try {
    localStorage.setItem(key, String(on));
  } catch {
    // Private storage may be unavailable; the choice then lasts for this session.
  }
}

function readSnapMode(): SnapMode {
  try {
    return localStorage.getItem(SNAP_MODE_KEY) === 'exact' ? 'exact' : 'words';
  } catch {
    return 'words';
  }
}

/**
 * The article in a read-only CodeMirror view and the tools around it. The
 * editor holds the reader's state (`reader-state.ts`), its commands and one
 * keymap; the session (`reader-session.ts`) saves changes to the store. This
 * component mounts the view once and passes each changing input in.
 */
export function Reader({ view, labels, author, onViewChange, onError, overlayLayers = NO_LAYERS, showOwn = true, focusRegion = null, side, moreShortcuts, historyOverride, modeKeys, onOpenAdjacent }: ReaderProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [setup] = useState(() => {
    const session = new ReaderSession({ api: window.parley.api, view, onViewChange, onError });
    const state = createReaderState({ session, text: view.document.text, title: view.document.title, labels: labels.labels, relationTypes: labels.relationTypes, snapMode: readSnapMode(), author, modeKeys, history: historyOverride, openAdjacent: onOpenAdjacent });
    return { session, state };
  });
  const { session } = setup;
  const [cm, setCm] = useState<EditorView | null>(null);
  const [shown, setShown] = useState<ReaderSnapshot>(() => snapshotOf(setup.state));
  const [statements, setStatements] = useState<StatementSnapshot>(() => statementSnapshotOf(setup.state));
  const [statementsShown, setStatementsShown] = useState(() => readFlag(STATEMENTS_SHOWN_KEY));
  const [metadataOpen, setMetadataOpen] = useState(false);

  // Create the editor once; React owns its life.
  useEffect(() => {
    const listener = EditorView.updateListener.of((update) => {
      setShown((current) => snapshotOf(update.state, current));
      setStatements((current) => statementSnapshotOf(update.state, current));
    });
    const editor = new EditorView({ state: setup.state.update({ effects: StateEffect.appendConfig.of(listener) }).state, parent: hostRef.current! });
    const opened = performance.now();
    requestAnimationFrame(() => performance.measure('parley:reader-open', { start: opened }));
    session.attach(editor);
    setCm(editor);
    return () => {
      session.attach(null);
      editor.destroy();
    };
  }, [setup, session]);

  useEffect(() => session.setListeners({ onViewChange, onError }), [session, onViewChange, onError]);
  useEffect(() => session.receive(view), [session, view]);

  useEffect(() => {
    if (!cm || cm.state.field(readerConfig).labels === labels.labels) return;
    const config = cm.state.update({ effects: setReaderConfig.of({ labels: labels.labels }) }).state.field(readerConfig);
    cm.dispatch({
      effects: [
        setReaderConfig.of({ labels: labels.labels }),
        ownMarks.replace.of({ spans: cm.state.field(ownAnnotations).map(ownMark), labels: config.appearance }),
        overlayMarks.replace.of({ spans: overlayMarks.allMarks(cm.state), labels: config.appearance }),
        labelKeysCompartment.reconfigure(readerKeymap(labels.labels)),
        statementKeysCompartment.reconfigure(statementKeymap(labels.labels)),
        setRelationTypes.of(labels.relationTypes ?? []),
      ],
    });
  }, [cm, labels]);
  // The library's entities, for the picker, the hover card and the statement list.
  useEffect(() => {
    if (!cm) return;
    let live = true;
    void window.parley.api.listEntities({}).then((found) => {
      if (live && found.ok) cm.dispatch({ effects: setEntities.of(found.value) });
    });
    return () => {
      live = false;
    };
  }, [cm]);
  // Date values are read relative to the open document's date.
  const reference = referenceDate(view.document);
  const suggest = useMemo(() => (text: string) => suggestDate(text, reference), [reference]);
  useEffect(() => cm?.dispatch({ effects: dateSuggesterCompartment.reconfigure(dateSuggester.of(suggest)) }), [cm, suggest]);
  useReaderInputs(cm, { overlayLayers, focusRegion, historyOverride, modeKeys, onOpenAdjacent });

  const onKeyDown = useReaderKeys(cm);

  const { ui, config, own, selected } = shown;
  const setUi = (change: Parameters<typeof setReaderUi.of>[0], focus = true) => {
    cm?.dispatch({ effects: setReaderUi.of(change) });
    if (focus) cm?.focus();
  };
  const select = (id: string) => {
    if (cm) cm.dispatch(cm.state.update(selectAnnotationSpec(cm.state, id, true), { effects: setReaderUi.of({ chooser: null }) }));
    cm?.focus();
  };
  const setSnapMode = (snapMode: SnapMode) => {
    cm?.dispatch({ effects: setReaderConfig.of({ snapMode }) });
    try {
      localStorage.setItem(SNAP_MODE_KEY, snapMode);
    } catch {
      // Private storage may be unavailable; the choice then lasts for this session.
    }
  };
  const outlines = useMemo(() => outlineStyles(overlayLayers.map((l) => l.id)), [overlayLayers]);
  const rows = useMemo(() => (statementsShown ? statementRows(own, statements.relations) : []), [statementsShown, own, statements.relations]);
  const history: ReaderHistory = historyOverride ?? { undoLabel: view.undoLabel, redoLabel: view.redoLabel, undoEmpty: 'Nothing to undo', run: () => Promise.resolve('') };
  const noteTarget = ui.noteFor ? own.find((a) => a.id === ui.noteFor) : undefined;
  const chooserEntries = (ui.chooser?.ids ?? []).flatMap((id) => own.filter((a) => a.id === id)).map((a) => ({ id: a.id, label: config.appearance.get(a.labelId) ?? { name: a.labelId, color: '#6b7280', underline: 'solid' as const }, quote: oneLine(a.quote.exact, 50) }));

  return (
    <div className={`parley-reader${showOwn ? '' : ' parley-hide-own'}`} onKeyDown={onKeyDown}>
      <div className="parley-reader-toolbar">
        <LabelPalette labels={labels.labels} appearance={config.appearance} snapMode={config.snapMode} onSnapModeChange={setSnapMode} onTag={(id) => session.tag(id)} />
        <div className="parley-tools">
          <button type="button" className="parley-search-open" title="Search (Ctrl+F)" onClick={() => setUi({ searchOpen: true, searchRequests: ui.searchRequests + 1 }, false)}>
            Search
          </button>
          <label className="parley-toggle" title="Relations drawn as arcs above the text">
            <input type="checkbox" checked={statements.arcsShown} onChange={() => cm && toggleArcs(cm)} /> Arcs
          </label>
          <label className="parley-toggle" title="The statement rows beside the text">
            <input
              type="checkbox"
              checked={statementsShown}
              onChange={(e) => {
                setStatementsShown(e.target.checked);
                writeFlag(STATEMENTS_SHOWN_KEY, e.target.checked);
              }}
            />{' '}
            Statements
          </label>
          <button type="button" className="parley-details-open" title="Publication date, outlet, author and address" onClick={() => setMetadataOpen(true)}>
            Details
          </button>
          <button type="button" className="parley-help" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={() => setUi({ sheetOpen: true }, false)}>
            ?
          </button>
        </div>
      </div>
      {overlayLayers.length > 0 && <style>{outlineStyleSheet(outlines)}</style>}
      {ui.searchOpen && <ReaderSearch cm={cm} session={session} text={view.document.text} labels={labels.labels} annotations={own} focusRequest={ui.searchRequests} />}
      <div className="parley-reader-body">
        <div className="parley-reader-text" ref={hostRef} />
        <aside className="parley-reader-side" aria-label="Beside the text">
          {side}
          {!side && selected && <SelectedAnnotation annotation={selected} labels={labels.labels} onRelabel={(id) => session.relabel(selected.id, id)} onEditNote={() => setUi({ noteFor: selected.id }, false)} onDelete={() => session.deleteAnnotation(selected.id)} />}
          {!side && statementsShown && (
            <StatementList rows={rows} labels={labels.labels} entities={statements.entities} selectedId={selected?.id ?? null} onSelect={select} onDeleteRelation={(r) => session.deleteRelations([r.id])} />
          )}
          {!side && <AnnotationList annotations={own} labels={labels.labels} appearance={config.appearance} selectedId={selected?.id ?? null} onSelect={select} />}
        </aside>
      </div>
      <ReaderFooter
        legend={side ? null : overlayLayers}
        showOwn={showOwn}
        author={author}
        outlines={outlines}
        status={ui.relabelling ? 'Press a label key…' : ui.status || shown.hint}
        history={history}
        modeHistory={historyOverride !== undefined}
        onHistory={(direction) => cm && (direction === 'undo' ? undoChange : redoChange)(cm)}
      />
      {ui.chooser && <OverlapChooser x={ui.chooser.x} y={ui.chooser.y} entries={chooserEntries} onChoose={select} onClose={() => setUi({ chooser: null })} />}
      <StatementOverlays cm={cm} ui={statements.ui} labels={labels} entities={statements.entities} suggestDate={suggest} dateProblem={dateValueProblem} />
      {metadataOpen && (
        <DocumentMetadataDialog
          title={view.document.title}
          metadata={view.document.metadata}
          onSave={async (metadata) => {
            const saved = await window.parley.api.setDocumentMetadata({ documentId: view.document.id, metadata });
            if (saved.ok) onViewChange({ ...session.view, document: { ...session.view.document, metadata } });
            return saved;
          }}
          onClose={() => {
            setMetadataOpen(false);
            cm?.focus();
          }}
        />
      )}
      <ShortcutSheet open={ui.sheetOpen} labels={labels.labels} more={[...STATEMENT_SHORTCUTS, ...(moreShortcuts ?? [])]} onClose={() => setUi({ sheetOpen: false })} />
      {noteTarget && (
        <NoteEditor
          quote={noteTarget.quote.exact}
          labelName={config.appearance.get(noteTarget.labelId)?.name ?? noteTarget.labelId}
          note={noteTarget.note ?? ''}
          onSave={(note) => {
            session.saveNote(noteTarget.id, note);
            cm?.focus();
          }}
          onClose={() => setUi({ noteFor: null })}
        />
      )}
    </div>
  );
}
