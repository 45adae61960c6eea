import { describe, expect, it } from 'vitest';
import { formatAbsoluteTime, formatRelativeTime } from './format-time';

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const NOW = Date.parse('2026-11-22T09:00:00.000Z');

describe('formatAbsoluteTime', () => {
  it('gives what Intl gives, for times in the same minute and in different ones', () => {
    for (const iso of ['2026-11-22T08:19:00.000Z', '2026-11-22T08:19:59.999Z', '2026-11-22T08:20:00.000Z', '1969-12-31T23:59:30.000Z', '2025-02-28T23:59:59.000Z']) {
      expect(formatAbsoluteTime(iso)).toBe(absolute.format(Date.parse(iso)));
    }
    expect(formatAbsoluteTime('2026-11-22T08:19:00.000Z')).toBe(formatAbsoluteTime('2026-11-22T08:19:42.000Z'));
    expect(formatAbsoluteTime('2026-11-22T08:19:00.000Z')).not.toBe(formatAbsoluteTime('2026-11-22T08:20:00.000Z'));
  });

  it('keeps text that is not a date as it is', () => {
    expect(formatAbsoluteTime('not a date')).toBe('not a date');
  });
});

describe('formatRelativeTime', () => {
  it('gives what Intl gives in each unit, asked twice', () => {
    const cases: Array<[number, number, Intl.RelativeTimeFormatUnit]> = [
      [-20 * 60_000, -20, 'minute'],
      [-19.6 * 60_000, -20, 'minute'],
      [-3 * 3_600_000, -3, 'hour'],
      [-24 * 3_600_000, -1, 'day'],
      [-2 * 86_400_000, -2, 'day'],
      [-14 * 86_400_000, -2, 'week'],
      [5_000, 5, 'second'],
      [-200, 0, 'second'],
    ];
    for (const [offset, amount, unit] of cases) {
      const iso = new Date(NOW + offset).toISOString();
      expect(formatRelativeTime(iso, NOW)).toBe(relative.format(amount, unit));
      expect(formatRelativeTime(iso, NOW)).toBe(relative.format(amount, unit));
    }
  });

  it('counts years past a year, and keeps text that is not a date as it is', () => {
    const old = '2020-03-01T10:00:00.000Z';
    expect(formatRelativeTime(old, NOW)).toBe(relative.format(-7, 'year'));
    expect(formatRelativeTime('yesterday-ish', NOW)).toBe('yesterday-ish');
  });
});
