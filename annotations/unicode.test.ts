import { describe, expect, it } from 'vitest';
import { codePointLength, OffsetMap, splitsSurrogatePair } from './unicode';

// "한" is one code unit; "🇰🇷" is two astral characters (four code units); "𝑥" is one astral character.
const text = 'Seoul 한국 🇰🇷 said\r\n𝑥 = 1';

describe('OffsetMap', () => {
  it('agrees with Array.from on every character boundary', () => {
    const map = new OffsetMap(text);
    const chars = Array.from(text);
    let utf16 = 0;
    for (let cp = 0; cp <= chars.length; cp++) {
      expect(map.toCodePoint(utf16)).toBe(cp);
      expect(map.toUtf16(cp)).toBe(utf16);
      utf16 += chars[cp]?.length ?? 0;
    }
    expect(map.codePointLength).toBe(chars.length);
    expect(codePointLength(text)).toBe(chars.length);
  });

  it('maps an offset inside a surrogate pair to the start of its character', () => {
    const map = new OffsetMap(text);
    const flag = text.indexOf('🇰🇷');
    expect(splitsSurrogatePair(text, flag + 1)).toBe(true);
    expect(map.insidePair(flag + 1)).toBe(true);
    expect(map.toCodePoint(flag + 1)).toBe(map.toCodePoint(flag));
  });

  it('treats Hangul and CRLF as one code unit per code point', () => {
    const map = new OffsetMap('통일부\r\n발표');
    expect(map.isBmpOnly).toBe(true);
    expect(map.toCodePoint(5)).toBe(5);
  });

  it('rejects offsets outside the text', () => {
    const map = new OffsetMap(text);
    expect(map.toCodePoint(-1)).toBe(-1);
    expect(map.toCodePoint(text.length + 1)).toBe(-1);
    expect(map.toUtf16(map.codePointLength + 1)).toBe(-1);
    expect(map.toUtf16(1.5)).toBe(-1);
  });
});
