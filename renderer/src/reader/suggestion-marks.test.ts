import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { drawnGhostMarks, focusedGhostMark, focusGhostMark, ghostDecorationRanges, ghostMarks, ghostMarksOf, hasGhostMarks, setGhostMarks } from './suggestion-marks';

const text = 'Seoul and 😀 Washington\r\n통일부는 met.';
const suggestion = (id: string, start: number, end: number, labelId = 'actor') => ({ id, documentId: 'd', start, end, labelId, source: 'gazetteer' as const, sources: ['gazetteer' as const], reason: '' });
const labels = [{ id: 'actor', name: 'Actor', color: '#2563eb' }];


describe('ghost marks', () => {
  it('draws each suggestion once, in the label colour, without entering any other state, and keeps the focused one', () => {
    // As in the reader, only "\n" splits lines, so CRLF keeps its offsets.
    let state = EditorState.create({ doc: text, extensions: [ghostMarks(), EditorState.lineSeparator.of('\n')] });
    expect(hasGhostMarks(state)).toBe(true);
    const marks = ghostMarksOf([suggestion('b', 13, 23), suggestion('a', 0, 5), suggestion('c', 25, 28, 'policy-body')], labels);
    expect(marks.map((m) => [m.id, m.color, m.labelName])).toEqual([
      ['b', '#2563eb', 'Actor'],
      ['a', '#2563eb', 'Actor'],
      ['c', '#6b7280', 'policy-body'],
    ]);
    state = state.update({ effects: [setGhostMarks.of(marks), focusGhostMark.of('b')] }).state;
    expect(drawnGhostMarks(state).map((m) => state.sliceDoc(m.start, m.end))).toEqual(['Washington', 'Seoul', '통일부']);
    expect(focusedGhostMark(state)).toBe('b');
    expect(ghostDecorationRanges(state)).toEqual([
      [0, 5, 'cm-suggestion'],
      [13, 23, 'cm-suggestion cm-suggestion-focused'],
      [25, 28, 'cm-suggestion'],
    ]);
    state = state.update({ effects: focusGhostMark.of(null) }).state;
    expect(ghostDecorationRanges(state).map((r) => r[2])).toEqual(['cm-suggestion', 'cm-suggestion', 'cm-suggestion']);
    expect(state.doc.toString()).toBe(text);
  });

  it('drops marks past the end of the text instead of failing', () => {
    const state = EditorState.create({ doc: 'short', extensions: ghostMarks() }).update({ effects: setGhostMarks.of(ghostMarksOf([suggestion('x', 2, 40)], labels)) }).state;
    expect(drawnGhostMarks(state)).toHaveLength(1);
    expect(ghostDecorationRanges(state)).toEqual([]);
    expect(hasGhostMarks(EditorState.create({ doc: '' }))).toBe(false);
  });

  it('draws one outline over any character however many suggestions overlap there, and always the focused one', () => {
    const words = 'the talks in Seoul on the joint statement';
    const many = [suggestion('all', 0, words.length), ...Array.from({ length: 200 }, (_, i) => suggestion(`w${i}`, (i * 3) % 30, ((i * 3) % 30) + 4)), suggestion('seoul', 13, 18)];
    let state = EditorState.create({ doc: words, extensions: ghostMarks() }).update({ effects: setGhostMarks.of(ghostMarksOf(many, labels)) }).state;
    expect(ghostDecorationRanges(state)).toEqual([[0, words.length, 'cm-suggestion']]);
    // Every suggestion is still there for the keys at the cursor.
    expect(drawnGhostMarks(state)).toHaveLength(many.length);
    state = state.update({ effects: focusGhostMark.of('seoul') }).state;
    expect(ghostDecorationRanges(state)).toEqual([
      [0, words.length, 'cm-suggestion'],
      [13, 18, 'cm-suggestion cm-suggestion-focused'],
    ]);
  });
});
