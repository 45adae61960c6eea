/**
 * What the React parts around the text draw, read from the editor state:
 * the editor holds the reader's state and React only reads it, through one
 * update listener that keeps the previous snapshot when nothing it draws
 * has changed.
 */
import type { EditorState } from '@codemirror/state';
import type { Annotation } from '../../../annotations/model';
import { ownAnnotations, readerConfig, readerUi, selectedAnnotation, type ReaderConfig, type ReaderUi } from './reader-state';
import { idleHint } from './status-hint';

/** What React draws around the text. */
export interface ReaderSnapshot {
  ui: ReaderUi;
  config: ReaderConfig;
  own: readonly Annotation[];
  selected: Annotation | undefined;
  /** What the keys would do now, for the status line when it has nothing else to say. */
  hint: string;
}

/** The snapshot of `state`; `previous` itself when nothing in it changed, so React skips the render. */
export function snapshotOf(state: EditorState, previous?: ReaderSnapshot): ReaderSnapshot {
  const next: ReaderSnapshot = { ui: state.field(readerUi), config: state.field(readerConfig), own: state.field(ownAnnotations), selected: selectedAnnotation(state), hint: idleHint(state) };
  if (previous && previous.ui === next.ui && previous.config === next.config && previous.own === next.own && previous.selected === next.selected && previous.hint === next.hint) return previous;
  return next;
}
