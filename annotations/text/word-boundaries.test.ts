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
    const text = "Envoy Sean O'Brien met Noh Kyu-duk.";
    expect(snapped(text, text.indexOf('Bri'), text.indexOf('Bri') + 2)).toBe("O'Brien");
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

describe('snapToWords and possessives', () => {
  /** Selects `selected` (its first occurrence) in `text` and returns what snapping keeps. */
  const snapIn = (text: string, selected: string) => snapped(text, text.indexOf(selected), text.indexOf(selected) + selected.length);

  it.each([
    ['straight apostrophe, selection stopping before it', "Envoy Sung Kim's visit ended.", 'Sung Kim', 'Sung Kim'],
    ['straight apostrophe, selection taking it in', "Envoy Sung Kim's visit ended.", "Sung Kim's", 'Sung Kim'],
    ['curly apostrophe', 'Envoy Sung Kim’s visit ended.', 'Sung Kim’s', 'Sung Kim'],
    ['selection ending inside the possessive', "South Korea's envoy", "South Korea'", 'South Korea'],
    ['plural possessive, straight', "the ministers' statement", "ministers'", 'ministers'],
    ['plural possessive, curly', 'the ministers’ statement', 'ministers’', 'ministers'],
    ['possessive before a comma', "It was Seoul's, not Tokyo's, call.", "Seoul's,", 'Seoul'],
    ['possessive before a period', "The call was Tokyo's.", "Tokyo's.", 'Tokyo'],
    ['possessive of a hyphenated name', "Noh Kyu-duk's remarks", "Kyu-duk's", 'Kyu-duk'],
  ])('leaves out a trailing possessive: %s', (_, text, selected, expected) => {
    expect(snapIn(text, selected)).toBe(expected);
  });

  it.each([
    ['a comma', 'Seoul, Tokyo and Washington', 'Seoul,', 'Seoul'],
    ['a period', 'They met in Geneva.', 'Geneva.', 'Geneva'],
    ['a closing bracket', 'the ministry (MOFA) said', 'MOFA)', 'MOFA'],
    ['a closing straight quote', 'he called it "strategic patience" twice', 'patience"', 'patience'],
    ['closing curly quotes', 'he called it “strategic patience” twice', 'strategic patience”', 'strategic patience'],
    ['quotes on both sides', 'the ‘Freeze for Freeze’ plan', '‘Freeze for Freeze’', 'Freeze for Freeze'],
    ['a question mark and a closing quote', 'She asked: “Who decides?” twice', 'decides?”', 'decides'],
  ])('leaves out trailing punctuation: %s', (_, text, selected, expected) => {
    expect(snapIn(text, selected)).toBe(expected);
  });

  it('keeps Hangul particles, which are part of the word', () => {
    const text = '통일부는 외교부의 입장을 밝혔다';
    expect(snapIn(text, '통일부')).toBe('통일부는');
    expect(snapIn(text, '외교부의')).toBe('외교부의');
  });

  it('keeps an emoji at the end and counts UTF-16 offsets', () => {
    const text = 'the pledge 🤝, then';
    const span = snapToWords(text, text.indexOf('pledge'), text.indexOf(','));
    expect(span).toEqual({ start: text.indexOf('pledge'), end: text.indexOf(',') });
    expect(text.slice(span!.start, span!.end)).toBe('pledge 🤝');
  });

  it('keeps a word that merely ends in s after an apostrophe inside it, and words too short to hold a possessive', () => {
    expect(snapIn("the word 's' alone", "'s'")).toBe('s');
    expect(snapIn('The talks resumed.', 'talks')).toBe('talks');
  });

  it('leaves the possessive to exact-character selection', () => {
    const text = "Envoy Sung Kim's visit";
    expect(exactSpan(text, text.indexOf('Sung'), text.indexOf(' visit'))).toEqual({ start: text.indexOf('Sung'), end: text.indexOf(' visit') });
  });

  it('keeps a CRLF out and the possessive off across a line end', () => {
    const text = "met Sung Kim's\r\nteam";
    expect(snapIn(text, "Sung Kim's\r\n")).toBe('Sung Kim');
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
