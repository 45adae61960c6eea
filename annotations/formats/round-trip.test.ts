import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import type { Corpus } from '../model';
import type { FormatName, ImportOutcome } from './format';
import { codecs, FORMAT_NAMES, getCodec } from './index';
import { BRIEFING_TEXT, sampleCorpus, spanViews, TALKS_TEXT, type SpanView } from './test-fixtures/sample-corpus';

const NOW = '2025-04-01T00:00:00.000Z';

function roundTrip(format: FormatName, corpus: Corpus): { outcome: ImportOutcome; warnings: string[] } {
  const codec = codecs[format];
  const exported = codec.export(corpus, {});
  if (!exported.ok) throw new Error(exported.error.message);
  const imported = codec.import(exported.value.files, { labels: defaultLabelSchema(), now: NOW, author: 'importer' });
  if (!imported.ok) throw new Error(`${imported.error.message}\n${JSON.stringify(imported.error.problems, null, 1)}`);
  return { outcome: imported.value, warnings: exported.value.warnings.map((w) => w.message) };
}

const byText = (text: string) => (c: Corpus, fields = { note: true }) => spanViews(c, (t) => c.documents.find((d) => d.document.title === t)!.document.text === text, fields);

describe('round trips keep every annotation the format can hold', () => {
  const offsetFormats: Array<{ format: FormatName; notes: boolean }> = [
    { format: 'parley', notes: true },
    { format: 'w3c', notes: true },
    { format: 'brat', notes: true },
    { format: 'label-studio', notes: true },
    { format: 'csv', notes: true },
    { format: 'labelbuddy', notes: true },
    { format: 'doccano', notes: false },
    { format: 'spacy', notes: false },
  ];
  for (const { format, notes } of offsetFormats) {
    it(`${format}: keeps offsets, labels${notes ? ' and notes' : ''} on CRLF, Hangul, emoji and overlapping spans`, () => {
      const corpus = sampleCorpus();
      const { outcome } = roundTrip(format, corpus);
      expect(outcome.corpus.documents).toHaveLength(3);
      for (const text of [BRIEFING_TEXT, TALKS_TEXT]) {
        const doc = outcome.corpus.documents.find((d) => d.document.text === text);
        expect(doc, `document text kept exactly by ${format}`).toBeDefined();
        const before: SpanView[] = byText(text)(corpus, { note: notes });
        const after: SpanView[] = byText(text)(outcome.corpus, { note: notes });
        expect(after).toEqual(before);
      }
      expect(outcome.corpus.labels.labels.map((l) => l.id)).toEqual(['actor', 'policy-body', 'position', 'date']);
    });
  }

  it('parley: keeps ids, authors, times, layers, statuses and label colours', () => {
    const corpus = sampleCorpus();
    corpus.labels.labels[0]!.color = '#123456';
    corpus.labels.labels.push({ id: 'sanction', name: 'Sanction', color: '#abcdef', shortcut: '9', description: 'A penalty.' });
    corpus.documents[0]!.document.status = 'done';
    const { outcome } = roundTrip('parley', corpus);
    expect(outcome.corpus.documents.map((d) => d.document)).toEqual(corpus.documents.map((d) => d.document));
    expect(outcome.corpus.documents.map((d) => d.layers)).toEqual(corpus.documents.map((d) => d.layers));
    expect(outcome.corpus.labels.labels.find((l) => l.id === 'sanction')).toEqual({ id: 'sanction', name: 'Sanction', color: '#abcdef', shortcut: '9', description: 'A penalty.' });
    expect(outcome.warnings).toEqual([]);
  });

  it('w3c: keeps annotation ids, document ids, authors and times', () => {
    const corpus = sampleCorpus();
    const { outcome } = roundTrip('w3c', corpus);
    const before = corpus.documents[0]!.layers[0]!.annotations.map((a) => [a.id, a.author, a.createdAt, a.updatedAt]).sort();
    const after = outcome.corpus.documents.find((d) => d.document.id === corpus.documents[0]!.document.id)!.layers[0]!.annotations.map((a) => [a.id, a.author, a.createdAt, a.updatedAt]).sort();
    expect(after).toEqual(before);
  });

  it('conll: keeps every span that fits the tokens and reports each one that does not', () => {
    const corpus = sampleCorpus();
    const { outcome, warnings } = roundTrip('conll', corpus);
    const squash = (views: SpanView[]) => views.map((v) => `${v.label}:${v.exact.replace(/\s+/g, '')}`).sort();
    const kept = squash(spanViews(outcome.corpus, (t) => t.endsWith(' 1'), { note: false }));
    expect(kept).toEqual(['Actor:Pyongyang', 'Actor:Seoul', 'Actor:Washington', 'Actor:🇰🇷', 'Policy body:NuclearConsultativeGroup', 'Policy body:통일부', 'Position:agreedonTuesdaytoexpand', 'Position:𝑥'].sort());
    expect(squash(spanViews(outcome.corpus, (t) => t.endsWith(' 2'), { note: false }))).toEqual(['Date:12May', 'Policy body:판문점', 'Position:🕊️', 'Position:𝑥-axis'].sort());
    expect(warnings.filter((w) => w.includes('overlaps'))).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('line break'))).toHaveLength(1);
    expect(warnings.some((w) => /4 notes not written/.test(w))).toBe(true);
  });

  it('every registered codec reports progress and can be cancelled', () => {
    for (const name of FORMAT_NAMES) {
      const codec = getCodec(name)!;
      const seen: number[] = [];
      const exported = codec.export(sampleCorpus(), { onProgress: (done) => seen.push(done) });
      expect(exported.ok).toBe(true);
      expect(seen).toContain(3);
      const cancelled = codec.export(sampleCorpus(), { isCancelled: () => true });
      expect(cancelled.ok ? 'ok' : cancelled.error.code).toBe('cancelled');
      if (!exported.ok) continue;
      const imported = codec.import(exported.value.files, { labels: defaultLabelSchema(), now: NOW, isCancelled: () => true });
      expect(imported.ok ? 'ok' : imported.error.code).toBe('cancelled');
    }
  });

  it('getCodec resolves names and aliases and refuses unknown ones', () => {
    expect(getCodec('Label-Studio')?.name).toBe('label-studio');
    expect(getCodec('prodigy')?.name).toBe('spacy');
    expect(getCodec('docx')).toBeUndefined();
  });
});
