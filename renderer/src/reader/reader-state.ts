/**
 * What the reader knows, held as editor state: its configuration (labels,
 * their looks, snapping, author), the analyst's own annotations as the text
 * shows them, the selected annotation, and the small UI state the React
 * component draws around the text (status line, open sheet, search, note).
 * Everything changes through the `StateEffect`s below, so a command is a
 * plain function of an `EditorState` and can be tested without a DOM.
 *
 * The annotations themselves belong to the store; this field is only the
 * copy the reader draws, replaced by the reader session as the store answers.
 */
import { Facet, StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView } from '@codemirror/view';
import type { Annotation, AnnotationLayer, Label } from '../../../annotations/model';
import { effectiveBindings, keyLabel, type KeyBindings, type KeyOverrides, type ReaderCommandId } from '../../../shared/key-bindings';
import { keyPlatform } from './key-names';
import { markLabels, type MarkLabel } from './annotation-marks';
import type { SnapMode } from './selection-snap';

/** The reader's configuration. */
export interface ReaderConfig {
  labels: readonly Label[];
  /** Each label's name, colour and underline, by id (derived from `labels`). */
  appearance: ReadonlyMap<string, MarkLabel>;
  snapMode: SnapMode;
  author: string;
  /** The analyst's rebound keys (settings). */
  keyOverrides: KeyOverrides;
  /** Each command's keys in effect (derived from `keyOverrides`). */
  keys: KeyBindings;
}

/** Changes part of the configuration; new labels bring new appearances, new overrides new keys. */
export const setReaderConfig = StateEffect.define<Partial<Pick<ReaderConfig, 'labels' | 'snapMode' | 'author' | 'keyOverrides'>>>();

/** The configuration field. */
export const readerConfig = StateField.define<ReaderConfig>({
  create: () => ({ labels: [], appearance: new Map(), snapMode: 'words', author: '', keyOverrides: {}, keys: effectiveBindings({}) }),
  update(value, tr) {
    for (const e of tr.effects) {
      if (!e.is(setReaderConfig)) continue;
      value = { ...value, ...e.value, ...(e.value.labels ? { appearance: markLabels(e.value.labels) } : {}), ...(e.value.keyOverrides ? { keys: effectiveBindings(e.value.keyOverrides) } : {}) };
    }
    return value;
  },
});

/** A command's first key as the status line names it (`Alt+↓`), or '' when it has none. */
export function commandKey(state: EditorState, id: ReaderCommandId): string {
  const key = state.field(readerConfig).keys[id][0];
  return key === undefined ? '' : keyLabel(key, keyPlatform());
}

/** Replaces the own annotations the reader shows (sorted by start, as the store keeps them). */
export const setOwnAnnotations = StateEffect.define<readonly Annotation[]>();

/** The analyst's own annotations as the text shows them (without those being deleted). */
export const ownAnnotations = StateField.define<readonly Annotation[]>({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setOwnAnnotations)) value = e.value;
    return value;
  },
});

/** Replaces the other layers drawn beside the analyst's own. */
export const setOverlayLayers = StateEffect.define<readonly AnnotationLayer[]>();

/** The other layers drawn beside the analyst's own (a colleague's, the reconciled one), for hover cards. */
export const overlayLayers = StateField.define<readonly AnnotationLayer[]>({
  create: () => [],
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setOverlayLayers)) value = e.value;
    return value;
  },
});

/** Selects an annotation by id, or clears the selection with null. */
export const selectAnnotationEffect = StateEffect.define<string | null>();

/** The id of the selected annotation; forgotten once the annotation is gone (deleted, undone). */
export const selectedAnnotationId = StateField.define<string | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(selectAnnotationEffect)) value = e.value;
    // A new text selection made by the analyst replaces the selected annotation.
    if (value !== null && tr.selection && !tr.newSelection.main.empty && tr.isUserEvent('select')) return null;
    if (value !== null && tr.effects.some((e) => e.is(setOwnAnnotations)) && !tr.state.field(ownAnnotations).some((a) => a.id === value)) return null;
    return value;
  },
});

/** The selected annotation, or undefined. */
export function selectedAnnotation(state: EditorState): Annotation | undefined {
  const id = state.field(selectedAnnotationId);
  return id === null ? undefined : state.field(ownAnnotations).find((a) => a.id === id);
}

/** The small UI state drawn around the text. */
export interface ReaderUi {
  /** The sentence in the status line ('' for none). */
  status: string;
  /** True while a label change waits for its key. */
  relabelling: boolean;
  sheetOpen: boolean;
  searchOpen: boolean;
  /** Grows each time search is asked for, so an open search box takes focus again. */
  searchRequests: number;
  /** The annotation whose note is being edited, or null. */
  noteFor: string | null;
  /** The menu offering the annotations under a click (ids innermost first), at viewport coordinates, or null. */
  chooser: { x: number; y: number; ids: readonly string[] } | null;
  /** The menu offering to accept or reject the suggestion under a click, at viewport coordinates, or null. */
  ghostMenu: { x: number; y: number; id: string } | null;
}

/** Changes part of the UI state. */
export const setReaderUi = StateEffect.define<Partial<ReaderUi>>();

/** The UI state field. */
export const readerUi = StateField.define<ReaderUi>({
  create: () => ({ status: '', relabelling: false, sheetOpen: false, searchOpen: false, searchRequests: 0, noteFor: null, chooser: null, ghostMenu: null }),
  update(value, tr) {
    let told = false;
    for (const e of tr.effects) {
      if (!e.is(setReaderUi)) continue;
      value = { ...value, ...e.value };
      told = true;
    }
    // A new selection by the analyst makes the last sentence old news: the line goes back to saying what the keys will do.
    if (!told && value.status !== '' && tr.selection && tr.isUserEvent('select')) value = { ...value, status: '' };
    return value;
  },
});

/** Sets the status line. */
export function statusEffect(status: string): StateEffect<Partial<ReaderUi>> {
  return setReaderUi.of({ status });
}

/**
 * Undo and redo supplied by the mode around the reader, in place of the
 * reader's own (Review undoes decisions, never the tags made in Read mode).
 */
export interface ReaderHistory {
  undoLabel: string | null;
  redoLabel: string | null;
  /** Why there is nothing to undo: the disabled button's title and the status when Ctrl+Z is pressed. */
  undoEmpty: string;
  /** Undoes or redoes; resolves with the sentence for the status line. */
  run(direction: 'undo' | 'redo'): Promise<string>;
}

/** The mode's history, if it replaces the reader's own (the last one given wins). */
export const readerHistory = Facet.define<ReaderHistory, ReaderHistory | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/** Opens the next (1) or previous (-1) document; the app shell owns the library. */
export const openAdjacentDocument = Facet.define<(direction: 1 | -1) => void, ((direction: 1 | -1) => void) | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/**
 * Key handlers of the mode around the reader (Review), run before the
 * reader's own keys wherever the reader listens: in the text, elsewhere in
 * the reader, and on the page. Each returns true if it took the key.
 */
export const modeKeydown = Facet.define<(event: KeyboardEvent, view: EditorView) => boolean>();

const selectedMark = Decoration.mark({ class: 'cm-parley-selected' });

/** The selected annotation's outline. */
export const selectedOutline: Extension = EditorView.decorations.compute([selectedAnnotationId, ownAnnotations], (state) => {
  const a = selectedAnnotation(state);
  return a && a.start < a.end && a.end <= state.doc.length ? Decoration.set([selectedMark.range(a.start, a.end)]) : Decoration.none;
});

/** The fields above (the selected annotation's outline is `selectedOutline`, placed among the other decorations). */
export function readerStateFields(): Extension {
  return [readerConfig, ownAnnotations, overlayLayers, selectedAnnotationId, readerUi];
}
