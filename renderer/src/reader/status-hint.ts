/**
 * What the status line says when nothing is happening: what the keys would
 * do with the current selection ("1–4 tag it"), so the analyst never has to
 * guess what a key will do. Keys are named as they are bound now.
 */
import type { EditorState } from '@codemirror/state';
import type { Label } from '../../../annotations/model';
import { commandKey, readerConfig, selectedAnnotation } from './reader-state';
import { ghostMarkHere } from './suggestion-commands';

/** The label keys as one short run: "1–4" when they are consecutive digits, else "1, a, q"; `skip` (the label-change key) is left out. */
export function labelKeyRun(labels: readonly Label[], skip: readonly string[] = ['l']): string {
  const keys = labels.map((l) => l.shortcut).filter((k) => k !== '' && !skip.includes(k));
  if (keys.length === 0) return '';
  const digits = keys.every((k) => /^\d$/.test(k));
  if (digits && keys.length > 1) {
    const sorted = keys.map(Number).sort((a, b) => a - b);
    if (sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1)) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  }
  return keys.join(', ');
}

/** "Alt+Shift+→/←" for two keys that differ only in the arrow, else "a / b". */
function pair(a: string, b: string): string {
  const [ha, hb] = [a.slice(0, -1), b.slice(0, -1)];
  return ha === hb && ha !== '' ? `${a}/${b.slice(-1)}` : `${a} / ${b}`;
}

/** The hint for the current state: for a text selection, an annotation selected, a suggestion under the cursor, or nothing ('' then). */
export function idleHint(state: EditorState): string {
  const { labels, keys: bound } = state.field(readerConfig);
  const keys = labelKeyRun(labels, bound.relabel);
  const selected = selectedAnnotation(state);
  if (selected) return `${commandKey(state, 'delete')} removes it, ${commandKey(state, 'relabel')} changes its label, ${commandKey(state, 'edit-note')} edits its note, ${commandKey(state, 'next-annotation')} goes to the next.`;
  const ghost = ghostMarkHere(state);
  if (ghost && (state.selection.main.empty || (ghost.start === state.selection.main.from && ghost.end === state.selection.main.to))) {
    return `Suggested ${ghost.labelName}: ${commandKey(state, 'accept-suggestion')} accepts it, ${commandKey(state, 'reject-suggestion')} rejects it.`;
  }
  if (state.selection.main.empty) return '';
  const grow = pair(commandKey(state, 'grow-end'), commandKey(state, 'shrink-end'));
  return keys === '' ? 'Click a label to tag the selection.' : `${keys} tag the selection · ${grow} grow or shrink it by a word · Escape clears it`;
}
