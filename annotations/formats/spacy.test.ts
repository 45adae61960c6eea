import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { importSpacy } from './spacy';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

describe('spaCy / Prodigy JSONL', () => {
  it('reads code point spans and sets rejected Prodigy answers aside with a count', () => {
    const text = '𝑥 marks where 통일부 and the envoys disagree.';
    const lines = [
      JSON.stringify({ text, spans: [{ start: 14, end: 17, label: 'POLICY-BODY', text: '통일부' }], answer: 'accept' }),
      JSON.stringify({ text, spans: [], answer: 'reject' }),
    ].join('\n');
    const result = importSpacy([{ path: 'p.jsonl', data: lines }], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    expect(result.value.corpus.documents).toHaveLength(1);
    expect(result.value.corpus.documents[0]!.layers[0]!.annotations[0]).toMatchObject({ quote: { exact: '통일부' }, labelId: 'policy-body' });
    expect(result.value.ignored).toEqual([{ kind: 'Prodigy examples answered "reject"', count: 1, why: 'not gold' }]);
  });

  it('rejects a span whose text does not match its offsets', () => {
    const line = JSON.stringify({ text: '𝑥 marks 통일부.', spans: [{ start: 9, end: 12, label: 'Actor', text: '통일부' }] });
    const result = importSpacy([{ path: 'p.jsonl', data: line }], options);
    expect(result.ok ? '' : result.error.problems![0]!.message).toMatch(/does not match the text at the offsets/);
  });
});
