import { describe, expect, it } from 'vitest';
import { keyNameOf, pressIs, type KeyPress } from './key-names';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods });

describe('keyNameOf', () => {
  it('names a chord by the key it is on, whatever Option or Shift typed', () => {
    expect(keyNameOf(press('µ', { altKey: true, code: 'KeyM' }), 'mac')).toBe('Alt-m');
    expect(keyNameOf(press('Z', { ctrlKey: true, shiftKey: true, code: 'KeyZ' }), 'other')).toBe('Ctrl-Shift-z');
    expect(keyNameOf(press('!', { ctrlKey: true, shiftKey: true, code: 'Digit1' }), 'other')).toBe('Ctrl-Shift-1');
    expect(keyNameOf(press('ArrowDown', { altKey: true, code: 'ArrowDown' }), 'other')).toBe('Alt-ArrowDown');
  });

  it('names a character typed alone as typed, Shift included in it', () => {
    expect(keyNameOf(press('?', { shiftKey: true, code: 'Slash' }), 'other')).toBe('?');
    expect(keyNameOf(press('y', { code: 'KeyY' }), 'other')).toBe('y');
    expect(keyNameOf(press('ㅛ', { code: 'KeyY' }), 'other')).toBe('ㅛ');
    expect(keyNameOf(press(' ', { code: 'Space' }), 'other')).toBe('Space');
  });

  it('has no name for a modifier pressed alone', () => {
    for (const key of ['Shift', 'Control', 'Alt', 'Meta']) expect(keyNameOf(press(key, { shiftKey: key === 'Shift' }), 'other')).toBeUndefined();
  });
});

describe('pressIs', () => {
  it('matches a key written with Mod on either platform', () => {
    expect(pressIs(press('z', { ctrlKey: true, code: 'KeyZ' }), 'Mod-z', 'other')).toBe(true);
    expect(pressIs(press('z', { metaKey: true, code: 'KeyZ' }), 'Mod-z', 'mac')).toBe(true);
    expect(pressIs(press('z', { metaKey: true, code: 'KeyZ' }), 'Mod-z', 'other')).toBe(false);
    expect(pressIs(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod-z', 'other')).toBe(false);
  });
});
