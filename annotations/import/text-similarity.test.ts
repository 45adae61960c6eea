import { describe, expect, it } from 'vitest';
import { textSimilarity } from './text-similarity';

const ARTICLE = [
  'The foreign ministers of both countries met in Washington on 3 May to discuss sanctions.',
  'Officials in Seoul said the talks had been frank and that a joint statement would follow.',
  'A working group on humanitarian aid is to report before the end of the summer.',
  'Critics in the National Assembly asked why the meeting had not been announced earlier.',
].join('\n');

describe('textSimilarity', () => {
  it('is 1 for identical texts and symmetric', () => {
    expect(textSimilarity(ARTICLE, ARTICLE)).toBe(1);
    expect(textSimilarity('', '')).toBe(1);
    const edited = ARTICLE.replace('frank', 'candid');
    expect(textSimilarity(ARTICLE, edited)).toBeCloseTo(textSimilarity(edited, ARTICLE), 10);
  });

  it('is below 1 for any difference, however small', () => {
    expect(textSimilarity(ARTICLE, `${ARTICLE}.`)).toBeLessThan(1);
    expect(textSimilarity('a', 'b')).toBe(0);
    expect(textSimilarity('', 'text')).toBe(0);
  });

  it.each([
    ['CRLF line ends instead of LF', (t: string) => t.replace(/\n/g, '\r\n')],
    ['a typo', (t: string) => t.replace('humanitarian', 'humanitarain')],
    ['an inserted sentence', (t: string) => t.replace('\nA working', '\nThe meeting lasted three hours.\nA working')],
    ['a deleted sentence', (t: string) => t.replace(/\nA working[^\n]*/, '')],
    ['a heading added before', (t: string) => `Seoul, Tuesday\n\n${t}`],
    ['a paragraph moved to the top', (t: string) => {
      const lines = t.split('\n');
      return [lines.at(-1), ...lines.slice(0, -1)].join('\n');
    }],
  ])('stays high after %s', (_, edit) => {
    const similarity = textSimilarity(ARTICLE, edit(ARTICLE));
    expect(similarity).toBeGreaterThan(0.6);
    expect(similarity).toBeLessThan(1);
  });

  it('is at least 0.9 for the small edits that merge a document whose id matches', () => {
    expect(textSimilarity(ARTICLE, ARTICLE.replace(/\n/g, '\r\n'))).toBeGreaterThan(0.97);
    expect(textSimilarity(ARTICLE, ARTICLE.replace('humanitarian', 'humanitarain'))).toBeGreaterThan(0.97);
    expect(textSimilarity(ARTICLE, ARTICLE.replace('\nA working', '\nThe meeting lasted three hours.\nA working'))).toBeGreaterThan(0.9);
  });

  it('is low for unrelated texts, even when they share names and dates', () => {
    const other = 'Seoul and Washington will host a film festival from 3 May, with screenings in twelve cinemas and free entry for students.';
    expect(textSimilarity(ARTICLE, other)).toBeLessThan(0.45);
    expect(textSimilarity('IRF-4 is expressed in T cells.', 'Mice with deletion of IRF-4 failed to develop mature B cells.')).toBeLessThan(0.6);
  });

  it('counts Hangul, emoji and Han characters as text, whole characters at a time', () => {
    const korean = '통일부는 22일 남북 실무회의를 열었다고 밝혔다.\n회의는 판문점에서 세 시간 동안 진행됐다 🇰🇷.';
    expect(textSimilarity(korean, korean.replace('세 시간', '네 시간'))).toBeGreaterThan(0.95);
    expect(textSimilarity(korean, korean.replace('\n', '\r\n'))).toBeGreaterThan(0.95);
    // Two emoji sharing a high surrogate: the difference is one character, not half of one.
    expect(textSimilarity('Talks 😀 resumed.', 'Talks 😃 resumed.')).toBeCloseTo((2 * 15) / 34, 10);
    const chinese = '外交部发言人表示，双方在首尔举行了坦率的会谈。';
    expect(textSimilarity(chinese, chinese.replace('坦率', '友好'))).toBeGreaterThan(0.85);
    expect(textSimilarity(korean, '오늘 날씨가 맑고 바람이 불지 않는다.')).toBeLessThan(0.4);
  });

  it('returns the length bound without diffing when it is below the floor asked for', () => {
    expect(textSimilarity('short', 'a much longer text than that', 0.6)).toBeCloseTo(10 / 33, 10);
  });

  it('compares million-character texts with scattered edits in a few seconds at most, and closely', () => {
    const words = ['policy', 'talks', 'Seoul', 'Washington', 'sanctions', 'envoy', 'statement', 'aid', '통일부', '🇰🇷', 'May', 'the', 'of', 'and'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const parts: string[] = [];
    let length = 0;
    while (length < 1_000_000) {
      const sentence = Array.from({ length: 12 }, () => words[next() % words.length]).join(' ') + ` ${next()}.\r\n`;
      parts.push(sentence);
      length += sentence.length;
    }
    const long = parts.join('');
    const edited = parts.map((p, i) => (i % 500 === 0 ? p.replace('.', ', it was said.') : p)).join('').replace(/\r\n/g, '\n');
    const started = performance.now();
    const similarity = textSimilarity(long, edited);
    const elapsed = performance.now() - started;
    // Every CR dropped and a few clauses added: about 1% of the characters differ.
    expect(similarity).toBeGreaterThan(0.97);
    expect(similarity).toBeLessThan(1);
    expect(elapsed).toBeLessThan(3000);
  });
});
