import { describe, expect, it } from 'vitest';
import { createDocument } from '../document';
import type { Annotation, Corpus, CorpusDocument } from '../model';
import { sampleCorpus, SAMPLE_NOW } from './test-fixtures/sample-corpus';
import { JsonBytes } from './json-bytes';
import { exportParleyJson } from './parley-json';
import { parleyJsonBytes } from './parley-json-bytes';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A small seeded generator (xorshift), so each random case can be replayed. */
function seeded(seed: number): () => number {
  let x = seed * 2654435761 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** The whole file as parleyJsonBytes makes it, each document into a fresh buffer or all into one small one that must grow. */
function fileBytes(corpus: Corpus, options: { now: string; layerIds?: string[] }, shared: boolean): Uint8Array {
  const parts = parleyJsonBytes(corpus, options);
  const chunks: Uint8Array[] = [parts.head];
  const out = new JsonBytes(1);
  for (let i = 0; i < corpus.documents.length; i++) {
    if (i > 0) chunks.push(parts.between);
    const into = shared ? out : new JsonBytes(1);
    into.clear();
    // Between steps, what is written so far is taken away, as the app's writer does.
    for (const _step of parts.document(i, into)) {
      chunks.push(into.view().slice());
      into.clear();
    }
    chunks.push(into.view().slice());
  }
  chunks.push(parts.tail);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** The bytes of Parley JSON's text, as the command line writes it. */
function textBytes(corpus: Corpus, options: { now: string; layerIds?: string[] }): Uint8Array {
  const text = exportParleyJson(corpus, options);
  if (!text.ok) throw new Error(text.error.message);
  return utf8(text.value);
}

function expectSameBytes(corpus: Corpus, options: { now: string; layerIds?: string[] }): void {
  const expected = textBytes(corpus, options);
  for (const shared of [false, true]) {
    const bytes = fileBytes(corpus, options, shared);
    // Compared as text first, so a failure shows where they part.
    expect(new TextDecoder().decode(bytes)).toBe(new TextDecoder().decode(expected));
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(expected))).toBe(0);
  }
}

const HOSTILE_TEXT = 'Say "no" \\ twice\r\nThe 통일부 delegation met 🇰🇷 envoys\ttoday.\u2028Next\u0000\u001f line \ud800 and \udc00 alone, 👩🏽‍💼 😀😀 end';

function annotation(doc: CorpusDocument, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  const text = doc.document.text;
  return {
    id: `ann_${start}_${end}`,
    documentId: doc.document.id,
    start,
    end,
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
    labelId: 'actor',
    author: 'Min-ji "MJ" \\ 김',
    createdAt: SAMPLE_NOW,
    updatedAt: SAMPLE_NOW,
    ...extra,
  };
}

/** A corpus of the strings JSON makes hard: quotes, backslashes, controls, lone surrogates, CRLF, Hangul, emoji, U+2028, quotes that no longer match the text, every optional member. */
function hostileCorpus(): Corpus {
  const doc: CorpusDocument = { document: { ...createDocument({ title: '"Talks" \\ 회담 🕊️', source: 'hostile\u2028source', text: HOSTILE_TEXT, now: SAMPLE_NOW }), status: 'in-progress' }, layers: [], decisions: [] };
  doc.document = {
    ...doc.document,
    originalPath: 'C:\\papers\\talks.txt',
    metadata: { outlet: '연합뉴스 "Yonhap"', url: 'https://example.org/?q="x"&y=\\' },
    pages: [
      { start: 0, end: 20 },
      { start: 20, end: HOSTILE_TEXT.length },
    ],
    origin: { format: 'label-studio', id: '7', names: { '2': 'second', '1': 'first', b: 'bee' } },
    originalName: 'talks.pdf',
    originalSha256: 'a'.repeat(64),
  };
  const text = HOSTILE_TEXT;
  const at = (s: string) => text.indexOf(s);
  const mine = [
    annotation(doc, 0, 3),
    annotation(doc, at('"no"'), at('"no"') + 4, { note: 'quote "and" backslash \\ and\nnewline', entityId: 'ent_1' }),
    annotation(doc, at('통일부'), at('통일부') + 3, { attributes: { '10': 'ten', '2': 'two', tone: '"cool"', 한: '국' } }),
    annotation(doc, at('🇰🇷'), at('🇰🇷') + 4, { suggestedBy: 'library', note: '' }),
    annotation(doc, at('\u2028'), at('\u2028') + 5),
    annotation(doc, at('\ud800'), at('\ud800') + 1),
    annotation(doc, at('\udc00'), at('\udc00') + 7),
    // The first half of a pair: its prefix and suffix cut the pair.
    annotation(doc, at('😀') + 1, at('😀') + 3),
    annotation(doc, text.length - 3, text.length),
    // A quote the text no longer holds at its offsets (stale), and one much longer than the text.
    { ...annotation(doc, 4, 6), quote: { exact: 'stale "quote"', prefix: 'not the text', suffix: '\ud83d' } },
    { ...annotation(doc, 5, 9), quote: { exact: text.slice(5, 9), prefix: `${text}${text}`, suffix: '' } },
  ];
  doc.layers.push({
    id: 'own',
    kind: 'own',
    author: 'Min-ji',
    annotations: mine,
    relations: [{ id: 'rel_1', documentId: doc.document.id, sourceId: mine[0]!.id, targetId: mine[1]!.id, typeId: 'says', author: 'Min-ji', createdAt: SAMPLE_NOW, updatedAt: SAMPLE_NOW, note: '"why"' }],
  });
  doc.layers.push({ id: 'colleague:ben', kind: 'colleague', author: 'Ben \\o/', annotations: [] });
  doc.layers.push({ id: 'colleague:jo', kind: 'colleague', author: 'Jo', annotations: [annotation(doc, 10, 12, { author: 'Jo', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-02T00:00:00.000Z' })] });
  doc.decisions.push({ id: 'dec_1', documentId: doc.document.id, differenceKey: 'k"1', kind: 'label-conflict', action: 'keep-mine', layers: ['own', 'colleague:jo'], mineIds: [mine[0]!.id], theirsIds: [], resultIds: [], decidedBy: 'Min-ji', decidedAt: SAMPLE_NOW });
  const empty: CorpusDocument = { document: createDocument({ title: '', source: 's', text: '', now: SAMPLE_NOW }), layers: [], decisions: [] };
  return { labels: sampleCorpus().labels, documents: [doc, empty, sampleCorpus().documents[0]!] };
}

describe('Parley JSON as bytes', () => {
  it('is byte for byte the UTF-8 of the exported text for the sample corpus, whole or narrowed to some layers, and for no documents', () => {
    const corpus = sampleCorpus();
    expectSameBytes(corpus, { now: SAMPLE_NOW });
    expectSameBytes(corpus, { now: SAMPLE_NOW, layerIds: ['none'] });
    expectSameBytes({ ...corpus, documents: [] }, { now: SAMPLE_NOW });
  });

  it('is byte for byte the exported text for hostile strings, stale quotes, cut surrogate pairs and every optional member', () => {
    expectSameBytes(hostileCorpus(), { now: SAMPLE_NOW });
    expectSameBytes(hostileCorpus(), { now: SAMPLE_NOW, layerIds: ['colleague:jo', 'colleague:ben'] });
  });

  it('is the same bytes when a document of many annotations is written in steps', () => {
    const corpus = hostileCorpus();
    const doc = corpus.documents[0]!;
    const many = Array.from({ length: 700 }, (_, i) => annotation(doc, i % 40, (i % 40) + 1 + (i % 7), { id: `ann_${i}`, createdAt: i % 3 === 0 ? SAMPLE_NOW : `2025-02-0${1 + (i % 9)}T00:00:00.000Z` }));
    doc.layers[0] = { ...doc.layers[0]!, annotations: many };
    const parts = parleyJsonBytes(corpus, { now: SAMPLE_NOW });
    let steps = 0;
    for (const _step of parts.document(0, new JsonBytes())) steps++;
    expect(steps).toBeGreaterThanOrEqual(3);
    expectSameBytes(corpus, { now: SAMPLE_NOW });
  });

  it('writes a record of an unexpected shape as JSON.stringify would rather than failing', () => {
    const corpus = hostileCorpus();
    const layer = corpus.documents[0]!.layers[0]!;
    const odd = { ...layer.annotations[0]!, start: '0', labelId: undefined, quote: { exact: 1, prefix: null, suffix: 'x' } } as unknown as Annotation;
    const notFinite = { ...layer.annotations[1]!, end: Number.NaN } as Annotation;
    corpus.documents[0]!.layers[0] = { ...layer, annotations: [odd, notFinite, ...layer.annotations] };
    expectSameBytes(corpus, { now: SAMPLE_NOW });
  });

  it('is byte for byte the exported text for random strings drawn from a hostile alphabet', () => {
    const alphabet = ['a', 'Z', ' ', '"', '\\', '/', '\n', '\r', '\t', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '통', '일', '😀', '🇰', '🇷', '\ud800', '\udc00', 'é', '\u07ff', '\uffff'];
    for (let seed = 1; seed <= 40; seed++) {
      const rand = seeded(seed);
      const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]!).join('');
      const text = pick(50 + Math.floor(rand() * 200));
      const doc: CorpusDocument = { document: createDocument({ title: pick(8), source: pick(5), text, now: SAMPLE_NOW }), layers: [], decisions: [] };
      const annotations: Annotation[] = [];
      for (let i = 0; i < 30; i++) {
        const start = Math.floor(rand() * text.length);
        const end = Math.min(text.length, start + 1 + Math.floor(rand() * 12));
        const made = annotation(doc, start, end, { id: pick(6), author: pick(3), labelId: pick(2), ...(rand() < 0.3 ? { note: pick(10) } : {}) });
        // Now and then a quote that has drifted from the text.
        if (rand() < 0.2) made.quote = { exact: pick(4), prefix: pick(3), suffix: made.quote.suffix };
        annotations.push(made);
      }
      doc.layers.push({ id: 'own', kind: 'own', author: pick(4), annotations });
      expectSameBytes({ labels: sampleCorpus().labels, documents: [doc] }, { now: SAMPLE_NOW });
    }
  });
});
