/**
 * Source 4, dates: finds date expressions in English and Korean with their
 * normalised value (an ISO 8601 string whose form gives its precision, as in
 * model v2: `2021-06-22` day, `2021-06` month, `2021` year,
 * `2021-06-01/2021-12-31` a range).
 *
 * Found: ISO dates (`2021-06-22`); day, month and year in either order
 * (`22 June 2021`, `June 22, 2021`); a day and month (`22 June`, `June 22`);
 * a month and year (`June 2021`); a month alone (`June`; `May` and `March`
 * only with a day, a year or `next`/`last`/`this`, since they are also
 * words); `next April`, `last June`; weekdays (`Tuesday`, `next Tuesday`);
 * `today`, `yesterday`, `tomorrow`, `next week|month|year`, `last …`,
 * `this …`; `(before|by|until) the end of the year|month` and `the end of
 * the year`; a year after `in`, `since`, `by`, `until`, `before`, `after`,
 * `from`, `during` (the year alone is the span); Korean `2021년 6월 22일`,
 * `2021년 6월`, `6월 22일`, `2021년`, `화요일`, `내년`, `올해`, `작년`,
 * `연말`. Month and weekday names must be capitalised.
 *
 * Values come from `suggestDateValue` (`annotations/dates/`), the same reading
 * the date attribute editor offers, so a suggested span and a span tagged by
 * hand get the same value; where it reads nothing, from this file's rules.
 * Relative expressions are resolved against a reference date (the document's
 * publication date, else its import date); without one, or when a date does
 * not exist (`31 June 2021`), the mention is found without a value.
 */
import { datePrecision } from '../dates/date-value';
import { suggestDateValue } from '../dates/suggest-date-value';

/** A date expression in a text: UTF-16 offsets, end exclusive, and its normalised value when it has one. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  value?: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept?', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const KO_WEEKDAYS = '일월화수목금토';

const MONTH = `(${MONTHS.join('|')}|(?:${MONTH_ABBR.join('|')})\\.)`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const REL = '([Nn]ext|[Ll]ast|[Tt]his)';

interface YMD {
  y: number;
  m: number;
  d: number;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dayValue(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function monthValue(y: number, m: number): string | undefined {
  return m >= 1 && m <= 12 ? `${pad(y, 4)}-${pad(m)}` : undefined;
}

function shift(ref: YMD, days: number): YMD {
  const t = new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function ymd(v: YMD): string {
  return dayValue(v.y, v.m, v.d)!;
}

function weekday(v: YMD): number {
  return new Date(Date.UTC(v.y, v.m - 1, v.d)).getUTCDay();
}

function monthIndex(name: string): number {
  const n = name.replace(/\.$/, '');
  const full = MONTHS.indexOf(n);
  if (full >= 0) return full + 1;
  return MONTH_ABBR.findIndex((a) => new RegExp(`^${a}$`).test(n)) + 1;
}

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Reads the reference date (`2021-06-22`, or a date-time) or undefined. */
export function parseReferenceDate(value: string | undefined): YMD | undefined {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  if (!m) return undefined;
  const v = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return dayValue(v.y, v.m, v.d) ? v : undefined;
}

type Resolver = (m: RegExpExecArray, ref: YMD | undefined) => string | undefined;

interface Rule {
  re: RegExp;
  value: Resolver;
  /** Which capture group is the mention, when not the whole match. */
  group?: number;
}

function relativeMonth(rel: string, month: number, ref: YMD): string | undefined {
  const r = rel.toLowerCase();
  if (r === 'this') return monthValue(ref.y, month);
  if (r === 'next') return monthValue(month > ref.m ? ref.y : ref.y + 1, month);
  return monthValue(month < ref.m ? ref.y : ref.y - 1, month);
}

function relativeWeekday(rel: string | undefined, wd: number, ref: YMD): string {
  const diff = (wd - weekday(ref) + 7) % 7;
  const r = rel?.toLowerCase();
  if (r === 'next') return ymd(shift(ref, diff === 0 ? 7 : diff));
  if (r === 'last') return ymd(shift(ref, diff === 0 ? -7 : diff - 7));
  if (r === 'this') return ymd(shift(ref, diff));
  // Bare: the nearest such day, past or coming (news reports mostly look back a few days).
  return ymd(shift(ref, diff <= 3 ? diff : diff - 7));
}

function relativeUnit(rel: string, unit: string, ref: YMD): string {
  const step = rel.toLowerCase() === 'next' ? 1 : rel.toLowerCase() === 'last' ? -1 : 0;
  if (unit === 'year') return pad(ref.y + step, 4);
  if (unit === 'month') {
    const t = new Date(Date.UTC(ref.y, ref.m - 1 + step, 1));
    return monthValue(t.getUTCFullYear(), t.getUTCMonth() + 1)!;
  }
  const monday = shift(ref, -((weekday(ref) + 6) % 7) + 7 * step);
  return `${ymd(monday)}/${ymd(shift(monday, 6))}`;
}

function re(source: string): RegExp {
  return new RegExp(source, 'gu');
}

const RULES: Rule[] = [
  { re: re(`${B}(\\d{4})-(\\d{2})-(\\d{2})${E}`), value: (m) => dayValue(+m[1]!, +m[2]!, +m[3]!) },
  { re: re(`${B}${DAY} ${MONTH},? ${YEAR}${E}`), value: (m) => dayValue(+m[3]!, monthIndex(m[2]!), +m[1]!) },
  { re: re(`${B}${MONTH} ${DAY},? ${YEAR}${E}`), value: (m) => dayValue(+m[3]!, monthIndex(m[1]!), +m[2]!) },
  { re: re(`${B}${MONTH} ${YEAR}${E}`), value: (m) => monthValue(+m[2]!, monthIndex(m[1]!)) },
  { re: re(`${B}${DAY} ${MONTH}${E}`), value: (m, ref) => (ref ? dayValue(ref.y, monthIndex(m[2]!), +m[1]!) : undefined) },
  { re: re(`${B}${MONTH} ${DAY}${E}`), value: (m, ref) => (ref ? dayValue(ref.y, monthIndex(m[1]!), +m[2]!) : undefined) },
  { re: re(`${B}${REL} ${MONTH}${E}`), value: (m, ref) => (ref ? relativeMonth(m[1]!, monthIndex(m[2]!), ref) : undefined) },
  { re: re(`${B}(January|February|April|June|July|August|September|October|November|December)${E}`), value: (m, ref) => (ref ? monthValue(ref.y, monthIndex(m[1]!)) : undefined) },
  { re: re(`${B}(?:${REL} )?(${WEEKDAYS.join('|')})${E}`), value: (m, ref) => (ref ? relativeWeekday(m[1], WEEKDAYS.indexOf(m[2]!), ref) : undefined) },
  { re: re(`${B}([Tt]oday|[Yy]esterday|[Tt]omorrow)${E}`), value: (m, ref) => (ref ? ymd(shift(ref, { today: 0, yesterday: -1, tomorrow: 1 }[m[1]!.toLowerCase() as 'today']!)) : undefined) },
  { re: re(`${B}${REL} (week|month|year)${E}`), value: (m, ref) => (ref ? relativeUnit(m[1]!, m[2]!, ref) : undefined) },
  {
    re: re(`${B}(?:([Bb]efore|[Bb]y|[Uu]ntil) )?(?:[Tt]he )?end of (?:the |this )?(year|month)${E}`),
    value: (m, ref) => {
      if (!ref) return undefined;
      const last = m[2] === 'year' ? `${pad(ref.y, 4)}-12-31` : ymd({ y: ref.y, m: ref.m, d: lastDayOfMonth(ref.y, ref.m) });
      if (m[1]) return `${ymd(ref)}/${last}`;
      return m[2] === 'year' ? `${pad(ref.y, 4)}-12-01/${last}` : `${ymd({ ...ref, d: Math.max(1, lastDayOfMonth(ref.y, ref.m) - 9) })}/${last}`;
    },
  },
  { re: re(`${B}(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom|[Dd]uring) ((?:19|20)\\d\\d)${E}`), value: (m) => m[1], group: 1 },
  // Korean. A particle may follow (`22일에`), so only the start needs a boundary.
  { re: re(`${B}(\\d{4})년 ?(\\d{1,2})월 ?(\\d{1,2})일`), value: (m) => dayValue(+m[1]!, +m[2]!, +m[3]!) },
  { re: re(`${B}(\\d{4})년 ?(\\d{1,2})월`), value: (m) => monthValue(+m[1]!, +m[2]!) },
  { re: re(`${B}(\\d{1,2})월 ?(\\d{1,2})일`), value: (m, ref) => (ref ? dayValue(ref.y, +m[1]!, +m[2]!) : undefined) },
  { re: re(`${B}((?:19|20)\\d\\d)년`), value: (m) => m[1] },
  { re: re(`${B}([${KO_WEEKDAYS}])요일`), value: (m, ref) => (ref ? relativeWeekday(undefined, KO_WEEKDAYS.indexOf(m[1]!), ref) : undefined) },
  { re: re(`${B}(내년|올해|작년)`), value: (m, ref) => (ref ? pad(ref.y + ({ 내년: 1, 올해: 0, 작년: -1 } as Record<string, number>)[m[1]!]!, 4) : undefined) },
  { re: re(`${B}연말`), value: (_m, ref) => (ref ? `${pad(ref.y, 4)}-12-01/${pad(ref.y, 4)}-12-31` : undefined) },
];

/** The shared reading of a date's text, when it reads the whole mention at the same precision as these rules (a week stays a range); else `own()`. */
function valueOf(text: string, reference: string | undefined, own: () => string | undefined): string | undefined {
  const mine = own();
  if (!reference || mine === undefined) return mine;
  const shared = suggestDateValue(text, reference);
  return shared && shared.matched === text && shared.precision === datePrecision(mine) ? shared.value : mine;
}

/**
 * Every date expression in `text`, in order, without overlaps: where two
 * candidates overlap the longer wins (`22 June 2021` over `June 2021`), and
 * between equal lengths the earlier rule in the list above. `reference` is an
 * ISO date or date-time; relative expressions get no value without it.
 */
export function findDates(text: string, reference?: string): DateMention[] {
  const ref = parseReferenceDate(reference);
  const candidates: Array<DateMention & { rule: number }> = [];
  RULES.forEach((rule, index) => {
    const r = new RegExp(rule.re.source, rule.re.flags);
    for (let m = r.exec(text); m; m = r.exec(text)) {
      const mentionText = rule.group ? m[rule.group]! : m[0];
      const start = rule.group ? m.index + m[0].lastIndexOf(mentionText) : m.index;
      const value = valueOf(mentionText, reference, () => rule.value(m, ref));
      candidates.push({ start, end: start + mentionText.length, text: mentionText, ...(value ? { value } : {}), rule: index });
    }
  });
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.rule - b.rule || a.start - b.start);
  const chosen: DateMention[] = [];
  for (const c of candidates) {
    if (chosen.some((d) => d.start < c.end && c.start < d.end)) continue;
    chosen.push({ start: c.start, end: c.end, text: c.text, ...(c.value ? { value: c.value } : {}) });
  }
  return chosen.sort((a, b) => a.start - b.start);
}
