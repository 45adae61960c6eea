/**
 * Accepting or rejecting a suggestion from the text: the ghost mark under the
 * cursor (or the one the selection lies on) is accepted by a key (`y`, Enter,
 * or, under a bare cursor, its label's key) or rejected (`n`), and a click on a ghost mark offers both
 * in a menu. The side panel owns the suggestions and talks to the store; it
 * hands the reader its accept and reject through `suggestionActions`, so
 * provenance is stored exactly as when the panel's own buttons are used.
 */
import { Compartment, Facet, type EditorState, type StateCommand } from '@codemirror/state';
import { oneLine } from '../../../annotations/text/ellipsis';
import { readerSession } from './reader-session';
import { selectedAnnotationId, statusEffect } from './reader-state';
import { drawnGhostMarks, type GhostMark } from './suggestion-marks';

/** What the suggestion panel does with one suggestion; each resolves true once the store has it. */
export interface SuggestionActions {
  accept(id: string): Promise<boolean>;
  reject(id: string): Promise<boolean>;
}

/** The panel's actions (the last given wins), or null while no panel is shown. */
export const suggestionActions = Facet.define<SuggestionActions, SuggestionActions | null>({
  combine: (values) => values[values.length - 1] ?? null,
});

/** Where the panel puts its actions while it is shown. */
export const suggestionActionsCompartment = new Compartment();

/**
 * The ghost mark the selection is on: with a bare cursor, the one it is in
 * (or at the end of); with a selection, one that holds it (`exact`: one with
 * exactly its bounds). With `labelId`, only marks of that label. The
 * shortest wins where several fit.
 */
export function ghostMarkHere(state: EditorState, options: { labelId?: string | null; exact?: boolean } = {}): GhostMark | undefined {
  const { from, to } = state.selection.main;
  const fits = drawnGhostMarks(state).filter((m) => {
    if (options.labelId && m.labelId !== options.labelId) return false;
    if (from === to) return m.start <= from && from <= m.end;
    return options.exact ? m.start === from && m.end === to : m.start <= from && to <= m.end;
  });
  return fits.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
}

function describe(mark: GhostMark, state: EditorState): string {
  return `“${oneLine(state.sliceDoc(mark.start, mark.end), 50)}” as ${mark.labelName}`;
}

/** Runs one action on a mark and says in the status line how it went. */
export function actOnGhostMark(state: EditorState, mark: GhostMark, action: 'accept' | 'reject'): boolean {
  const actions = state.facet(suggestionActions);
  if (!actions) return false;
  const session = state.facet(readerSession);
  const what = describe(mark, state);
  void actions[action](mark.id).then((done) => {
    if (done) session?.announce(action === 'accept' ? `Accepted the suggestion ${what} (from ${mark.source}).` : `Rejected the suggestion ${what}; it will not be suggested again.`);
  });
  return true;
}

/**
 * Accepts the suggestion the selection is on. With a label (its key was
 * pressed), only a suggestion of that label under a bare cursor: a label key
 * on a selection always tags the selection as made by hand (with no value
 * or entity the suggestion would bring). False when there is none, so the
 * key does what it otherwise does.
 */
export function acceptSuggestionHere(labelId: string | null): StateCommand {
  return ({ state }) => {
    if (state.field(selectedAnnotationId) !== null) return false;
    if (labelId !== null && !state.selection.main.empty) return false;
    const mark = ghostMarkHere(state, { labelId });
    return mark ? actOnGhostMark(state, mark, 'accept') : false;
  };
}

/** Rejects the suggestion the selection is on; false when there is none. */
export const rejectSuggestionHere: StateCommand = ({ state }) => {
  if (state.field(selectedAnnotationId) !== null) return false;
  const mark = ghostMarkHere(state);
  return mark ? actOnGhostMark(state, mark, 'reject') : false;
};

/** Says that the cursor is on no suggestion (for the accept and reject keys pressed elsewhere). */
export const noSuggestionHere: StateCommand = ({ state, dispatch }) => {
  if (!state.facet(suggestionActions) || state.field(selectedAnnotationId) !== null) return false;
  dispatch(state.update({ effects: statusEffect('Put the cursor on a dashed suggestion first (the Suggestions panel lists them).') }));
  return true;
};
