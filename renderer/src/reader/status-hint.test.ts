import { EditorSelection } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../annotations/labels';
import type { Label } from '../../../annotations/model';
import { stepAnnotation } from './reader-commands';
import { readerUi, statusEffect } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';
import { idleHint, labelKeyRun } from './status-hint';

const label = (id: string, shortcut: string): Label => ({ ...DEFAULT_LABELS[0]!, id, name: id, shortcut });

describe('labelKeyRun', () => {
  it('writes consecutive digits as a range, anything else as a list, and leaves out l and empty keys', () => {
    expect(labelKeyRun(DEFAULT_LABELS)).toBe('1–4');
    expect(labelKeyRun([label('a', '3'), label('b', '1'), label('c', '2')])).toBe('1–3');
    expect(labelKeyRun([label('a', '1'), label('b', '3')])).toBe('1, 3');
    expect(labelKeyRun([label('a', 'q'), label('b', ''), label('c', 'l'), label('d', '2')])).toBe('q, 2');
    expect(labelKeyRun([label('a', '5')])).toBe('5');
    expect(labelKeyRun([])).toBe('');
  });
});

describe('idleHint', () => {
  it('says nothing with nothing selected, what the label keys do with text selected, and what the keys do with an annotation selected', () => {
    const text = TEXTS[1]!;
    const reader = openReader(viewOf(text, [annotate(text, '서울과', 'actor', 'ann-0')]));
    expect(idleHint(reader.editor.state)).toBe('');
    reader.editor.dispatch({ selection: EditorSelection.single(4, 8) });
    expect(idleHint(reader.editor.state)).toMatch(/^1–4 tag the selection/);
    stepAnnotation(1)(reader.editor);
    expect(idleHint(reader.editor.state)).toMatch(/^Delete removes it, l changes its label/);
  });

  it('clears the last sentence when the analyst selects anew, so the hint shows', () => {
    const reader = openReader(viewOf(TEXTS[0]!));
    reader.editor.dispatch({ effects: statusEffect('Tagged “Seoul” as Actor.') });
    reader.editor.dispatch({ selection: EditorSelection.single(0, 3) });
    expect(reader.editor.state.field(readerUi).status).toBe('Tagged “Seoul” as Actor.');
    reader.editor.dispatch({ selection: EditorSelection.single(0, 5), userEvent: 'select.pointer' });
    expect(reader.editor.state.field(readerUi).status).toBe('');
    reader.editor.dispatch({ selection: EditorSelection.single(0, 9), userEvent: 'select', effects: statusEffect('Selected “Seoul and”.') });
    expect(reader.editor.state.field(readerUi).status).toBe('Selected “Seoul and”.');
  });
});
