import { describe, expect, it } from 'vitest';
import { exactSpan, snapToWords, trimSpan, wordAt } from './word-boundaries';

const ARTICLE = "South Korea's nuclear envoy Noh Kyu-duk met his American counterpart.";

function snapped(text: string, from: number, to: number): string | null {
  const span = snapToWords(text, from, to);
  return span ? text.slice(span.start, span.end) : null;
}

describe('snapToWords', () => {
  it('widens a selection that cuts words to the whole words', () => {
    const text = 'Noh suggested terminating the working group and more';
    const from = text.indexOf('orking');
    expect(snapped(text, from, text.indexOf('group') + 3)).toBe('working group');
  });

  it('trims leading and trailing spaces and punctuation', () => {
    const text = 'He said: "the working group." Then left.';
    expect(snapped(text, text.indexOf(':'), text.indexOf('Then'))).toBe('the working group');
  });

  it('keeps apostrophes and hyphens inside a word', () => {
    expect(snapped(ARTICLE, ARTICLE.indexOf('Korea'), ARTICLE.indexOf("'s"))).toBe("Korea's");
    expect(snapped(ARTICLE, ARTICLE.indexOf('duk'), ARTICLE.indexOf('duk') + 2)).toBe('Kyu-duk');
  });

  it('keeps numbers with decimal points whole', () => {
    const text = 'growth of 3.5 percent';
    expect(snapped(text, text.indexOf('.5'), text.indexOf('5') + 1)).toBe('3.5');
  });

  it('treats an en dash between words as a boundary', () => {
    const text = 'the US–ROK working group';
    expect(snapped(text, text.indexOf('ROK'), text.indexOf('ROK') + 2)).toBe('ROK');
  });

  it('trims the carriage return of a CRLF line end', () => {
    const text = 'first line ends here\r\nsecond line';
    expect(snapped(text, text.indexOf('here'), text.indexOf('second'))).toBe('here');
  });

  it('keeps Hangul words whole and UTF-16 offsets exact', () => {
    const text = 'Ministry of Unification (통일부), said';
    const span = snapToWords(text, text.indexOf('통') + 1, text.indexOf(')') + 1);
    expect(span).toEqual({ start: text.indexOf('통'), end: text.indexOf('통') + 3 });
  });

  it('keeps an emoji, which is a symbol and not punctuation, without splitting it', () => {
    const text = 'obligation 🤝 but';
    const at = text.indexOf('🤝');
    expect(snapToWords(text, at - 1, at + 3)).toEqual({ start: at, end: at + 2 });
  });

  it('treats each Chinese or Japanese character as a word of its own', () => {
    const text = '日本政府は';
    expect(snapped(text, 1, 2)).toBe('本');
  });

  it('returns null when only spaces and punctuation are selected', () => {
    expect(snapToWords('one, two', 3, 5)).toBeNull();
    expect(snapToWords('abc', 2, 2)).toBeNull();
  });

  it('accepts the two ends in either order', () => {
    const text = 'alpha beta gamma';
    expect(snapped(text, 9, 7)).toBe('beta');
  });
});

describe('exactSpan', () => {
  it('keeps exact characters, including spaces', () => {
    expect(exactSpan('a b c', 1, 4)).toEqual({ start: 1, end: 4 });
  });

  it('widens an end that falls inside a surrogate pair', () => {
    const text = 'x🤝y';
    expect(exactSpan(text, 2, 3)).toEqual({ start: 1, end: 3 });
    expect(exactSpan(text, 0, 2)).toEqual({ start: 0, end: 3 });
  });

  it('returns null for an empty span', () => {
    expect(exactSpan('abc', 1, 1)).toBeNull();
  });
});

describe('trimSpan', () => {
  it('trims punctuation and white space but keeps symbols', () => {
    const text = ' ($5) ';
    expect(trimSpan(text, { start: 0, end: text.length })).toEqual({ start: 2, end: 4 });
  });
});

describe('wordAt', () => {
  it('finds the word under an offset or just before it', () => {
    const text = 'the working group.';
    expect(wordAt(text, 6)).toEqual({ start: 4, end: 11 });
    expect(wordAt(text, 17)).toEqual({ start: 12, end: 17 });
    expect(wordAt(text, 3)).toEqual({ start: 0, end: 3 });
    expect(wordAt('a . b', 2)).toBeNull();
  });
});
