import { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { colleagueLayerId, type AnnotationLayer } from '../../../annotations/model';
import { describeAnnotationsAt } from './annotation-announcer';
import { setOverlayLayers } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';

/** Moves the cursor and returns what was announced. */
function moveTo(reader: ReturnType<typeof openReader>, pos: number): string[] {
  const tr = reader.editor.state.update({ selection: { anchor: pos }, userEvent: 'select' });
  reader.editor.dispatch(tr);
  return tr.effects.filter((e) => e.is(EditorView.announce)).map((e) => e.value as string);
}

describe('annotationAnnouncer', () => {
  TEXTS.forEach((text) => {
    const [outer, inner] = text.startsWith('서울') ? ['서울과 워싱턴은', '워싱턴은'] : text.startsWith('Seoul') ? ['Seoul and Washington', 'Washington'] : ['working group', 'group'];
    it(`announces the label and layer of the annotations the cursor enters, innermost first, once (${JSON.stringify(outer)})`, () => {
      const a = annotate(text, outer, 'position', 'ann-outer');
      const b = annotate(text, inner, 'actor', 'ann-inner');
      const reader = openReader(viewOf(text, [a, b].sort((x, y) => x.start - y.start)));
      const theirs: AnnotationLayer = { id: colleagueLayerId('ben'), kind: 'colleague', author: 'ben', annotations: [annotate(text, inner, 'policy-body', 'ann-ben')] };
      reader.editor.dispatch({ effects: setOverlayLayers.of([theirs]) });

      moveTo(reader, text.length);
      expect(moveTo(reader, a.start)).toEqual([`Position, your layer: “${outer}”`]);
      // Still inside the same annotations: nothing new to say.
      expect(moveTo(reader, a.start + 1)).toEqual([]);
      expect(moveTo(reader, b.start)).toEqual([`Actor, your layer: “${inner}”; Position, your layer: “${outer}”; Policy body, ben’s layer: “${inner}”`]);
      expect(moveTo(reader, text.length)).toEqual([]);
      expect(describeAnnotationsAt(reader.editor.state, text.length)).toBe('');
    });
  });
});
