/** A hit shown in its context (KWIC): the text just before it, the hit, and the text just after, on one line. */

/** A hit with its context. */
export interface KeywordInContext {
  left: string;
  hit: string;
  right: string;
}

/** Characters of context on each side, in UTF-16 code units, before trimming to whole characters. */
export const KWIC_CONTEXT = 60;

function isLowSurrogate(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * The context of `text.slice(start, end)`: up to `width` code units on each
 * side, never cutting a surrogate pair, with runs of white space (CRLF and
 * tabs too) shown as one space. `start`/`end` are UTF-16 offsets.
 */
export function keywordInContext(text: string, start: number, end: number, width = KWIC_CONTEXT): KeywordInContext {
  let from = Math.max(0, start - width);
  if (from > 0 && isLowSurrogate(text, from)) from += 1;
  let to = Math.min(text.length, end + width);
  if (to < text.length && isLowSurrogate(text, to)) to -= 1;
  const flat = (s: string) => s.replace(/\s+/gu, ' ');
  return { left: flat(text.slice(from, start)), hit: flat(text.slice(start, end)), right: flat(text.slice(end, to)) };
}
