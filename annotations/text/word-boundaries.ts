/**
 * Word boundaries for tagging: turning a rough selection into the span an
 * analyst meant. Pure; offsets are UTF-16 code units and never split a
 * surrogate pair.
 */

/** A half-open span of UTF-16 code units. */
export interface TextSpan {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
/** Scripts written without spaces: each character counts as a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Characters that join two word characters into one word: apostrophes and hyphens. */
const JOINERS = new Set(["'", '’', '-', '‐', '‑']);
/** Separators between digits that keep a number whole (3.5, 10,000). */
const NUMBER_JOINERS = new Set(['.', ',']);
const DIGIT = /\p{N}/u;
/** What is trimmed from either end: white space, punctuation and control characters. */
const TRIMMED = /[\s\p{Z}\p{P}\p{Cc}\p{Cf}]/u;
/** Apostrophes that mark an English possessive. */
const APOSTROPHES = new Set(["'", '’']);

/** The character (one code point) that starts at `offset`, or '' at the end. */
function charAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The character (one code point) that ends at `offset`, or '' at the start. */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  if (offset >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(offset - 2, offset);
  }
  return text.slice(offset - 1, offset);
}

/** True for a letter, digit, combining mark or connector such as `_`. */
export function isWordChar(char: string): boolean {
  return char !== '' && WORD.test(char);
}

/** True if the word characters `left` and `right`, side by side, belong to one word. */
function continuesWord(left: string, right: string): boolean {
  return isWordChar(left) && isWordChar(right) && !UNSPACED.test(left) && !UNSPACED.test(right);
}

/** True if a word runs across `offset` (the characters either side belong to one word). */
function insideWord(text: string, offset: number): boolean {
  const before = charBefore(text, offset);
  const after = charAt(text, offset);
  if (continuesWord(before, after)) return true;
  // A joiner between two word characters: "Korea|'s", "Kyu-|duk".
  if (JOINERS.has(after) || (NUMBER_JOINERS.has(after) && DIGIT.test(before))) {
    const next = charAt(text, offset + after.length);
    return continuesWord(before, next) && (!NUMBER_JOINERS.has(after) || DIGIT.test(next));
  }
  if (JOINERS.has(before) || (NUMBER_JOINERS.has(before) && DIGIT.test(after))) {
    const previous = charBefore(text, offset - before.length);
    return continuesWord(previous, after) && (!NUMBER_JOINERS.has(before) || DIGIT.test(previous));
  }
  return false;
}

/** Moves `offset` outwards so that it does not fall between the halves of a surrogate pair. */
function outsidePair(text: string, offset: number, direction: -1 | 1): number {
  if (offset <= 0 || offset >= text.length) return Math.max(0, Math.min(offset, text.length));
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  const splits = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return splits ? offset + direction : offset;
}

/**
 * The exact span between two offsets, in order, clamped to the text and
 * widened so that it never splits a character. Returns null if empty.
 */
export function exactSpan(text: string, from: number, to: number): TextSpan | null {
  const start = outsidePair(text, Math.min(from, to), -1);
  const end = outsidePair(text, Math.max(from, to), 1);
  return end > start ? { start, end } : null;
}

/**
 * Trims white space, punctuation and control characters (such as the `\r` of
 * a CRLF) from both ends of a span. Symbols such as emoji and currency signs
 * are kept. Returns null if nothing is left.
 */
export function trimSpan(text: string, span: TextSpan): TextSpan | null {
  let { start, end } = span;
  while (start < end) {
    const c = charAt(text, start);
    if (!TRIMMED.test(c)) break;
    start += c.length;
  }
  while (end > start) {
    const c = charBefore(text, end);
    if (!TRIMMED.test(c)) break;
    end -= c.length;
  }
  return end > start ? { start, end } : null;
}

/**
 * Snaps a selection to whole words: leading and trailing spaces and
 * punctuation (quotes and brackets included) are trimmed, then an end that
 * falls inside a word is moved out to that word's edge (so "orking grou"
 * becomes "working group"). Apostrophes and hyphens inside a word keep it
 * whole ("Kyu-duk", "O'Brien"), but a trailing English possessive is left out
 * ("Sung Kim's" snaps to "Sung Kim", "the ministers'" to "the ministers"), so
 * a name tagged by two people has the same bounds. Only `'s`, `’s`, `s'` and
 * `s’` at the very end are possessives; particles of other scripts (Hangul
 * `는`, `의`) are part of the word and kept. Use `exactSpan` to tag a
 * possessive or punctuation on purpose. In scripts written without spaces
 * (Chinese, Japanese, Thai) each character is its own word. Returns null when
 * the selection holds no word or symbol.
 */
export function snapToWords(text: string, from: number, to: number): TextSpan | null {
  const exact = exactSpan(text, from, to);
  if (!exact) return null;
  const trimmed = trimSpan(text, exact);
  if (!trimmed) return null;
  let { start, end } = trimmed;
  while (start > 0 && insideWord(text, start)) start -= charBefore(text, start).length;
  while (end < text.length && insideWord(text, end)) end += charAt(text, end).length;
  end = withoutPossessive(text, start, end);
  return { start, end };
}

/**
 * `end` moved back past a possessive ending the word before it: `'s` or `’s`
 * after a word character, or a lone apostrophe after a word ending in `s`
 * (already trimmed as punctuation, so nothing to do there). Never leaves the
 * span empty.
 */
function withoutPossessive(text: string, start: number, end: number): number {
  if (end - start < 3) return end;
  const last = text[end - 1];
  const apostrophe = text[end - 2]!;
  if ((last === 's' || last === 'S') && APOSTROPHES.has(apostrophe) && isWordChar(charBefore(text, end - 2))) return end - 2;
  return end;
}

/** The word containing or touching `offset`, or null if there is none. */
export function wordAt(text: string, offset: number): TextSpan | null {
  const at = Math.max(0, Math.min(offset, text.length));
  if (isWordChar(charAt(text, at))) return snapToWords(text, at, at + charAt(text, at).length);
  if (isWordChar(charBefore(text, at))) return snapToWords(text, at - charBefore(text, at).length, at);
  return null;
}
