import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { exportParleyJson, exportParleyJsonPieces, importParleyJson, parleyJsonCodec, toParleyJson } from './parley-json';
import { sampleCorpus, SAMPLE_NOW } from './test-fixtures/sample-corpus';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

interface AnnotationJson {
  start: number;
  end: number;
  startCodePoint: number;
  endCodePoint: number;
  quote: { exact: string };
  labelId: string;
}
interface ExportJson {
  format: string;
  schemaVersion: number;
  labels: Array<{ id: string; name: string; color: string; shortcut: string; description: string }>;
  documents: Array<{ text: string; sha256: string; colour?: string; layers: Array<{ annotations: AnnotationJson[] }> }>;
}

function exported(corpus: Corpus = sampleCorpus()): ExportJson {
  const text = exportParleyJson(corpus, { now: SAMPLE_NOW });
  if (!text.ok) throw new Error(text.error.message);
  return JSON.parse(text.value);
}

const reimport = (value: unknown) => importParleyJson([{ path: 'corpus.parley.json', data: JSON.stringify(value) }], options);

describe('Parley JSON', () => {
  it('writes the versioned shape with code point offsets beside UTF-16 ones and a checksum per document', () => {
    const json = exported();
    expect(json).toMatchObject({ format: 'parley', schemaVersion: 2, exportedAt: SAMPLE_NOW });
    const doc = json.documents[0];
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
    const x = doc.layers[0].annotations.find((a: AnnotationJson) => a.quote.exact === '𝑥')!;
    expect([x.startCodePoint, x.endCodePoint]).toEqual([[...doc.text.slice(0, x.start)].length, [...doc.text.slice(0, x.start)].length + 1]);
    expect(x.end - x.start).toBe(2);
    expect(json.labels[0]).toEqual({ id: 'actor', name: 'Actor', color: '#2563eb', shortcut: '1', description: expect.any(String) });
  });

  it('re-anchors annotations when the text no longer matches its checksum, and lists orphans', () => {
    const json = exported();
    const doc = json.documents[0];
    doc.text = `Summary first.\r\n${doc.text.replace('Washington', 'the US')}`;
    const result = reimport(json);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const annotations = result.value.corpus.documents[0]!.layers[0]!.annotations;
    const seoul = annotations.find((a) => a.quote.exact === 'Seoul')!;
    expect(seoul.start).toBe(doc.text.indexOf('Seoul'));
    expect(result.value.orphans?.map((o) => o.annotation.quote.exact)).toEqual(['Washington']);
    expect(annotations.some((a) => a.quote.exact === 'Washington')).toBe(false);
    expect(result.value.warnings[0]!.message).toMatch(/does not match its SHA-256/);
  });

  it('re-anchors a quote that does not match its offsets even when the checksum matches', () => {
    const json = exported();
    const a = json.documents[1].layers[0].annotations[0];
    a.start += 1;
    a.end += 1;
    a.startCodePoint += 1;
    a.endCodePoint += 1;
    const result = reimport(json);
    expect(result.ok && result.value.corpus.documents[1]!.layers[0]!.annotations[0]!.quote.exact).toBe(a.quote.exact);
    expect(result.ok && result.value.warnings.some((w) => /re-anchored/.test(w.message))).toBe(true);
  });

  it('rejects out-of-range, surrogate-splitting, non-integer and disagreeing offsets with their JSON path', () => {
    const json = exported();
    const anns = json.documents[0].layers[0].annotations;
    const flag = anns.findIndex((a: AnnotationJson) => a.quote.exact === '🇰🇷');
    anns[0].end = 100_000;
    anns[1].start = 1.5;
    anns[2].startCodePoint += 3;
    anns[flag].end -= 1;
    anns[flag].quote.exact = anns[flag].quote.exact.slice(0, -1);
    const result = reimport(json);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.error.problems!.map((p) => `${p.record}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        `$.documents[0].layers[0].annotations[0]: end 100000 is past the end of the text (${json.documents[0].text.length} UTF-16 code units)`,
        '$.documents[0].layers[0].annotations[1].start: must be an integer (got the number 1.5)',
        expect.stringMatching(/^\$\.documents\[0\]\.layers\[0\]\.annotations\[2\]: UTF-16 offsets .* disagree$/),
        expect.stringMatching(new RegExp(`^\\$\\.documents\\[0\\]\\.layers\\[0\\]\\.annotations\\[${flag}\\]: span .* splits a character`)),
      ]),
    );
    expect(result.error.message).toMatch(/nothing was imported/);
  });

  it('rejects unknown fields, a newer schema version and prototype keys', () => {
    const json = exported();
    json.documents[0].colour = 'red';
    expect(reimport(json).ok).toBe(false);
    const newer = { ...exported(), schemaVersion: 3 };
    const r2 = reimport(newer);
    expect(r2.ok ? '' : r2.error.problems![0]!.message).toMatch(/newer Parley/);
    const polluted = JSON.stringify(exported()).replace('"labels":[', '"labels":[{"__proto__":{"admin":true}},');
    const r3 = importParleyJson([{ path: 'p.json', data: polluted }], options);
    expect(r3.ok ? '' : r3.error.problems![0]!.message).toMatch(/forbidden key "__proto__"/);
  });

  it('matches labels by name ignoring case, spaces, hyphens and underscores, and adds unknown ones with their colour', () => {
    const json = exported();
    json.labels = [
      { id: 'policy_body', name: 'POLICY BODY', color: '#000000', shortcut: '', description: '' },
      { id: 'sanction', name: 'Sanction', color: '#abcdef', shortcut: '2', description: 'A penalty.' },
      ...json.labels.filter((l: { id: string }) => l.id !== 'policy-body'),
    ];
    json.documents[1].layers[0].annotations[0].labelId = 'policy_body';
    json.documents[1].layers[0].annotations[1].labelId = 'sanction';
    const result = reimport(json);
    if (!result.ok) throw new Error(result.error.message);
    const labels = result.value.corpus.labels.labels;
    expect(labels.map((l) => l.id)).toEqual(['actor', 'policy-body', 'position', 'date', 'sanction']);
    expect(labels[4]).toEqual({ id: 'sanction', name: 'Sanction', color: '#abcdef', shortcut: '', description: 'A penalty.' });
    expect(result.value.corpus.documents[1]!.layers[0]!.annotations.map((a) => a.labelId).sort()).toEqual(['date', 'policy-body', 'position', 'sanction']);
  });

  it('writes in pieces exactly the text of the whole value, indented two spaces, for any number of documents', () => {
    const full = sampleCorpus();
    for (const corpus of [full, { ...full, documents: full.documents.slice(0, 1) }, { ...full, documents: [] }]) {
      const value = toParleyJson(corpus, { now: SAMPLE_NOW });
      const pieces = exportParleyJsonPieces(corpus, { now: SAMPLE_NOW });
      if (!value.ok || !pieces.ok) throw new Error('export failed');
      expect(pieces.value).toHaveLength(corpus.documents.length === 0 ? 1 : corpus.documents.length + 2);
      expect(pieces.value.join('')).toBe(`${JSON.stringify(value.value, null, 2)}\n`);
    }
  });

  it('is offered through the codec as one file', () => {
    const out = parleyJsonCodec.export(sampleCorpus(), {});
    expect(out.ok && out.value.files.map((f) => f.path)).toEqual(['corpus.parley.json']);
  });
});

describe('Parley JSON Schema (docs/formats/parley-json.schema.json)', () => {
  it('accepts every export and rejects one with a float offset', async () => {
    const { default: Ajv } = await import('ajv');
    const { readFileSync } = await import('node:fs');
    const path = await import('node:path');
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../docs/formats/parley-json.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const json = exported();
    expect(validate(json) ? [] : validate.errors).toEqual([]);
    json.documents[0].layers[0].annotations[0].start = 0.5;
    expect(validate(json)).toBe(false);
  });
});
