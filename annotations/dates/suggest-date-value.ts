/**
 * Suggesting a normalised date value for a date span from its text, relative
 * to the document's date: chrono-node (a well-kept, dependency-free
 * date parser, pure JavaScript) for English, and a few rules of Parley's own for what it does
 * not read — a bare year, "before the end of the year" as a range, and Korean
 * dates (`2021년 6월 22일`, `내년 4월`, `올해 말까지`).
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from './date-value';
import { daysInMonth, isoDay } from './date-value';

/** A suggested value: ISO 8601 text (see `date-value.ts`), its precision, and the part of the text it was read from. */
export interface DateSuggestion {
  value: string;
  precision: DatePrecision;
  matched: string;
}

interface Day {
  year: number;
  month: number;
  day: number;
}

/**
 * The calendar day of a reference: the date part of an ISO 8601 date or
 * date-time, as written (a time `2021-06-23T01:00+09:00` is the 23rd where
 * it was published). Undefined if it does not start with a valid date.
 */
export function referenceDay(reference: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(reference.trim());
  if (!m) return undefined;
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (day.month < 1 || day.month > 12 || day.day < 1 || day.day > daysInMonth(day.year, day.month)) return undefined;
  return day;
}

const iso = (d: Day) => isoDay(d.year, d.month, d.day);
const isoMonth = (year: number, month: number) => isoDay(year, month, 1).slice(0, 7);

/** "before / by / until the end of the year / this year / next year / the month": from the reference to that end. */
function endOfPeriod(text: string, ref: Day): DateSuggestion | null {
  const m = /\b(?:before|by|until|till)\s+(?:the\s+)?end\s+of\s+(the|this|next)\s+(year|month)\b/i.exec(text);
  if (!m) return null;
  const next = m[1]!.toLowerCase() === 'next';
  let end: string;
  if (m[2]!.toLowerCase() === 'year') end = isoDay(ref.year + (next ? 1 : 0), 12, 31);
  else {
    const month = next ? (ref.month % 12) + 1 : ref.month;
    const year = next && ref.month === 12 ? ref.year + 1 : ref.year;
    end = isoDay(year, month, daysInMonth(year, month));
  }
  return { value: `${iso(ref)}/${end}`, precision: 'range', matched: m[0] };
}

/** A year on its own ("2025", "in 2025", "since 1994"), which chrono leaves alone. */
function bareYear(text: string): DateSuggestion | null {
  const m = /^\s*(?:(?:in|by|since|from|until|of|the\s+year)\s+)?((?:1[5-9]|2\d)\d\d)\s*[.,]?\s*$/i.exec(text);
  return m ? { value: m[1]!, precision: 'year', matched: m[0].trim() } : null;
}

const KOREAN_RELATIVE_YEAR: Record<string, number> = { 올해: 0, 금년: 0, 내년: 1, 명년: 1, 작년: -1, 지난해: -1, 재작년: -2 };

/** Korean dates: `2021년 6월 22일`, `6월 22일`, `2021년 6월`, `2021년`, `내년 4월`, and `올해 말까지` / `연말까지` as a range. */
function korean(text: string, ref: Day): DateSuggestion | null {
  const byEnd = /(?:(올해|금년|내년)\s*)?연?말\s*(?:까지|전|이전)/.exec(text);
  if (byEnd && (byEnd[1] || byEnd[0].startsWith('연말'))) {
    const offset = byEnd[1] ? KOREAN_RELATIVE_YEAR[byEnd[1]]! : 0;
    return { value: `${iso(ref)}/${isoDay(ref.year + offset, 12, 31)}`, precision: 'range', matched: byEnd[0] };
  }
  // The pattern also matches the empty string: take the first place where it matches a year, month or relative year.
  const hit = [...text.matchAll(/(?:(\d{4})\s*년|(올해|금년|내년|명년|작년|지난해|재작년))?\s*(?:(\d{1,2})\s*월)?\s*(?:(\d{1,2})\s*일)?/g)].find((x) => x[1] || x[2] || x[3]);
  if (!hit) return null;
  const [whole, yearText, relative, monthText, dayText] = hit;
  const year = yearText ? Number(yearText) : relative ? ref.year + KOREAN_RELATIVE_YEAR[relative]! : ref.year;
  if (!monthText) return yearText || relative ? { value: String(year).padStart(4, '0'), precision: 'year', matched: whole.trim() } : null;
  const month = Number(monthText);
  if (month < 1 || month > 12) return null;
  if (!dayText) return { value: isoMonth(year, month), precision: 'month', matched: whole.trim() };
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { value: isoDay(year, month, day), precision: 'day', matched: whole.trim() };
}

type Component = 'year' | 'month' | 'day';

/** The value of one end of a chrono result at the precision its text gives. */
function fromChrono(parsed: chrono.ParsedComponents, yearOverride?: number): { value: string; precision: DatePrecision } {
  const known = (c: Component) => parsed.isCertain(c);
  const year = yearOverride ?? parsed.get('year')!;
  const month = parsed.get('month')!;
  const day = parsed.get('day')!;
  // A weekday ("Tuesday") or a relative day ("yesterday") names a day even though chrono works out its date.
  if (known('day') || parsed.isCertain('weekday')) return { value: isoDay(year, month, day), precision: 'day' };
  if (known('month')) return { value: isoMonth(year, month), precision: 'month' };
  return { value: String(year).padStart(4, '0'), precision: 'year' };
}

/** chrono's reading, with "April next year" (read by chrono as two results) put back together. */
function byChrono(text: string, ref: Day): DateSuggestion | null {
  // Local noon of the reference day, so no time zone moves it to another day; values are read from components, not from a Date.
  const instant = new Date(ref.year, ref.month - 1, ref.day, 12);
  const results = chrono.parse(text, { instant });
  const first = results[0];
  if (!first) return null;
  if (first.end) {
    const from = fromChrono(first.start);
    const to = fromChrono(first.end);
    const fromBounds = from.precision === 'day' ? from.value : from.precision === 'month' ? `${from.value}-01` : `${from.value}-01-01`;
    const [ty, tm] = to.value.split('-').map(Number) as [number, number | undefined];
    const toBounds = to.precision === 'day' ? to.value : to.precision === 'month' ? isoDay(ty, tm!, daysInMonth(ty, tm!)) : `${to.value}-12-31`;
    return { value: `${fromBounds}/${toBounds}`, precision: 'range', matched: first.text };
  }
  // A month whose year is only implied, followed by a result that knows the year ("April next year").
  const yearGiver = results.slice(1).find((r) => r.start.isCertain('year') && !r.start.isCertain('month'));
  if (yearGiver && !first.start.isCertain('year') && first.start.isCertain('month')) {
    const joined = text.slice(first.index, yearGiver.index + yearGiver.text.length);
    return { ...fromChrono(first.start, yearGiver.start.get('year')!), matched: joined };
  }
  return { ...fromChrono(first.start), matched: first.text.replace(/[\s,.;:]+$/u, '') };
}

/**
 * A normalised date value for the text of a date span, read relative to
 * `reference` (the document's `metadata.publishedAt`, else its import time:
 * an ISO 8601 date or date-time): "Tuesday" is the Tuesday before or on the
 * reference day, "June 21" is in the reference year, "April next year" a
 * month, "2025" a year, "before the end of the year" a range from the
 * reference day. Null when the text holds no date it can read or the
 * reference is not a date; never throws.
 */
export function suggestDateValue(text: string, reference: string): DateSuggestion | null {
  const ref = referenceDay(reference);
  if (!ref || text.trim() === '') return null;
  return endOfPeriod(text, ref) ?? bareYear(text) ?? (/[\uac00-\ud7a3]/.test(text) ? korean(text, ref) : null) ?? byChrono(text, ref);
}
