/**
 * The reader's one keymap, built from the key table (`shared/key-bindings.ts`)
 * and the analyst's rebound keys. Keys act while the text has focus; those
 * marked with the `reader` scope also act while focus is elsewhere in the
 * reader (the side list, the toolbar), where the reader runs them with
 * `runScopeHandlers`. Tab and Shift+Tab are left to the browser, so they
 * always move focus between the regions of the window.
 *
 * A new feature adds a command (`reader-commands.ts`), a row in the key
 * table, and its run here.
 */
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, type Command, type KeyBinding } from '@codemirror/view';
import type { Label } from '../../../annotations/model';
import type { KeyBindings, KeyOverrides, ReaderCommandId } from '../../../shared/key-bindings';
import { keyPlatform, pressIs } from './key-names';
import { stepMention } from './mention-commands';
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
import { modeKeydown, readerConfig, readerUi } from './reader-state';
import { acceptSuggestionHere, noSuggestionHere, rejectSuggestionHere } from './suggestion-commands';

/** The scope of keys that also work while focus is in the reader but outside the text. */
export const READER_SCOPE = 'reader';
/** The scope of keys that also work while nothing in particular has focus (the page itself). */
export const WINDOW_SCOPE = 'window';

const EVERYWHERE = `editor ${READER_SCOPE}`;

/** Keys that are not commands of the table, so never rebound; the shortcut sheet lists them after the table. */
export const FIXED_SHORTCUTS: ReadonlyArray<readonly [keys: string, action: string]> = [
  ['Shift+Arrow, Shift+Ctrl+Arrow', 'Select text with the keyboard (by character or by word)'],
  ['Double-click', 'Select a word'],
  ['Click a dashed mark', 'Accept or reject that suggestion'],
  ['Tab / Shift+Tab', 'Move to the next / previous part of the window'],
  ['Escape', 'Clear the selection; close a menu'],
];

/** Commands the table's keymap runs (undo and redo are matched apart; statement keys are in `statement-input.ts`). */
type KeymapCommand = Exclude<ReaderCommandId, 'undo' | 'redo' | 'link' | 'attributes' | 'date-value' | 'entity'>;

/** Each command's run, and where its key works. */
const RUNS: Record<KeymapCommand, { run: Command; scope?: string; preventDefault?: boolean }> = {
  'grow-end': { run: moveSelectionEdge('end', 1), preventDefault: true },
  'shrink-end': { run: moveSelectionEdge('end', -1), preventDefault: true },
  'grow-start': { run: moveSelectionEdge('start', -1), preventDefault: true },
  'shrink-start': { run: moveSelectionEdge('start', 1), preventDefault: true },
  'next-mention': { run: stepMention(1), preventDefault: true },
  'previous-mention': { run: stepMention(-1), preventDefault: true },
  'next-annotation': { run: stepAnnotation(1) },
  'previous-annotation': { run: stepAnnotation(-1) },
  delete: { run: deleteSelectedAnnotation },
  relabel: { run: beginRelabel },
  // Enter edits the selected annotation's note; with none selected, on a suggestion it accepts it.
  'edit-note': { run: (view) => editNote(view) || acceptSuggestionHere(null)(view) },
  'accept-suggestion': { run: (view) => acceptSuggestionHere(null)(view) || noSuggestionHere(view) },
  'reject-suggestion': { run: (view) => rejectSuggestionHere(view) || noSuggestionHere(view) },
  search: { run: openSearch, preventDefault: true, scope: EVERYWHERE },
  'next-document': { run: openAdjacent(1), preventDefault: true, scope: EVERYWHERE },
  'previous-document': { run: openAdjacent(-1), preventDefault: true, scope: EVERYWHERE },
  shortcuts: { run: showShortcuts, scope: EVERYWHERE },
};

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

/** The key after the label-change key belongs to the label change, whatever it is. */
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

/** The press with Cmd read as Ctrl, so Cmd+Z undoes on every platform, as Ctrl+Z does. */
function withCtrl(event: KeyboardEvent): KeyboardEvent {
  return { key: event.key, code: event.code, ctrlKey: true, altKey: event.altKey, shiftKey: event.shiftKey, metaKey: false } as KeyboardEvent;
}

/**
 * Undo and redo, by their keys in the table, matched on the key whatever
 * Shift does to the letter (`Z` or `z`: a keymap would take Ctrl+Shift+z for
 * Ctrl+z). True, with the event's default prevented, if the key was one of them.
 */
export function runHistoryKeys(view: EditorView, event: KeyboardEvent): boolean {
  const { keys } = view.state.field(readerConfig);
  const platform = keyPlatform();
  const presses = event.metaKey && !event.ctrlKey ? [event, withCtrl(event)] : [event];
  const is = (key: string) => presses.some((p) => pressIs(p, key, platform));
  const command = keys.undo.some(is) ? undoChange : keys.redo.some(is) ? redoChange : null;
  if (!command) return false;
  event.preventDefault();
  return command(view);
}

/** In the text, the mode's keys come before every other, then undo and redo. */
const modeKeys = EditorView.domEventHandlers({ keydown: (event, view) => runModeKeys(view, event) || runHistoryKeys(view, event) });

/**
 * The keymap for the reader's labels and keys. A label's key tags the
 * selection, or, on a suggestion of that label, accepts the suggestion.
 */
export function readerKeymap(labels: readonly Label[], keys: KeyBindings, overrides: KeyOverrides = {}): Extension {
  return [Prec.highest([modeKeys, relabelKey]), Prec.high(keymap.of(readerKeyBindings(labels, keys, overrides)))];
}

/**
 * The keymap's bindings, in order: Escape, the table's commands by their keys
 * in effect, then the label keys. A label's key wins over a command's
 * default key (a schema may give `y` or `n` to a label); the label-change key
 * and the keys the analyst chose (which the settings never let clash) win
 * over labels.
 */
export function readerKeyBindings(labels: readonly Label[], keys: KeyBindings, overrides: KeyOverrides = {}): KeyBinding[] {
  const labelKeySet = new Set(labels.map((l) => l.shortcut).filter(Boolean));
  const bindings: KeyBinding[] = [{ key: 'Escape', run: clearSelection }];
  for (const [id, { run, scope, preventDefault }] of Object.entries(RUNS) as Array<[KeymapCommand, (typeof RUNS)[KeymapCommand]]>) {
    for (const key of keys[id]) {
      if (id !== 'relabel' && overrides[id] === undefined && labelKeySet.has(key)) continue;
      bindings.push({ key, run, ...(scope ? { scope } : {}), ...(preventDefault ? { preventDefault } : {}) });
    }
  }
  const labelKeys: KeyBinding[] = labels
    .filter((l) => l.shortcut && !keys.relabel.includes(l.shortcut))
    .map((l) => ({ key: l.shortcut, run: (view) => acceptSuggestionHere(l.id)(view) || tagSelection(l.id)(view) }));
  return [...bindings, ...labelKeys];
}
