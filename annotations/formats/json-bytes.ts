/**
 * JSON written straight into UTF-8 bytes, exactly as `JSON.stringify(value,
 * null, 2)` would write it and a UTF-8 encoder would then encode it, but
 * without making the text first: a large export is mostly short strings and
 * numbers in records of a fixed shape, and writing those as bytes skips the
 * intermediate objects, the text and its encoding, and their garbage.
 */

/** The bytes of each possible escaped character are these hex digits, lower case as `JSON.stringify` writes them. */
const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];
/** Strings this long or longer are encoded a chunk at a time, so room is asked for in bounded amounts. */
const CHUNK = 4096;
/** The most bytes one UTF-16 code unit of a JSON string can take (`\u001f` is six). */
const MAX_BYTES_PER_UNIT = 6;

/**
 * A growable buffer of UTF-8 bytes with writers for JSON: strings and numbers
 * as `JSON.stringify` gives them, any value indented at a depth, and the
 * punctuation of an object written member by member. Reused from one chunk
 * of output to the next with `clear()`. Never fails; it grows as needed.
 */
export class JsonBytes {
  private buffer: Uint8Array;
  private at = 0;

  constructor(capacity = 64 * 1024) {
    this.buffer = new Uint8Array(Math.max(16, capacity));
  }

  /** How many bytes have been written since the last `clear()`. */
  get length(): number {
    return this.at;
  }

  /** The bytes written since the last `clear()`: a view of the buffer, valid until the next write or `clear()`. */
  view(): Uint8Array {
    return this.buffer.subarray(0, this.at);
  }

  /** Forgets what was written, keeping the buffer for reuse. */
  clear(): void {
    this.at = 0;
  }

  /** Appends bytes as they are (a piece encoded once with `utf8Bytes`). */
  bytes(piece: Uint8Array): void {
    this.room(piece.length);
    this.buffer.set(piece, this.at);
    this.at += piece.length;
  }

  /** Appends the UTF-8 encoding of `text`; a lone surrogate becomes U+FFFD, as in `TextEncoder`. */
  text(text: string): void {
    for (let from = this.plain(text, false); from < text.length; ) from = this.encode(text, from, Math.min(text.length, from + CHUNK), false);
  }

  /** Appends `JSON.stringify(value)` for a string: quoted, escaped as JSON.stringify escapes, UTF-8 encoded. */
  string(value: string): void {
    this.room(1);
    this.buffer[this.at++] = 34;
    for (let from = this.plain(value, true); from < value.length; ) from = this.encode(value, from, Math.min(value.length, from + CHUNK), true);
    this.room(1);
    this.buffer[this.at++] = 34;
  }

  /**
   * Appends `before` (the punctuation and key of a member) and then
   * `JSON.stringify(value)` for a string, reusing the bytes `last` holds when
   * `value` is the string it holds, else encoding them and keeping them there.
   * For a member that most records share with the one before (an author, a
   * label, an import's time stamp); `last` serves one member, always written
   * after the same `before`.
   */
  repeatedString(before: Uint8Array, value: string, last: LastString): void {
    if (value === last.value) {
      this.bytes(last.bytes);
      return;
    }
    const from = this.at;
    this.bytes(before);
    this.string(value);
    last.value = value;
    last.bytes = this.buffer.slice(from, this.at);
  }

  /**
   * Appends `JSON.stringify(value)` for a string that is `source.text`'s
   * slice from `from` (as a quote is of its document's text), copying its
   * bytes from `source` rather than encoding them again. A string that is
   * not that slice, or whose ends split a surrogate pair (which JSON.stringify
   * escapes when the half stands alone), is encoded as `string` does.
   */
  stringFrom(value: string, source: EncodedText, from: number): void {
    const to = from + value.length;
    const start = from >= 0 && to <= source.text.length ? source.starts[from]! : -1;
    const end = start >= 0 ? source.starts[to]! : -1;
    // Compared as a slice: V8 compares two slices of one text faster than startsWith reads it.
    if (end < 0 || source.text.slice(from, to) !== value) {
      this.string(value);
      return;
    }
    this.room(end - start + 2);
    const b = this.buffer;
    let at = this.at;
    b[at++] = 34;
    if (end - start > 64) {
      b.set(source.bytes.subarray(start, end), at);
      at += end - start;
    } else {
      const bytes = source.bytes;
      for (let i = start; i < end; i++) b[at++] = bytes[i]!;
    }
    b[at++] = 34;
    this.at = at;
  }

  /** Appends `JSON.stringify(value)` for a number (`null` when it is not finite). */
  number(value: number): void {
    if (!(value >= 0 && value <= 0xffffffff && Math.floor(value) === value)) {
      this.text(JSON.stringify(value));
      return;
    }
    // A whole number from 0 to 2^32 - 1 (and -0, which JSON writes as 0): its digits, written from the last.
    let digits = 1;
    for (let bound = 10; value >= bound && digits < 10; bound *= 10) digits++;
    this.room(digits);
    let at = this.at + digits;
    this.at = at;
    let rest = value;
    do {
      this.buffer[--at] = 48 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /**
   * Appends `value` as `JSON.stringify(value, null, 2)` writes it where it
   * sits `depth` levels deep in an enclosing value so written (each line after
   * the first indented by `2 * depth` more spaces). Returns false, writing
   * nothing, for a value JSON leaves out (undefined, a function, a symbol).
   */
  value(value: unknown, depth: number): boolean {
    if (typeof value === 'string') {
      this.string(value);
      return true;
    }
    if (typeof value === 'number') {
      this.number(value);
      return true;
    }
    const json = indentedJson(value, depth);
    if (json === undefined) return false;
    this.text(json);
    return true;
  }

  /**
   * Opens an object `depth` levels deep with the members of `head`, written
   * as `JSON.stringify` writes them; more members may follow (`member`), then
   * `closeObject`. Returns whether any member was written.
   */
  openObject(head: object, depth: number): boolean {
    const json = indentedJson(head, depth)!;
    if (json === '{}') {
      this.bytes(OPEN_BRACE);
      return false;
    }
    // Everything but the closing line, which is a newline, the indent and the brace.
    this.text(json.slice(0, json.length - (2 * depth + 2)));
    return true;
  }

  /**
   * Appends `s[from, to)` as the content of a JSON string, without the
   * quotes; `starts`, when given, gets where each unit's bytes begin, or -1
   * for the second half of a surrogate pair.
   */
  jsonContent(s: string, from: number, to: number, starts?: Int32Array): void {
    if (!starts) {
      while (from < to) from = this.encode(s, from, Math.min(to, from + CHUNK), true);
      return;
    }
    while (from < to) {
      // A run of characters that stand as they are, copied by a loop simpler than `encode`'s; then one that does not.
      const end = Math.min(to, from + CHUNK);
      this.room(end - from);
      const b = this.buffer;
      let at = this.at;
      let i = from;
      for (; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x20 || c >= 0x80 || c === 34 || c === 92) break;
        starts[i] = at;
        b[at++] = c;
      }
      this.at = at;
      from = i < end ? this.encode(s, i, i + 1, true, starts) : i;
    }
  }

  /** Swaps what this and `other` hold (their buffers and what is written in them), so one can be filled while the other's bytes are in use. */
  exchange(other: JsonBytes): void {
    const { buffer, at } = this;
    this.buffer = other.buffer;
    this.at = other.at;
    other.buffer = buffer;
    other.at = at;
  }

  /** Writes the key of the next member of an object `depth` levels deep: after `previous` members, a comma first. */
  member(key: string, depth: number, previous: boolean): void {
    if (previous) this.bytes(COMMA);
    this.bytes(lineStart(depth + 1));
    this.string(key);
    this.bytes(COLON);
  }

  /**
   * Writes a member `key: value` of an object `depth` levels deep (after
   * `previous` members, a comma first), unless JSON leaves the value out;
   * returns whether it wrote it.
   */
  entry(key: string, value: unknown, depth: number, previous: boolean): boolean {
    const json = typeof value === 'string' || typeof value === 'number' ? null : indentedJson(value, depth + 1);
    if (json === undefined) return false;
    this.member(key, depth, previous);
    if (json === null) this.value(value, depth + 1);
    else this.text(json);
    return true;
  }

  /** Closes an object `depth` levels deep that has `members` (or none). */
  closeObject(depth: number, members: boolean): void {
    if (members) this.bytes(lineStart(depth));
    this.bytes(CLOSE_BRACE);
  }

  /**
   * Copies the start of `s` up to its first character that is not printable
   * ASCII (or, when `json`, that JSON escapes), at most a chunk; returns where
   * it stopped. Most strings of an export are all such characters, and this
   * loop, simpler than `encode`'s, copies them several times faster.
   */
  private plain(s: string, json: boolean): number {
    const n = Math.min(s.length, CHUNK);
    this.room(n);
    const b = this.buffer;
    let at = this.at;
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c >= 0x80 || (json && (c === 34 || c === 92))) break;
      b[at++] = c;
    }
    this.at = at;
    return i;
  }

  /**
   * Encodes `s[from, to)`, as a JSON string's content when `json`, else as
   * plain text; returns where the next chunk starts (`to`, or one past it when
   * the last unit began a surrogate pair).
   */
  private encode(s: string, from: number, to: number, json: boolean, starts?: Int32Array): number {
    // One unit past `to` may be read: the second half of a surrogate pair that the chunk boundary splits.
    this.room((to - from + 1) * MAX_BYTES_PER_UNIT);
    const b = this.buffer;
    let at = this.at;
    let i = from;
    for (; i < to; i++) {
      if (starts) starts[i] = at;
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (!json || (c >= 0x20 && c !== 34 && c !== 92)) b[at++] = c;
        else at = escapeAscii(b, at, c);
      } else if (c < 0x800) {
        b[at++] = 0xc0 | (c >> 6);
        b[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        b[at++] = 0xe0 | (c >> 12);
        b[at++] = 0x80 | ((c >> 6) & 0x3f);
        b[at++] = 0x80 | (c & 0x3f);
      } else {
        const d = c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
        if (d >= 0xdc00 && d <= 0xdfff) {
          const p = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          b[at++] = 0xf0 | (p >> 18);
          b[at++] = 0x80 | ((p >> 12) & 0x3f);
          b[at++] = 0x80 | ((p >> 6) & 0x3f);
          b[at++] = 0x80 | (p & 0x3f);
          if (starts) starts[i + 1] = -1;
          i++;
        } else if (json) {
          // A lone surrogate: JSON.stringify writes it as an escape, so the text stays well formed.
          at = escapeUnit(b, at, c);
        } else {
          b[at++] = 0xef;
          b[at++] = 0xbf;
          b[at++] = 0xbd;
        }
      }
    }
    this.at = at;
    return i;
  }

  /** Makes room for `count` more bytes. */
  private room(count: number): void {
    if (this.at + count <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.at + count));
    grown.set(this.buffer.subarray(0, this.at));
    this.buffer = grown;
  }
}

/**
 * A text encoded once as the content of a JSON string, so that strings cut
 * from it can be copied from its bytes (`stringFrom`). One instance encodes
 * text after text (`encode`), reusing its buffers.
 */
export class EncodedText {
  /** The text last encoded. */
  text = '';
  /** The text's UTF-8 bytes, escaped as `JSON.stringify` escapes them, without the quotes. */
  bytes: Uint8Array = new Uint8Array(0);
  /** Where each UTF-16 offset of the text starts in `bytes` (its length at the end); -1 between the halves of a surrogate pair. */
  starts = new Int32Array(0);
  private readonly out = new JsonBytes(1024);

  /** Encodes `text`, replacing the text encoded before. */
  encode(text: string): this {
    if (this.starts.length < text.length + 1) this.starts = new Int32Array(Math.max(text.length + 1, 2 * this.starts.length));
    this.out.clear();
    this.out.jsonContent(text, 0, text.length, this.starts);
    this.starts[text.length] = this.out.length;
    this.text = text;
    this.bytes = this.out.view();
    return this;
  }
}

/** Encodes `text` for `stringFrom`. */
export function encodeText(text: string): EncodedText {
  return new EncodedText().encode(text);
}

/** The last string a `repeatedString` call site wrote, and its bytes with the key before them. */
export class LastString {
  value: string | undefined = undefined;
  bytes = new Uint8Array(0);
}

/** The UTF-8 bytes of `text` (for pieces encoded once and written many times with `bytes`). */
export function utf8Bytes(text: string): Uint8Array {
  const out = new JsonBytes(text.length * 3);
  out.text(text);
  return out.view().slice();
}

/** The bytes that start a line `depth` levels deep: a newline and the indent. */
export function lineStart(depth: number): Uint8Array {
  let line = LINE_STARTS[depth];
  if (!line) {
    line = utf8Bytes(`\n${'  '.repeat(depth)}`);
    LINE_STARTS[depth] = line;
  }
  return line;
}

const LINE_STARTS: Uint8Array[] = [];
const OPEN_BRACE = utf8Bytes('{');
const CLOSE_BRACE = utf8Bytes('}');
const COMMA = utf8Bytes(',');
const COLON = utf8Bytes(': ');

/** `JSON.stringify(value, null, 2)` as it reads `depth` levels deep; undefined when JSON leaves the value out. */
function indentedJson(value: unknown, depth: number): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  // JSON text holds no raw newline inside a string, so each newline starts a line to indent.
  return json === undefined || depth === 0 ? json : json.replace(/\n/g, `\n${'  '.repeat(depth)}`);
}

/** Writes the escape JSON.stringify gives an ASCII character that cannot stand as it is in a string. */
function escapeAscii(b: Uint8Array, at: number, c: number): number {
  const short = c === 34 ? 34 : c === 92 ? 92 : c === 10 ? 110 : c === 13 ? 114 : c === 9 ? 116 : c === 8 ? 98 : c === 12 ? 102 : 0;
  if (short === 0) return escapeUnit(b, at, c);
  b[at++] = 92;
  b[at++] = short;
  return at;
}

/** Writes `\uXXXX` for a code unit, in lower-case hex. */
function escapeUnit(b: Uint8Array, at: number, c: number): number {
  b[at++] = 92;
  b[at++] = 117;
  b[at++] = HEX[c >> 12]!;
  b[at++] = HEX[(c >> 8) & 15]!;
  b[at++] = HEX[(c >> 4) & 15]!;
  b[at++] = HEX[c & 15]!;
  return at;
}
