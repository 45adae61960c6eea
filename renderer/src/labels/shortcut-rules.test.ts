import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from '../../../annotations/labels';
import { RESERVED_SHORTCUTS, shortcutRefusal } from './shortcut-rules';

const OTHERS = DEFAULT_LABELS.map(({ name, shortcut }) => ({ name, shortcut }));

describe('shortcutRefusal', () => {
  it('allows no shortcut, and any free single key in any script', () => {
    for (const key of ['', '5', 'q', 'Q', 'ㄱ', 'é', '😀', '🇰🇷'.slice(0, 2)]) expect(shortcutRefusal(key, OTHERS), key).toBeNull();
  });

  it('refuses more than one key, counting characters rather than UTF-16 units', () => {
    expect(shortcutRefusal('ab', OTHERS)).toBe('A shortcut is a single key.');
    expect(shortcutRefusal('가나', OTHERS)).toBe('A shortcut is a single key.');
    // An emoji is one key though it is two UTF-16 units; two emoji are not.
    expect(shortcutRefusal('👍', OTHERS)).toBeNull();
    expect(shortcutRefusal('👍👍', OTHERS)).toBe('A shortcut is a single key.');
  });

  it('refuses blank keys', () => {
    for (const key of [' ', '\t', '\u00a0', '\u3000']) expect(shortcutRefusal(key, OTHERS)).toBe('Space and other blank keys cannot be shortcuts.');
  });

  it('refuses the reader’s own keys in either case, saying what they do', () => {
    expect(Object.keys(RESERVED_SHORTCUTS).sort()).toEqual(['/', '?', 'e', 'l', 'r', 's', 'v']);
    expect(shortcutRefusal('?', OTHERS)).toBe('“?” is kept by the reader: it opens the reader’s keyboard help.');
    expect(shortcutRefusal('L', OTHERS)).toBe('“L” is kept by the reader: it changes the label of an annotation.');
    expect(shortcutRefusal('/', [])).toMatch(/searches the text/);
  });

  it('refuses a key another label has, in either case, naming that label', () => {
    expect(shortcutRefusal('2', OTHERS)).toBe('“2” is already the shortcut of “Policy body”.');
    expect(shortcutRefusal('A', [{ name: '행위자', shortcut: 'a' }])).toBe('“A” is already the shortcut of “행위자”.');
    // Labels without a shortcut clash with nothing.
    expect(shortcutRefusal('a', [{ name: 'Place', shortcut: '' }])).toBeNull();
  });
});
