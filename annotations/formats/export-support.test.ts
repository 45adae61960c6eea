import { describe, expect, it } from 'vitest';
import { createDocument } from '../document';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import { fail } from '../result';
import { forEachExportedDocument } from './export-support';

const NOW = '2026-11-30T10:00:00.000Z';
const corpus: Corpus = {
  labels: defaultLabelSchema(),
  documents: ['Noh spoke.\r\n', '통일부 briefing', 'Leaders 🇰🇷🇺🇸 met'].map((text, i) => ({
    document: createDocument({ title: `doc ${i}`, source: 'test', text, now: NOW }),
    layers: [],
    decisions: [],
  })),
};

describe('forEachExportedDocument', () => {
  it('writes every document in order, with progress before each and at the end', () => {
    const events: string[] = [];
    const stopped = forEachExportedDocument(corpus, { onProgress: (done, total) => events.push(`${done}/${total}`) }, 'CSV', (i) => {
      events.push(corpus.documents[i]!.document.title);
    });
    expect(stopped).toBeUndefined();
    expect(events).toEqual(['0/3', 'doc 0', '1/3', 'doc 1', '2/3', 'doc 2', '3/3']);
  });

  it('stops at a cancel, naming the format, before writing the next document', () => {
    const written: number[] = [];
    const stopped = forEachExportedDocument(corpus, { isCancelled: () => written.length === 2 }, 'brat', (i) => {
      written.push(i);
    });
    expect(written).toEqual([0, 1]);
    expect(stopped && !stopped.ok ? stopped.error : null).toEqual({ code: 'cancelled', message: 'brat export cancelled' });
  });

  it('stops at the first failure a document returns, with no final progress', () => {
    const seen: number[] = [];
    const stopped = forEachExportedDocument(corpus, { onProgress: (done) => seen.push(done) }, 'W3C', (i) => (i === 1 ? fail('invalid-input', 'document 1 cannot be written') : undefined));
    expect(stopped && !stopped.ok ? stopped.error.message : null).toBe('document 1 cannot be written');
    expect(seen).toEqual([0, 1]);
  });

  it('reports only the end for an empty corpus', () => {
    const seen: string[] = [];
    expect(forEachExportedDocument({ ...corpus, documents: [] }, { onProgress: (d, t) => seen.push(`${d}/${t}`) }, 'CSV', () => undefined)).toBeUndefined();
    expect(seen).toEqual(['0/0']);
  });
});
