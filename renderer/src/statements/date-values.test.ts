import { describe, expect, it } from 'vitest';
import { createDocument } from '../../../annotations/document';
import { dateValueProblem, referenceDate, suggestDate } from './date-values';

describe('date values in the reader', () => {
  it('reads dates relative to the publication date, else the import date', () => {
    const imported = createDocument({ title: 'Talks', source: 'talks.txt', text: 'x', now: '2021-06-25T08:00:00.000Z', id: 'd' });
    expect(referenceDate(imported)).toBe('2021-06-25T08:00:00.000Z');
    const published = { ...imported, metadata: { publishedAt: '2021-06-23' } };
    expect(referenceDate(published)).toBe('2021-06-23');
    expect(suggestDate('22 June 2021', referenceDate(published))).toBe('2021-06-22');
    expect(suggestDate('2021년 6월 22일', referenceDate(published))).toBe('2021-06-22');
    expect(suggestDate('the envoy', referenceDate(published))).toBeNull();
  });

  it('accepts days, months, years and ranges, and says why anything else is not one', () => {
    for (const value of ['2021-06-22', '2021-06', '2021', '2021-06-01/2021-12-31']) expect(dateValueProblem(value), value).toBeNull();
    for (const value of ['22/06/2021', '2021-02-29', '2021-12-31/2021-01-01', ' 2021']) expect(dateValueProblem(value), value).toMatch(/^Not a date value: /);
  });
});
