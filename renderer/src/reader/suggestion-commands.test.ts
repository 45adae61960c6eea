import { EditorSelection, StateEffect } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { stepAnnotation } from './reader-commands';
import { readerUi, selectAnnotationEffect } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';
import { acceptSuggestionHere, ghostMarkHere, noSuggestionHere, rejectSuggestionHere, suggestionActions, suggestionActionsCompartment } from './suggestion-commands';
import { ghostMarks, setGhostMarks, type GhostMark } from './suggestion-marks';

/** A reader over TEXTS[2] (emoji) with two suggestions drawn and actions that record what they were asked. */
function readerWithSuggestions() {
  const text = TEXTS[2]!;
  const reader = openReader(viewOf(text, [annotate(text, 'envoy', 'actor', 'ann-0')]));
  const at = (word: string, labelId: string, labelName: string): GhostMark => {
    const start = text.indexOf(word);
    return { id: `own-tags:${start}-${start + word.length}:${labelId}`, start, end: start + word.length, source: 'own-tags', labelId, labelName, color: '#2563eb' };
  };
  const marks = [at('working group', 'policy-body', 'Policy body'), at('group', 'actor', 'Actor')];
  const asked: string[] = [];
  reader.editor.dispatch({ effects: StateEffect.appendConfig.of(ghostMarks()) });
  reader.editor.dispatch({
    effects: [
      setGhostMarks.of(marks),
      suggestionActionsCompartment.reconfigure(
        suggestionActions.of({
          accept: async (id) => (asked.push(`accept ${id}`), true),
          reject: async (id) => (asked.push(`reject ${id}`), true),
        }),
      ),
    ],
  });
  return { reader, text, marks, asked };
}

describe('ghostMarkHere', () => {
  it('finds the shortest mark around a cursor, one holding a selection, or one with exactly its bounds', () => {
    const { reader, text, marks } = readerWithSuggestions();
    const put = (from: number, to = from) => reader.editor.dispatch({ selection: EditorSelection.single(from, to) });
    put(text.indexOf('group') + 1);
    expect(ghostMarkHere(reader.editor.state)?.id).toBe(marks[1]!.id);
    expect(ghostMarkHere(reader.editor.state, { labelId: 'policy-body' })?.id).toBe(marks[0]!.id);
    put(text.indexOf('working'), text.indexOf('working') + 4);
    expect(ghostMarkHere(reader.editor.state)?.id).toBe(marks[0]!.id);
    expect(ghostMarkHere(reader.editor.state, { exact: true })).toBeUndefined();
    put(0);
    expect(ghostMarkHere(reader.editor.state)).toBeUndefined();
  });
});

describe('accepting and rejecting from the text', () => {
  it('accepts the suggestion under the cursor and says so once the store has it', async () => {
    const { reader, text, marks, asked } = readerWithSuggestions();
    reader.editor.dispatch({ selection: EditorSelection.cursor(text.indexOf('working') + 2) });
    expect(acceptSuggestionHere(null)(reader.editor)).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toEqual([`accept ${marks[0]!.id}`]);
    expect(reader.editor.state.field(readerUi).status).toBe('Accepted the suggestion “working group” as Policy body (from own-tags).');
  });

  it("accepts by a label's key only a suggestion of that label under a bare cursor; on a selection the key tags it by hand", () => {
    const { reader, text, marks, asked } = readerWithSuggestions();
    const start = text.indexOf('working group');
    reader.editor.dispatch({ selection: EditorSelection.single(start, start + 'working group'.length) });
    expect(acceptSuggestionHere('policy-body')(reader.editor)).toBe(false);
    reader.editor.dispatch({ selection: EditorSelection.cursor(start + 2) });
    expect(acceptSuggestionHere('actor')(reader.editor)).toBe(false);
    expect(acceptSuggestionHere('policy-body')(reader.editor)).toBe(true);
    expect(asked).toEqual([`accept ${marks[0]!.id}`]);
  });

  it('rejects the suggestion under the cursor; with an annotation selected, or on no suggestion, the keys pass', async () => {
    const { reader, text, marks, asked } = readerWithSuggestions();
    reader.editor.dispatch({ selection: EditorSelection.cursor(text.indexOf('group') + 2) });
    expect(rejectSuggestionHere(reader.editor)).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(asked).toEqual([`reject ${marks[1]!.id}`]);
    expect(reader.editor.state.field(readerUi).status).toBe('Rejected the suggestion “group” as Actor; it will not be suggested again.');
    stepAnnotation(1)(reader.editor);
    expect(rejectSuggestionHere(reader.editor)).toBe(false);
    expect(acceptSuggestionHere(null)(reader.editor)).toBe(false);
    reader.editor.dispatch({ selection: EditorSelection.cursor(0), effects: selectAnnotationEffect.of(null) });
    expect(rejectSuggestionHere(reader.editor)).toBe(false);
    expect(noSuggestionHere(reader.editor)).toBe(true);
    expect(reader.editor.state.field(readerUi).status).toMatch(/^Put the cursor on a dashed suggestion first/);
    expect(asked).toHaveLength(1);
  });

  it('does nothing while no panel hands its actions in', () => {
    const { reader, text } = readerWithSuggestions();
    reader.editor.dispatch({ effects: suggestionActionsCompartment.reconfigure([]), selection: EditorSelection.cursor(text.indexOf('group') + 2) });
    expect(acceptSuggestionHere(null)(reader.editor)).toBe(false);
    expect(noSuggestionHere(reader.editor)).toBe(false);
  });
});
