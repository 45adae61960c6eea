import { describe, expect, it } from 'vitest';
import { encodeText, JsonBytes, LastString } from './json-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** What `write` appends to an empty `JsonBytes`, as hex (so a failure shows the bytes). */
function written(write: (out: JsonBytes) => void, capacity = 16): string {
  const out = new JsonBytes(capacity);
  write(out);
  return hex(out.view());
}

const HOSTILE = [
  '',
  'plain ASCII',
  'say "no" \\ twice\\',
  'tab\there\r\nCRLF\nLF\b\f\u0000\u0001\u001f\u007f',
  '통일부 남북 실무회담',
  'emoji 🇰🇷 👩🏽‍💼 🕊️ 𝑥',
  'line\u2028para\u2029sep',
  '\ud800 lone high',
  'lone low \udc00',
  'reversed \udc00\ud800 pair',
  'ends on a high \ud83d',
  '\udfff',
  '\u00e9\u07ff\u0800\uffff\ufeff',
];

describe('JsonBytes', () => {
  it('writes every UTF-16 code unit alone as JSON.stringify does, then UTF-8', () => {
    for (let unit = 0; unit <= 0xffff; unit++) {
      const s = String.fromCharCode(unit);
      const out = new JsonBytes(16);
      out.string(s);
      if (hex(out.view()) !== hex(utf8(JSON.stringify(s)))) expect(`U+${unit.toString(16)}: ${hex(out.view())}`).toBe(`U+${unit.toString(16)}: ${hex(utf8(JSON.stringify(s)))}`);
    }
  });

  it('writes hostile strings (quotes, backslashes, controls, lone surrogates, Hangul, emoji, U+2028) as JSON.stringify does', () => {
    for (const s of HOSTILE) expect(written((out) => out.string(s))).toBe(hex(utf8(JSON.stringify(s))));
  });

  it('keeps a surrogate pair whole where a long string is cut into chunks, and grows its buffer', () => {
    for (const length of [4094, 4095, 4096, 4097, 8191, 12_000]) {
      const s = `${'a'.repeat(length)}🇰🇷"\\\n통${'\ud800'}`;
      expect(written((out) => out.string(s), 1)).toBe(hex(utf8(JSON.stringify(s))));
      expect(written((out) => out.text(s), 1)).toBe(hex(utf8(s)));
    }
  });

  it('writes text as UTF-8 with lone surrogates as U+FFFD, as TextEncoder does', () => {
    for (const s of HOSTILE) expect(written((out) => out.text(s))).toBe(hex(utf8(s)));
  });

  it('writes numbers as JSON.stringify does', () => {
    for (const n of [0, -0, 1, 9, 10, 99, 100, 123_456, 4_294_967_295, 4_294_967_296, Number.MAX_SAFE_INTEGER, -1, -12, 1.5, 0.1, 1e21, 1e-7, NaN, Infinity, -Infinity]) {
      expect(written((out) => out.number(n))).toBe(hex(utf8(JSON.stringify(n))));
    }
  });

  it('writes any value indented as deep as it sits, and nothing for what JSON leaves out', () => {
    const values: unknown[] = [{ a: [1, { b: 'x\ny' }, []], c: {}, d: null, e: true, 2: 'first' }, [], {}, ['통', ['🕊️']], 'text', 3, null, { toJSON: () => ({ swapped: 1 }) }];
    for (const value of values) {
      for (const depth of [0, 1, 4]) {
        // JSON.stringify's own text of the value inside `depth` arrays, without their brackets.
        let wrapped: unknown = value;
        for (let d = 0; d < depth; d++) wrapped = [wrapped];
        const lines = JSON.stringify(wrapped, null, 2).split('\n');
        const expected = lines.slice(depth, lines.length - depth).join('\n').slice(2 * depth);
        expect(written((out) => expect(out.value(value, depth)).toBe(true))).toBe(hex(utf8(expected)));
      }
    }
    for (const left of [undefined, () => 1, Symbol('s')]) expect(written((out) => expect(out.value(left, 2)).toBe(false))).toBe('');
  });

  it('writes an object member by member as JSON.stringify writes it, leaving out members JSON leaves out', () => {
    const out = new JsonBytes();
    const members = out.openObject({ id: 'd1', skipped: undefined, title: '"통"' }, 1);
    out.member('list', 1, members);
    out.value([1, 2], 2);
    expect(out.entry('gone', undefined, 1, true)).toBe(false);
    expect(out.entry('note', 'n', 1, true)).toBe(true);
    expect(out.entry('nested', { k: ['v'] }, 1, true)).toBe(true);
    out.closeObject(1, true);
    const expected = JSON.stringify([{ id: 'd1', title: '"통"', list: [1, 2], note: 'n', nested: { k: ['v'] } }], null, 2);
    expect(hex(out.view())).toBe(hex(utf8(expected.slice('[\n  '.length, -'\n]'.length))));

    const empty = new JsonBytes();
    const any = empty.openObject({ only: undefined }, 0);
    expect(any).toBe(false);
    empty.closeObject(0, any);
    expect(hex(empty.view())).toBe(hex(utf8('{}')));
  });

  it('copies a slice of an encoded text only when the string is that slice and its ends split no pair', () => {
    const text = 'a"b\\c\r\n통🇰🇷d\ud800e\u2028f😀';
    const source = encodeText(text);
    for (let from = -1; from <= text.length + 1; from++) {
      for (let to = from; to <= text.length + 1; to++) {
        const slice = text.slice(Math.max(0, from), to);
        expect(written((out) => out.stringFrom(slice, source, from))).toBe(hex(utf8(JSON.stringify(slice))));
      }
    }
    // Strings that are not the text at that offset, though as long: encoded from themselves.
    for (const s of ['b"x', 'zz', '통', '\udde8']) expect(written((out) => out.stringFrom(s, source, 1))).toBe(hex(utf8(JSON.stringify(s))));
    // A long slice is copied in one piece.
    const long = `${'x'.repeat(100)}통${'y'.repeat(100)}`;
    expect(written((out) => out.stringFrom(long.slice(3, 180), encodeText(long), 3))).toBe(hex(utf8(JSON.stringify(long.slice(3, 180)))));
  });

  it('reuses the bytes of a repeated string and encodes a new one', () => {
    const last = new LastString();
    const key = utf8(',\n  "author": ');
    const strings = ['ana', 'ana', '"ben"', '"ben"', 'ana', '', '', '통🇰🇷'];
    expect(written((out) => strings.forEach((s) => out.repeatedString(key, s, last)))).toBe(hex(utf8(strings.map((s) => `,\n  "author": ${JSON.stringify(s)}`).join(''))));
  });

  it('starts again empty after clear, keeping what it had written apart', () => {
    const out = new JsonBytes(4);
    out.string('first');
    const first = out.view().slice();
    out.clear();
    out.string('second');
    expect([hex(first), hex(out.view())]).toEqual([hex(utf8('"first"')), hex(utf8('"second"'))]);
  });
});
