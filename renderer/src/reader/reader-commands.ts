/**
 * The reader's commands, as plain CodeMirror `StateCommand`s: each reads the
 * editor state (selection, annotations, configuration) and dispatches a
 * transaction, or hands the change to the reader session, which saves it.
 * They work on an `EditorView` and on a bare `{ state, dispatch }` alike, so
 * they are tested in Node without a DOM.
 */
import { EditorSelection, type EditorState, type StateCommand, type TransactionSpec } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { oneLine } from '../../../annotations/text/ellipsis';
import type { TextSpan } from '../../../annotations/text/word-boundaries';
import { readerSession } from './reader-session';
import { commandKey, openAdjacentDocument, ownAnnotations, readerConfig, readerHistory, readerUi, selectAnnotationEffect, selectedAnnotation, selectedAnnotationId, setReaderUi, statusEffect } from './reader-state';
import { wordEdge } from './word-steps';

/** The transaction that selects annotation `id` (puts the cursor at its start and says so), optionally scrolling to it. */
export function selectAnnotationSpec(state: EditorState, id: string | null, scroll = false): TransactionSpec {
  const annotation = id === null ? undefined : state.field(ownAnnotations).find((a) => a.id === id);
  if (!annotation) return { effects: selectAnnotationEffect.of(null) };
  const name = state.field(readerConfig).appearance.get(annotation.labelId)?.name ?? annotation.labelId;
  return {
    selection: { anchor: annotation.start },
    effects: [
      selectAnnotationEffect.of(annotation.id),
      statusEffect(`Selected ${name}: “${oneLine(annotation.quote.exact, 50)}”. ${commandKey(state, 'delete')} removes it, ${commandKey(state, 'relabel')} changes its label, ${commandKey(state, 'edit-note')} edits its note.`),
      ...(scroll ? [EditorView.scrollIntoView(annotation.start, { y: 'center' })] : []),
    ],
  };
}

/** Tags the text selection with a label (saved by the session). */
export function tagSelection(labelId: string): StateCommand {
  return ({ state }) => {
    const session = state.facet(readerSession);
    if (!session) return false;
    session.tag(labelId);
    return true;
  };
}

function lastIndexBefore(starts: readonly { start: number }[], offset: number): number {
  let at = -1;
  for (let i = 0; i < starts.length && starts[i]!.start < offset; i++) at = i;
  return at;
}

/**
 * Selects the next (1) or previous (-1) own annotation in reading order, from the selected one or the
 * cursor; wraps around. With a change still on its way to the store, it steps once that is drawn, so a
 * tag just made is among the annotations it steps through.
 */
export function stepAnnotation(direction: 1 | -1): StateCommand {
  const step = stepNow(direction);
  return (target) => {
    const session = target.state.facet(readerSession);
    if (!session?.busy) return step(target);
    session.whenSettled((now) => void step({ state: now.state, dispatch: (tr) => now.dispatch(tr) }));
    return true;
  };
}

function stepNow(direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const annotations = state.field(ownAnnotations);
    if (annotations.length === 0) return false;
    const selected = selectedAnnotation(state);
    let at: number;
    if (selected) at = annotations.indexOf(selected) + direction;
    else {
      const head = state.selection.main.head;
      at = direction === 1 ? annotations.findIndex((a) => a.start >= head) : lastIndexBefore(annotations, head);
      if (at < 0 && direction === 1) at = 0;
    }
    at = (at + annotations.length) % annotations.length;
    dispatch(state.update(selectAnnotationSpec(state, annotations[at]!.id, true)));
    return true;
  };
}

/** Deletes the selected annotation (through the session). */
export const deleteSelectedAnnotation: StateCommand = ({ state }) => {
  const id = state.field(selectedAnnotationId);
  const session = state.facet(readerSession);
  if (!id || !session) return false;
  session.deleteAnnotation(id);
  return true;
};

/** Starts a label change of the selected annotation: the next key chooses the label. */
export const beginRelabel: StateCommand = ({ state, dispatch }) => {
  if (!state.field(selectedAnnotationId)) {
    dispatch(state.update({ effects: statusEffect(`Select an annotation first (click it or press ${commandKey(state, 'next-annotation')}), then press ${commandKey(state, 'relabel')} and a label key.`) }));
    return true;
  }
  const keys = state.field(readerConfig).labels.filter((l) => l.shortcut).map((l) => `${l.shortcut} ${l.name}`);
  dispatch(state.update({ effects: setReaderUi.of({ relabelling: true, status: `Change label: press ${keys.join(', ')} (any other key cancels).` }) }));
  return true;
};

/** Finishes a pending label change with `key`: a label's shortcut relabels, any other key cancels. */
export function finishRelabel(key: string): StateCommand {
  return ({ state, dispatch }) => {
    if (!state.field(readerUi).relabelling) return false;
    const label = state.field(readerConfig).labels.find((l) => l.shortcut === key);
    const id = state.field(selectedAnnotationId);
    const session = state.facet(readerSession);
    if (!label || !id || !session) {
      dispatch(state.update({ effects: setReaderUi.of({ relabelling: false, status: 'Label change cancelled.' }) }));
      return true;
    }
    dispatch(state.update({ effects: setReaderUi.of({ relabelling: false }) }));
    session.relabel(id, label.id);
    return true;
  };
}

/** Opens the note editor for the selected annotation. */
export const editNote: StateCommand = ({ state, dispatch }) => {
  const id = state.field(selectedAnnotationId);
  if (!id) return false;
  dispatch(state.update({ effects: setReaderUi.of({ noteFor: id }) }));
  return true;
};

/** Clears the selected annotation and the text selection; false when there was nothing to clear. */
export const clearSelection: StateCommand = ({ state, dispatch }) => {
  const range = state.selection.main;
  const hadSomething = state.field(selectedAnnotationId) !== null || !range.empty;
  dispatch(state.update({ ...(range.empty ? {} : { selection: { anchor: range.head } }), effects: [selectAnnotationEffect.of(null), statusEffect('')] }));
  return hadSomething;
};

/** Opens the shortcut sheet. */
export const showShortcuts: StateCommand = ({ state, dispatch }) => {
  dispatch(state.update({ effects: setReaderUi.of({ sheetOpen: true }) }));
  return true;
};

/** Opens search, or brings focus back to the open search box. */
export const openSearch: StateCommand = ({ state, dispatch }) => {
  const ui = state.field(readerUi);
  dispatch(state.update({ effects: setReaderUi.of({ searchOpen: true, searchRequests: ui.searchRequests + 1 }) }));
  return true;
};

function runHistory(direction: 'undo' | 'redo'): StateCommand {
  return ({ state }) => {
    const session = state.facet(readerSession);
    const override = state.facet(readerHistory);
    if (override) {
      void override.run(direction).then((status) => session?.announce(status));
      return true;
    }
    if (!session) return false;
    session.history(direction);
    return true;
  };
}

/** Undoes the last change (Read mode's own, or the mode's history that replaces it). */
export const undoChange = runHistory('undo');
/** Redoes the last undone change. */
export const redoChange = runHistory('redo');

/**
 * Moves one edge of the text selection by a word: `edge` 'end' with
 * direction 1 grows the selection to the next word's end, -1 shrinks it by
 * its last word; 'start' with -1 grows it back to the previous word's start,
 * 1 shrinks it by its first word. A selection is never shrunk to nothing.
 */
export function moveSelectionEdge(edge: 'start' | 'end', direction: 1 | -1): StateCommand {
  return ({ state, dispatch }) => {
    const { from, to } = state.selection.main;
    const text = state.doc;
    const at = edge === 'end' ? to : from;
    const next = wordEdge((lo, hi) => text.sliceString(lo, hi), text.length, at, edge, direction);
    if (next === null) return false;
    const [start, end] = edge === 'end' ? [from, next] : [next, to];
    if (end <= start) return false;
    dispatch(state.update({ selection: edge === 'end' ? EditorSelection.single(start, end) : EditorSelection.single(end, start), scrollIntoView: true, userEvent: 'select' }));
    return true;
  };
}

/** Selects a span of the text (a search hit), ready for a label key, and brings it into view. */
export function selectSpan(span: TextSpan): StateCommand {
  return ({ state, dispatch }) => {
    if (span.start >= span.end || span.end > state.doc.length) return false;
    dispatch(state.update({ selection: EditorSelection.single(span.start, span.end), effects: EditorView.scrollIntoView(span.start, { y: 'center' }), userEvent: 'select' }));
    return true;
  };
}

/** Opens the next (1) or previous (-1) document of the library, when the app offers it. */
export function openAdjacent(direction: 1 | -1): StateCommand {
  return ({ state }) => {
    const open = state.facet(openAdjacentDocument);
    if (!open) return false;
    open(direction);
    return true;
  };
}
