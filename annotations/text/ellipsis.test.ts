import { describe, expect, it } from 'vitest';
import { ellipsis, oneLine } from './ellipsis';

describe('ellipsis', () => {
  it('leaves text that fits alone, up to exactly the limit', () => {
    expect(ellipsis('Seoul', 5)).toBe('Seoul');
    expect(ellipsis('', 3)).toBe('');
  });

  it('cuts longer text to the limit, the ellipsis included', () => {
    const cut = ellipsis('The envoys met in Geneva on Tuesday.', 12);
    expect(cut).toBe('The envoys…');
    expect(cut.length).toBeLessThanOrEqual(12);
    expect(ellipsis('Washington', 6)).toBe('Washi…');
  });

  it('drops spaces left before the ellipsis', () => {
    expect(ellipsis('Seoul and Washington', 7)).toBe('Seoul…');
  });

  it('never splits a surrogate pair: an emoji or a rare CJK character is kept whole or left out', () => {
    for (const text of ['ab🇰🇷cd', 'a😀bcdef', '𠮷𠮷𠮷𠮷', 'x🤝y🤝z🤝']) {
      for (let max = 1; max < text.length; max++) {
        const cut = ellipsis(text, max);
        expect(cut.length, `${text} at ${max}`).toBeLessThanOrEqual(max);
        expect(cut.endsWith('…')).toBe(true);
        // A lone surrogate would not survive a round trip through UTF-8.
        expect(new TextDecoder().decode(new TextEncoder().encode(cut)), `${text} at ${max}`).toBe(cut);
        expect(text.startsWith(cut.slice(0, -1).trimEnd())).toBe(true);
      }
    }
  });

  it('keeps Hangul syllables whole (each is one code unit)', () => {
    expect(ellipsis('통일부 관계자는 회담이 중단되었다고 말했다', 8)).toBe('통일부 관계자…');
  });

  it('gives at least the ellipsis for a limit below 2', () => {
    expect(ellipsis('Geneva', 1)).toBe('…');
    expect(ellipsis('Geneva', 0)).toBe('…');
  });
});

describe('oneLine', () => {
  it('puts text on one line before shortening: CRLF, tabs and runs of spaces become one space', () => {
    expect(oneLine('  Seoul\r\nand\tWashington  ', 40)).toBe('Seoul and Washington');
    expect(oneLine('Seoul\r\n\r\nand Washington agreed', 12)).toBe('Seoul and W…');
  });
});
