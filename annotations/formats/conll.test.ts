import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { importConll, tokenize } from './conll';
import type { FormatFile } from './format';

const CONLL = path.join(__dirname, 'test-fixtures/conll');
const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const fixture = (name: string): FormatFile => ({ path: name, data: new Uint8Array(readFileSync(path.join(CONLL, name))) });

describe('CoNLL IOB2', () => {
  it('tokenises words, Hangul, flags, emoji and punctuation by the documented rule', () => {
    expect(tokenize('통일부는 🇰🇷 talks, 𝑥-axis 🕊️!\r\nNext').map((t) => [t.text, t.sentence])).toEqual([
      ['통일부는', 0],
      ['🇰🇷', 0],
      ['talks', 0],
      [',', 0],
      ['𝑥', 0],
      ['-', 0],
      ['axis', 0],
      ['🕊️', 0],
      ['!', 0],
      ['Next', 1],
    ]);
  });

  it('imports a labelled file as spans on the rebuilt text, one sentence per line', () => {
    const result = importConll([fixture('labelled.conll')], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const doc = result.value.corpus.documents[0]!;
    expect(doc.document.text).toBe('SEOUL AND TOKYO RESUME TALKS .\nKim Sung-han led the Unification Ministry delegation .');
    const names = new Map(result.value.corpus.labels.labels.map((l) => [l.id, l.name]));
    expect(doc.layers[0]!.annotations.map((a) => [a.quote.exact, names.get(a.labelId)])).toEqual([
      ['SEOUL', 'LOC'],
      ['TOKYO', 'LOC'],
      ['Kim Sung-han', 'PER'],
      ['Unification Ministry', 'ORG'],
    ]);
  });

  it('imports a file that ends with blank lines', () => {
    const result = importConll([fixture('trailing-blank-lines.conll')], options);
    expect(result.ok && result.value.corpus.documents.map((d) => d.document.text)).toEqual(['ENVOYS MEET IN SEOUL .']);
  });

  it('rejects a line without a tag column, naming the file and line', () => {
    const result = importConll([fixture('invalid.conll')], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems![0]).toEqual({ file: 'invalid.conll', line: 1, message: 'tag "SUMMIT" is not O or a tag such as B-LABEL, I-LABEL, E-LABEL, S-LABEL, L-LABEL or U-LABEL' });
  });

  it('rejects an I- tag that continues nothing in a file whose spans start with B-', () => {
    const result = importConll([{ path: 'x.conll', data: 'Seoul\tB-Actor\nand\tO\nsummit\tI-Date\n' }], options);
    expect(result.ok ? '' : result.error.problems![0]!.message).toMatch(/does not continue a Date span/);
  });

  it('splits documents at -DOCSTART- lines', () => {
    const result = importConll([{ path: 'two.conll', data: '-DOCSTART-\tO\n\n통일부\tB-Policy_body\n\n-DOCSTART-\tO\n\nSeoul\tB-Actor\nspoke\tO\n' }], options);
    expect(result.ok && result.value.corpus.documents.map((d) => [d.document.text, d.layers[0]!.annotations[0]!.labelId])).toEqual([
      ['통일부', 'policy-body'],
      ['Seoul spoke', 'actor'],
    ]);
  });
});
