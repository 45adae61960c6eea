/**
 * Offsets between UTF-16 code units (JavaScript, CodeMirror, Parley) and
 * Unicode code points (W3C Web Annotation, brat, doccano, spaCy, Python).
 *
 * The two differ only where a character lies outside the Basic Multilingual
 * Plane (emoji, some CJK): such a character is two code units but one code
 * point. Hangul syllables and CRLF are the same in both.
 */

/** True if `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Number of code points in `text`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Converts offsets in one text both ways in O(log n) per call after an O(n)
 * scan. Build one per text when converting many offsets.
 */
export class OffsetMap {
  /** UTF-16 offsets of the low surrogate of every astral character, ascending. */
  private readonly astral: number[] = [];
  /** Length of the text in code units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i + 1);
          i++;
        }
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** True when code points and code units coincide everywhere in the text. */
  get isBmpOnly(): boolean {
    return this.astral.length === 0;
  }

  /**
   * Code point offset of a UTF-16 offset. An offset inside a surrogate pair
   * counts as the start of that character. Returns -1 when out of range.
   */
  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) return -1;
    // Each astral character whose low surrogate lies at or before `utf16` is one code point
    // for two code units; an offset on a low surrogate thus maps to the start of its character.
    return utf16 - lowerBound(this.astral, utf16 + 1);
  }

  /** UTF-16 offset of a code point offset, or -1 when out of range. */
  toUtf16(codePoint: number): number {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.codePointLength) return -1;
    // Find the smallest u with toCodePoint(u) == codePoint: u = cp + number of astral chars entirely before.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      // astral[mid] is the low surrogate; that character starts at astral[mid]-1, code point index astral[mid]-1-mid.
      if (this.astral[mid]! - 1 - mid < codePoint) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  /** True if a UTF-16 offset falls between the halves of a surrogate pair. */
  insidePair(utf16: number): boolean {
    const i = lowerBound(this.astral, utf16);
    return i < this.astral.length && this.astral[i] === utf16;
  }
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
