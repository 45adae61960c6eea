import { describe, expect, it } from 'vitest';
import { textSha256 } from '../text-hash';
import { matchDocument, type StoredText } from './match-document';

const stored = (id: string, text: string, reads: string[] = []): StoredText => ({
  id,
  sha256: textSha256(text),
  length: text.length,
  text: () => {
    reads.push(id);
    return text;
  },
});
const incoming = (id: string, text: string) => ({ id, sha256: textSha256(text), text });

const TALKS = 'Envoys from Seoul and Washington met on 3 May and agreed to meet monthly.\nThe next round is set for June in Seoul.';
const MARKET = 'A night market in Seoul drew crowds on 3 May; stall owners from Washington state sold apples.';

describe('matchDocument', () => {
  it('joins an identical text whatever its id', () => {
    expect(matchDocument(incoming('doc_other', TALKS), [stored('doc_1', MARKET), stored('doc_2', TALKS)])).toEqual({ kind: 'same-text', documentId: 'doc_2' });
  });

  it('joins a text with the same id and a small edit, and says how similar', () => {
    const match = matchDocument(incoming('doc_2', TALKS.replace('\n', '\r\n').replace('monthly', 'every month')), [stored('doc_1', MARKET), stored('doc_2', TALKS)]);
    expect(match).toMatchObject({ kind: 'same-id-edited', documentId: 'doc_2' });
    expect(match.kind === 'same-id-edited' && match.similarity).toBeGreaterThan(0.9);
  });

  it('keeps a text with the same id but a large change apart', () => {
    expect(matchDocument(incoming('doc_2', MARKET), [stored('doc_2', TALKS)])).toEqual({ kind: 'new' });
  });

  it('only proposes a similar text with another id, and joins it only when the caller accepts similar texts', () => {
    const edited = incoming('doc_9', TALKS.replace('monthly', 'every month'));
    const match = matchDocument(edited, [stored('doc_1', MARKET), stored('doc_2', TALKS)]);
    expect(match).toMatchObject({ kind: 'new', proposal: { documentId: 'doc_2' } });
    expect(match.kind === 'new' && match.proposal!.similarity).toBeGreaterThan(0.9);
    expect(matchDocument(edited, [stored('doc_1', MARKET), stored('doc_2', TALKS)], { acceptSimilarText: true })).toMatchObject({ kind: 'similar-text', documentId: 'doc_2' });
  });

  it('never pairs texts that only share names, dates or an entity', () => {
    expect(matchDocument(incoming('doc_9', MARKET), [stored('doc_2', TALKS)], { acceptSimilarText: true })).toEqual({ kind: 'new' });
    const irf = matchDocument(incoming('doc_b', 'Mice with deletion of IRF-4 failed to develop mature B cells.'), [stored('doc_a', 'IRF-4 is expressed in T cells.')], { acceptSimilarText: true });
    expect(irf).toEqual({ kind: 'new' });
  });

  it('proposes the most similar of several stored texts', () => {
    const base = incoming('x', `${TALKS} Both sides welcomed it.`);
    const match = matchDocument(base, [stored('far', TALKS.slice(0, 60)), stored('near', TALKS), stored('other', MARKET)]);
    expect(match).toMatchObject({ kind: 'new', proposal: { documentId: 'near' } });
  });

  it('does not read a stored text whose length alone rules it out', () => {
    const reads: string[] = [];
    matchDocument(incoming('x', TALKS), [stored('long', TALKS.repeat(20), reads), stored('short', 'Seoul.', reads), stored('close', MARKET, reads)]);
    expect(reads).toEqual(['close']);
  });
});

describe('matchDocument over a large library', () => {
  it('searches 2,000 stored articles for 100 incoming ones in seconds, and finds each edited version', () => {
    let state = 11;
    const random = () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Few distinct words, so unrelated articles share many of them: the hard case for a quick screen.
    const words = ['Seoul', 'Washington', 'talks', 'envoy', 'sanctions', 'aid', 'the', 'of', 'and', 'in', 'on', '3 May', 'minister', 'summit', 'said', 'would'];
    const article = () => `${Array.from({ length: 80 }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
    const library = Array.from({ length: 2000 }, (_, i) => stored(`doc_${i}`, article()));
    const incomingDocs = Array.from({ length: 100 }, (_, i) => incoming(`new_${i}`, i % 10 === 0 ? `Seoul, Tuesday. ${library[i]!.text()}` : article()));
    const started = performance.now();
    const matches = incomingDocs.map((doc) => matchDocument(doc, library));
    const elapsed = performance.now() - started;
    expect(matches.flatMap((m, i) => (m.kind === 'new' && m.proposal ? [[i, m.proposal.documentId]] : []))).toEqual(Array.from({ length: 10 }, (_, k) => [k * 10, `doc_${k * 10}`]));
    expect(elapsed).toBeLessThan(20_000);
  });
});
