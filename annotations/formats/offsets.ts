/**
 * Checking offsets read from a file and converting them between code points
 * (brat, doccano, spaCy, W3C, Label Studio, CSV) and UTF-16 code units (Parley).
 * Every check names what is wrong: non-integer, negative, reversed, empty,
 * out of range, or splitting a surrogate pair.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';
import { OffsetMap, splitsSurrogatePair } from '../unicode';
import { ellipsis } from '../text/ellipsis';

/** A span in UTF-16 code units, end exclusive. */
export interface Utf16Span {
  start: number;
  end: number;
}

function checkNumbers(start: unknown, end: unknown, length: number, unit: string): Result<Utf16Span> {
  if (typeof start !== 'number' || !Number.isInteger(start)) return fail('invalid-input', `start ${JSON.stringify(start) ?? 'undefined'} is not an integer`);
  if (typeof end !== 'number' || !Number.isInteger(end)) return fail('invalid-input', `end ${JSON.stringify(end) ?? 'undefined'} is not an integer`);
  if (start < 0) return fail('invalid-input', `start ${start} is negative`);
  if (end < start) return fail('invalid-input', `span [${start}, ${end}) is reversed`);
  if (end === start) return fail('invalid-input', `span [${start}, ${end}) is empty`);
  if (end > length) return fail('invalid-input', `end ${end} is past the end of the text (${length} ${unit})`);
  return ok({ start, end });
}

/** Validates a code point span of `text` (via its `map`) and converts it to UTF-16. */
export function spanFromCodePoints(map: OffsetMap, start: unknown, end: unknown): Result<Utf16Span> {
  const checked = checkNumbers(start, end, map.codePointLength, 'code points');
  if (!checked.ok) return checked;
  return ok({ start: map.toUtf16(checked.value.start), end: map.toUtf16(checked.value.end) });
}

/** Validates a UTF-16 span of `text`, refusing one that splits a surrogate pair. */
export function spanFromUtf16(text: string, start: unknown, end: unknown): Result<Utf16Span> {
  const checked = checkNumbers(start, end, text.length, 'UTF-16 code units');
  if (!checked.ok) return checked;
  if (splitsSurrogatePair(text, checked.value.start) || splitsSurrogatePair(text, checked.value.end)) {
    return fail('invalid-input', `span [${checked.value.start}, ${checked.value.end}) splits a character outside the BMP in two`);
  }
  return checked;
}

/** The code point offsets of a UTF-16 span. */
export function toCodePointSpan(map: OffsetMap, span: Utf16Span): Utf16Span {
  return { start: map.toCodePoint(span.start), end: map.toCodePoint(span.end) };
}

/** A short, single-line rendering of a quote for messages. */
export function showText(s: string): string {
  const flat = s.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return JSON.stringify(ellipsis(flat, 40));
}
