/**
 * The whitespace tokeniser used by token-level agreement (token F1, Cohen's
 * kappa, Krippendorff's alpha).
 *
 * A token is a maximal run of characters that are not Unicode `White_Space`
 * (U+0009–U+000D, U+0020, U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028,
 * U+2029, U+202F, U+205F, U+3000). Punctuation stays attached to its word,
 * a Hangul eojeol is one token, an emoji is a token or part of one, and CRLF
 * is two whitespace characters. Offsets are UTF-16 code units, end exclusive.
 */

/**
 * The tokens of a text, in order: token `i` is `text.slice(starts[i], ends[i])`.
 * Offsets are kept in typed arrays, not as an object per token: a library
 * holds millions of tokens.
 */
export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

/** 1 at the Unicode `White_Space` code units listed above (all are single UTF-16 units, none above U+3000). */
const WHITE_SPACE = new Uint8Array(0x3001);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) WHITE_SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WHITE_SPACE[c] = 1;

/**
 * Offsets found while scanning, before they are copied out at their exact
 * count: one pair of buffers, grown as needed and reused by every call, so a
 * library's texts do not each allocate room for their longest possible list.
 */
let scanStarts = new Int32Array(1024);
let scanEnds = new Int32Array(1024);

/** The tokens of `text`. Never throws; an all-whitespace text has none. */
export function tokenize(text: string): Tokens {
  // No two tokens touch, so a text has at most half as many tokens as code units, rounded up.
  const most = (text.length + 1) >> 1;
  if (scanStarts.length < most) {
    scanStarts = new Int32Array(most);
    scanEnds = new Int32Array(most);
  }
  const starts = scanStarts;
  const ends = scanEnds;
  let count = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c <= 0x3000 && WHITE_SPACE[c] === 1;
    if (space && start >= 0) {
      starts[count] = start;
      ends[count++] = i;
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  if (start >= 0) {
    starts[count] = start;
    ends[count++] = text.length;
  }
  return { count, starts: starts.slice(0, count), ends: ends.slice(0, count) };
}

/** Index of the first token whose end lies after `offset` (binary search). */
function firstTokenEndingAfter(tokens: Tokens, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.ends[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token, from `from` on, that starts at or after `offset` (binary search). */
function firstTokenStartingAtOrAfter(tokens: Tokens, offset: number, from: number): number {
  let lo = from;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.starts[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For each span, the tokens it overlaps (shares at least one character
 * with): span `i` covers tokens `[first[i], last[i])`, empty
 * (`first === last`) for a span over whitespace only or an empty span.
 * Computed once per annotator and document, and read by every measure that
 * works on tokens.
 */
export interface SpanTokenRanges {
  first: Int32Array;
  last: Int32Array;
}

/** The token ranges of `spans` over `tokens`. */
export function spanTokenRanges(tokens: Tokens, spans: ReadonlyArray<{ start: number; end: number }>): SpanTokenRanges {
  const first = new Int32Array(spans.length);
  const last = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const { start, end } = spans[i]!;
    if (end <= start) continue; // [0, 0): no token
    const f = firstTokenEndingAfter(tokens, start);
    first[i] = f;
    last[i] = Math.max(f, firstTokenStartingAtOrAfter(tokens, end, f));
  }
  return { first, last };
}
