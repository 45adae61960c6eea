import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importConll } from '../../annotations/formats/conll';
import { importDoccano } from '../../annotations/formats/doccano';
import type { FormatFile } from '../../annotations/formats/format';
import { defaultLabelSchema } from '../../annotations/labels';
import { publicFixtures } from './public-fixtures';

const DOCCANO = publicFixtures('doccano');
const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const fixture = (name: string): FormatFile => ({ path: name, data: new Uint8Array(readFileSync(path.join(DOCCANO, name))) });

describe("doccano's own examples", () => {
  it("imports doccano's export example with every label, adding unknown labels to the schema", () => {
    const result = importDoccano([fixture('export-example.jsonl')], options);
    if (!result.ok) throw new Error(result.error.message);
    const docs = result.value.corpus.documents;
    expect(docs).toHaveLength(3);
    expect(docs[0]!.layers[0]!.annotations.map((a) => a.quote.exact)).toEqual(['EU', 'German']);
    expect(result.value.corpus.labels.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['ORG', 'MISC', 'PERSON']));
  });

  it('keeps both spans of the overlapping example', () => {
    const result = importDoccano([fixture('import-example_overlapping.jsonl')], options);
    expect(result.ok && result.value.corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.start, a.end, a.quote.exact])).toEqual([
      [0, 1, 'e'],
      [0, 1, 'e'],
    ]);
  });

  it('fails the whole import when one line has no text, naming the file and line', () => {
    const result = importDoccano([fixture('import-example.jsonl')], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems).toEqual([{ file: 'import-example.jsonl', line: 3, message: '"text" is missing or not a string' }]);
  });

  it("imports doccano's CoNLL example as spans on the rebuilt text", () => {
    const result = importConll([fixture('import-example.conll')], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error.problems));
    const doc = result.value.corpus.documents[0]!;
    expect(doc.document.text.startsWith('JAPAN GET')).toBe(true);
    const names = new Map(result.value.corpus.labels.labels.map((l) => [l.id, l.name]));
    expect(doc.layers[0]!.annotations.slice(0, 2).map((a) => [a.quote.exact, names.get(a.labelId)])).toEqual([
      ['JAPAN', 'LOC'],
      ['Nadim Ladki', 'PER'],
    ]);
  });

  it("imports doccano's CoNLL file that ends with blank lines", () => {
    const result = importConll([fixture('import-labeling.trailing.conll')], options);
    expect(result.ok && result.value.corpus.documents[0]!.document.text.endsWith('DEFEAT .')).toBe(true);
  });

  it("rejects doccano's invalid CoNLL file, naming the line", () => {
    const result = importConll([fixture('import-labeling.invalid.conll')], options);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.problems![0]).toEqual({ file: 'import-labeling.invalid.conll', line: 1, message: 'tag "SOCCERO" is not O or a tag such as B-LABEL, I-LABEL, E-LABEL, S-LABEL, L-LABEL or U-LABEL' });
  });
});
