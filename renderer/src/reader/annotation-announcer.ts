/**
 * Tells a screen reader which annotations the cursor is in. The marks are
 * drawn with colour and underlines only, which a screen reader cannot see;
 * when the cursor (moved by keyboard or by a click) enters a different set
 * of annotations, their labels and layers are announced through
 * CodeMirror's live region, e.g. "Actor, your layer: “Sung Kim”".
 */
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Annotation } from '../../../annotations/model';
import { oneLine } from '../../../annotations/text/ellipsis';
import { annotationsAt } from './reader-marks';
import { overlayLayers, ownAnnotations, readerConfig } from './reader-state';

interface Found {
  annotation: Annotation;
  layerName: string;
}

function foundAt(state: EditorState, index: number): Found[] {
  if (index < 0) return [];
  const own = annotationsAt(state.field(ownAnnotations), index).map((annotation) => ({ annotation, layerName: 'your layer' }));
  const others = state.field(overlayLayers).flatMap((l) => annotationsAt(l.annotations, index).map((annotation) => ({ annotation, layerName: l.kind === 'reconciled' ? 'reconciled layer' : `${l.author}’s layer` })));
  return [...own, ...others];
}

/** What is announced for the annotations covering the character after `pos`, innermost first ('' for none). */
export function describeAnnotationsAt(state: EditorState, pos: number): string {
  const { appearance } = state.field(readerConfig);
  return foundAt(state, pos)
    .map(({ annotation, layerName }) => `${appearance.get(annotation.labelId)?.name ?? annotation.labelId}, ${layerName}: “${oneLine(annotation.quote.exact, 60)}”`)
    .join('; ');
}

function idsAt(state: EditorState, pos: number): string {
  return foundAt(state, pos)
    .map((f) => f.annotation.id)
    .join(' ');
}

/** Announces the annotations the cursor enters. */
export const annotationAnnouncer: Extension = EditorState.transactionExtender.of((tr) => {
  if (!tr.selection) return null;
  const before = tr.startState.selection.main;
  const after = tr.selection.main;
  if (!after.empty || after.head === before.head) return null;
  // The annotations do not change in a move of the cursor, so the old state answers for the new position.
  const state = tr.startState;
  const now = idsAt(state, after.head);
  if (now === '' || now === idsAt(state, before.head)) return null;
  return { effects: EditorView.announce.of(describeAnnotationsAt(state, after.head)) };
});
