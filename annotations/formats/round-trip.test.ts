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

/** The sample corpus with relations (one with a note) and attributes (a stance, a date value) on CRLF, Hangul and emoji text. */
function relationCorpus(): Corpus {
  const corpus = sampleCorpus();
  const link = (doc: Corpus['documents'][number], typeId: string, from: string, to: string, note?: string) => {
    const layer = doc.layers[0]!;
    const find = (exact: string) => layer.annotations.find((a) => a.quote.exact === exact) ?? layer.annotations.find((a) => a.quote.exact.startsWith(exact))!;
    (layer.relations ??= []).push({ id: `rel_${layer.relations?.length ?? 0}_${typeId}`, documentId: doc.document.id, typeId, sourceId: find(from).id, targetId: find(to).id, author: 'minji', createdAt: NOW, updatedAt: NOW, ...(note ? { note } : {}) });
  };
  const [briefing, talks] = corpus.documents as [Corpus['documents'][number], Corpus['documents'][number]];
  const attribute = (doc: typeof briefing, exact: string, values: Record<string, string>) => {
    (doc.layers[0]!.annotations.find((a) => a.quote.exact === exact) ?? doc.layers[0]!.annotations.find((a) => a.quote.exact.startsWith(exact))!).attributes = values;
  };
  attribute(briefing, 'agreed', { stance: 'proposes' });
  attribute(briefing, 'Tuesday', { value: '2025-03-04' });
  attribute(briefing, '𝑥', { stance: 'opposes' });
  attribute(talks, '12 May', { value: '2025-05-12' });
  link(briefing, 'holds', 'Seoul', 'agreed', 'Seoul speaks for both.');
  link(briefing, 'when', 'agreed', 'Tuesday');
  link(briefing, 'toward', 'agreed', 'Nuclear Consultative Group');
  link(briefing, 'holds', '🇰🇷', 'frozen.');
  link(briefing, 'member-of', '통일부', 'Consultative Group');
  link(talks, 'when', '🕊️', '12 May');
  link(talks, 'toward', '𝑥-axis', '판문점');
  return corpus;
}

/** Relations of a document as `[source offsets, type name, target offsets, note]`, sorted; attributes as `offsets label: {name: value}`. */
function linkView(corpus: Corpus, text: string, fields: { notes: boolean; attributes: boolean }): { relations: string[]; attributes: string[] } {
  const doc = corpus.documents.find((d) => d.document.text === text)!;
  const anns = doc.layers.flatMap((l) => l.annotations);
  const byId = new Map(anns.map((a) => [a.id, a]));
  const span = (id: string) => `${byId.get(id)!.start}-${byId.get(id)!.end}`;
  const type = (id: string) => corpus.labels.relationTypes!.find((t) => t.id === id)!.name.toLowerCase().replace(/[\s_-]+/g, '');
  const label = (id: string) => corpus.labels.labels.find((l) => l.id === id)!;
  const relations = doc.layers
    .flatMap((l) => l.relations ?? [])
    .map((r) => [span(r.sourceId), type(r.typeId), span(r.targetId), fields.notes ? (r.note ?? '') : ''].join(' '))
    .sort();
  const attributes = fields.attributes
    ? anns
        .filter((a) => a.attributes && Object.keys(a.attributes).length > 0)
        .map((a) => `${a.start}-${a.end} ${label(a.labelId).name}: ${JSON.stringify(a.attributes)}`)
        .sort()
    : [];
  return { relations, attributes };
}

describe('round trips keep relations and attributes where the format can hold them', () => {
  const formats: Array<{ format: FormatName; notes: boolean; attributes: boolean }> = [
    { format: 'parley', notes: true, attributes: true },
    { format: 'refi-qda', notes: true, attributes: true },
    { format: 'brat', notes: true, attributes: true },
    { format: 'w3c', notes: true, attributes: true },
    { format: 'label-studio', notes: false, attributes: true },
    { format: 'doccano', notes: false, attributes: false },
    { format: 'spacy', notes: false, attributes: false },
  ];
  for (const { format, notes, attributes } of formats) {
    it(`${format}: keeps relations${notes ? ' with their notes' : ''}${attributes ? ' and attribute values' : ''} on CRLF, Hangul and emoji text`, () => {
      const corpus = relationCorpus();
      const { outcome, warnings } = roundTrip(format, corpus);
      for (const text of [BRIEFING_TEXT, TALKS_TEXT]) {
        const before = linkView(corpus, text, { notes, attributes });
        expect(before.relations.length).toBeGreaterThan(1);
        expect(linkView(outcome.corpus, text, { notes, attributes }), `${format} on ${text.slice(0, 20)}`).toEqual(before);
      }
      if (!notes) expect(warnings).toContainEqual(expect.stringMatching(/1 note on relations not written/));
      if (!attributes) expect(warnings).toContainEqual(expect.stringMatching(/4 attribute values not written/));
    });
  }
});

describe('formats without relations or attributes list them under Not written', () => {
  for (const format of ['conll', 'csv', 'labelbuddy'] as const) {
    it(`${format}: counts the relations and attribute values it leaves out`, () => {
      const exported = codecs[format].export(relationCorpus(), {});
      if (!exported.ok) throw new Error(exported.error.message);
      const messages = exported.value.warnings.map((w) => w.message);
      expect(messages).toContain(`7 relations not written: ${format === 'csv' ? 'CSV' : format === 'conll' ? 'CoNLL' : 'labelbuddy'} has no place for relations`);
      expect(messages.filter((m) => /4 attribute values not written/.test(m))).toHaveLength(1);
      const plain = codecs[format].export(sampleCorpus(), {});
      expect(plain.ok && plain.value.warnings.some((w) => /relation|attribute/.test(w.message))).toBe(false);
    });
  }
});
