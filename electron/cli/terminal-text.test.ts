import { describe, expect, it } from 'vitest';
import { forTerminal, REPLACEMENT } from './terminal-text';

describe('forTerminal', () => {
  const hostile: Array<[string, string]> = [
    ['a colour escape', 'Red \x1b[31mtitle\x1b[0m'],
    ['a cursor move that hides the line', 'ok\x1b[2K\x1b[1Gfake'],
    ['a window-title OSC ended by BEL', '\x1b]0;owned\x07Seoul'],
    ['a hyperlink OSC ended by ST', '\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\'],
    ['an 8-bit CSI', 'x\x9b31my'],
    ['a bell, a backspace and DEL', 'a\x07b\x08c\x7fd'],
    ['a lone carriage return that rewrites the line', 'safe\rEVIL'],
    ['NUL and vertical tab', 'a\x00b\x0bc'],
  ];
  for (const [name, text] of hostile) {
    it(`replaces ${name}`, () => {
      const shown = forTerminal(text);
      // eslint-disable-next-line no-control-regex
      expect(shown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
      expect(shown).toContain(REPLACEMENT);
    });
  }

  it('keeps the visible text around an escape sequence', () => {
    expect(forTerminal('Red \x1b[31mtitle\x1b[0m')).toBe(`Red ${REPLACEMENT}title${REPLACEMENT}`);
    expect(forTerminal('\x1b]0;owned\x07Seoul')).toBe(`${REPLACEMENT}Seoul`);
  });

  it('stops an unterminated OSC at the end of its line', () => {
    expect(forTerminal('\x1b]0;never ends\nnext line')).toBe(`${REPLACEMENT}\nnext line`);
  });

  it('leaves ordinary text alone: tabs, newlines, CRLF, Hangul, emoji, accents', () => {
    const text = 'Sung Kim\tmet 통일부 officials 🇰🇷 in Séoul.\r\nNext line\nlast';
    expect(forTerminal(text)).toBe(text);
  });
});
