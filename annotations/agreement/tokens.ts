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

/** One token: `text.slice(start, end)`. */
export interface Token {
  start: number;
  end: number;
}

/** True for the Unicode `White_Space` code units listed above (all are single UTF-16 units). */
function isWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** The tokens of `text` in order. Never throws; an all-whitespace text has none. */
export function tokenize(text: string): Token[] {
  // A scan of code units rather than a regular expression: no match object per token (a library holds millions).
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const space = isWhiteSpace(text.charCodeAt(i));
    if (space && start >= 0) {
      tokens.push({ start, end: i });
      start = -1;
    } else if (!space && start < 0) start = i;
  }
  if (start >= 0) tokens.push({ start, end: text.length });
  return tokens;
}

/**
 * Indices `[first, last)` of the tokens that overlap `[start, end)` (share at
 * least one character with it). Empty (`first === last`) when the span covers
 * only whitespace or is empty. `tokens` must be in order, as `tokenize` returns them.
 */
export function overlappingTokens(tokens: readonly Token[], start: number, end: number): [number, number] {
  if (end <= start) return [0, 0];
  // first token whose end lies after `start`
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  // first token that starts at or after `end`
  hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  return [first, Math.max(first, lo)];
}
