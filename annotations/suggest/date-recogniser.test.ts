import { describe, expect, it } from 'vitest';
import { datePrecision } from '../dates/date-value';
import { suggestDateValue } from '../dates/suggest-date-value';
import { findDates } from './date-recogniser';
import { suggestDates } from './date-suggestions';

// Thursday 17 June 2021.
const REF = '2021-06-17T09:00:00Z';
const found = (text: string, ref: string | null = REF): Array<[string, string | undefined]> => findDates(text, ref ?? undefined).map((d) => [text.slice(d.start, d.end), d.value]);

describe('findDates', () => {
  it('reads full dates in every order, and ISO dates', () => {
    expect(found('Talks on 22 June 2021, then June 23, 2021, and 2021-06-24.')).toEqual([
      ['22 June 2021', '2021-06-22'],
      ['June 23, 2021', '2021-06-23'],
      ['2021-06-24', '2021-06-24'],
    ]);
  });

  it('reads Korean dates, with particles after them', () => {
    expect(found('2021년 6월 22일에 만났고 2021년 7월에 다시, 8월 3일, 2022년까지, 화요일에.')).toEqual([
      ['2021년 6월 22일', '2021-06-22'],
      ['2021년 7월', '2021-07'],
      ['8월 3일', '2021-08-03'],
      ['2022년', '2022'],
      ['화요일', '2021-06-15'],
    ]);
  });

  it('resolves months, weekdays and relative expressions against the reference date', () => {
    expect(found('In April and next April, last June, on Tuesday, next Tuesday and Saturday.')).toEqual([
      ['April', '2021-04'],
      ['next April', '2022-04'],
      ['last June', '2020-06'],
      ['Tuesday', '2021-06-15'],
      ['next Tuesday', '2021-06-22'],
      ['Saturday', '2021-06-19'],
    ]);
    expect(found('Yesterday, next week and next month; a deal before the end of the year, reviewed at the end of the year.')).toEqual([
      ['Yesterday', '2021-06-16'],
      ['next week', '2021-06-21/2021-06-27'],
      ['next month', '2021-07'],
      ['before the end of the year', '2021-06-17/2021-12-31'],
      ['the end of the year', '2021-12-01/2021-12-31'],
    ]);
  });

  it('takes the longest expression where candidates overlap, and a year only after a preposition', () => {
    expect(found('Since 2019 the 2020 figures fell until 22 June 2021.')).toEqual([
      ['2019', '2019'],
      ['22 June 2021', '2021-06-22'],
    ]);
  });

  it('leaves May and March alone unless dated, and names uncapitalised', () => {
    expect(found('They may march on; in May 2021, march and june.')).toEqual([['May 2021', '2021-05']]);
  });

  it('finds relative expressions without a value when there is no reference date, and gives impossible dates no value', () => {
    expect(found('Tuesday, 31 June 2021', null)).toEqual([
      ['Tuesday', undefined],
      ['31 June 2021', undefined],
    ]);
  });

  it('gives the value the date editor reads (suggestDateValue) wherever it reads the whole mention at the same precision', () => {
    const text = 'On Tuesday, 22 June, yesterday, Saturday, June 3, 2021, 2021년 6월 22일, before the end of the year, in 2019, April.';
    let compared = 0;
    for (const d of findDates(text, REF)) {
      const shared = suggestDateValue(d.text, REF);
      if (!shared || shared.matched !== d.text || shared.precision !== datePrecision(d.value ?? '')) continue;
      compared++;
      expect([d.text, d.value]).toEqual([d.text, shared.value]);
    }
    expect(compared).toBeGreaterThanOrEqual(8);
  });

  it('keeps UTF-16 offsets after emoji and across CRLF', () => {
    const text = '🎉🎉\r\n22 June 2021';
    expect(findDates(text, REF)).toEqual([{ start: 6, end: 18, text: '22 June 2021', value: '2021-06-22' }]);
  });
});

describe('suggestDates', () => {
  it('proposes the date label with the value attribute and a reason', () => {
    const [s] = suggestDates({ documentId: 'd', text: 'on 22 June 2021' }, 'date', REF);
    expect(s).toEqual({
      id: 'dates:3-15:date',
      documentId: 'd',
      start: 3,
      end: 15,
      labelId: 'date',
      source: 'dates',
      sources: ['dates'],
      attributes: { value: '2021-06-22' },
      reason: '“22 June 2021” reads as a date: 2021-06-22',
    });
  });
});
