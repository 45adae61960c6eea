import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { exportDoccano, importDoccano } from './doccano';
import type { FormatFile } from './format';
import { sampleCorpus } from './test-fixtures/sample-corpus';

const DOCCANO = path.join(__dirname, 'test-fixtures/doccano');
const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const fixture = (name: string): FormatFile => ({ path: name, data: new Uint8Array(readFileSync(path.join(DOCCANO, name))) });

describe('doccano JSONL', () => {
  it('imports an export with extra fields, counting code points, and adds unknown labels to the schema', () => {
    const result = importDoccano([fixture('export-sample.jsonl')], options);
    if (!result.ok) throw new Error(result.error.message);
    const docs = result.value.corpus.documents;
    expect(docs).toHaveLength(3);
    expect(docs.map((d) => d.layers[0]!.annotations.map((a) => a.quote.exact))).toEqual([['EU', 'Seoul'], ['Kim Sung-han', '통일부', '🇺🇸'], ['Yoon']]);
    const names = new Map(result.value.corpus.labels.labels.map((l) => [l.id, l.name]));
    expect(docs[1]!.layers[0]!.annotations.map((a) => names.get(a.labelId))).toEqual(['PERSON', 'ORG', 'GPE']);
    expect(result.value.corpus.labels.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['ORG', 'GPE', 'PERSON']));
  });

  it('keeps identical and nested overlapping spans', () => {
    const result = importDoccano([fixture('overlapping.jsonl')], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.start, a.end, a.quote.exact])).toEqual([
      [0, 11, 'Seoul talks'],
      [0, 5, 'Seoul'],
      [0, 5, 'Seoul'],
    ]);
  });

  it('fails the whole import when one line has no text, naming the file and line', () => {
    const result = importDoccano([fixture('missing-text.jsonl')], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toEqual([{ file: 'missing-text.jsonl', line: 3, message: '"text" is missing or not a string' }]);
  });

  it('counts code points: an offset after an emoji lands on the same character Python would', () => {
    const text = '🇰🇷 envoy met the 통일부 minister.';
    const start = [...text].indexOf('통');
    const line = JSON.stringify({ text, label: [[start, start + 3, 'policy_body']] });
    const result = importDoccano([{ path: 'a.jsonl', data: line }], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations[0]).toMatchObject({ quote: { exact: '통일부' }, labelId: 'policy-body' });
  });

  it('rejects non-integer, reversed and surrogate-splitting offsets', () => {
    const lines = [
      JSON.stringify({ text: 'Talks in Seoul.', label: [[0, 2.5, 'Actor']] }),
      JSON.stringify({ text: 'Talks in Seoul.', label: [[9, 3, 'Actor']] }),
      JSON.stringify({ text: 'Talks in Seoul.', label: [['0', 3, 'Actor']] }),
    ].join('\n');
    const result = importDoccano([{ path: 'bad.jsonl', data: lines }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => `${p.line}: ${p.message}`)).toEqual(['1: end 2.5 is not an integer', '2: span [9, 3) is reversed', '3: start "0" is not an integer']);
  });

  it('writes code point offsets and reports the notes it cannot hold', () => {
    const out = exportDoccano(sampleCorpus(), {});
    if (!out.ok) throw new Error(out.error.message);
    const first = JSON.parse((out.value.files[0]!.data as string).split('\n')[0]!) as { text: string; label: Array<[number, number, string]> };
    const flag = first.label.find((l) => [...first.text].slice(l[0], l[1]).join('') === '🇰🇷');
    expect(flag?.[2]).toBe('Actor');
    expect(out.value.warnings[0]!.message).toBe('4 notes not written: doccano sequence labelling has no place for notes');
  });
});
