import { EditorSelection } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { OWN_LAYER_ID } from '../../../annotations/model';
import { pendingTagsOf } from './pending-tags';
import { ownMarks } from './reader-marks';
import { beginRelabel, stepAnnotation } from './reader-commands';
import { ownAnnotations, readerUi, selectAnnotationEffect, selectedAnnotationId } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';

/** The own marks drawn, as "start-end:label": the marks in the text and the tags drawn while on their way to the store. */
function drawn(state: Parameters<typeof ownMarks.allMarks>[0]): string[] {
  return [...ownMarks.allMarks(state), ...pendingTagsOf(state)].sort((a, b) => a.start - b.start || b.end - a.end).map((m) => `${m.start}-${m.end}:${m.labelId}`);
}

/** Selects the `occurrence`-th `word` as a drag would. */
function selectWord(reader: ReturnType<typeof openReader>, word: string, occurrence = 0): { from: number; to: number } {
  const text = reader.editor.state.doc.toString();
  let from = -1;
  for (let i = 0; i <= occurrence; i++) from = text.indexOf(word, from + 1);
  const to = from + word.length;
  reader.editor.dispatch({ selection: EditorSelection.single(from, to), userEvent: 'select.pointer' });
  return { from, to };
}

const WORDS = ['Washington', '워싱턴은', 'working group'];

describe('ReaderSession', () => {
  TEXTS.forEach((text, i) => {
    const word = WORDS[i]!;
    it(`draws a tag at once, and once the store confirms it selects the new annotation and puts the cursor after it (${JSON.stringify(word)})`, async () => {
      const reader = openReader(viewOf(text));
      const { from, to } = selectWord(reader, word);
      reader.session.tag('actor');
      expect(drawn(reader.editor.state)).toEqual([`${from}-${to}:actor`]);
      // Drawn in the pending layer: the text's marks are not touched until the store answers.
      expect(pendingTagsOf(reader.editor.state)).toMatchObject([{ start: from, end: to, labelId: 'actor', lane: 0 }]);
      expect(ownMarks.allMarks(reader.editor.state)).toEqual([]);
      expect(reader.editor.state.field(ownAnnotations)).toEqual([]);

      await reader.store.answerNext();
      const [created] = reader.editor.state.field(ownAnnotations);
      expect(created).toMatchObject({ start: from, end: to, labelId: 'actor', quote: { exact: text.slice(from, to) } });
      expect(reader.editor.state.field(selectedAnnotationId)).toBe(created!.id);
      expect(reader.editor.state.selection.main.head).toBe(to);
      expect(reader.editor.state.field(readerUi).status).toContain(`Tagged “${text.slice(from, to)}” as Actor`);
      // The confirmed tag is drawn once, as a mark in the text, and no longer as a pending tag.
      expect(drawn(reader.editor.state)).toEqual([`${from}-${to}:actor`]);
      expect(pendingTagsOf(reader.editor.state)).toEqual([]);
      expect(reader.views.at(-1)!.layers[0]!.annotations).toHaveLength(1);
    });
  });

  it('never moves the selection while a pointer drag is in progress when the store confirms a tag', async () => {
    const reader = openReader(viewOf(TEXTS[0]!));
    const tagged = selectWord(reader, 'Washington');
    reader.session.tag('actor');
    // The analyst presses the mouse to start the next drag before the store answers; the drag has not
    // yet moved the selection.
    reader.session.setPointerDown(true);
    await reader.store.answerNext();
    expect(reader.editor.state.selection.main).toMatchObject({ from: tagged.from, to: tagged.to });
    expect(reader.editor.state.field(selectedAnnotationId)).toBeNull();
    expect(reader.editor.state.field(readerUi).status).toContain('Tagged “Washington”');
    expect(reader.editor.state.field(ownAnnotations)).toHaveLength(1);
    reader.session.setPointerDown(false);
    expect(reader.session.dragging).toBe(false);
  });

  it('leaves a selection made while the tag was saving where it is', async () => {
    const reader = openReader(viewOf(TEXTS[0]!));
    selectWord(reader, 'Washington');
    reader.session.tag('actor');
    const next = selectWord(reader, 'Geneva');
    await reader.store.answerNext();
    expect(reader.editor.state.selection.main).toMatchObject({ from: next.from, to: next.to });
    expect(reader.editor.state.field(selectedAnnotationId)).toBeNull();
  });

  it('takes a refused tag back, says why, and keeps what was stored', async () => {
    const text = TEXTS[2]!;
    const kept = annotate(text, 'envoy', 'actor', 'ann-kept');
    const reader = openReader(viewOf(text, [kept]));
    selectWord(reader, 'working group');
    reader.session.tag('policy-body');
    expect(drawn(reader.editor.state)).toHaveLength(2);
    reader.store.refuseNext('The store is locked by another Parley.');
    await reader.store.answerNext();
    expect(drawn(reader.editor.state)).toEqual([`${kept.start}-${kept.end}:actor`]);
    expect(reader.errors).toEqual(['Not saved, so it was taken back: The store is locked by another Parley.']);
    expect(reader.editor.state.field(ownAnnotations).map((a) => a.id)).toEqual(['ann-kept']);
    expect(reader.views).toEqual([]);
  });

  it('refuses the same tag pressed again while the first is on its way to the store, and allows it again once refused', async () => {
    const reader = openReader(viewOf(TEXTS[2]!));
    const { from, to } = selectWord(reader, 'working group');
    reader.session.tag('policy-body');
    // The store has not answered: the reader's annotations do not hold the tag yet, but the key must not tag twice.
    reader.session.tag('policy-body');
    expect(reader.editor.state.field(readerUi).status).toBe('“working group” is already tagged as Policy body.');
    expect(drawn(reader.editor.state)).toEqual([`${from}-${to}:policy-body`]);
    // Another label on the same words is another tag.
    reader.session.tag('position');
    reader.store.refuseNext('Disk full.');
    await reader.store.answerNext();
    await reader.store.answerNext();
    expect(reader.store.calls).toEqual(['addAnnotations', 'addAnnotations']);
    expect(reader.editor.state.field(ownAnnotations).map((a) => a.labelId)).toEqual(['position']);

    // The refused tag was taken back, so the same key tags again.
    reader.editor.dispatch({ selection: EditorSelection.single(from, to) });
    reader.session.tag('policy-body');
    await reader.store.answerNext();
    expect(reader.store.calls).toEqual(['addAnnotations', 'addAnnotations', 'addAnnotations']);
    expect(reader.editor.state.field(ownAnnotations).map((a) => a.labelId).sort()).toEqual(['policy-body', 'position']);
  });

  it('keeps a question in the status line, and the annotation it is about, when an answer arrives meanwhile', async () => {
    const text = TEXTS[0]!;
    const kept = annotate(text, 'Seoul', 'actor', 'ann-kept');
    const reader = openReader(viewOf(text, [kept]));
    selectWord(reader, 'Geneva');
    reader.session.tag('policy-body');
    // Before the store answers, the analyst picks the stored annotation and presses l: the status line asks for a label.
    reader.editor.dispatch({ effects: selectAnnotationEffect.of('ann-kept') });
    beginRelabel(reader.editor);
    const question = reader.editor.state.field(readerUi).status;
    expect(question).toMatch(/^Change label: press/);
    await reader.store.answerNext();
    expect(reader.editor.state.field(ownAnnotations)).toHaveLength(2);
    expect(reader.editor.state.field(readerUi).status).toBe(question);
    expect(reader.editor.state.field(selectedAnnotationId)).toBe('ann-kept');
  });

  it('steps between annotations only once a tag on its way is drawn, so the new one is among them', async () => {
    const text = TEXTS[0]!;
    const reader = openReader(viewOf(text, [annotate(text, 'Seoul', 'actor', 'ann-seoul'), annotate(text, 'Geneva', 'policy-body', 'ann-geneva')]));
    selectWord(reader, 'Washington');
    reader.session.tag('actor');
    // Before the store answers: Ctrl+Home, then Alt+↓ twice.
    reader.editor.dispatch({ selection: { anchor: 0 } });
    expect(stepAnnotation(1)(reader.editor)).toBe(true);
    expect(stepAnnotation(1)(reader.editor)).toBe(true);
    expect(reader.editor.state.field(selectedAnnotationId)).toBeNull();
    await reader.store.answerNext();
    await reader.session.settled();
    const selected = reader.editor.state.field(ownAnnotations).find((a) => a.id === reader.editor.state.field(selectedAnnotationId));
    expect(selected?.quote.exact).toBe('Washington');
  });

  it('sends changes in order: the second waits until the first is answered', async () => {
    const reader = openReader(viewOf(TEXTS[1]!));
    selectWord(reader, '서울과');
    reader.session.tag('actor');
    selectWord(reader, '제네바에서');
    reader.session.tag('policy-body');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reader.store.calls).toEqual(['addAnnotations']);
    await reader.store.answerNext();
    expect(reader.store.calls).toEqual(['addAnnotations', 'addAnnotations']);
    await reader.store.answerNext();
    expect(reader.editor.state.field(ownAnnotations).map((a) => a.quote.exact)).toEqual(['서울과', '제네바에서']);
  });

  it('hides a deleted annotation at once and brings it back if the store refuses the deletion', async () => {
    const text = TEXTS[0]!;
    const a = annotate(text, 'Seoul', 'actor', 'ann-a');
    const b = annotate(text, 'Geneva', 'policy-body', 'ann-b');
    const reader = openReader(viewOf(text, [a, b]));
    reader.session.deleteAnnotation('ann-a');
    expect(reader.editor.state.field(ownAnnotations).map((x) => x.id)).toEqual(['ann-b']);
    expect(drawn(reader.editor.state)).toEqual([`${b.start}-${b.end}:policy-body`]);
    reader.store.refuseNext('Disk full.');
    await reader.store.answerNext();
    expect(reader.editor.state.field(ownAnnotations).map((x) => x.id)).toEqual(['ann-a', 'ann-b']);
    expect(drawn(reader.editor.state)).toHaveLength(2);
    expect(reader.errors).toEqual(['Not saved, so it was taken back: Disk full.']);

    reader.session.deleteAnnotation('ann-b');
    await reader.store.answerNext();
    expect(reader.editor.state.field(ownAnnotations).map((x) => x.id)).toEqual(['ann-a']);
    expect(reader.editor.state.field(readerUi).status).toMatch(/Annotation deleted/);
  });

  it('says there is nothing to undo without asking the store, unless a change is still on its way', async () => {
    const reader = openReader(viewOf(TEXTS[0]!));
    reader.session.history('undo');
    expect(reader.store.calls).toEqual([]);
    expect(reader.editor.state.field(readerUi).status).toBe('Nothing to undo.');
    selectWord(reader, 'Seoul');
    reader.session.tag('actor');
    reader.session.history('undo');
    await reader.store.answerNext();
    expect(reader.store.calls).toEqual(['addAnnotations', 'undo']);
  });

  it('fetches the document again when a confirmed change does not fit the view it has', async () => {
    const text = TEXTS[0]!;
    const reader = openReader(viewOf(text));
    // The store holds an annotation the reader never saw; deleting it cannot be applied locally.
    const unseen = annotate(text, 'Geneva', 'actor', 'ann-unseen');
    reader.store.view = viewOf(text, [unseen]);
    reader.store.autoAnswer = true;
    reader.session.deleteAnnotation('ann-unseen');
    await reader.session.settled();
    expect(reader.store.calls).toEqual(['deleteAnnotations', 'getDocument']);
    expect(reader.views.at(-1)!.layers.find((l) => l.id === OWN_LAYER_ID)!.annotations).toEqual([]);
  });

  it('draws only what changed when the app hands in a new view of the same document', () => {
    const text = TEXTS[0]!;
    const a = annotate(text, 'Seoul', 'actor', 'ann-a');
    const reader = openReader(viewOf(text, [a]));
    const b = annotate(text, 'Geneva', 'date', 'ann-b');
    reader.session.receive(viewOf(text, [a, b]));
    expect(drawn(reader.editor.state)).toEqual([`${a.start}-${a.end}:actor`, `${b.start}-${b.end}:date`]);
    expect(reader.editor.state.field(ownAnnotations).map((x) => x.id)).toEqual(['ann-a', 'ann-b']);
  });
});
