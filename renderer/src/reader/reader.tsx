import { StateEffect } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
import { createReaderState, labelKeysCompartment, statementKeysCompartment } from './reader-extensions';
import { ReaderFooter } from './reader-footer';
import { readerKeymap } from './reader-keymap';
import { overlayMarks, ownMark, ownMarks } from './reader-marks';
import { ReaderSession } from './reader-session';
import { ownAnnotations, readerConfig, setReaderConfig, setReaderUi, type ReaderHistory } from './reader-state';
import { ReaderSearch } from './reader-search';
import { useReaderInputs } from './use-reader-inputs';
import { useReaderKeys } from './use-reader-keys';
import { SelectedAnnotation } from './selected-annotation';
import { pageOf } from '../../../annotations/text/page-of';
import type { SnapMode } from './selection-snap';
import { ShortcutSheet } from './shortcut-sheet';
import { snapshotOf, type ReaderSnapshot } from './reader-snapshot';
import { STATEMENT_SHORTCUTS, statementKeymap } from './statement-input';
import type { KeyOverrides } from '../../../shared/key-bindings';
import { KeySettingsDialog } from '../app/lazy-parts';
import { GhostMenu } from './ghost-menu';
import { dateValueProblem } from '../statements/date-values';
import { StatementList } from '../statements/statement-list';
import { StatementOverlays } from '../statements/statement-overlays';
import { StatementToggles } from '../statements/statement-toggles';
import { useReaderStatements } from '../statements/use-reader-statements';
import { SuggestionPanel } from '../suggest/suggestion-panel';
import { SUGGESTION_SHORTCUTS } from '../suggest/suggestion-groups';
import { applyDocumentChange } from './document-change';
import './reader.css';
import { OriginalButtons } from './original-buttons';
import { afterNextPaint } from '../ui/after-next-paint';

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
  /** The analyst's rebound reader keys (settings); commands left out keep their defaults. */
  keyOverrides?: KeyOverrides;
  /** Called with the analyst's keys once the settings saved them; without it the shortcut sheet offers no way to change keys. */
  onKeyOverridesChange?(overrides: KeyOverrides): void;
  /** An annotation of the own layer to select, scroll to and focus (the corpus view's "open"), or when it is not there the text from `start` to `end`; a new object asks again. */
  focusAnnotation?: { annotationId: string; start?: number; end?: number } | null;
}

const SNAP_MODE_KEY = 'parley.reader.snapMode';
/** `focusAnnotation` requests already carried out. */
const focusRequestsDone = new WeakSet<object>();
const NO_LAYERS: readonly AnnotationLayer[] = [];
const NO_OVERRIDES: KeyOverrides = {};

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
export function Reader({ view, labels, author, onViewChange, onError, overlayLayers = NO_LAYERS, showOwn = true, focusRegion = null, side, moreShortcuts, historyOverride, modeKeys, onOpenAdjacent, focusAnnotation = null, keyOverrides = NO_OVERRIDES, onKeyOverridesChange }: ReaderProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const [setup] = useState(() => {
    const session = new ReaderSession({ api: window.parley.api, view, onViewChange, onError });
    const state = createReaderState({ session, text: view.document.text, title: view.document.title, labels: labels.labels, relationTypes: labels.relationTypes, snapMode: readSnapMode(), author, keyOverrides, modeKeys, history: historyOverride, openAdjacent: onOpenAdjacent });
    return { session, state };
  });
  const { session } = setup;
  const [cm, setCm] = useState<EditorView | null>(null);
  const [shown, setShown] = useState<ReaderSnapshot>(() => snapshotOf(setup.state));
  // The lists beside the text (suggestions, statements, annotations) are drawn after the frame that shows the text:
  // at 20,000 annotations they cost more than the text and its marks (about 170 of a 330 ms open).
  const [sideShown, setSideShown] = useState(false);

  // Create the editor once, before the first frame (a layout effect), so that frame shows the text; React owns its life.
  useLayoutEffect(() => {
    const listener = EditorView.updateListener.of((update) => setShown((current) => snapshotOf(update.state, current)));
    const editor = new EditorView({ state: setup.state.update({ effects: StateEffect.appendConfig.of(listener) }).state, parent: hostRef.current! });
    const opened = performance.now();
    requestAnimationFrame(() => performance.measure('parley:reader-open', { start: opened }));
    session.attach(editor);
    setCm(editor);
    let live = true;
    void afterNextPaint().then(() => live && setSideShown(true));
    return () => {
      live = false;
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
        labelKeysCompartment.reconfigure(readerKeymap(labels.labels, config.keys, config.keyOverrides)),
      ],
    });
  }, [cm, labels]);
  // Rebound keys take effect at once, in the text and in the status line.
  useEffect(() => {
    if (!cm || cm.state.field(readerConfig).keyOverrides === keyOverrides) return;
    const keys = cm.state.update({ effects: setReaderConfig.of({ keyOverrides }) }).state.field(readerConfig).keys;
    cm.dispatch({ effects: [setReaderConfig.of({ keyOverrides }), labelKeysCompartment.reconfigure(readerKeymap(labels.labels, keys, keyOverrides)), statementKeysCompartment.reconfigure(statementKeymap(labels.labels, keys))] });
  }, [cm, keyOverrides, labels]);
  const [keysOpen, setKeysOpen] = useState(false);
  useEffect(() => {
    // Each request is carried out once: a reader opened again on the same document later does not jump back to it.
    if (!cm || !focusAnnotation || focusRequestsDone.has(focusAnnotation)) return;
    focusRequestsDone.add(focusAnnotation);
    const { annotationId, start, end } = focusAnnotation;
    const own = cm.state.field(ownAnnotations).some((a) => a.id === annotationId);
    if (own || start === undefined || end === undefined || end > cm.state.doc.length) cm.dispatch(cm.state.update(selectAnnotationSpec(cm.state, annotationId, true), { effects: setReaderUi.of({ chooser: null }) }));
    else cm.dispatch({ selection: { anchor: start, head: end }, effects: EditorView.scrollIntoView(start, { y: 'center' }) });
    cm.focus();
  }, [cm, focusAnnotation]);
  useReaderInputs(cm, { overlayLayers, focusRegion, historyOverride, modeKeys, onOpenAdjacent });

  const onKeyDown = useReaderKeys(cm);

  const { ui, config, own, selected } = shown;
  const statements = useReaderStatements(cm, setup.state, labels, view.document, own, sideShown);
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
          <OriginalButtons view={session.view} onViewChange={onViewChange} onError={onError} />
          <StatementToggles cm={cm} statements={statements} view={session.view} onViewChange={onViewChange} />
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
          {!side && sideShown && (
            <SuggestionPanel
              api={window.parley.api}
              cm={cm}
              documentId={view.document.id}
              text={view.document.text}
              labels={labels.labels}
              own={own}
              onAccepted={(change) => {
                const next = applyDocumentChange(session.view, change);
                if (next) onViewChange(next);
              }}
              onError={onError}
            />
          )}
          {!side && selected && <SelectedAnnotation annotation={selected} labels={labels.labels} page={pageOf(view.document.pages, selected.start)} onRelabel={(id) => session.relabel(selected.id, id)} onEditNote={() => setUi({ noteFor: selected.id }, false)} onDelete={() => session.deleteAnnotation(selected.id)} />}
          {!side && sideShown && statements.listShown && (
            <StatementList rows={statements.rows} labels={labels.labels} entities={statements.snapshot.entities} selectedId={selected?.id ?? null} onSelect={select} onDeleteRelation={(r) => session.deleteRelations([r.id])} />
          )}
          {!side && sideShown && <AnnotationList annotations={own} labels={labels.labels} appearance={config.appearance} selectedId={selected?.id ?? null} pages={view.document.pages} onSelect={select} />}
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
      <StatementOverlays cm={cm} ui={statements.snapshot.ui} labels={labels} entities={statements.snapshot.entities} suggestDate={statements.suggest} dateProblem={dateValueProblem} />
      {ui.ghostMenu && <GhostMenu cm={cm} menu={ui.ghostMenu} onClose={() => setUi({ ghostMenu: null })} />}
      {onKeyOverridesChange && (
        // Closed, the dialog draws nothing, so nothing waits while its chunk loads.
        <Suspense fallback={null}>
          <KeySettingsDialog
            open={keysOpen}
            labels={labels.labels}
            overrides={keyOverrides}
            save={(bindings) => window.parley.api.setKeyBindings({ bindings })}
            onSaved={onKeyOverridesChange}
            onClose={() => {
              setKeysOpen(false);
              cm?.focus();
            }}
          />
        </Suspense>
      )}
      <ShortcutSheet
        open={ui.sheetOpen}
        keys={config.keys}
        onChangeKeys={
          onKeyOverridesChange &&
          (() => {
            setUi({ sheetOpen: false }, false);
            setKeysOpen(true);
          })
        }
        labels={labels.labels}
        more={[...STATEMENT_SHORTCUTS, ...(side ? [] : SUGGESTION_SHORTCUTS), ...(moreShortcuts ?? [])]} onClose={() => setUi({ sheetOpen: false })} />
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
