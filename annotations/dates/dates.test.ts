import { describe, expect, it } from 'vitest';
import { datePrecision, parseDateValue } from './date-value';
import { referenceDay, suggestDateValue } from './suggest-date-value';

describe('parseDateValue', () => {
  it('reads days, months, years and ranges with their first and last day', () => {
    expect(parseDateValue('2021-06-22')).toEqual({ ok: true, value: { start: '2021-06-22', end: '2021-06-22', precision: 'day' } });
    expect(parseDateValue('2024-02')).toEqual({ ok: true, value: { start: '2024-02-01', end: '2024-02-29', precision: 'month' } });
    expect(parseDateValue('2023-02')).toEqual({ ok: true, value: { start: '2023-02-01', end: '2023-02-28', precision: 'month' } });
    expect(parseDateValue('2021')).toEqual({ ok: true, value: { start: '2021-01-01', end: '2021-12-31', precision: 'year' } });
    expect(parseDateValue('2021-06-01/2021-12-31')).toEqual({ ok: true, value: { start: '2021-06-01', end: '2021-12-31', precision: 'range' } });
    expect(parseDateValue('2021-06/2022')).toEqual({ ok: true, value: { start: '2021-06-01', end: '2022-12-31', precision: 'range' } });
  });

  it.each([
    ['22/06/2021', 'not an ISO 8601 date'],
    ['2021-6-22', 'not an ISO 8601 date'],
    ['21', 'not an ISO 8601 date'],
    ['', 'not an ISO 8601 date'],
    [' 2021', 'not an ISO 8601 date'],
    ['2021-13', 'no month 13'],
    ['2021-02-29', 'has no day 29'],
    ['2021-04-31', 'has no day 31'],
    ['2021-12-31/2021-06-01', 'ends before it starts'],
    ['2021-06-01/', 'not an ISO 8601 date'],
    ['2021-06-01/2021-07-01/2021-08-01', 'not an ISO 8601 date'],
  ])('refuses %j, saying why', (value, why) => {
    const parsed = parseDateValue(value);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining(why) });
  });

  it('gives the precision of a value, or undefined for one that is not a value', () => {
    expect(['2021-06-22', '2021-06', '2021', '2021-06-22/2021-06-30', 'June'].map(datePrecision)).toEqual(['day', 'month', 'year', 'range', undefined]);
    expect(parseDateValue('2024-02-29').ok).toBe(true);
  });
});

describe('suggestDateValue', () => {
  // Wednesday 23 June 2021, and Monday 1 December 2025 (a reference at the turn of a year).
  const JUNE = '2021-06-23';
  const DECEMBER = '2025-12-01T09:30:00+09:00';

  it.each([
    ['Tuesday', JUNE, '2021-06-22', 'day'],
    ['on Tuesday', JUNE, '2021-06-22', 'day'],
    ['Wednesday', JUNE, '2021-06-23', 'day'],
    ['June 21', JUNE, '2021-06-21', 'day'],
    ['21 June', JUNE, '2021-06-21', 'day'],
    ['22 June 2021', JUNE, '2021-06-22', 'day'],
    ['yesterday', JUNE, '2021-06-22', 'day'],
    ['April next year', JUNE, '2022-04', 'month'],
    ['in April next year', DECEMBER, '2026-04', 'month'],
    ['March 2024', JUNE, '2024-03', 'month'],
    ['next month', DECEMBER, '2026-01', 'month'],
    ['2025', JUNE, '2025', 'year'],
    ['in 2025', JUNE, '2025', 'year'],
    ['before the end of the year', JUNE, '2021-06-23/2021-12-31', 'range'],
    ['by the end of next year', DECEMBER, '2025-12-01/2026-12-31', 'range'],
    ['by the end of the month', '2024-02-10', '2024-02-10/2024-02-29', 'range'],
    ['from March to May 2022', JUNE, '2022-03-01/2022-05-31', 'range'],
    ['2021년 6월 22일', DECEMBER, '2021-06-22', 'day'],
    ['6월 22일', JUNE, '2021-06-22', 'day'],
    ['2021년 6월', DECEMBER, '2021-06', 'month'],
    ['2019년', JUNE, '2019', 'year'],
    ['내년 4월', JUNE, '2022-04', 'month'],
    ['작년 11월', JUNE, '2020-11', 'month'],
    ['올해 말까지', JUNE, '2021-06-23/2021-12-31', 'range'],
    ['연말까지', DECEMBER, '2025-12-01/2025-12-31', 'range'],
  ])('reads %j relative to %s as %s (%s)', (text, reference, value, precision) => {
    const suggestion = suggestDateValue(text, reference);
    expect(suggestion).toMatchObject({ value, precision });
    // Every suggestion is a value parseDateValue accepts, with the same precision.
    expect(datePrecision(suggestion!.value)).toBe(precision);
  });

  it('says which part of the text it read', () => {
    expect(suggestDateValue('talks resume on Tuesday, officials said', JUNE)?.matched).toMatch(/^(on )?Tuesday$/);
    expect(suggestDateValue('April next year', JUNE)?.matched).toBe('April next year');
    expect(suggestDateValue('장관은 2021년 6월 22일 제안했다', JUNE)?.matched).toBe('2021년 6월 22일');
  });

  it('suggests nothing for text with no date, an empty text, or a reference that is not a date', () => {
    expect(suggestDateValue('the working group', JUNE)).toBeNull();
    expect(suggestDateValue('워킹그룹', JUNE)).toBeNull();
    expect(suggestDateValue('   ', JUNE)).toBeNull();
    expect(suggestDateValue('Tuesday', 'last week')).toBeNull();
    expect(suggestDateValue('Tuesday', '2021-02-30')).toBeNull();
  });

  it('takes the calendar day of a date-time reference as written, whatever the time zone of the machine', () => {
    expect(referenceDay('2021-06-23T23:59:00-05:00')).toEqual({ year: 2021, month: 6, day: 23 });
    expect(referenceDay('2021-06-23T00:30:00+09:00')).toEqual({ year: 2021, month: 6, day: 23 });
    expect(suggestDateValue('yesterday', '2021-03-01T00:10:00+09:00')).toMatchObject({ value: '2021-02-28' });
  });
});
