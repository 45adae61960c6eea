import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../annotations/labels';
import type { Label } from '../annotations/model';
import { bindingConflict, effectiveBindings, keyLabel, keyOverrideProblems, labelKeys, normalizeKey, READER_COMMANDS } from './key-bindings';

describe('normalizeKey', () => {
  it('gives every spelling of a key one name: Mod for the platform, modifiers in order, letters with Ctrl in lower case', () => {
    expect(normalizeKey('Mod-f', 'other')).toBe('Ctrl-f');
    expect(normalizeKey('Mod-f', 'mac')).toBe('Meta-f');
    expect(normalizeKey('Shift-Alt-Ctrl-ArrowLeft', 'other')).toBe('Ctrl-Alt-Shift-ArrowLeft');
    expect(normalizeKey('Mod-Alt-Shift-ArrowLeft', 'other')).toBe('Ctrl-Alt-Shift-ArrowLeft');
    expect(normalizeKey('Ctrl-Shift-Z', 'other')).toBe('Ctrl-Shift-z');
    expect(normalizeKey('s-a-c-m', 'other')).toBe('Ctrl-Alt-Shift-m');
    // A character typed without Ctrl, Alt or Cmd already says whether Shift was down.
    expect(normalizeKey('Shift-?', 'other')).toBe('?');
    expect(normalizeKey('Shift-A', 'other')).toBe('A');
    expect(normalizeKey(' ', 'other')).toBe('Space');
    expect(normalizeKey('Ctrl--', 'other')).toBe('Ctrl--');
    expect(normalizeKey('한', 'other')).toBe('한');
  });

  it('refuses what is not a key: nothing after the modifiers, an unknown modifier or named key, white space', () => {
    for (const bad of ['', 'Ctrl-', 'Hyper-a', 'Ctrl-Banana', 'Ctrl-\t', '\n']) expect(normalizeKey(bad, 'other')).toBeUndefined();
  });
});

describe('keyLabel', () => {
  it('writes keys as the sheet shows them', () => {
    expect(keyLabel('Alt-ArrowDown', 'other')).toBe('Alt+↓');
    expect(keyLabel('Mod-f', 'other')).toBe('Ctrl+F');
    expect(keyLabel('Mod-f', 'mac')).toBe('⌘+F');
    expect(keyLabel('?', 'other')).toBe('?');
    expect(keyLabel('Mod-Shift-z', 'other')).toBe('Ctrl+Shift+Z');
  });
});

describe('effectiveBindings', () => {
  it('keeps the defaults of commands left out and replaces the keys of rebound ones', () => {
    const keys = effectiveBindings({ 'next-annotation': 'Alt-j', delete: 'x' });
    expect(keys['next-annotation']).toEqual(['Alt-j']);
    expect(keys.delete).toEqual(['x']);
    expect(keys['previous-annotation']).toEqual(['Alt-ArrowUp']);
    expect(Object.keys(keys)).toEqual(READER_COMMANDS.map((c) => c.id));
  });

  it('has no key bound to two commands by default, and none that a default label holds', () => {
    expect(keyOverrideProblems({}, labelKeys(DEFAULT_LABELS), 'other')).toEqual([]);
    for (const platform of ['mac', 'other'] as const) {
      const all = READER_COMMANDS.flatMap((c) => c.keys.map((k) => normalizeKey(k, platform)));
      expect(all.every((k) => k !== undefined)).toBe(true);
      expect(new Set(all).size).toBe(all.length);
      const labelKeyNames = new Set(labelKeys(DEFAULT_LABELS).map((t) => t.key));
      expect(all.filter((k) => labelKeyNames.has(k!))).toEqual([]);
    }
  });
});

describe('bindingConflict', () => {
  const taken = labelKeys(DEFAULT_LABELS);

  it('refuses a key another command has, naming that command, in any spelling', () => {
    expect(bindingConflict({}, 'next-mention', 'Alt-ArrowDown', taken, 'other')).toBe('Alt+↓ is already bound to “Select the next annotation”. Give that command another key first.');
    expect(bindingConflict({}, 'next-mention', 'Control-F', taken, 'other')).toMatch(/^Ctrl\+F is already bound to “Search the document/);
    expect(bindingConflict({}, 'next-mention', 'Backspace', taken, 'other')).toMatch(/“Delete the selected annotation”/);
    // Cmd+F is search on a Mac; elsewhere Meta+F is free.
    expect(bindingConflict({}, 'next-mention', 'Meta-f', taken, 'mac')).toMatch(/Search the document/);
    expect(bindingConflict({}, 'next-mention', 'Meta-f', taken, 'other')).toBeUndefined();
  });

  it("refuses a key another command was rebound to, and frees a rebound command's old key", () => {
    const overrides = { 'next-annotation': 'Alt-j' } as const;
    expect(bindingConflict(overrides, 'next-mention', 'Alt-j', taken, 'other')).toMatch(/“Select the next annotation”/);
    expect(bindingConflict(overrides, 'next-mention', 'Alt-ArrowDown', taken, 'other')).toBeUndefined();
  });

  it("refuses a label's or an attribute's key, naming it; a command may keep its own key", () => {
    expect(bindingConflict({}, 'relabel', '1', taken, 'other')).toBe('1 is already the label Actor\'s key.');
    const withAttribute: Label[] = [{ ...DEFAULT_LABELS[0]!, attributes: [{ id: 'stance', name: 'Stance', type: 'choice', shortcut: 'p', options: [] } as never] }];
    expect(bindingConflict({}, 'relabel', 'p', labelKeys(withAttribute), 'other')).toMatch(/the attribute Stance of Actor/);
    expect(bindingConflict({}, 'next-annotation', 'Alt-ArrowDown', taken, 'other')).toBeUndefined();
  });

  it('refuses Tab, Shift+Tab and Escape, and what is not a key', () => {
    expect(bindingConflict({}, 'delete', 'Tab', taken, 'other')).toMatch(/kept for moving between parts of the window/);
    expect(bindingConflict({}, 'delete', 'Shift-Tab', taken, 'other')).toMatch(/kept/);
    expect(bindingConflict({}, 'delete', 'Escape', taken, 'other')).toMatch(/kept/);
    expect(bindingConflict({}, 'delete', 'Ctrl-', taken, 'other')).toMatch(/not a key Parley can bind/);
  });
});

describe('keyOverrideProblems', () => {
  it('names each command whose key is taken; two commands on one key are both reported', () => {
    const problems = keyOverrideProblems({ 'next-mention': 'Alt-k', 'previous-mention': 'Alt-k' }, [], 'other');
    expect(problems).toEqual([
      'Select the next untagged mention of a known name (a label key then tags it): Alt+K is already bound to “Select the previous untagged mention of a known name”. Give that command another key first.',
      'Select the previous untagged mention of a known name: Alt+K is already bound to “Select the next untagged mention of a known name (a label key then tags it)”. Give that command another key first.',
    ]);
  });
});
