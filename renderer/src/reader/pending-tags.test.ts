import { EditorState } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { addPendingTag, pendingTags, pendingTagsOf, removePendingTag } from './pending-tags';
import { TEXTS } from './reader-test-kit';

describe('pending tags', () => {
  it('holds tags until each is taken away by its span and label, and follows the text when it changes (CRLF, Hangul, emoji)', () => {
    TEXTS.forEach((text) => {
      // As in the reader, only "\n" splits lines, so a CRLF keeps its "\r" and offsets stay the stored text's.
      let state = EditorState.create({ doc: text, extensions: [pendingTags, EditorState.lineSeparator.of('\n')] });
      const [a, b] = [text.indexOf(' ') + 1, text.lastIndexOf(' ') + 1];
      const first = { start: a, end: a + 2, labelId: 'actor', lane: 0 };
      const second = { start: b, end: b + 2, labelId: 'date', lane: 1 };
      state = state.update({ effects: [addPendingTag.of({ ...first, pieces: [{ left: 1, top: 2, text: 'xx' }] }), addPendingTag.of(second)] }).state;
      // The field keeps the tag, not where it was drawn.
      expect(pendingTagsOf(state)).toEqual([first, second]);

      // Another label on the same span takes nothing away; the tag's own label does.
      state = state.update({ effects: removePendingTag.of({ ...first, labelId: 'date' }) }).state;
      expect(pendingTagsOf(state)).toHaveLength(2);
      state = state.update({ effects: removePendingTag.of(first) }).state;
      expect(pendingTagsOf(state)).toEqual([second]);

      // Text inserted before it moves it; the text replaced under it drops it.
      const inserted = '\r\n한글 🇰🇷 ';
      state = state.update({ changes: { from: 0, insert: inserted } }).state;
      expect(inserted.length).toBe(10);
      expect(pendingTagsOf(state)).toEqual([{ ...second, start: second.start + 10, end: second.end + 10 }]);
      state = state.update({ changes: { from: 0, to: state.doc.length, insert: 'other' } }).state;
      expect(pendingTagsOf(state)).toEqual([]);
    });
  });
});
