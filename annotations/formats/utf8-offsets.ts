/**
 * Offsets into the UTF-8 bytes of a text (labelbuddy's `start_byte` and
 * `end_byte`) and their UTF-16 equivalents. A byte offset inside a
 * multi-byte character has no equivalent and is refused.
 */
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { Utf16Span } from './offsets';

/** Converts between UTF-16 code unit offsets of one text and offsets into its UTF-8 bytes. */
export class Utf8Offsets {
  /** `bytes[i]` is the UTF-8 byte offset of UTF-16 offset `i` (only meaningful at code point boundaries). */
  private readonly bytes: Int32Array;

  constructor(private readonly text: string) {
    this.bytes = new Int32Array(text.length + 1);
    let b = 0;
    for (let i = 0; i < text.length; i++) {
      this.bytes[i] = b;
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        this.bytes[++i] = b;
        b += 4;
      } else {
        // A lone surrogate is written as U+FFFD, three bytes.
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
      }
    }
    this.bytes[text.length] = b;
  }

  /** Length of the text in UTF-8 bytes. */
  get byteLength(): number {
    return this.bytes[this.text.length]!;
  }

  /** The UTF-8 byte offset of a UTF-16 offset at a code point boundary. */
  toByte(utf16: number): number {
    return this.bytes[utf16]!;
  }

  /** The UTF-16 offset of a byte offset, or undefined if it falls inside a character. */
  toUtf16(byte: number): number | undefined {
    // Binary search over the non-decreasing byte offsets, taking the first code unit of a pair.
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bytes[mid]! < byte) lo = mid + 1;
      else hi = mid;
    }
    return this.bytes[lo] === byte ? lo : undefined;
  }

  /** Validates a byte span and converts it to UTF-16, naming what is wrong. */
  span(start: unknown, end: unknown): Result<Utf16Span> {
    if (typeof start !== 'number' || !Number.isInteger(start)) return fail('invalid-input', `start_byte ${JSON.stringify(start) ?? 'undefined'} is not an integer`);
    if (typeof end !== 'number' || !Number.isInteger(end)) return fail('invalid-input', `end_byte ${JSON.stringify(end) ?? 'undefined'} is not an integer`);
    if (start < 0) return fail('invalid-input', `start_byte ${start} is negative`);
    if (end <= start) return fail('invalid-input', `byte span [${start}, ${end}) is ${end === start ? 'empty' : 'reversed'}`);
    if (end > this.byteLength) return fail('invalid-input', `end_byte ${end} is past the end of the text (${this.byteLength} UTF-8 bytes)`);
    const s = this.toUtf16(start);
    const e = this.toUtf16(end);
    if (s === undefined || e === undefined) return fail('invalid-input', `byte span [${start}, ${end}) starts or ends inside a multi-byte character`);
    return ok({ start: s, end: e });
  }
}
