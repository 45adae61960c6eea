import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { FormatFile, ImportOutcome } from './format';
import { exportLabelbuddy, importLabelbuddy, textMd5 } from './labelbuddy';
import { sampleCorpus } from './test-fixtures/sample-corpus';
import { Utf8Offsets } from './utf8-offsets';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const encoder = new TextEncoder();

/** Code point and UTF-8 byte offsets of the first `piece` in `text`, as labelbuddy writes them. */
function offsets(text: string, piece: string): { start_char: number; end_char: number; start_byte: number; end_byte: number } {
  const at = text.indexOf(piece);
  const before = text.slice(0, at);
  return { start_char: [...before].length, end_char: [...before].length + [...piece].length, start_byte: encoder.encode(before).length, end_byte: encoder.encode(before + piece).length };
}

const TEXTS = ['Envoys from 🇰🇷 and 🇺🇸 met at 판문점\r\non 12 May.', 'The 통일부 statement said 𝑥 talks would resume.', 'Plain ASCII: Washington replied.'];

/** A document line as labelbuddy 0.0.11+ exports it, with every offset kind and the checksum. */
function exported(text: string, pieces: Array<[string, string, string?]>, extra: Record<string, unknown> = {}) {
  return {
    text,
    metadata: { source: 'wire', lang: 'en' },
    display_title: `About ${pieces[0]?.[0] ?? 'nothing'}`,
    list_title: 'list title',
    utf8_text_md5_checksum: textMd5(text),
    annotations: pieces.map(([piece, label, note]) => ({ ...offsets(text, piece), label_name: label, ...(note ? { extra_data: note } : {}) })),
    ...extra,
  };
}

const jsonl = (...values: unknown[]): FormatFile => ({ path: 'annotations.jsonl', data: values.map((v) => JSON.stringify(v)).join('\n') + '\n' });

function ok(result: ReturnType<typeof importLabelbuddy>): ImportOutcome {
  if (!result.ok) throw new Error(`${result.error.message}\n${JSON.stringify(result.error.problems)}`);
  return result.value;
}

const quotes = (o: ImportOutcome, doc = 0) => o.corpus.documents[doc]!.layers[0]!.annotations.map((a) => [a.quote.exact, a.labelId, a.note]);

describe('labelbuddy JSON Lines', () => {
  it('checks its MD5 as labelbuddy computes it (MD5 of the UTF-8 text)', () => {
    expect(textMd5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(textMd5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
  });

  it('reads code point offsets on CRLF, Hangul, flags and astral letters, with extra_data as the note', () => {
    const o = ok(importLabelbuddy([jsonl(exported(TEXTS[0]!, [['🇺🇸', 'Actor'], ['판문점', 'Policy body', 'the truce village'], ['12 May', 'Date']]), exported(TEXTS[1]!, [['𝑥', 'Position'], ['통일부', 'ORG']]))], options));
    expect(quotes(o, 0)).toEqual([
      ['🇺🇸', 'actor', undefined],
      ['판문점', 'policy-body', 'the truce village'],
      ['12 May', 'date', undefined],
    ]);
    expect(quotes(o, 1)).toEqual([
      ['통일부', 'org', undefined],
      ['𝑥', 'position', undefined],
    ]);
    expect(o.corpus.documents[0]!.document.title).toBe('About 🇺🇸');
    expect(o.warnings).toEqual([]);
    expect(o.ignored).toEqual([{ kind: 'labelbuddy metadata values', count: 4, why: 'Parley keeps only metadata.title; keys: lang, source' }]);
  });

  it('reads UTF-8 byte offsets when the character offsets are left out', () => {
    const line = exported(TEXTS[0]!, [['판문점', 'Policy body'], ['🇰🇷', 'Actor']]);
    line.annotations = line.annotations.map(({ start_byte, end_byte, label_name }) => ({ start_byte, end_byte, label_name })) as typeof line.annotations;
    expect(quotes(ok(importLabelbuddy([jsonl(line)], options)))).toEqual([
      ['🇰🇷', 'actor', undefined],
      ['판문점', 'policy-body', undefined],
    ]);
  });

  it('uses the character offsets when the byte offsets disagree, and says so', () => {
    const line = exported(TEXTS[1]!, [['통일부', 'ORG']]);
    line.annotations[0]!.start_byte += 1;
    const o = ok(importLabelbuddy([jsonl(line)], options));
    expect(quotes(o)).toEqual([['통일부', 'org', undefined]]);
    expect(o.warnings.map((w) => [w.line, w.record, w.message])).toEqual([[1, 'annotations[0]', expect.stringMatching(/do not match start_char\/end_char/)]]);
  });

  it('refuses a byte offset inside a multi-byte character', () => {
    const text = TEXTS[1]!;
    const start = encoder.encode('The ').length + 1;
    const result = importLabelbuddy([jsonl({ text, annotations: [{ start_byte: start, end_byte: start + 5, label_name: 'ORG' }] })], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual([`byte span [${start}, ${start + 5}) starts or ends inside a multi-byte character`]);
  });

  it('fails, naming the line, when the text no longer matches its checksum, and imports nothing', () => {
    const good = exported(TEXTS[2]!, [['Washington', 'Actor']]);
    const edited = { ...exported(TEXTS[0]!, [['판문점', 'Policy body']]), text: TEXTS[0]!.replace('\r\n', '\n') };
    const result = importLabelbuddy([jsonl(good, edited)], options);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.message).toMatch(/nothing was imported/);
      expect(result.error.problems).toEqual([{ file: 'annotations.jsonl', line: 2, message: expect.stringMatching(/^utf8_text_md5_checksum [0-9a-f]{32} does not match the text \(its MD5 is [0-9a-f]{32}\)/) }]);
    }
  });

  it('explains a document exported without its text', () => {
    const result = importLabelbuddy([jsonl({ utf8_text_md5_checksum: textMd5(TEXTS[2]!), annotations: [] })], options);
    expect(result.ok ? '' : result.error.problems![0]!.message).toMatch(/without text/);
  });

  it('reads the older shape (labels as [start, end, label, extra], meta, long_title) and the .json array form', () => {
    const text = TEXTS[0]!;
    const a = offsets(text, '판문점');
    const old = [{ text, labels: [[a.start_char, a.end_char, 'Policy body', 'village']], meta: { title: 'ignored title' }, long_title: 'Talks at the border' }];
    const o = ok(importLabelbuddy([{ path: 'docs.json', data: JSON.stringify(old) }], options));
    expect(quotes(o)).toEqual([['판문점', 'policy-body', 'village']]);
    expect(o.corpus.documents[0]!.document.title).toBe('Talks at the border');
  });

  it('writes code point and byte offsets, the checksum and notes, one document per line', () => {
    const out = exportLabelbuddy(sampleCorpus(), {});
    if (!out.ok) throw new Error(out.error.message);
    expect(out.value.warnings).toEqual([]);
    const lines = (out.value.files[0]!.data as string).trimEnd().split('\n').map((l) => JSON.parse(l) as ReturnType<typeof exported>);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line.utf8_text_md5_checksum).toBe(textMd5(line.text));
      const bytes = encoder.encode(line.text);
      const decoder = new TextDecoder();
      for (const a of line.annotations) {
        const byChars = [...line.text].slice(a.start_char, a.end_char).join('');
        expect(decoder.decode(bytes.slice(a.start_byte, a.end_byte))).toBe(byChars);
      }
    }
    expect(lines.flatMap((l) => l.annotations).filter((a) => 'extra_data' in a)).toHaveLength(4);
  });
});

describe('UTF-8 offsets', () => {
  it('map both ways across ASCII, Hangul, astral characters, CRLF and lone surrogates', () => {
    for (const text of [...TEXTS, 'a\uD800b', '\uDC00 end', '']) {
      const u = new Utf8Offsets(text);
      expect(u.byteLength).toBe(encoder.encode(text).length);
      for (let i = 0; i <= text.length; i++) {
        const inPair = i > 0 && /[\uD800-\uDBFF]/.test(text[i - 1]!) && /[\uDC00-\uDFFF]/.test(text[i] ?? '');
        if (inPair) continue;
        const b = encoder.encode(text.slice(0, i)).length;
        expect(u.toByte(i)).toBe(b);
        expect(u.toUtf16(b)).toBe(i);
      }
    }
  });
});
