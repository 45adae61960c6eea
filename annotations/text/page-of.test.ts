import { describe, expect, it } from 'vitest';
import { pageOf } from './page-of';

describe('pageOf', () => {
  // "첫 쪽 😀\n\n둘째 쪽\n\n셋째": pages over UTF-16 offsets, the emoji counting two.
  const text = '첫 쪽 😀\n\n둘째 쪽\n\n셋째';
  const pages = [
    { start: 0, end: 6 },
    { start: 8, end: 12 },
    { start: 14, end: 16 },
  ];

  it('gives the page an offset lies on, counting from 1', () => {
    expect(text.slice(pages[1]!.start, pages[1]!.end)).toBe('둘째 쪽');
    expect(pageOf(pages, 0)).toBe(1);
    expect(pageOf(pages, text.indexOf('😀'))).toBe(1);
    expect(pageOf(pages, text.indexOf('둘째'))).toBe(2);
    expect(pageOf(pages, text.indexOf('셋째') + 1)).toBe(3);
  });

  it('counts the gap after a page to that page, and the text end to the last', () => {
    expect(pageOf(pages, 7)).toBe(1);
    expect(pageOf(pages, 13)).toBe(2);
    expect(pageOf(pages, text.length)).toBe(3);
  });

  it('skips empty pages that start where the next one does', () => {
    expect(pageOf([{ start: 0, end: 5 }, { start: 7, end: 7 }, { start: 7, end: 12 }], 8)).toBe(3);
  });

  it('gives nothing without pages, or before the first', () => {
    expect(pageOf(undefined, 3)).toBeUndefined();
    expect(pageOf([], 3)).toBeUndefined();
    expect(pageOf([{ start: 5, end: 9 }], 2)).toBeUndefined();
  });

  it('finds pages in a long report quickly', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ start: i * 100, end: i * 100 + 98 }));
    for (const n of [1, 2, 2500, 5000]) expect(pageOf(many, (n - 1) * 100 + 50)).toBe(n);
  });
});
