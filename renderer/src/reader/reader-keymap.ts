/**
 * The reader's one keymap. Keys act while the text has focus; those marked
 * with the `reader` scope also act while focus is elsewhere in the reader
 * (the side list, the toolbar), where the reader runs them with
 * `runScopeHandlers`. Tab and Shift+Tab are left to the browser, so they
 * always move focus between the regions of the window.
 *
 * A new feature adds a command (`reader-commands.ts`) and an entry here.
 */
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, type KeyBinding } from '@codemirror/view';
import type { Label } from '../../../annotations/model';
import {
  beginRelabel,
  clearSelection,
  deleteSelectedAnnotation,
  editNote,
  finishRelabel,
  moveSelectionEdge,
  openAdjacent,
  openSearch,
  redoChange,
  showShortcuts,
  stepAnnotation,
  tagSelection,
  undoChange,
} from './reader-commands';
import { modeKeydown, readerUi } from './reader-state';

/** The key that starts a label change. */
export const RELABEL_KEY = 'l';

/** The scope of keys that also work while focus is in the reader but outside the text. */
export const READER_SCOPE = 'reader';
/** The scope of keys that also work while nothing in particular has focus (the page itself). */
export const WINDOW_SCOPE = 'window';

const EVERYWHERE = `editor ${READER_SCOPE}`;

/** The reader's keys as the shortcut sheet and the README list them (label keys come first, from the labels). */
export const READER_SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['Shift+Arrow, Shift+Ctrl+Arrow', 'Select text with the keyboard (by character or by word)'],
  ['Alt+Shift+→ / Alt+Shift+←', 'Grow / shrink the selection by a word at its end'],
  ['Mod+Alt+Shift+← / Mod+Alt+Shift+→', 'Grow / shrink the selection by a word at its start'],
  ['Double-click', 'Select a word'],
  ['Alt+↓ / Alt+↑', 'Select the next / previous annotation'],
  ['Tab / Shift+Tab', 'Move to the next / previous part of the window'],
  ['Delete', 'Delete the selected annotation'],
  [`${RELABEL_KEY} then a label key`, 'Change the label of the selected annotation'],
  ['Enter', 'Edit the note of the selected annotation'],
  ['Escape', 'Clear the selection; close a menu'],
  ['Mod+Z', 'Undo'],
  ['Mod+Shift+Z', 'Redo'],
  ['Mod+F', 'Search the document (Enter on a match selects it)'],
  ['Alt+PageDown / Alt+PageUp', 'Open the next / previous document'],
  ['?', 'Show this sheet'],
];

/** The fixed bindings. */
const BINDINGS: readonly KeyBinding[] = [
  { key: 'Alt-ArrowDown', run: stepAnnotation(1) },
  { key: 'Alt-ArrowUp', run: stepAnnotation(-1) },
  { key: 'Delete', run: deleteSelectedAnnotation },
  { key: 'Backspace', run: deleteSelectedAnnotation },
  { key: RELABEL_KEY, run: beginRelabel },
  { key: 'Enter', run: editNote },
  { key: 'Escape', run: clearSelection },
  { key: 'Alt-Shift-ArrowRight', run: moveSelectionEdge('end', 1), preventDefault: true },
  { key: 'Alt-Shift-ArrowLeft', run: moveSelectionEdge('end', -1), preventDefault: true },
  { key: 'Mod-Alt-Shift-ArrowLeft', run: moveSelectionEdge('start', -1), preventDefault: true },
  { key: 'Mod-Alt-Shift-ArrowRight', run: moveSelectionEdge('start', 1), preventDefault: true },
  { key: '?', run: showShortcuts, scope: EVERYWHERE },
  { key: 'Mod-f', run: openSearch, preventDefault: true, scope: EVERYWHERE },
  { key: 'Alt-PageDown', run: openAdjacent(1), preventDefault: true, scope: EVERYWHERE },
  { key: 'Alt-PageUp', run: openAdjacent(-1), preventDefault: true, scope: EVERYWHERE },
];

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/** The key after `l` belongs to the label change, whatever it is. */
const relabelKey = EditorView.domEventHandlers({
  keydown(event, view) {
    if (!view.state.field(readerUi).relabelling || MODIFIERS.has(event.key)) return false;
    event.preventDefault();
    return finishRelabel(event.key)(view);
  },
});

/** Runs the mode's keys (Review) for a key press; true, with the event's default prevented, if one took it. */
export function runModeKeys(view: EditorView, event: KeyboardEvent): boolean {
  for (const handler of view.state.facet(modeKeydown)) {
    if (handler(event, view)) {
      event.preventDefault();
      event.stopPropagation();
      return true;
    }
  }
  return false;
}

/**
 * Undo and redo, matched on the letter whatever Shift does to it (`Z` or `z`:
 * a keymap would take Ctrl+Shift+z for Ctrl+z). True, with the event's
 * default prevented, if the key was one of them.
 */
export function runHistoryKeys(view: EditorView, event: KeyboardEvent): boolean {
  const key = event.key.toLowerCase();
  if (!(event.ctrlKey || event.metaKey) || event.altKey || (key !== 'z' && key !== 'y')) return false;
  event.preventDefault();
  return (key === 'z' && !event.shiftKey ? undoChange : redoChange)(view);
}

/** In the text, the mode's keys come before every other, then undo and redo. */
const modeKeys = EditorView.domEventHandlers({ keydown: (event, view) => runModeKeys(view, event) || runHistoryKeys(view, event) });

/** The keymap for the reader's current labels. */
export function readerKeymap(labels: readonly Label[]): Extension {
  const labelKeys: KeyBinding[] = labels.filter((l) => l.shortcut && l.shortcut !== RELABEL_KEY).map((l) => ({ key: l.shortcut, run: tagSelection(l.id) }));
  return [Prec.highest([modeKeys, relabelKey]), Prec.high(keymap.of([...BINDINGS, ...labelKeys]))];
}
