import { describe, expect, it } from 'vitest';
import { findWholeWords, WholeWordFinder } from './word-matches';

const spans = (text: string, term: string, ignoreCase = false): string[] => findWholeWords(text, term, { ignoreCase }).map((m) => `${m.start}-${m.end}:${text.slice(m.start, m.end)}`);

describe('findWholeWords', () => {
  it('finds whole words only, not inside longer words', () => {
    expect(spans('Seoul and Seoulites met in Seoul.', 'Seoul')).toEqual(['0-5:Seoul', '27-32:Seoul']);
  });

  it('accepts a possessive or punctuation after the word', () => {
    expect(spans("Seoul's envoy; (Seoul) “Seoul”", 'Seoul').length).toBe(3);
  });

  it('is case-sensitive unless asked, and then keeps the text offsets', () => {
    expect(spans('SEOUL and Seoul', 'Seoul')).toEqual(['10-15:Seoul']);
    expect(spans('SEOUL and Seoul', 'Seoul', true)).toEqual(['0-5:SEOUL', '10-15:Seoul']);
    // İ lower-cases to two code units; offsets must still be those of the original text.
    expect(spans('İstanbul talks, then Ankara', 'ankara', true)).toEqual(['21-27:Ankara']);
  });

  it('gives UTF-16 offsets after emoji and across CRLF', () => {
    const text = '🇰🇷 Seoul\r\n😀 Seoul';
    expect(spans(text, 'Seoul')).toEqual(['5-10:Seoul', '15-20:Seoul']);
  });

  it('matches Hangul names with a following particle, not inside another word', () => {
    const text = '정동영은 서울에서 정동영의 입장을 밝혔다. 정동영씨가 아니라 서울대는 제외.';
    expect(spans(text, '정동영')).toEqual(['0-3:정동영', '10-13:정동영']);
    expect(spans(text, '서울')).toEqual(['5-7:서울']);
  });

  it('lets a term with punctuation at its edge match after a letter-free boundary', () => {
    expect(spans('The U.S. and the U.S.-ROK alliance', 'U.S.')).toEqual(['4-8:U.S.', '17-21:U.S.']);
  });

  it('finds overlapping occurrences of a term with punctuation edges', () => {
    expect(spans('-a-a-', '-a-')).toEqual(['0-3:-a-', '2-5:-a-']);
  });

  it('treats regular expression characters literally and ignores empty terms', () => {
    expect(spans('cost (est.) is $5 (est.)', '(est.)')).toEqual(['5-11:(est.)', '18-24:(est.)']);
    expect(spans('anything', '  ')).toEqual([]);
  });
});

describe('WholeWordFinder', () => {
  it('finds exactly what findWholeWords finds, over a family of texts and terms', () => {
    const texts = [
      'Seoul and Seoulites met in Seoul. SEOUL, seoul; Seoul\'s envoy (Seoul) “Seoul”',
      '🇰🇷 Seoul\r\n😀 Seoul\r\nSung Kim met Sung  Kim and Sung Kim-jong. The U.S. and the U.S.-ROK alliance',
      '정동영은 서울에서 정동영의 입장을 밝혔다. 정동영씨가 아니라 서울대는 제외. Chung Dong-young, chung dong-young',
      'İstanbul talks, then Ankara; ankara ANKARA. Ministry of Unification, ministry of unification',
    ];
    const terms = ['Seoul', 'seoul', 'Sung Kim', 'U.S.', 'Kim', 'Chung Dong-young', '정동영', '서울', 'Ankara', 'ankara', 'İstanbul', 'Ministry of Unification', 'of', 'Kim-jong', 'absent', '(Seoul)'];
    for (const text of texts) {
      const finder = new WholeWordFinder(text);
      for (const term of terms) {
        for (const ignoreCase of [false, true]) {
          expect([text.slice(0, 12), term, ignoreCase, finder.find(term, { ignoreCase })]).toEqual([text.slice(0, 12), term, ignoreCase, findWholeWords(text, term, { ignoreCase })]);
        }
      }
    }
  });
});
