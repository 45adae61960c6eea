/**
 * The reader's one extension list, and the compartments through which the
 * React component changes what varies (labels and their keys, the mode's
 * keys and history, document switching). Everything the reader draws or
 * knows is here; `reader.tsx` only mounts the view and passes inputs in.
 */
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';
import type { Annotation, Entity, Label, RelationType } from '../../../annotations/model';
import { annotationsAt, currentMatch, ownMarks, overlayMarks, reviewRegion, searchMatches } from './reader-marks';
import { annotationAnnouncer } from './annotation-announcer';
import { noteTooltip, type TooltipEntry } from './note-tooltip';
import { pendingTagsLayer } from './pending-tags';
import { readerKeymap } from './reader-keymap';
import { readerSession, type ReaderSession } from './reader-session';
import { selectAnnotationSpec } from './reader-commands';
import { modeKeydown, openAdjacentDocument, overlayLayers, ownAnnotations, readerConfig, readerHistory, readerStateFields, readerUi, selectedAnnotationId, selectedOutline, setReaderConfig, setReaderUi, type ReaderHistory } from './reader-state';
import type { SnapMode } from './selection-snap';
import { effectiveBindings, type KeyOverrides } from '../../../shared/key-bindings';
import { suggestionActions, suggestionActionsCompartment } from './suggestion-commands';
import { drawnGhostMarks } from './suggestion-marks';
import { statementKeymap } from './statement-input';
import { entities, setRelationTypes, statementStateFields } from './statement-state';

/** The label keys (rebuilt when the labels change). */
export const labelKeysCompartment = new Compartment();
/** Keys of the mode around the reader (review), ahead of the reader's own. */
export const modeKeysCompartment = new Compartment();
/** The mode's history, replacing the reader's own undo and redo. */
export const historyCompartment = new Compartment();
/** Opening the next or previous document. */
export const adjacentCompartment = new Compartment();
/** Statement keys (rebuilt when the labels' attributes change). */
export const statementKeysCompartment = new Compartment();
/** How a date span's value is read from its text (it depends on the open document's date). */
export const dateSuggesterCompartment = new Compartment();

/** What a reader starts with. */
export interface ReaderSetup {
  session: ReaderSession;
  text: string;
  title: string;
  labels: readonly Label[];
  snapMode: SnapMode;
  author: string;
  /** The analyst's rebound keys (settings); commands left out keep their defaults. */
  keyOverrides?: KeyOverrides;
  /** The mode's key handler (Review), or null. */
  modeKeys?: ((event: KeyboardEvent, view: EditorView) => boolean) | null;
  history?: ReaderHistory | null;
  openAdjacent?: ((direction: 1 | -1) => void) | null;
  /** The schema's relation types (links between spans). */
  relationTypes?: readonly RelationType[];
}

/** The hover card's entries at a character: the own annotations there, then the other layers'. */
function tooltipEntries(state: EditorState, index: number): TooltipEntry[] {
  const { appearance, author, labels } = state.field(readerConfig);
  const others = state.field(overlayLayers);
  const known = state.field(entities, false) ?? [];
  const entry = (a: Annotation, layerName?: string): TooltipEntry => {
    const look = appearance.get(a.labelId);
    return { start: a.start, end: a.end, labelName: look?.name ?? a.labelId, color: look?.color ?? '#6b7280', author: a.author, time: a.createdAt, note: a.note, layerName, details: spanDetails(a, labels, known) };
  };
  const mine = annotationsAt(state.field(ownAnnotations), index);
  if (others.length === 0) return mine.map((a) => entry(a));
  return [...mine.map((a) => entry(a, author)), ...others.flatMap((l) => annotationsAt(l.annotations, index).map((a) => entry(a, l.kind === 'reconciled' ? 'Reconciled' : l.author)))];
}

/** A span's attribute values and entity, one line each, for the hover card ("Stance: Proposes", "Entity: Chung Dong-young"). */
function spanDetails(a: Annotation, labels: readonly Label[], known: readonly Entity[]): string[] | undefined {
  const lines: string[] = [];
  const definitions = labels.find((l) => l.id === a.labelId)?.attributes ?? [];
  for (const [id, value] of Object.entries(a.attributes ?? {})) {
    const definition = definitions.find((d) => d.id === id);
    lines.push(`${definition?.name ?? id}: ${definition?.options?.find((o) => o.id === value)?.name ?? value}`);
  }
  if (a.entityId) lines.push(`Entity: ${known.find((e) => e.id === a.entityId)?.name ?? a.entityId}`);
  return lines.length > 0 ? lines : undefined;
}

/** The ghost marks over the character at `index`, shortest first. */
function ghostMarksAt(state: EditorState, index: number) {
  return drawnGhostMarks(state)
    .filter((m) => m.start <= index && index < m.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** Tells the session while a pointer is pressed in the text, so a store answer never moves the selection under a drag. */
const pointerDrag = ViewPlugin.define((view) => {
  const session = view.state.facet(readerSession);
  const release = () => session?.setPointerDown(false);
  window.addEventListener('mouseup', release, true);
  window.addEventListener('blur', release);
  return {
    destroy() {
      window.removeEventListener('mouseup', release, true);
      window.removeEventListener('blur', release);
      release();
    },
  };
});

const textEvents = EditorView.domEventHandlers({
  // Nothing may be typed into the article.
  beforeinput(event) {
    event.preventDefault();
    return true;
  },
  mousedown(event, view) {
    if (event.button !== 0) return false;
    view.state.facet(readerSession)?.setPointerDown(true);
    // Nothing can be dropped into the article, so a press inside the selection starts a new one. Left
    // alone, CodeMirror takes it for the start of dragging the selected text away, and the drag selects
    // only up to its first moves ("S" of "Sung Kim"): met by dragging again over the text just tagged,
    // whose selection stays until the store answers.
    const { from, to, empty } = view.state.selection.main;
    if (empty || event.detail !== 1 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
    const at = view.posAtCoords({ x: event.clientX, y: event.clientY });
    if (at !== null && at >= from && at <= to) view.dispatch({ selection: { anchor: at }, userEvent: 'select.pointer' });
    return false;
  },
  // A click on a mark selects its annotation; on several, a menu offers them.
  click(event, view) {
    if (event.button !== 0 || event.detail > 1 || !view.state.selection.main.empty) return false;
    const hit = view.posAndSideAtCoords({ x: event.clientX, y: event.clientY });
    const index = hit ? (hit.assoc === 1 ? hit.pos : hit.pos - 1) : -1;
    const here = index >= 0 ? annotationsAt(view.state.field(ownAnnotations), index) : [];
    if (here.length === 1) view.dispatch(view.state.update(selectAnnotationSpec(view.state, here[0]!.id), { effects: setReaderUi.of({ chooser: null }) }));
    else if (here.length > 1) view.dispatch({ effects: setReaderUi.of({ chooser: { x: event.clientX, y: event.clientY, ids: here.map((a) => a.id) } }) });
    else if (index >= 0 && view.state.facet(suggestionActions) && ghostMarksAt(view.state, index).length > 0) {
      view.dispatch({ effects: setReaderUi.of({ ghostMenu: { x: event.clientX, y: event.clientY, id: ghostMarksAt(view.state, index)[0]!.id } }) });
    }
    else if (view.state.field(selectedAnnotationId) !== null || view.state.field(readerUi).chooser) view.dispatch(view.state.update(selectAnnotationSpec(view.state, null), { effects: setReaderUi.of({ chooser: null }) }));
    return false;
  },
});

/** Every extension of the reader. */
export function readerExtensions(setup: ReaderSetup): Extension {
  return [
    readerSession.of(setup.session),
    readerStateFields(),
    // Only "\n" splits lines, so a CRLF keeps its "\r" in the text and offsets stay those of the stored text.
    EditorState.lineSeparator.of('\n'),
    EditorState.readOnly.of(true),
    EditorView.lineWrapping,
    // tabindex: the text is a stop of its own in the Tab order, and its scroller counts as reachable by keyboard.
    EditorView.contentAttributes.of({ 'aria-label': `Text of ${setup.title}`, 'aria-describedby': 'parley-reader-status', spellcheck: 'false', tabindex: '0' }),
    // Search highlights nest inside the annotation marks; the selected annotation's outline wraps them.
    currentMatch.extension,
    searchMatches.extension,
    ownMarks.extension,
    // Tags drawn before the store has them, in a layer over the text (see pending-tags.ts).
    pendingTagsLayer((state) => state.field(readerConfig).appearance),
    overlayMarks.extension,
    selectedOutline,
    reviewRegion.extension,
    modeKeysCompartment.of(setup.modeKeys ? modeKeydown.of(setup.modeKeys) : []),
    labelKeysCompartment.of(readerKeymap(setup.labels, effectiveBindings(setup.keyOverrides ?? {}), setup.keyOverrides)),
    historyCompartment.of(setup.history ? readerHistory.of(setup.history) : []),
    adjacentCompartment.of(setup.openAdjacent ? openAdjacentDocument.of(setup.openAdjacent) : []),
    noteTooltip(tooltipEntries),
    statementStateFields(),
    statementKeysCompartment.of(statementKeymap(setup.labels, effectiveBindings(setup.keyOverrides ?? {}))),
    suggestionActionsCompartment.of([]),
    dateSuggesterCompartment.of([]),
    annotationAnnouncer,
    textEvents,
    pointerDrag,
  ];
}

/** The reader's first state: its text, configuration and the document's marks. */
export function createReaderState(setup: ReaderSetup): EditorState {
  const base = EditorState.create({ doc: setup.text, extensions: readerExtensions(setup) });
  const configured = base.update({ effects: [setReaderConfig.of({ labels: setup.labels, snapMode: setup.snapMode, author: setup.author, keyOverrides: setup.keyOverrides ?? {} }), setRelationTypes.of(setup.relationTypes ?? [])] }).state;
  return configured.update(setup.session.initialEffects(configured.field(readerConfig).appearance)).state;
}
