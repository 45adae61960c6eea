/**
 * "Nothing dropped without a word": what each importer cannot hold is counted
 * by kind, answers that are not gold stay out, spans under keys a format does
 * not read are named, and labels matched across spellings are reported.
 * Fixtures are shaped like each tool's own output, with texts of our own.
 */
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { importDoccano } from './doccano';
import type { ImportOutcome } from './format';
import { importLabelStudio } from './label-studio';
import { describeImport } from './report';
import { importSpacy } from './spacy';
import { importW3c } from './w3c';
import { ANNO_CONTEXT } from './w3c-validate';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const jsonl = (...values: unknown[]): string => values.map((v) => JSON.stringify(v)).join('\n');
const cp = (text: string, piece: string): [number, number] => {
  const start = [...text.slice(0, text.indexOf(piece))].length;
  return [start, start + [...piece].length];
};

function imported(result: ReturnType<typeof importDoccano>): ImportOutcome {
  if (!result.ok) throw new Error(`${result.error.message}\n${JSON.stringify(result.error.problems)}`);
  return result.value;
}

function ignoredByKind(outcome: ImportOutcome): Record<string, number> {
  return Object.fromEntries(outcome.ignored.map((i) => [i.kind, i.count]));
}

function quotesWithLabels(corpus: Corpus, doc = 0, layer = 0): string[] {
  const names = new Map(corpus.labels.labels.map((l) => [l.id, l.name]));
  return corpus.documents[doc]!.layers[layer]!.annotations.map((a) => `${names.get(a.labelId)}:${a.quote.exact}`);
}

const TEXT = 'Officials of 통일부 met envoys 🇺🇸 in Seoul\r\non 3 May.';

describe('doccano: relations, categories and list-shaped entities', () => {
  it('reads relations between entities by their ids, each line its own', () => {
    const [a, b] = [cp(TEXT, '통일부'), cp(TEXT, 'Seoul')];
    const line = {
      id: 7,
      text: TEXT,
      entities: [
        { id: 1, label: 'ORG', start_offset: a[0], end_offset: a[1] },
        { id: 2, label: 'GPE', start_offset: b[0], end_offset: b[1] },
      ],
      relations: [
        { id: 1, from_id: 1, to_id: 2, type: 'located_in' },
        { id: 2, from_id: 2, to_id: 1, type: 'hosts' },
      ],
      Comments: [],
    };
    const outcome = imported(importDoccano([{ path: 'rel.jsonl', data: jsonl(line, { ...line, id: 8, relations: line.relations.slice(0, 1) }) }], options));
    expect(ignoredByKind(outcome)).toEqual({});
    const links = outcome.corpus.documents.map((d) => {
      const layer = d.layers[0]!;
      const quote = (id: string) => layer.annotations.find((a) => a.id === id)!.quote.exact;
      return (layer.relations ?? []).map((r) => `${quote(r.sourceId)} ${r.typeId} ${quote(r.targetId)}`);
    });
    expect(links).toEqual([['통일부 located-in Seoul', 'Seoul hosts 통일부'], ['통일부 located-in Seoul']]);
    expect(quotesWithLabels(outcome.corpus)).toEqual(['ORG:통일부', 'GPE:Seoul']);
  });

  it('reads entities written as [start, end, label] lists (intent detection and slot filling) and counts the intents', () => {
    const texts = ['Book a flight to 서울 ✈️ tomorrow', 'Cancel the trip\r\nto Busan 🚆 on Friday'];
    const lines = [
      { text: texts[0], entities: [[...cp(texts[0]!, '서울'), 'city'], [...cp(texts[0]!, 'tomorrow'), 'date']], cats: ['book_flight'] },
      { text: texts[1], entities: [[...cp(texts[1]!, 'Busan'), 'city']], cats: ['cancel_trip', 'urgent'] },
    ];
    const outcome = imported(importDoccano([{ path: 'intent.jsonl', data: jsonl(...lines) }], options));
    expect(quotesWithLabels(outcome.corpus, 0)).toEqual(['city:서울', 'Date:tomorrow']);
    expect(quotesWithLabels(outcome.corpus, 1)).toEqual(['city:Busan']);
    expect(ignoredByKind(outcome)).toEqual({ 'doccano document categories ("cats")': 3 });
  });

  it('reads a mix of list and object entities on one line, and refuses a list of the wrong length', () => {
    const line = { text: TEXT, entities: [[...cp(TEXT, '3 May'), 'DATE'], { start_offset: cp(TEXT, 'Seoul')[0], end_offset: cp(TEXT, 'Seoul')[1], label: 'GPE' }] };
    expect(quotesWithLabels(imported(importDoccano([{ path: 'mix.jsonl', data: jsonl(line) }], options)).corpus)).toEqual(['GPE:Seoul', 'Date:3 May']);
    const bad = importDoccano([{ path: 'bad.jsonl', data: jsonl({ text: TEXT, entities: [[0, 4]] }) }], options);
    expect(bad.ok ? [] : bad.error.problems).toEqual([{ file: 'bad.jsonl', line: 1, record: 'entities[0]', message: 'must be [start, end, label]' }]);
  });

  it('counts text-classification labels instead of failing on them', () => {
    const outcome = imported(importDoccano([{ path: 'tc.jsonl', data: jsonl({ text: TEXT, label: ['diplomacy', 'korea'] }) }], options));
    expect(ignoredByKind(outcome)).toEqual({ 'doccano document categories ("label")': 2 });
  });
});

describe('Prodigy: answers that are not gold, choices and meta', () => {
  const [s, e] = cp(TEXT, '통일부');
  const [gs, ge] = cp(TEXT, 'Seoul');

  it('leaves out a span answered "reject" inside an accepted example, and counts it', () => {
    const line = { text: TEXT, spans: [{ start: s, end: e, label: 'ORG', answer: 'accept' }, { start: gs, end: ge, label: 'PERSON', answer: 'reject' }], answer: 'accept' };
    const outcome = imported(importSpacy([{ path: 'p.jsonl', data: jsonl(line) }], options));
    expect(quotesWithLabels(outcome.corpus)).toEqual(['ORG:통일부']);
    expect(ignoredByKind(outcome)).toEqual({ 'Prodigy spans answered "reject"': 1 });
  });

  it('leaves out whole examples answered reject or ignore, counting each answer', () => {
    const base = { text: TEXT, spans: [{ start: s, end: e, label: 'ORG' }] };
    const outcome = imported(importSpacy([{ path: 'p.jsonl', data: jsonl({ ...base, answer: 'reject' }, { ...base, answer: 'ignore' }, { ...base, answer: 'ignore' }, { ...base, text: 'Seoul replied.', spans: [], answer: 'accept' }) }], options));
    expect(outcome.corpus.documents.map((d) => d.document.text)).toEqual(['Seoul replied.']);
    expect(ignoredByKind(outcome)).toEqual({ 'Prodigy examples answered "reject"': 1, 'Prodigy examples answered "ignore"': 2 });
  });

  it('counts entity-link answers and meta values, naming the meta keys', () => {
    const line = {
      text: TEXT,
      spans: [{ start: gs, end: ge, label: 'GPE', text: 'Seoul' }],
      options: [
        { id: 'Q8684', html: '<a>Seoul</a>' },
        { id: 'NIL', text: 'none of these' },
      ],
      accept: ['Q8684'],
      answer: 'accept',
      meta: { title: 'Envoys', source: 'wire', score: 0.8 },
      _input_hash: 1,
      _task_hash: 2,
      _view_id: 'choice',
    };
    const outcome = imported(importSpacy([{ path: 'nel.jsonl', data: jsonl(line, { ...line, meta: { source: 'wire' } }) }], options));
    expect(ignoredByKind(outcome)).toEqual({ 'Prodigy choice answers ("accept", e.g. entity links)': 2, 'Prodigy "meta" values': 3 });
    const report = describeImport(outcome, 'nel.jsonl').join('\n');
    expect(report).toContain('keys: score, source');
    expect(outcome.corpus.documents[0]!.document.title).toBe('Envoys');
  });
});

describe('Label Studio: relations, choices, cancelled annotations and several annotators', () => {
  const region = (id: string, piece: string, label: string) => {
    const [start, end] = cp(TEXT, piece);
    return { id, from_name: 'label', to_name: 'text', type: 'labels', value: { start, end, text: piece, labels: [label] } };
  };

  it('keeps relations and per-region choices, and counts whole-task choices and unknown result types by kind', () => {
    const task = {
      id: 3,
      data: { text: TEXT },
      annotations: [
        {
          completed_by: 1,
          result: [
            region('r1', '통일부', 'Policy body'),
            region('r2', 'Seoul', 'Actor'),
            { from_id: 'r1', to_id: 'r2', type: 'relation', direction: 'right', labels: ['meets'] },
            { id: 'r1', from_name: 'kind', to_name: 'text', type: 'choices', value: { start: 13, end: 16, choices: ['ministry'] } },
            { id: 'c9', from_name: 'topic', to_name: 'text', type: 'choices', value: { choices: ['diplomacy'] } },
            { id: 'k1', from_name: 'stars', to_name: 'text', type: 'rating', value: { rating: 4 } },
            { id: 'x1', from_name: 'poly', to_name: 'img', type: 'polygonlabels', value: { points: [] } },
          ],
        },
      ],
    };
    const outcome = imported(importLabelStudio([{ path: 'tasks.json', data: JSON.stringify([task]) }], options));
    expect(ignoredByKind(outcome)).toEqual({
      'Label Studio choices': 1,
      'Label Studio ratings': 1,
      'Label Studio "polygonlabels" results': 1,
    });
    expect(describeImport(outcome, 'tasks.json').join('\n')).toContain('1 Label Studio choices (Parley holds span labels, not choices)');
    // The relation and the region's choice are kept: a relation and an attribute.
    const layer = outcome.corpus.documents[0]!.layers[0]!;
    const quote = (id: string) => layer.annotations.find((a) => a.id === id)!.quote.exact;
    expect(layer.relations!.map((r) => [quote(r.sourceId), r.typeId, quote(r.targetId)])).toEqual([['통일부', 'meets', 'Seoul']]);
    expect(layer.annotations.find((a) => a.quote.exact === '통일부')!.attributes).toEqual({ kind: 'ministry' });
  });

  it('puts each annotator in one layer, skips cancelled annotations, and reports both', () => {
    const task = {
      id: 4,
      data: { text: TEXT },
      annotations: [
        { completed_by: 'ana@example.org', result: [region('a1', 'Seoul', 'Actor')] },
        { completed_by: 'min@example.org', result: [region('b1', '통일부', 'Policy body')] },
        { completed_by: 'ana@example.org', result: [region('a2', '3 May', 'Date')] },
        { completed_by: 'joe@example.org', was_cancelled: true, result: [region('c1', 'envoys', 'Actor')] },
      ],
    };
    const outcome = imported(importLabelStudio([{ path: 'tasks.json', data: JSON.stringify([task]) }], options));
    const doc = outcome.corpus.documents[0]!;
    expect(doc.layers.map((l) => [l.id, l.author, l.annotations.map((a) => a.quote.exact)])).toEqual([
      ['own', 'ana@example.org', ['Seoul', '3 May']],
      ['colleague:min@example.org', 'min@example.org', ['통일부']],
    ]);
    expect(ignoredByKind(outcome)).toEqual({ 'Label Studio annotations marked cancelled (was_cancelled)': 1 });
    expect(outcome.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^1 task has annotations by several annotators.*1 colleague layer/)]);
  });
});

describe('W3C: bodies that are not text', () => {
  const target = { source: 'urn:example:envoys', selector: { type: 'TextQuoteSelector', exact: 'Seoul' } };
  const annotation = (id: string, body: unknown[]) => ({ '@context': ANNO_CONTEXT, id: `urn:example:${id}`, type: 'Annotation', motivation: 'tagging', body, target });
  const tag = { type: 'TextualBody', purpose: 'tagging', value: 'Actor' };

  it('counts image, SpecificResource, link and identifying bodies by kind and keeps the tag and the note', () => {
    const items = [
      annotation('a1', [tag, { type: 'Image', id: 'https://example.org/seoul.png', format: 'image/png' }]),
      annotation('a2', [tag, { type: 'SpecificResource', source: 'https://example.org/cities/seoul' }, 'https://www.wikidata.org/entity/Q8684']),
      annotation('a3', [tag, { type: 'TextualBody', purpose: 'identifying', value: 'Q8684' }, { type: 'TextualBody', purpose: 'describing', value: 'capital' }]),
    ];
    const outcome = imported(importW3c([{ path: 'envoys.jsonld', data: JSON.stringify(items) }, { path: 'envoys.txt', data: TEXT }], options));
    expect(ignoredByKind(outcome)).toEqual({
      'W3C image, audio and video bodies': 1,
      'W3C SpecificResource bodies': 1,
      'W3C bodies that are links (IRIs)': 1,
      'W3C textual bodies with purpose "identifying"': 1,
    });
    const anns = outcome.corpus.documents[0]!.layers[0]!.annotations;
    expect(anns.map((a) => `${a.quote.exact}:${a.labelId}:${a.note ?? ''}`).sort()).toEqual(['Seoul:actor:', 'Seoul:actor:', 'Seoul:actor:capital']);
  });
});

describe('spans under a key the format does not read', () => {
  const labelbuddyLine = (text: string, pieces: Array<[string, string]>) => ({
    text,
    annotations: pieces.map(([piece, label]) => ({ start_char: cp(text, piece)[0], end_char: cp(text, piece)[1], label_name: label })),
    metadata: { source: 'memo' },
  });

  it('warns, naming the key, when a labelbuddy file is read as doccano or Prodigy', () => {
    const data = jsonl(labelbuddyLine(TEXT, [['Seoul', 'GPE']]), labelbuddyLine('Envoys 🇰🇷 met.', [['Envoys', 'PER']]));
    for (const read of [importDoccano, importSpacy]) {
      const outcome = imported(read([{ path: 'lb.jsonl', data }], options));
      expect(outcome.warnings.map((w) => [w.file, w.message])).toEqual([['lb.jsonl', expect.stringMatching(/^2 span-like entries in 2 records under "annotations", which .* does not read, were not imported \(labelbuddy/)]]);
      expect(describeImport(outcome, 'lb.jsonl').join('\n')).toContain('0 annotations');
    }
  });

  it('also notices [start, end, label] lists under an unknown key, and stays quiet for keys it reads', () => {
    const outcome = imported(importDoccano([{ path: 'x.jsonl', data: jsonl({ text: TEXT, spans_v2: [[0, 9, 'ORG']], label: [[...cp(TEXT, 'Seoul'), 'GPE']] }) }], options));
    expect(outcome.warnings.map((w) => w.message)).toEqual([expect.stringContaining('under "spans_v2"')]);
    const quiet = imported(importDoccano([{ path: 'q.jsonl', data: jsonl({ text: TEXT, label: [[...cp(TEXT, 'Seoul'), 'GPE']] }) }], options));
    expect(quiet.warnings).toEqual([]);
  });
});

describe('labels spelt differently from the project', () => {
  it('matches DATE to Date and policy_body to Policy body, saying so once each; new labels keep the file spelling', () => {
    const lines = [
      { text: TEXT, label: [[...cp(TEXT, '3 May'), 'DATE'], [...cp(TEXT, '통일부'), 'policy_body']] },
      { text: 'Sanctions on 3 May.', label: [[13, 18, 'DATE'], [0, 9, 'Sanction_Regime']] },
    ];
    const outcome = imported(importDoccano([{ path: 'l.jsonl', data: jsonl(...lines) }], options));
    expect(outcome.warnings.map((w) => w.message)).toEqual([
      'label "DATE" matched to Date (labels are matched ignoring case, spaces, hyphens and underscores)',
      'label "policy_body" matched to Policy body (labels are matched ignoring case, spaces, hyphens and underscores)',
    ]);
    expect(quotesWithLabels(outcome.corpus, 0)).toEqual(['Policy body:통일부', 'Date:3 May']);
    expect(outcome.corpus.labels.labels.at(-1)).toMatchObject({ id: 'sanction-regime', name: 'Sanction_Regime' });
  });

  it('says nothing when the names are spelt as in the project', () => {
    const outcome = imported(importDoccano([{ path: 'l.jsonl', data: jsonl({ text: TEXT, label: [[...cp(TEXT, '3 May'), 'Date']] }) }], options));
    expect(outcome.warnings).toEqual([]);
  });
});
