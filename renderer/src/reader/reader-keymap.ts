/**
 * The reader's keys, bound in CodeMirror so that they act only while the text
 * has focus. The commands live in the reader; this module only maps keys.
 */
import { Prec, type Extension } from '@codemirror/state';
import { EditorView, keymap, type KeyBinding } from '@codemirror/view';
import type { Label } from '../../../annotations/model';

/** What the keys do. Each returns true if it handled the key. */
export interface ReaderCommands {
  tag(labelId: string): boolean;
  /** Selects the next (1) or previous (-1) annotation. */
  step(direction: 1 | -1): boolean;
  deleteSelected(): boolean;
  /** Starts a label change: the next key chooses the label. */
  beginRelabel(): boolean;
  /** True while a label change waits for its key. */
  relabelPending(): boolean;
  /** Finishes (or, for any other key, cancels) a pending label change. */
  finishRelabel(key: string): void;
  openNote(): boolean;
  clear(): boolean;
  showShortcuts(): boolean;
  undo(): boolean;
  redo(): boolean;
  openSearch(): boolean;
}

/** The key that starts a label change. */
export const RELABEL_KEY = 'l';

/** The bindings for the reader's current labels. */
export function readerKeymap(commands: ReaderCommands, labels: readonly Label[]): Extension {
  const bindings: KeyBinding[] = [
    { key: 'Tab', run: () => commands.step(1) },
    { key: 'Shift-Tab', run: () => commands.step(-1) },
    { key: 'Delete', run: () => commands.deleteSelected() },
    { key: 'Backspace', run: () => commands.deleteSelected() },
    { key: RELABEL_KEY, run: () => commands.beginRelabel() },
    { key: 'Enter', run: () => commands.openNote() },
    { key: 'Escape', run: () => commands.clear() },
    { key: '?', run: () => commands.showShortcuts() },
    { key: 'Mod-f', run: () => commands.openSearch(), preventDefault: true },
  ];
  for (const label of labels) {
    if (label.shortcut && label.shortcut !== RELABEL_KEY) bindings.push({ key: label.shortcut, run: () => commands.tag(label.id) });
  }
  const keydown = EditorView.domEventHandlers({
    keydown(event) {
      // Undo and redo are matched on the letter whatever Shift does to it (Z or z).
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.altKey && (key === 'z' || key === 'y')) {
        event.preventDefault();
        return key === 'z' && !event.shiftKey ? commands.undo() : commands.redo();
      }
      // The key after `l` belongs to the label change, whatever it is.
      if (!commands.relabelPending() || ['Shift', 'Control', 'Alt', 'Meta', 'CapsLock'].includes(event.key)) return false;
      event.preventDefault();
      commands.finishRelabel(event.key);
      return true;
    },
  });
  return [Prec.highest(keydown), Prec.high(keymap.of(bindings))];
}
