const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

const MINUTE_MS = 60_000;
/** Past this many texts a cache starts again, so a window left open for weeks does not grow it for ever. */
const CACHE_LIMIT = 5_000;

/**
 * Formatting with Intl costs microseconds a call, and the library formats two times for each of
 * its rows; most rows share their texts (documents imported in the same minute, "2 days ago").
 * The texts are kept by what they depend on, so a cached text is exactly the one Intl would give.
 */
function cached<K>(cache: Map<K, string>, key: K, make: () => string): string {
  let text = cache.get(key);
  if (text === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    text = make();
    cache.set(key, text);
  }
  return text;
}

// Keyed by the minute: the absolute text shows no seconds.
const absoluteTexts = new Map<number, string>();
const relativeTexts = new Map<string, string>();

function absoluteText(time: number): string {
  const minute = Math.floor(time / MINUTE_MS);
  return cached(absoluteTexts, minute, () => absolute.format(minute * MINUTE_MS));
}

/** "3 minutes ago", "yesterday"; falls back to the ISO text if it is not a date. */
export function formatRelativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  let amount = (time - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) {
      const rounded = Math.round(amount);
      return cached(relativeTexts, `${rounded} ${unit}`, () => relative.format(rounded, unit));
    }
    amount /= size;
  }
  return absoluteText(time);
}

/** "22 Nov 2025, 08:19" in the analyst's locale. */
export function formatAbsoluteTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : absoluteText(time);
}
