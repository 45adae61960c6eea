/**
 * What the status line says when nothing is happening: what the keys would
 * do with the current selection ("1–4 tag it"), so the analyst never has to
 * guess what a key will do.
 */
import type { EditorState } from '@codemirror/state';
import type { Label } from '../../../annotations/model';
import { RELABEL_KEY } from './reader-keymap';
import { selectedAnnotation } from './reader-state';
import { readerConfig } from './reader-state';

/** The label keys as one short run: "1–4" when they are consecutive digits, else "1, a, q". */
export function labelKeyRun(labels: readonly Label[]): string {
  const keys = labels.map((l) => l.shortcut).filter((k) => k !== '' && k !== RELABEL_KEY);
  if (keys.length === 0) return '';
  const digits = keys.every((k) => /^\d$/.test(k));
  if (digits && keys.length > 1) {
    const sorted = keys.map(Number).sort((a, b) => a - b);
    if (sorted.every((n, i) => i === 0 || n === sorted[i - 1]! + 1)) return `${sorted[0]}–${sorted[sorted.length - 1]}`;
  }
  return keys.join(', ');
}

/** The hint for the current state: for a text selection, an annotation selected, or nothing ('' then). */
export function idleHint(state: EditorState): string {
  const { labels } = state.field(readerConfig);
  const keys = labelKeyRun(labels);
  const selected = selectedAnnotation(state);
  if (selected) return `Delete removes it, ${RELABEL_KEY} changes its label, Enter edits its note, Alt+↓ goes to the next.`;
  if (state.selection.main.empty) return '';
  return keys === '' ? 'Click a label to tag the selection.' : `${keys} tag the selection · Alt+Shift+→/← grow or shrink it by a word · Escape clears it`;
}
