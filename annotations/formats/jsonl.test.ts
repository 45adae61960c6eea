import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { importDoccano } from './doccano';
import { MAX_JSONL_LENGTH } from './jsonl';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const file = (text: string) => ({ path: 'lines.jsonl', data: new TextEncoder().encode(text) });

describe('JSON Lines reading', () => {
  it('reads every line once, with or without a final newline, CRLF line ends and a byte-order mark', () => {
    const lines = ['{"text":"Seoul\\r\\nspoke","label":[[0,5,"GPE"]]}', '', '{"text":"통일부 🙂","label":[[0,3,"ORG"]]}'];
    for (const text of [lines.join('\n'), `${lines.join('\n')}\n`, `\ufeff${lines.join('\r\n')}\r\n`]) {
      const result = importDoccano([file(text)], options);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.corpus.documents.map((d) => d.layers[0]!.annotations.map((a) => a.quote.exact))).toEqual([['Seoul'], ['통일부']]);
    }
  });

  it('names the line of a record that does not parse, counting blank lines', () => {
    const result = importDoccano([file('{"text":"a","label":[]}\n\n{"text": oops}\n')], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.problems)).toContain('"line":3');
  });

  it('refuses a file over the JSON Lines limit by its size, before reading a line', () => {
    const line = '{"text":"Seoul","label":[[0,5,"GPE"]]}\n';
    const text = line.repeat(Math.ceil((MAX_JSONL_LENGTH + 1) / line.length));
    const result = importDoccano([file(text)], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.problems)).toContain(`the limit for JSON Lines is ${MAX_JSONL_LENGTH}`);
  });
});
