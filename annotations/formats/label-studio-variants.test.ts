/**
 * Label Studio projects as people set them up: the text under any key of
 * `data`, named by the labelling config or found as the only string field,
 * and region ids that survive a round trip.
 */
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { FormatFile } from './format';
import { exportLabelStudio, importLabelStudio, readTextKeys } from './label-studio';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const TEXT = 'Delegates from 🇰🇷 reached 판문점\r\nbefore the 𝑥 deadline.';

function region(id: string, piece: string, label: string, names = { from_name: 'ner', to_name: 'article' }) {
  const at = TEXT.indexOf(piece);
  const start = [...TEXT.slice(0, at)].length;
  return { id, ...names, type: 'labels', origin: 'manual', value: { start, end: start + [...piece].length, text: piece, labels: [label] } };
}

const CONFIG = `<View>
  <Header value="$headline"/>
  <Labels name="ner" toName="article">
    <Label value="Actor" background="#2563eb"/>
    <Label value="Place" background="#65a30d" hotkey="p"/>
  </Labels>
  <Text name="article" value="$body_text" granularity="word"/>
</View>`;

const tasksFile = (tasks: unknown[]): FormatFile => ({ path: 'project-7-export.json', data: JSON.stringify(tasks) });

describe('Label Studio: where the text is', () => {
  it('reads the data key the labelling config names, not the other string fields', () => {
    const task = { id: 41, data: { headline: 'Border talks', body_text: TEXT, url: 'https://example.org/a' }, annotations: [{ completed_by: 2, result: [region('Rk1', '판문점', 'Place')] }] };
    const result = importLabelStudio([tasksFile([task]), { path: 'config.xml', data: CONFIG }], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const doc = result.value.corpus.documents[0]!;
    expect(doc.document.text).toBe(TEXT);
    expect(doc.layers[0]!.annotations.map((a) => a.quote.exact)).toEqual(['판문점']);
    expect(result.value.corpus.labels.labels.find((l) => l.name === 'Place')).toMatchObject({ color: '#65a30d', shortcut: 'p' });
  });

  it('reads the only string field of data when no config is given', () => {
    const task = { id: 42, data: { body: TEXT, n: 3, tags: ['x'] }, annotations: [{ result: [region('Rk2', '🇰🇷', 'Actor')] }] };
    const result = importLabelStudio([tasksFile([task])], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => a.quote.exact)).toEqual(['🇰🇷']);
  });

  it('refuses, naming the fields, when several string fields could be the text and no config says which', () => {
    const task = { id: 43, data: { headline: 'Border talks', body: TEXT }, annotations: [] };
    const result = importLabelStudio([tasksFile([task])], options);
    expect(result.ok ? [] : result.error.problems).toEqual([
      { file: 'project-7-export.json', record: '[0].data', message: 'holds 2 string fields (headline, body); give the labelling config (.xml) whose <Text value="$…"> names the text' },
    ]);
  });

  it('finds every $key a config reads text from', () => {
    expect(readTextKeys(CONFIG)).toEqual(['body_text']);
    expect(readTextKeys('<View><Text name="a" value="$first"/><Text name="b" value="$second"></Text></View>')).toEqual(['first', 'second']);
  });
});

describe('Label Studio: region ids', () => {
  it('keeps region ids as annotation ids, so an export writes the same regions back', () => {
    const task = { id: 44, data: { text: TEXT }, annotations: [{ result: [region('Rk3', '판문점', 'Place'), region('Rk4', '𝑥', 'Position'), { id: 'Rk4', from_name: 'note', to_name: 'text', type: 'textarea', value: { text: ['an algebraic aside'] } }] }] };
    const imported = importLabelStudio([tasksFile([task])], options);
    if (!imported.ok) throw new Error(imported.error.message);
    const out = exportLabelStudio(imported.value.corpus, {});
    if (!out.ok) throw new Error(out.error.message);
    const [written] = JSON.parse(out.value.files[0]!.data as string) as Array<{ annotations: Array<{ result: Array<{ id: string; type: string; value: { start: number; end: number; text: unknown } }> }> }>;
    const results = written!.annotations[0]!.result;
    expect(results.map((r) => [r.id, r.type, r.value.text])).toEqual([
      ['Rk3', 'labels', '판문점'],
      ['Rk4', 'labels', '𝑥'],
      ['Rk4', 'textarea', ['an algebraic aside']],
    ]);
    expect(results.slice(0, 2).map((r) => [r.value.start, r.value.end])).toEqual([region('', '판문점', '').value, region('', '𝑥', '').value].map((v) => [v.start, v.end]));
  });
});
