import { describe, expect, it } from 'vitest';
import { metadataDraft, publishedAtProblem, readMetadataDraft } from './metadata-draft';

describe('document metadata draft', () => {
  it('accepts ISO 8601 years, months, days and times with or without an offset', () => {
    for (const value of ['2021', '2021-06', '2021-06-22', '2024-02-29', '2021-06-22T09:30', '2021-06-22T09:30:15Z', '2021-06-22T09:30:15.250+09:00', '2021-06-21T23:59:59-05:00']) {
      expect(publishedAtProblem(value), value).toBeNull();
    }
  });

  it('refuses dates that are not in the calendar or not ISO 8601, saying how to write one', () => {
    expect(publishedAtProblem('2021-02-29')).toBe('2021-02-29 is not a day of the calendar.');
    expect(publishedAtProblem('2021-13')).toBe('“2021-13” has no month 13.');
    expect(publishedAtProblem('2021-06-31T10:00')).toBe('2021-06-31 is not a day of the calendar.');
    expect(publishedAtProblem('2021-06-22T24:00')).toBe('“24:00” is not a time of day.');
    for (const value of ['22 June 2021', '2021/06/22', '21-06-22', '２０２１-06-22', '2021년 6월 22일']) {
      expect(publishedAtProblem(value), value).toMatch(/^Write the publication date as 2021-06-22/);
    }
  });

  it('keeps the fields given, trimmed, and leaves out empty ones', () => {
    expect(readMetadataDraft({ publishedAt: ' 2021-06-22 ', outlet: ' 연합뉴스 ', author: '', url: 'https://example.org/a?b=1#c' })).toEqual({
      metadata: { publishedAt: '2021-06-22', outlet: '연합뉴스', url: 'https://example.org/a?b=1#c' },
    });
    expect(readMetadataDraft(metadataDraft(undefined))).toEqual({ metadata: {} });
    const stored = { publishedAt: '2021-06', outlet: 'The Herald', author: 'Kim Ji-won', url: 'file:///articles/a.html' };
    expect(readMetadataDraft(metadataDraft(stored))).toEqual({ metadata: stored });
  });

  it('lists every problem at once: a bad date, an over-long field, an address that is none or not allowed', () => {
    expect(readMetadataDraft({ publishedAt: 'Tuesday', outlet: 'x'.repeat(501), author: '', url: 'example.org/a' })).toEqual({
      problems: [
        'Write the publication date as 2021-06-22 (or 2021-06, 2021, or 2021-06-22T09:30+09:00); “Tuesday” is not such a date.',
        'The outlet is longer than 500 characters.',
        '“example.org/a” is not a web address; write it in full, starting with https://.',
      ],
    });
    expect(readMetadataDraft({ publishedAt: '', outlet: '', author: '', url: 'javascript:alert(1)' })).toEqual({ problems: ['An address starting with javascript: cannot be kept; use http, https or file.'] });
  });
});
