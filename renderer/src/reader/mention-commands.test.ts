import { EditorSelection } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../annotations/model';
import { stepMention } from './mention-commands';
import { readerUi } from './reader-state';
import { annotate, openReader, viewOf } from './reader-test-kit';
import { setEntities } from './statement-state';

const selected = (reader: ReturnType<typeof openReader>) => {
  const { from, to } = reader.editor.state.selection.main;
  return reader.editor.state.sliceDoc(from, to);
};

describe('stepMention', () => {
  it('walks the untagged mentions of a tagged text and of known entities, wrapping, past CRLF, Hangul and emoji', () => {
    const text = 'Seoul 🇰🇷 and 정동영의 aides met.\r\nLater Seoul 🤝 replied; 정동영 said Seoul would wait.';
    const reader = openReader(viewOf(text, [annotate(text, 'Seoul', 'actor', 'ann-0')]));
    const chung: Entity = { id: 'e-chung', name: 'Chung Dong-young', aliases: ['정동영'], kind: 'actor' };
    reader.editor.dispatch({ effects: setEntities.of([chung]) });
    const step = (d: 1 | -1) => expect(stepMention(d)(reader.editor)).toBe(true);
    step(1);
    expect(selected(reader)).toBe('정동영');
    expect(reader.editor.state.selection.main.from).toBe(text.indexOf('정동영'));
    expect(reader.editor.state.field(readerUi).status).toBe('Untagged mention 1 of 4: “정동영”, known as Actor. 1 tags it.');
    step(1);
    expect([selected(reader), reader.editor.state.selection.main.from]).toEqual(['Seoul', text.indexOf('Seoul', 1)]);
    step(1);
    step(1);
    expect([selected(reader), reader.editor.state.selection.main.from]).toEqual(['Seoul', text.lastIndexOf('Seoul')]);
    step(1);
    expect(reader.editor.state.field(readerUi).status).toBe('Untagged mention 1 of 4 (wrapped around): “정동영”, known as Actor. 1 tags it.');
    step(-1);
    expect(reader.editor.state.field(readerUi).status).toMatch(/^Untagged mention 4 of 4 \(wrapped around\): “Seoul”/);
  });

  it('starts from the cursor and says so when nothing is known', () => {
    const text = 'Geneva talks. Geneva again. Geneva once more.';
    const reader = openReader(viewOf(text));
    stepMention(1)(reader.editor);
    expect(reader.editor.state.field(readerUi).status).toMatch(/^No untagged mention of a known name/);
    expect(reader.editor.state.selection.main.empty).toBe(true);
    reader.editor.dispatch({ effects: setEntities.of([{ id: 'g', name: 'Geneva', aliases: [], kind: 'policy-body' }]) });
    reader.editor.dispatch({ selection: EditorSelection.cursor(text.indexOf('again')) });
    stepMention(1)(reader.editor);
    expect(reader.editor.state.selection.main.from).toBe(text.lastIndexOf('Geneva'));
    expect(reader.editor.state.field(readerUi).status).toBe('Untagged mention 3 of 3: “Geneva”, known as Policy body. 2 tags it.');
  });
});
