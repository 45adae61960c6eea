/**
 * W3C files as they circulate: one collection over several documents paired
 * with texts by source or by quotes, positions that refine fragments, the
 * Hypothesis API's rows, and content-addressed sources on export.
 */
import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { textSha256 } from '../text-hash';
import type { FormatFile, ImportOutcome } from './format';
import { sampleCorpus } from './test-fixtures/sample-corpus';
import { exportW3c, importW3c } from './w3c';
import { lastSegment } from './w3c-pairing';
import { ANNO_CONTEXT } from './w3c-validate';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

const TEXTS = {
  'talks.txt': 'Envoys from 🇰🇷 and 🇺🇸 met in Seoul\r\non 12 May.',
  'ministry.txt': '통일부 said the Seoul meeting went well.',
  'summit.txt': 'A summit in Hanoi ended early; Seoul said little.',
};
const textFiles = (): FormatFile[] => Object.entries(TEXTS).map(([path, data]) => ({ path: `texts/${path}`, data }));

/** Code point offsets of `piece` in `text`. */
function cp(text: string, piece: string): { start: number; end: number } {
  const start = [...text.slice(0, text.indexOf(piece))].length;
  return { start, end: start + [...piece].length };
}

function annotation(id: string, source: string, exact: string | undefined, label: string, selector?: unknown) {
  const selectors = selector !== undefined ? selector : [{ type: 'TextQuoteSelector', exact }];
  return { id: `urn:example:${id}`, type: 'Annotation', motivation: 'tagging', body: [{ type: 'TextualBody', purpose: 'tagging', value: label }], target: { source, selector: selectors } };
}

const collection = (items: unknown[]): FormatFile => ({ path: 'all.jsonld', data: JSON.stringify({ '@context': ANNO_CONTEXT, id: 'urn:example:c', type: 'AnnotationCollection', label: 'Several articles', first: { type: 'AnnotationPage', items } }) });

function ok(result: ReturnType<typeof importW3c>): ImportOutcome {
  if (!result.ok) throw new Error(`${result.error.message}\n${JSON.stringify(result.error.problems)}`);
  return result.value;
}

function byText(outcome: ImportOutcome): Record<string, string[]> {
  const names = new Map(outcome.corpus.labels.labels.map((l) => [l.id, l.name]));
  return Object.fromEntries(outcome.corpus.documents.map((d) => [d.document.source, d.layers[0]!.annotations.map((a) => `${names.get(a.labelId)}:${a.quote.exact}`)]));
}

describe('W3C: one collection over several documents', () => {
  it('pairs each source with its text by sha256, by the last segment of an address, and by quotes', () => {
    const items = [
      annotation('a1', `urn:sha256:${textSha256(TEXTS['talks.txt'])}`, '🇺🇸', 'Actor'),
      annotation('a2', `urn:sha256:${textSha256(TEXTS['talks.txt'])}`, '12 May', 'Date'),
      annotation('a3', 'https://news.example.org/2025/ministry.html?ref=feed#top', '통일부', 'Policy body'),
      annotation('a4', 'urn:example:unknown-article', 'Hanoi', 'Place'),
      annotation('a5', 'urn:example:unknown-article', 'ended early', 'Position'),
    ];
    const outcome = ok(importW3c([collection(items), ...textFiles()], options));
    expect(byText(outcome)).toEqual({ 'talks.txt': ['Actor:🇺🇸', 'Date:12 May'], 'ministry.txt': ['Policy body:통일부'], 'summit.txt': ['Place:Hanoi', 'Position:ended early'] });
    expect(outcome.warnings.map((w) => w.message)).toEqual(['2 annotations on "urn:example:unknown-article" paired with summit.txt by their quotes']);
  });

  it('refuses a source whose quotes occur in several texts, naming them, and imports nothing', () => {
    const result = importW3c([collection([annotation('a1', `urn:sha256:${textSha256(TEXTS['talks.txt'])}`, '🇰🇷', 'Actor'), annotation('b1', 'urn:example:somewhere', 'Seoul', 'Place')]), ...textFiles()], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/could be talks\.txt or ministry\.txt or summit\.txt/)]);
  });

  it('refuses a source no text matches', () => {
    const result = importW3c([collection([annotation('a1', 'urn:example:x', 'Pyongyang', 'Place'), annotation('a2', 'urn:example:y', 'Seoul', 'Place')]), ...textFiles()], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/^no given text matches the source "urn:example:x"/), expect.stringMatching(/could be/)]);
  });

  it('reads the last segment of addresses, paths and file names', () => {
    expect(['https://x.org/a/b%20c.txt?q=1#f', 'file:///C:/news/b c.txt', 'news\\b c.txt', 'b c.txt'].map(lastSegment)).toEqual(['b c.txt', 'b c.txt', 'b c.txt', 'b c.txt']);
  });
});

describe('W3C: positions that refine another selector', () => {
  const text = TEXTS['ministry.txt'];
  const seoul = cp(text, 'Seoul');

  it('refuses a TextPositionSelector refining a FragmentSelector it cannot resolve, rather than reading it in the whole text', () => {
    const selector = { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc3778', value: 'page=2', refinedBy: { type: 'TextPositionSelector', start: seoul.start, end: seoul.end } };
    const result = importW3c([{ path: 'ministry.jsonld', data: JSON.stringify([{ '@context': ANNO_CONTEXT, ...annotation('p1', 'urn:example:m', undefined, 'Place', selector) }]) }, { path: 'ministry.txt', data: text }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => p.message)).toEqual([expect.stringMatching(/TextPositionSelector refines a FragmentSelector \("page=2"\) that Parley cannot resolve/)]);
  });

  it('places such an annotation by its quote instead, and says why', () => {
    const selector = [{ type: 'FragmentSelector', value: 'para5', refinedBy: { type: 'TextPositionSelector', start: 0, end: 3 } }, { type: 'TextQuoteSelector', exact: 'Seoul' }];
    const outcome = ok(importW3c([{ path: 'ministry.jsonld', data: JSON.stringify([{ '@context': ANNO_CONTEXT, ...annotation('p2', 'urn:example:m', undefined, 'Place', selector) }]) }, { path: 'ministry.txt', data: text }], options));
    expect(byText(outcome)).toEqual({ 'ministry.txt': ['Place:Seoul'] });
    expect(outcome.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^placed by its quote: its TextPositionSelector refines a FragmentSelector/)]);
  });

  it('resolves a position inside an RFC 5147 character fragment', () => {
    const fragmentStart = cp(text, 'said').start;
    const selector = { type: 'FragmentSelector', conformsTo: 'http://tools.ietf.org/rfc/rfc5147', value: `char=${fragmentStart},${[...text].length}`, refinedBy: { type: 'TextPositionSelector', start: seoul.start - fragmentStart, end: seoul.end - fragmentStart } };
    const outcome = ok(importW3c([{ path: 'ministry.jsonld', data: JSON.stringify([{ '@context': ANNO_CONTEXT, ...annotation('p3', 'urn:example:m', undefined, 'Place', selector) }]) }, { path: 'ministry.txt', data: text }], options));
    expect(byText(outcome)).toEqual({ 'ministry.txt': ['Place:Seoul'] });
    expect(outcome.warnings).toEqual([]);
  });
});

describe('Hypothesis API output', () => {
  const text = TEXTS['talks.txt'];
  const row = (id: string, piece: string, tags: string[], extra: Record<string, unknown> = {}) => {
    const at = text.indexOf(piece);
    return {
      id,
      created: '2025-05-12T09:00:00.000000+00:00',
      updated: '2025-05-12T09:05:00.000000+00:00',
      user: 'acct:analyst@hypothes.is',
      uri: 'https://news.example.org/2025/talks.txt',
      text: 'worth checking',
      tags,
      group: '__world__',
      document: { title: ['Envoys meet in Seoul'] },
      // Hypothesis counts UTF-16 code units of the page text.
      target: [{ source: 'https://news.example.org/2025/talks.txt', selector: [{ type: 'RangeSelector', startContainer: '/main[1]/p[1]', startOffset: at, endContainer: '/main[1]/p[1]', endOffset: at + piece.length }, { type: 'TextPositionSelector', start: at, end: at + piece.length }, { type: 'TextQuoteSelector', exact: piece, prefix: text.slice(Math.max(0, at - 8), at), suffix: text.slice(at + piece.length, at + piece.length + 8) }] }],
      ...extra,
    };
  };

  it('reads rows with tags as labels, text as the note and the user as author, and counts what it cannot hold', () => {
    const result = {
      total: 5,
      rows: [
        row('h1', 'Seoul', ['Place']),
        row('h2', '12 May', ['Date', 'Deadline']),
        row('h3', '🇺🇸', []),
        { ...row('h4', 'Seoul', ['Place']), references: ['h1'] },
        { ...row('h5', 'Seoul', ['Place']), target: [{ source: 'https://news.example.org/2025/talks.txt' }] },
      ],
    };
    const outcome = ok(importW3c([{ path: 'hypothesis-search.json', data: JSON.stringify(result) }, ...textFiles()], options));
    const doc = outcome.corpus.documents[0]!;
    expect(outcome.corpus.documents).toHaveLength(1);
    expect(doc.document.title).toBe('Envoys meet in Seoul');
    expect(byText(outcome)['talks.txt']!.sort()).toEqual(['Date:12 May', 'Deadline:12 May', 'Place:Seoul']);
    expect(doc.layers[0]!.annotations.map((a) => [a.author, a.note])).toEqual(Array(3).fill(['analyst@hypothes.is', 'worth checking']));
    expect(Object.fromEntries(outcome.ignored.map((i) => [i.kind, i.count]))).toEqual({ 'Hypothesis annotations without tags': 1, 'Hypothesis replies': 1, 'Hypothesis page notes': 1 });
    expect(outcome.warnings.map((w) => [w.record, w.message])).toEqual([['$.rows[1]', 'has 2 tags; imported as 2 annotations on the same span']]);
  });
});

describe('W3C export names its source by content', () => {
  it('writes urn:sha256 of the text as every target source, the same for two corpora holding one article', () => {
    const sources = (ids: string) => {
      const corpus = sampleCorpus();
      corpus.documents.forEach((d) => (d.document.id = `${ids}-${d.document.id}`));
      const out = exportW3c(corpus, {});
      if (!out.ok) throw new Error(out.error.message);
      return out.value.files.filter((f) => f.path.endsWith('.jsonld')).map((f) => [...new Set((JSON.parse(f.data as string) as { first: { items: Array<{ target: { source: string } }> } }).first.items.map((a) => a.target.source))]);
    };
    const mine = sources('alice');
    expect(mine).toEqual(sampleCorpus().documents.map((d) => (d.layers[0]!.annotations.length > 0 ? [`urn:sha256:${textSha256(d.document.text)}`] : [])));
    expect(sources('bob')).toEqual(mine);
  });

  it('still reads the document id from sources written by older exports', () => {
    const item = { '@context': ANNO_CONTEXT, ...annotation('o1', 'urn:parley:document:doc_old7', 'Seoul', 'Place') };
    const outcome = ok(importW3c([{ path: 'ministry.jsonld', data: JSON.stringify([item]) }, { path: 'ministry.txt', data: TEXTS['ministry.txt'] }], options));
    expect(outcome.corpus.documents[0]!.document.id).toBe('doc_old7');
  });
});
