/**
 * Label Studio projects as people set them up: the text under any key of
 * `data`, named by the labelling config or found as the only string field,
 * and region ids that survive a round trip.
 */
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { FormatFile } from './format';
import { codecs } from './index';
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

describe('Label Studio: an export loads back into the original project', () => {
  type Written = Array<{ id: number | string; data: Record<string, string>; annotations: Array<{ result: Array<{ id: string; from_name: string; to_name: string; type: string }> }> }>;
  const remarks = (id: string, note: string) => ({ id, from_name: 'remarks', to_name: 'article', type: 'textarea', value: { text: [note] } });
  const project = [
    { id: 41, data: { headline: 'Border talks', body_text: TEXT }, annotations: [{ completed_by: 2, result: [region('Rk1', '판문점', 'Place'), remarks('Rk1', 'the truce village')] }] },
    { id: 'task-7', data: { headline: 'Flags', body_text: 'Two 🇰🇷 flags\r\nflew.' }, annotations: [{ completed_by: 2, result: [] }] },
  ];

  function exported(files: FormatFile[]): { tasks: Written; config: string; warnings: string[] } {
    const imported = importLabelStudio(files, options);
    if (!imported.ok) throw new Error(JSON.stringify(imported.error.problems));
    const out = exportLabelStudio(imported.value.corpus, {});
    if (!out.ok) throw new Error(out.error.message);
    return { tasks: JSON.parse(out.value.files[0]!.data as string) as Written, config: out.value.files[1]!.data as string, warnings: out.value.warnings.map((w) => w.message) };
  }

  it('keeps task ids, the data key of the text, from_name and to_name, and writes a config with those names', () => {
    const { tasks, config, warnings } = exported([tasksFile(project), { path: 'config.xml', data: CONFIG }]);
    expect(tasks.map((t) => [t.id, t.data['body_text']])).toEqual([
      [41, TEXT],
      ['task-7', 'Two 🇰🇷 flags\r\nflew.'],
    ]);
    expect(tasks[0]!.annotations[0]!.result.map((r) => [r.id, r.type, r.from_name, r.to_name])).toEqual([
      ['Rk1', 'labels', 'ner', 'article'],
      ['Rk1', 'textarea', 'remarks', 'article'],
    ]);
    expect(config).toContain('<Labels name="ner" toName="article">');
    expect(config).toContain('<Text name="article" value="$body_text"/>');
    expect(config).toContain('<TextArea name="remarks" toName="article"');
    expect(warnings).toEqual([]);
  });

  it('keeps them through Parley JSON, and Parley JSON refuses an origin that is not strings', () => {
    const imported = importLabelStudio([tasksFile(project), { path: 'config.xml', data: CONFIG }], options);
    if (!imported.ok) throw new Error(imported.error.message);
    const json = codecs.parley.export(imported.value.corpus, {});
    if (!json.ok) throw new Error(json.error.message);
    const back = codecs.parley.import(json.value.files, options);
    if (!back.ok) throw new Error(JSON.stringify(back.error.problems));
    expect(back.value.corpus.documents.map((d) => d.document.origin)).toEqual([
      { format: 'label-studio', id: '41', names: { dataKey: 'body_text', fromName: 'ner', toName: 'article', noteFromName: 'remarks' } },
      { format: 'label-studio', id: 'task-7', names: { dataKey: 'body_text' } },
    ]);
    const broken = (json.value.files[0]!.data as string).replace('"noteFromName": "remarks"', '"noteFromName": 7');
    const refused = codecs.parley.import([{ path: json.value.files[0]!.path, data: broken }], options);
    expect(refused.ok ? [] : refused.error.problems!.map((p) => `${p.record}: ${p.message}`)).toEqual(['$.documents[0].origin.names.noteFromName: must be a string']);
  });

  function corpusOf(...files: FormatFile[][]) {
    const parts = files.map((f) => {
      const r = importLabelStudio(f, options);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.corpus;
    });
    return { labels: parts[0]!.labels, documents: parts.flatMap((c) => c.documents) };
  }

  it('gives a document from elsewhere the names of the project beside it and a free task id', () => {
    const corpus = corpusOf([tasksFile([{ id: 1, data: { text: 'Seoul 🇰🇷 replied.' }, annotations: [{ result: [] }] }])], [tasksFile(project.slice(0, 1)), { path: 'config.xml', data: CONFIG }]);
    delete corpus.documents[0]!.document.origin;
    const out = exportLabelStudio(corpus, {});
    if (!out.ok) throw new Error(out.error.message);
    const tasks = JSON.parse(out.value.files[0]!.data as string) as Written;
    expect(tasks.map((t) => [t.id, t.data['body_text']])).toEqual([
      [1, 'Seoul 🇰🇷 replied.'],
      [41, TEXT],
    ]);
    expect(out.value.warnings).toEqual([]);
  });

  it('keeps each project its names when documents come from two, with the default config and a warning', () => {
    const other = [{ id: 41, data: { text: 'Seoul 🇰🇷 replied.' }, annotations: [{ result: [{ id: 'x1', from_name: 'label', to_name: 'text', type: 'labels', value: { start: 0, end: 5, text: 'Seoul', labels: ['Place'] } }] }] }];
    const out = exportLabelStudio(corpusOf([tasksFile(other)], [tasksFile(project.slice(0, 1)), { path: 'config.xml', data: CONFIG }]), {});
    if (!out.ok) throw new Error(out.error.message);
    const tasks = JSON.parse(out.value.files[0]!.data as string) as Written;
    expect(tasks.map((t) => [Object.keys(t.data).sort(), t.annotations[0]!.result.map((r) => `${r.from_name}>${r.to_name}`)])).toEqual([
      [['parley_id', 'text', 'title'], ['label>text']],
      [['body_text', 'parley_id', 'title'], ['ner>article', 'remarks>article']],
    ]);
    expect(out.value.files[1]!.data).toContain('<Text name="text" value="$text"/>');
    expect(out.value.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/different data keys or control names/)]);
  });

  it("reads Parley's own export again without a config: the text is the one string field besides title and parley_id", () => {
    const { tasks } = exported([tasksFile(project), { path: 'config.xml', data: CONFIG }]);
    const again = importLabelStudio([{ path: 'again.json', data: JSON.stringify(tasks) }], options);
    expect(again.ok && again.value.corpus.documents.map((d) => d.document.text)).toEqual([TEXT, 'Two 🇰🇷 flags\r\nflew.']);
  });
});
