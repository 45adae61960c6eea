import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { importLabelStudio, exportLabelStudio, labelConfigXml } from './label-studio';
import { importSpacy } from './spacy';
import { importW3c } from './w3c';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };
const TEXT = '정동영 proposed ending 🕊️ the working group.\r\nNo date.';
const cp = (quote: string) => {
  const i = TEXT.indexOf(quote);
  return { start: [...TEXT.slice(0, i)].length, end: [...TEXT.slice(0, i + quote.length)].length };
};

function relationsOf(corpus: Corpus): string[] {
  return corpus.documents.flatMap((d) =>
    d.layers.flatMap((l) => {
      const quote = (id: string) => l.annotations.find((a) => a.id === id)!.quote.exact;
      return (l.relations ?? []).map((r) => `${quote(r.sourceId)} -${corpus.labels.relationTypes!.find((t) => t.id === r.typeId)!.name}${corpus.labels.relationTypes!.find((t) => t.id === r.typeId)!.directed ? '->' : '--'} ${quote(r.targetId)}`);
    }),
  );
}

describe('Label Studio relations and per-region attributes', () => {
  const region = (id: string, quote: string, label: string) => ({ id, from_name: 'label', to_name: 'text', type: 'labels', value: { ...cp(quote), text: quote, labels: [label] } });

  it('reads left and undirected relations, a relation without labels, and one choice per region', () => {
    const task = {
      data: { text: TEXT },
      annotations: [
        {
          result: [
            region('a', '정동영', 'Actor'),
            region('p', 'proposed ending', 'Position'),
            region('g', 'the working group', 'Policy body'),
            { from_id: 'p', to_id: 'a', type: 'relation', direction: 'left', labels: ['holds'] },
            { from_id: 'p', to_id: 'g', type: 'relation', direction: 'bi', labels: ['near'] },
            { from_id: 'a', to_id: 'g', type: 'relation', direction: 'right' },
            { id: 'p', from_name: 'stance', to_name: 'text', type: 'choices', value: { ...cp('proposed ending'), choices: ['Proposes'] } },
            { id: 'g', from_name: 'kind', to_name: 'text', type: 'choices', value: { choices: ['a', 'b'] } },
          ],
        },
      ],
    };
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify([task]) }], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(relationsOf(result.value.corpus).sort()).toEqual(['proposed ending -near-- the working group', '정동영 -holds-> proposed ending', '정동영 -related-> the working group']);
    expect(result.value.corpus.documents[0]!.layers[0]!.annotations.find((a) => a.quote.exact === 'proposed ending')!.attributes).toEqual({ stance: 'proposes' });
    expect(result.value.ignored).toEqual([{ kind: 'Label Studio choices on regions with several or no choices', count: 1, why: 'a Parley attribute holds one value' }]);
  });

  it('refuses a relation to a region the annotation does not have', () => {
    const task = { data: { text: TEXT }, annotations: [{ result: [region('a', '정동영', 'Actor'), { from_id: 'a', to_id: 'zz', type: 'relation', direction: 'right', labels: ['holds'] }] }] };
    const result = importLabelStudio([{ path: 't.json', data: JSON.stringify([task]) }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/relation holds refers to .*zz, which is not a span of this document/)]);
  });

  it('writes a labelling config with relations and per-region choices and text boxes for each label', () => {
    const xml = labelConfigXml(defaultLabelSchema().labels, undefined, defaultLabelSchema().relationTypes);
    expect(xml).toContain('<Choices name="stance" toName="text" perRegion="true" whenLabelValue="Position" choice="single">');
    expect(xml).toContain('<Choice value="Supports"/>');
    expect(xml).toMatch(/<TextArea name="value" toName="text" perRegion="true" whenLabelValue="Date"/);
    expect(xml).toContain('<Relations>\n    <Relation value="holds" background="#2563eb"/>');
    const exported = exportLabelStudio({ labels: defaultLabelSchema(), documents: [] }, {});
    expect(exported.ok && String(exported.value.files[1]!.data)).toContain('<Relation value="member of"');
  });
});

describe('Prodigy relations', () => {
  it('finds a relation\'s ends by token when the line gives no head_span, and refuses one that matches no span', () => {
    const spans = [
      { ...cp('정동영'), token_start: 0, token_end: 0, label: 'Actor' },
      { ...cp('proposed ending'), token_start: 1, token_end: 2, label: 'Position' },
    ];
    const line = (relations: unknown[]) => JSON.stringify({ text: TEXT, spans, relations, answer: 'accept' });
    const ok = importSpacy([{ path: 'r.jsonl', data: line([{ head: 0, child: 2, label: 'holds' }]) }], options);
    if (!ok.ok) throw new Error(JSON.stringify(ok.error));
    expect(relationsOf(ok.value.corpus)).toEqual(['정동영 -holds-> proposed ending']);
    const bad = importSpacy([{ path: 'r.jsonl', data: line([{ head: 0, child: 7, label: 'holds' }]) }], options);
    expect(bad.ok ? [] : bad.error.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/its child is not one of the line's spans/)]);
  });
});

describe('W3C linking annotations', () => {
  const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
  const span = (id: string, quote: string, tag: string) => ({ '@context': CONTEXT, id, type: 'Annotation', motivation: 'tagging', body: { type: 'TextualBody', purpose: 'tagging', value: tag }, target: { source: 'https://example.org/t', selector: { type: 'TextQuoteSelector', exact: quote } } });

  it('reads a link with several targets as relations from the first, and sets aside links to things outside the file', () => {
    const items = [
      span('https://example.org/a/1', '정동영', 'Actor'),
      span('https://example.org/a/2', 'proposed ending', 'Position'),
      span('https://example.org/a/3', 'the working group', 'Policy body'),
      { '@context': CONTEXT, id: 'https://example.org/l/1', type: 'Annotation', motivation: 'linking', body: { type: 'TextualBody', purpose: 'tagging', value: 'mentions' }, target: ['https://example.org/a/2', 'https://example.org/a/1', 'https://example.org/a/3'] },
      { '@context': CONTEXT, id: 'https://example.org/l/2', type: 'Annotation', motivation: 'linking', body: { type: 'TextualBody', purpose: 'tagging', value: 'cites' }, target: ['https://example.org/a/1', 'https://elsewhere.example/x'] },
    ];
    const result = importW3c([{ path: 't.jsonld', data: JSON.stringify(items) }, { path: 't.txt', data: TEXT }], options);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(relationsOf(result.value.corpus).sort()).toEqual(['proposed ending -mentions-> the working group', 'proposed ending -mentions-> 정동영']);
    expect(result.value.ignored).toContainEqual(expect.objectContaining({ kind: 'W3C linking annotations whose targets are not annotations of one text in the file', count: 1 }));
  });
});
