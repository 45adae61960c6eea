import type { EditorView } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { runHistoryKeys } from './reader-keymap';
import { readerUi } from './reader-state';
import { openReader, TEXTS, viewOf } from './reader-test-kit';

/** A key press as the browser reports it; only what the handler reads. */
function press(key: string, mods: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean }): KeyboardEvent & { prevented: boolean } {
  const event = { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods, prevented: false, preventDefault() { event.prevented = true; } };
  return event as unknown as KeyboardEvent & { prevented: boolean };
}

describe('runHistoryKeys', () => {
  const cases: Array<[string, Parameters<typeof press>[1], string]> = [
    ['z', { ctrlKey: true }, 'Nothing to undo.'],
    ['z', { metaKey: true }, 'Nothing to undo.'],
    // Shift may or may not change the letter's case; either way it is redo.
    ['Z', { ctrlKey: true, shiftKey: true }, 'Nothing to redo.'],
    ['z', { ctrlKey: true, shiftKey: true }, 'Nothing to redo.'],
    ['y', { ctrlKey: true }, 'Nothing to redo.'],
  ];
  for (const [key, mods, status] of cases) {
    it(`takes ${JSON.stringify(mods)} ${key} as ${status.includes('undo') ? 'undo' : 'redo'}`, () => {
      const reader = openReader(viewOf(TEXTS[0]!));
      const event = press(key, mods);
      expect(runHistoryKeys(reader.editor as unknown as EditorView, event)).toBe(true);
      expect(event.prevented).toBe(true);
      expect(reader.editor.state.field(readerUi).status).toBe(status);
    });
  }

  it('leaves other keys alone: without Ctrl or Cmd, with Alt, or another letter', () => {
    const reader = openReader(viewOf(TEXTS[0]!));
    for (const event of [press('z', {}), press('z', { ctrlKey: true, altKey: true }), press('x', { ctrlKey: true })]) {
      expect(runHistoryKeys(reader.editor as unknown as EditorView, event)).toBe(false);
      expect(event.prevented).toBe(false);
    }
    expect(reader.editor.state.field(readerUi).status).toBe('');
  });
});
