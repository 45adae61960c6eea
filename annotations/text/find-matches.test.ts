import { describe, expect, it } from 'vitest';
import { findMatches, type SearchQuery } from './find-matches';

const PLAIN: SearchQuery = { query: '', caseSensitive: false, wholeWord: false, regexp: false };

function found(text: string, query: Partial<SearchQuery>, limit?: number): string[] {
  const result = findMatches(text, { ...PLAIN, ...query }, limit);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.ranges.map((r) => text.slice(r.start, r.end));
}

describe('findMatches', () => {
  const text = 'The group met. The working group. Groups of three. groupthink';

  it('finds plain text ignoring case by default', () => {
    expect(found(text, { query: 'group' })).toEqual(['group', 'group', 'Group', 'group']);
  });

  it('respects case when asked', () => {
    expect(found(text, { query: 'Group', caseSensitive: true })).toEqual(['Group']);
  });

  it('keeps only whole words when asked', () => {
    expect(found(text, { query: 'group', wholeWord: true })).toEqual(['group', 'group']);
  });

  it('finds a whole word that follows a partial match of itself', () => {
    expect(found('concat cat', { query: 'cat', wholeWord: true, regexp: true })).toEqual(['cat']);
  });

  it('treats regular expression characters literally in plain mode', () => {
    expect(found('a.b axb a.b', { query: 'a.b' })).toEqual(['a.b', 'a.b']);
  });

  it('searches with a regular expression', () => {
    expect(found(text, { query: 'Th(e|ree)', regexp: true, caseSensitive: true })).toEqual(['The', 'The']);
    expect(found(text, { query: 'th(e|ree)', regexp: true })).toEqual(['The', 'The', 'three']);
    expect(found(text, { query: 'gr\\w+', regexp: true })).toEqual(['group', 'group', 'Groups', 'groupthink']);
  });

  it('returns UTF-16 ranges across Hangul, emoji and CRLF', () => {
    const crlf = 'line one 🤝\r\n통일부 said';
    const result = findMatches(crlf, { ...PLAIN, query: '통일부' });
    expect(result.ok && result.value.ranges).toEqual([{ start: 13, end: 16 }]);
    expect(crlf.slice(13, 16)).toBe('통일부');
  });

  it('skips empty matches without looping forever', () => {
    expect(found('ab🤝ab', { query: 'x*', regexp: true })).toEqual([]);
    expect(found('aab', { query: 'a*', regexp: true })).toEqual(['aa']);
  });

  it('reports an invalid regular expression instead of throwing', () => {
    const result = findMatches(text, { ...PLAIN, query: '(unclosed', regexp: true });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-input');
      expect(result.error.message).toMatch(/invalid regular expression/);
    }
  });

  it('matches nothing for an empty query', () => {
    expect(found(text, { query: '' })).toEqual([]);
  });

  it('stops at the limit and says so', () => {
    const result = findMatches('a a a a', { ...PLAIN, query: 'a' }, 2);
    expect(result.ok && result.value).toEqual({ ranges: [{ start: 0, end: 1 }, { start: 2, end: 3 }], truncated: true });
  });
});
