import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, PEEK_CHARS, wrongFormatMessage, type DetectableFormat } from './detect-format';
import type { FormatFile } from './format';
import { zipFiles } from './zip';

const TEXT = 'Sung Kim met 통일부 officials in Seoul on 4 May 🇰🇷.';
const line = (value: unknown) => JSON.stringify(value);

/** One fixture per format, shaped like what each tool writes. */
const FIXTURES: Array<{ name: string; format: DetectableFormat; files: FormatFile[] }> = [
  { name: 'Parley JSON', format: 'parley', files: [{ path: 'corpus.parley.json', data: line({ format: 'parley', version: 1, labels: [], documents: [] }) }] },
  {
    name: 'a W3C collection',
    format: 'w3c',
    files: [{ path: 'talks.json', data: line({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { items: [] } }) }],
  },
  { name: 'one W3C annotation', format: 'w3c', files: [{ path: 'anno1.json', data: line({ type: 'Annotation', target: 'http://example.org/a' }) }] },
  {
    name: 'Hypothesis API rows',
    format: 'w3c',
    files: [{ path: 'search.json', data: line({ total: 1, rows: [{ id: 'a1', uri: 'https://example.org/talks', target: [{ source: 'https://example.org/talks', selector: [] }] }] }) }],
  },
  {
    name: 'Label Studio tasks',
    format: 'label-studio',
    files: [{ path: 'project-1.json', data: line([{ id: 7, data: { text: TEXT }, annotations: [{ id: 1, result: [] }] }]) }],
  },
  { name: 'Label Studio predictions', format: 'label-studio', files: [{ path: 'tasks.json', data: line([{ data: { body: TEXT }, predictions: [] }]) }] },
  {
    name: 'doccano JSONL',
    format: 'doccano',
    files: [{ path: 'all.jsonl', data: `${line({ id: 1, text: TEXT, label: [[0, 8, 'Actor']] })}\r\n${line({ id: 2, text: 'Another.', label: [] })}\r\n` }],
  },
  { name: 'doccano entities', format: 'doccano', files: [{ path: 'admin.jsonl', data: `${line({ text: TEXT, entities: [{ start_offset: 0, end_offset: 8, label: 'Actor' }] })}\n` }] },
  {
    name: 'Prodigy spans',
    format: 'spacy',
    files: [{ path: 'ner.jsonl', data: `${line({ text: TEXT, spans: [{ start: 0, end: 8, token_start: 0, token_end: 1, label: 'ACTOR' }], answer: 'accept' })}\n` }],
  },
  { name: 'spaCy spans without answers', format: 'spacy', files: [{ path: 'spans.jsonl', data: `${line({ text: TEXT, spans: [{ start: 0, end: 8, label: 'ACTOR' }] })}\n` }] },
  {
    name: 'labelbuddy',
    format: 'labelbuddy',
    files: [{ path: 'docs.jsonl', data: `${line({ text: TEXT, annotations: [{ start_char: 0, end_char: 8, label_name: 'Actor' }], utf8_text_md5_checksum: 'abc', meta: {} })}\n` }],
  },
  {
    name: 'labelbuddy without a checksum',
    format: 'labelbuddy',
    files: [{ path: 'export.jsonl', data: `${line({ text: TEXT, annotations: [{ label_name: 'Actor', start_char: 0, end_char: 8 }], metadata: { source: 'wire' } })}\n` }],
  },
  { name: 'labelbuddy before 0.0.8', format: 'labelbuddy', files: [{ path: 'old.jsonl', data: `${line({ text: TEXT, labels: [[0, 8, 'Actor', '']], meta: {}, short_title: 'Talks' })}\n` }] },
  { name: 'labelbuddy as a JSON array', format: 'labelbuddy', files: [{ path: 'docs.json', data: line([{ text: TEXT, annotations: [{ label_name: 'Actor', start_char: 0, end_char: 8 }], display_title: 'Talks' }]) }] },
  { name: 'CoNLL-2003 four columns', format: 'conll', files: [{ path: 'eng.testa', data: '-DOCSTART- -X- -X- O\n\nSung NNP B-NP B-PER\nKim NNP I-NP I-PER\nmet VBD B-VP O\n' }] },
  { name: 'CoNLL named .txt, CRLF', format: 'conll', files: [{ path: 'train.txt', data: 'Sung\tB-Actor\r\nKim\tI-Actor\r\nmet\tO\r\n\r\nSeoul\tS-Place\r\n' }] },
  { name: 'CoNLL BILOU', format: 'conll', files: [{ path: 'x.conll', data: 'Sung U-Actor\nmet O\nNoh B-Actor\nKyu L-Actor\n' }] },
  { name: 'CSV', format: 'csv', files: [{ path: 'annotations.csv', data: '\uFEFFdocument,start,end,text,label,note,author,created\ntalks.txt,0,8,Sung Kim,actor,,ana,\n' }, { path: 'talks.txt', data: TEXT }] },
  { name: 'brat folder', format: 'brat', files: [{ path: 'annotation.conf', data: '[entities]\nActor\n' }, { path: 'news/a.txt', data: TEXT }, { path: 'news/a.ann', data: 'T1\tActor 0 8\tSung Kim\n' }] },
  { name: 'W3C export folder', format: 'w3c', files: [{ path: 'talks.txt', data: TEXT }, { path: 'talks.jsonld', data: '{}' }] },
];

describe('detectFormat', () => {
  for (const fixture of FIXTURES) {
    it(`recognises ${fixture.name}`, () => {
      expect(detectFormat(fixture.files)?.format).toBe(fixture.format);
    });
    it(`recognises ${fixture.name} given as bytes inside a zip`, () => {
      const zip = zipFiles(fixture.files.map((f) => ({ path: f.path, data: typeof f.data === 'string' ? strToU8(f.data) : f.data })));
      expect(detectFormat([{ path: 'bundle.zip', data: zip }])?.format).toBe(fixture.format);
    });
  }

  it('reads a Label Studio export too long to parse from the peek by its keys', () => {
    const tasks = Array.from({ length: 2000 }, (_, i) => ({ id: i, data: { text: `${TEXT} ${i}` }, annotations: [{ result: [] }] }));
    const data = JSON.stringify(tasks, null, 2);
    expect(data.length).toBeGreaterThan(PEEK_CHARS);
    expect(detectFormat([{ path: 'export.json', data }])?.format).toBe('label-studio');
  });

  it('judges JSON Lines by complete lines when the peek cuts the last one', () => {
    const data = Array.from({ length: 3000 }, (_, i) => line({ text: `${TEXT} ${i}`, label: [[0, 8, 'Actor']] })).join('\n');
    expect(data.length).toBeGreaterThan(PEEK_CHARS);
    expect(detectFormat([{ path: 'big.jsonl', data }])?.format).toBe('doccano');
  });

  it('finds nothing in plain prose, an empty file or an unrelated JSON object', () => {
    expect(detectFormat([{ path: 'article.txt', data: `${TEXT}\nThe envoys met again in May.\n` }])).toBeUndefined();
    expect(detectFormat([{ path: 'empty.json', data: '' }])).toBeUndefined();
    expect(detectFormat([{ path: 'package.json', data: line({ name: 'x', version: '1.0.0' }) }])).toBeUndefined();
  });
});

describe('wrongFormatMessage', () => {
  it('names the likely format when another was given', () => {
    const files = FIXTURES.find((f) => f.format === 'label-studio')!.files;
    expect(wrongFormatMessage(files, 'doccano')).toMatch(/^this looks like Label Studio JSON, not doccano JSON Lines/);
  });

  it('says nothing when the given format is the detected one', () => {
    for (const fixture of FIXTURES) expect(wrongFormatMessage(fixture.files, fixture.format)).toBeUndefined();
  });
});
