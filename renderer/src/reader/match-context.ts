/**
 * A search match with a few words either side, for listing matches before
 * they are tagged. Pure; never splits a surrogate pair (an emoji) at either
 * cut, and shows line breaks as spaces.
 */
import type { TextSpan } from '../../../annotations/text/word-boundaries';

/** A match and the text around it. */
export interface MatchContext {
  before: string;
  match: string;
  after: string;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

const BREAKS = /\r\n|[\r\n\u2028\u2029]/g;

/** `span` in `text` with up to `width` code units of context either side, marked with '…' where cut. */
export function matchContext(text: string, span: TextSpan, width = 40): MatchContext {
  let from = Math.max(0, span.start - width);
  let to = Math.min(text.length, span.end + width);
  if (from > 0 && isLow(text.charCodeAt(from))) from -= 1;
  if (to < text.length && isHigh(text.charCodeAt(to - 1))) to += 1;
  const flat = (s: string) => s.replace(BREAKS, ' ');
  return {
    before: (from > 0 ? '…' : '') + flat(text.slice(from, span.start)),
    match: flat(text.slice(span.start, span.end)),
    after: flat(text.slice(span.end, to)) + (to < text.length ? '…' : ''),
  };
}
