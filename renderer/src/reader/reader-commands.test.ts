import { EditorSelection } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { beginRelabel, clearSelection, editNote, finishRelabel, moveSelectionEdge, openAdjacent, selectSpan, showShortcuts, stepAnnotation } from './reader-commands';
import { readerUi, selectAnnotationEffect, selectedAnnotationId, ownAnnotations } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';

function readerWith(text: string, words: Array<[string, string]>) {
  const annotations = words.map(([w, label], i) => annotate(text, w, label, `ann-${i}`));
  return openReader(viewOf(text, annotations.sort((a, b) => a.start - b.start)));
}

const selectedQuote = (r: ReturnType<typeof openReader>) => r.editor.state.field(ownAnnotations).find((a) => a.id === r.editor.state.field(selectedAnnotationId))?.quote.exact;

describe('stepAnnotation', () => {
  TEXTS.forEach((text) => {
    const words = text.split(/\s+/).filter((w) => /^[\p{L}]{3,}$/u.test(w)).slice(0, 3);
    it(`steps through annotations in reading order from the cursor, and wraps (${JSON.stringify(text.slice(0, 10))}…)`, () => {
      const reader = readerWith(text, words.map((w) => [w, 'actor']));
      const step = (d: 1 | -1) => expect(stepAnnotation(d)(reader.editor)).toBe(true);
      step(1);
      expect(selectedQuote(reader)).toBe(words[0]);
      expect(reader.editor.state.selection.main.head).toBe(text.indexOf(words[0]!));
      step(1);
      step(1);
      expect(selectedQuote(reader)).toBe(words[2]);
      step(1);
      expect(selectedQuote(reader)).toBe(words[0]);
      step(-1);
      expect(selectedQuote(reader)).toBe(words[2]);
      expect(reader.editor.state.field(readerUi).status).toMatch(/^Selected Actor: “/);
    });
  });

  it('starts from the cursor: backwards from the middle of the text finds the annotation before it', () => {
    const text = TEXTS[0]!;
    const reader = readerWith(text, [['Seoul', 'actor'], ['Geneva', 'policy-body'], ['sides', 'actor']]);
    reader.editor.dispatch({ selection: { anchor: text.indexOf('May') } });
    stepAnnotation(-1)(reader.editor);
    expect(selectedQuote(reader)).toBe('Geneva');
  });

  it('does nothing, and lets the key go, when there are no annotations', () => {
    const reader = readerWith(TEXTS[0]!, []);
    expect(stepAnnotation(1)(reader.editor)).toBe(false);
  });
});

describe('selection commands', () => {
  it('a new text selection by the analyst forgets the selected annotation; Escape clears both', () => {
    const text = TEXTS[0]!;
    const reader = readerWith(text, [['Seoul', 'actor']]);
    stepAnnotation(1)(reader.editor);
    expect(reader.editor.state.field(selectedAnnotationId)).toBe('ann-0');
    reader.editor.dispatch({ selection: EditorSelection.single(0, 5), userEvent: 'select.pointer' });
    expect(reader.editor.state.field(selectedAnnotationId)).toBeNull();
    reader.editor.dispatch({ effects: selectAnnotationEffect.of('ann-0') });
    expect(clearSelection(reader.editor)).toBe(true);
    expect(reader.editor.state.field(selectedAnnotationId)).toBeNull();
    expect(reader.editor.state.selection.main.empty).toBe(true);
    expect(clearSelection(reader.editor)).toBe(false);
  });

  it('relabels with l then a label key, cancels on any other key, and asks for an annotation first', () => {
    const reader = readerWith(TEXTS[0]!, [['Seoul', 'actor']]);
    beginRelabel(reader.editor);
    expect(reader.editor.state.field(readerUi)).toMatchObject({ relabelling: false, status: expect.stringMatching(/Select an annotation first/) });
    stepAnnotation(1)(reader.editor);
    beginRelabel(reader.editor);
    expect(reader.editor.state.field(readerUi)).toMatchObject({ relabelling: true, status: expect.stringMatching(/^Change label: press 1 Actor, 2 Policy body/) });
    finishRelabel('x')(reader.editor);
    expect(reader.editor.state.field(readerUi)).toMatchObject({ relabelling: false, status: 'Label change cancelled.' });
    expect(reader.store.calls).toEqual([]);
    beginRelabel(reader.editor);
    finishRelabel('2')(reader.editor);
    expect(reader.editor.state.field(readerUi).relabelling).toBe(false);
    expect(finishRelabel('2')(reader.editor)).toBe(false);
  });

  it('opens the note of the selected annotation only, and the shortcut sheet', () => {
    const reader = readerWith(TEXTS[1]!, [['서울과', 'actor']]);
    expect(editNote(reader.editor)).toBe(false);
    stepAnnotation(1)(reader.editor);
    expect(editNote(reader.editor)).toBe(true);
    expect(reader.editor.state.field(readerUi).noteFor).toBe('ann-0');
    showShortcuts(reader.editor);
    expect(reader.editor.state.field(readerUi).sheetOpen).toBe(true);
  });

  it('selects a search hit, and refuses a span outside the text or empty', () => {
    const text = TEXTS[2]!;
    const reader = readerWith(text, []);
    const start = text.indexOf('working group');
    expect(selectSpan({ start, end: start + 13 })(reader.editor)).toBe(true);
    expect(reader.editor.state.sliceDoc(reader.editor.state.selection.main.from, reader.editor.state.selection.main.to)).toBe('working group');
    expect(selectSpan({ start: 3, end: 3 })(reader.editor)).toBe(false);
    expect(selectSpan({ start: 0, end: text.length + 1 })(reader.editor)).toBe(false);
  });

  it('opens the next document only when the app offers it', () => {
    const reader = readerWith(TEXTS[0]!, []);
    expect(openAdjacent(1)(reader.editor)).toBe(false);
  });
});

describe('moveSelectionEdge', () => {
  const cases: Array<{ text: string; from: string; grown: string; shrunk: string }> = [
    { text: TEXTS[0]!, from: 'Seoul', grown: 'Seoul and', shrunk: 'Seoul' },
    { text: TEXTS[1]!, from: '서울과', grown: '서울과 워싱턴은', shrunk: '서울과' },
    { text: TEXTS[2]!, from: 'envoy', grown: 'envoy 🇰🇷 spoke', shrunk: 'envoy' },
  ];
  for (const c of cases) {
    it(`grows the end by a word and shrinks it back (${c.grown})`, () => {
      const reader = readerWith(c.text, []);
      const at = c.text.indexOf(c.from);
      reader.editor.dispatch({ selection: EditorSelection.single(at, at + c.from.length) });
      const selected = () => reader.editor.state.sliceDoc(reader.editor.state.selection.main.from, reader.editor.state.selection.main.to);
      expect(moveSelectionEdge('end', 1)(reader.editor)).toBe(true);
      expect(selected()).toBe(c.grown);
      expect(moveSelectionEdge('end', -1)(reader.editor)).toBe(true);
      expect(selected()).toBe(c.shrunk);
      // Never to nothing.
      expect(moveSelectionEdge('end', -1)(reader.editor)).toBe(false);
      expect(selected()).toBe(c.shrunk);
    });
  }

  it('moves the start edge back over the previous word and forward again, across a CRLF', () => {
    const text = TEXTS[0]!;
    const reader = readerWith(text, []);
    const at = text.indexOf('Both');
    reader.editor.dispatch({ selection: EditorSelection.single(at, at + 'Both sides'.length) });
    const selected = () => reader.editor.state.sliceDoc(reader.editor.state.selection.main.from, reader.editor.state.selection.main.to);
    moveSelectionEdge('start', -1)(reader.editor);
    expect(selected()).toBe('May.\r\nBoth sides');
    moveSelectionEdge('start', 1)(reader.editor);
    expect(selected()).toBe('Both sides');
    moveSelectionEdge('start', 1)(reader.editor);
    expect(selected()).toBe('sides');
    expect(moveSelectionEdge('start', 1)(reader.editor)).toBe(false);
  });
});
