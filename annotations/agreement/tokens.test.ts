import { describe, expect, it } from 'vitest';
import { spanTokenRanges, tokenize, type Tokens } from './tokens';

/** The tokens as a list of offsets. */
const spans = (tokens: Tokens) => Array.from(tokens.starts, (start, i) => ({ start, end: tokens.ends[i]! }));
const words = (text: string) => spans(tokenize(text)).map((t) => text.slice(t.start, t.end));

describe('tokenize', () => {
  it('splits on spaces, tabs and CRLF, keeping punctuation on its word', () => {
    expect(words('The IMF,\tin\r\nGeneva.')).toEqual(['The', 'IMF,', 'in', 'Geneva.']);
  });

  it('splits on every Unicode White_Space character and on nothing else (zero-width space and Mongolian vowel separator are not spaces)', () => {
    const spaces = ['\t', '\n', '\u000b', '\f', '\r', ' ', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];
    for (const space of spaces) expect(words(`국회${space}📌a`)).toEqual(['국회', '📌a']);
    for (const joiner of ['\u200b', '\u180e', '\u0084', '\u200b\u2060', '\ufeff']) expect(words(`국회${joiner}📌a`)).toEqual([`국회${joiner}📌a`]);
    expect(words('  lead and trail \r\n')).toEqual(['lead', 'and', 'trail']);
  });

  it('treats no-break and ideographic spaces as whitespace and Hangul words as tokens', () => {
    expect(words('야당은\u00a0반대했다\u3000대표단')).toEqual(['야당은', '반대했다', '대표단']);
  });

  it('keeps emoji whole, including two-character flags, in UTF-16 offsets', () => {
    const text = '👍 by 🇪🇺';
    expect(spans(tokenize(text))).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
      { start: 6, end: 10 },
    ]);
  });

  it('finds no tokens in empty or all-whitespace text', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' \r\n\t').count).toBe(0);
  });
});

describe('spanTokenRanges', () => {
  const tokens = tokenize('aa bb cc'); // [0,2) [3,5) [6,8)
  /** The tokens one span overlaps, as [first, last). */
  const overlapping = (start: number, end: number) => {
    const { first, last } = spanTokenRanges(tokens, [{ start, end }]);
    return [first[0]!, last[0]!];
  };

  it('includes a token the span only partly covers', () => {
    expect(overlapping(1, 4)).toEqual([0, 2]);
  });

  it('excludes tokens that only touch the span', () => {
    expect(overlapping(2, 6)).toEqual([1, 2]);
  });

  it('is empty for a span over whitespace only, or an empty span', () => {
    const [first, last] = overlapping(2, 3);
    expect(last! - first!).toBe(0);
    const [f2, l2] = overlapping(4, 4);
    expect(l2! - f2!).toBe(0);
  });

  it('gives each of several spans its own range, in their order', () => {
    const { first, last } = spanTokenRanges(tokens, [{ start: 6, end: 8 }, { start: 0, end: 8 }, { start: 5, end: 6 }]);
    expect([...first]).toEqual([2, 0, 2]);
    expect([...last]).toEqual([3, 3, 2]);
  });
});
