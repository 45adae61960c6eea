/**
 * Normalised date values: ISO 8601 text whose form gives its precision —
 * `2021-06-22` (day), `2021-06` (month), `2021` (year), or an interval of two
 * of those, `2021-06-01/2021-12-31` (range). Years are four digits.
 */
import { fail, ok, type Result } from '../result';

/** How precisely a normalised date value places a span in time. */
export type DatePrecision = 'day' | 'month' | 'year' | 'range';

/** A normalised date value read back: its first and last day (ISO `YYYY-MM-DD`, both inclusive) and its precision. */
export interface DateValueBounds {
  start: string;
  end: string;
  precision: DatePrecision;
}

const SINGLE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month (1-12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `YYYY-MM-DD` of a calendar day. */
export function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One side of a value: a day, a month or a year, checked against the calendar. */
function parseSingle(value: string): Result<DateValueBounds> {
  const m = SINGLE.exec(value);
  if (!m) return fail('invalid-input', `${JSON.stringify(value)} is not an ISO 8601 date (2021-06-22, 2021-06, 2021, or two of them as start/end)`);
  const year = Number(m[1]);
  if (m[2] === undefined) return ok({ start: isoDay(year, 1, 1), end: isoDay(year, 12, 31), precision: 'year' });
  const month = Number(m[2]);
  if (month < 1 || month > 12) return fail('invalid-input', `${JSON.stringify(value)}: there is no month ${m[2]}`);
  if (m[3] === undefined) return ok({ start: isoDay(year, month, 1), end: isoDay(year, month, daysInMonth(year, month)), precision: 'month' });
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return fail('invalid-input', `${JSON.stringify(value)}: ${isoDay(year, month, 1).slice(0, 7)} has no day ${m[3]}`);
  return ok({ start: value, end: value, precision: 'day' });
}

/**
 * Reads a normalised date value: its first and last day and its precision.
 * Fails with `invalid-input`, saying why, on anything else: another format
 * (`22/06/2021`), a day the calendar lacks (`2021-02-29`), a range whose end
 * comes before its start.
 */
export function parseDateValue(value: string): Result<DateValueBounds> {
  const trimmed = value.trim();
  if (trimmed !== value || value === '') return fail('invalid-input', `${JSON.stringify(value)} is not an ISO 8601 date (2021-06-22, 2021-06, 2021, or start/end)`);
  const slash = value.indexOf('/');
  if (slash < 0) return parseSingle(value);
  const from = parseSingle(value.slice(0, slash));
  if (!from.ok) return from;
  const to = parseSingle(value.slice(slash + 1));
  if (!to.ok) return to;
  if (to.value.end < from.value.start) return fail('invalid-input', `${JSON.stringify(value)}: the range ends before it starts`);
  return ok({ start: from.value.start, end: to.value.end, precision: 'range' });
}

/** The precision of a normalised date value, or undefined if it is not one (see `parseDateValue`). */
export function datePrecision(value: string): DatePrecision | undefined {
  const parsed = parseDateValue(value);
  return parsed.ok ? parsed.value.precision : undefined;
}
