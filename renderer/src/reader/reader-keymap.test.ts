import { EditorSelection } from '@codemirror/state';
import type { EditorView, KeyBinding } from '@codemirror/view';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../annotations/labels';
import { effectiveBindings, type KeyOverrides } from '../../../shared/key-bindings';
import { stepAnnotation } from './reader-commands';
import { readerKeyBindings, runHistoryKeys } from './reader-keymap';
import { ownAnnotations, readerConfig, readerUi, selectedAnnotationId, setReaderConfig } from './reader-state';
import { annotate, openReader, TEXTS, viewOf } from './reader-test-kit';
import { idleHint } from './status-hint';

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

describe('the keymap from the settings', () => {
  const rebound = (overrides: KeyOverrides) => {
    const text = TEXTS[0]!;
    const reader = openReader(viewOf(text, [annotate(text, 'Seoul', 'actor', 'ann-0'), annotate(text, 'Geneva', 'policy-body', 'ann-1')]));
    reader.editor.dispatch({ effects: setReaderConfig.of({ keyOverrides: overrides }) });
    const { labels, keys } = reader.editor.state.field(readerConfig);
    return { reader, bindings: readerKeyBindings(labels, keys) };
  };
  const run = (reader: ReturnType<typeof openReader>, binding: KeyBinding | undefined) => binding!.run!(reader.editor as unknown as EditorView);

  it("binds a rebound command to the analyst's key only, and keeps the other defaults", () => {
    const { reader, bindings } = rebound({ 'next-annotation': 'Alt-j' });
    expect(bindings.filter((b) => b.key === 'Alt-ArrowDown')).toEqual([]);
    expect(run(reader, bindings.find((b) => b.key === 'Alt-j'))).toBe(true);
    expect(reader.editor.state.field(selectedAnnotationId)).toBe('ann-0');
    expect(bindings.some((b) => b.key === 'Alt-ArrowUp')).toBe(true);
    expect(bindings.find((b) => b.key === 'Mod-f')?.scope).toBe('editor reader');
  });

  it('names the rebound keys in the status line', () => {
    const { reader } = rebound({ 'next-annotation': 'Alt-j', delete: 'x', 'grow-end': 'Alt-Shift-l', 'shrink-end': 'Alt-Shift-h' });
    reader.editor.dispatch({ selection: EditorSelection.single(0, 5) });
    expect(idleHint(reader.editor.state)).toBe('1–4 tag the selection · Alt+Shift+L/H grow or shrink it by a word · Escape clears it');
    stepAnnotation(1)(reader.editor);
    expect(idleHint(reader.editor.state)).toMatch(/^x removes it, l changes its label, Enter edits its note, Alt\+J goes to the next\.$/);
  });

  it('gives a label key back to its label when the label-change key is moved off it', async () => {
    const withL = { labels: [{ ...DEFAULT_LABELS[0]!, shortcut: 'l' }] };
    const text = TEXTS[0]!;
    const reader = openReader(viewOf(text), withL);
    const before = readerKeyBindings(withL.labels, reader.editor.state.field(readerConfig).keys);
    expect(before.filter((b) => b.key === 'l')).toHaveLength(1);
    reader.editor.dispatch({ effects: setReaderConfig.of({ keyOverrides: { relabel: 'Alt-l' } }) });
    const after = readerKeyBindings(withL.labels, reader.editor.state.field(readerConfig).keys);
    reader.editor.dispatch({ selection: EditorSelection.single(0, 5) });
    expect(run(reader, after.find((b) => b.key === 'l'))).toBe(true);
    await reader.store.answerNext();
    expect(reader.store.calls).toEqual(['addAnnotations']);
    expect(reader.editor.state.field(ownAnnotations).map((a) => `${a.quote.exact}=${a.labelId}`)).toEqual(['Seoul=actor']);
  });

  it('undoes and redoes by rebound keys, and no longer by the old ones', () => {
    const { reader } = rebound({ undo: 'Alt-u', redo: 'Alt-Shift-u' });
    const editor = reader.editor as unknown as EditorView;
    expect(runHistoryKeys(editor, press('z', { ctrlKey: true }))).toBe(false);
    expect(runHistoryKeys(editor, press('u', { altKey: true }))).toBe(true);
    expect(reader.editor.state.field(readerUi).status).toBe('Nothing to undo.');
    expect(runHistoryKeys(editor, press('U', { altKey: true, shiftKey: true }))).toBe(true);
    expect(reader.editor.state.field(readerUi).status).toBe('Nothing to redo.');
  });

  it("lets a label's key win over a command's default key, but not over a key the analyst chose", () => {
    const labels = [{ ...DEFAULT_LABELS[0]!, shortcut: 'y' }];
    const defaults = readerKeyBindings(labels, effectiveBindings({}));
    expect(defaults.filter((b) => b.key === 'y')).toHaveLength(1);
    expect(defaults.find((b) => b.key === 'n')).toBeDefined();
    const chosen = readerKeyBindings(labels, effectiveBindings({ 'reject-suggestion': 'y' }), { 'reject-suggestion': 'y' }).filter((b) => b.key === 'y');
    expect(chosen).toHaveLength(2);
    // The first is the command's: with no suggestion panel it passes, where the label's would tag.
    const reader = openReader(viewOf(TEXTS[0]!), { labels });
    reader.editor.dispatch({ selection: EditorSelection.single(0, 5) });
    expect(run(reader, chosen[0])).toBe(false);
    expect(run(reader, chosen[1])).toBe(true);
  });
});
