import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { exportLabelStudio, importLabelStudio, readLabelConfig } from './label-studio';
import { sampleCorpus } from './test-fixtures/sample-corpus';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const TEXT = '🇰🇷 and 🇺🇸 envoys briefed 통일부 on Friday.';

function task(start: number, end: number, text = '통일부', labels = ['Policy body']) {
  return [{ id: 1, data: { text: TEXT }, annotations: [{ result: [{ id: 'r1', from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text, labels } }] }] }];
}

describe('Label Studio JSON', () => {
  it('reads code point offsets checked against value.text', () => {
    const start = [...TEXT].indexOf('통');
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify(task(start, start + 3)) }], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations[0]!.quote.exact).toBe('통일부');
    expect(result.ok && result.value.warnings).toEqual([]);
  });

  it('recognises UTF-16 offsets from older Label Studio versions by value.text and says so', () => {
    const start = TEXT.indexOf('통');
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify(task(start, start + 3)) }], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations[0]!.quote.exact).toBe('통일부');
    expect(result.ok && result.value.warnings[0]!.message).toMatch(/UTF-16/);
  });

  it('fails when value.text matches neither reading', () => {
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify(task(0, 2, 'Seoul')) }], options);
    expect(result.ok ? '' : result.error.problems![0]!.record).toBe('[0].annotations[0].result[0]');
  });

  it('puts a second annotator in a colleague layer and sets predictions aside with a count', () => {
    const data: Array<{ annotations: unknown[]; predictions?: unknown[] }> = task(0, 2, '🇰🇷', ['Actor']);
    data[0]!.annotations.push({ completed_by: 7, result: [] });
    data[0]!.predictions = [{ result: [] }];
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify(data) }], options);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.corpus.documents[0]!.layers.map((l) => l.id)).toEqual(['own', 'colleague:7']);
    expect(result.value.ignored).toEqual([{ kind: 'Label Studio predictions', count: 1, why: 'suggestions by a model, not annotations' }]);
  });

  it('writes a labelling config that carries colours and hotkeys back on import', () => {
    const out = exportLabelStudio(sampleCorpus(), {});
    if (!out.ok) throw new Error(out.error.message);
    const xml = out.value.files[1]!.data as string;
    expect(readLabelConfig(xml)[1]).toEqual({ id: 'Policy body', name: 'Policy body', color: '#059669', shortcut: '2', description: '' });
  });
});
