/**
 * A small corpus for round-trip tests: CRLF line ends, Hangul, a flag emoji,
 * a mathematical letter outside the BMP, overlapping spans, a span across a
 * line break, notes, and a document without annotations. Sentences are
 * written for Parley's tests.
 */
import { createAnnotation, sortAnnotations } from '../../annotation';
import { createDocument } from '../../document';
import { defaultLabelSchema } from '../../labels';
import type { Annotation, Corpus, CorpusDocument } from '../../model';

/** Time stamped on the sample. */
export const SAMPLE_NOW = '2025-03-04T05:06:07.000Z';

/** Text of the first sample document. */
export const BRIEFING_TEXT =
  'Seoul and Washington agreed on Tuesday to expand the Nuclear Consultative Group.\r\n' +
  '통일부 officials said the talks with Pyongyang 🇰🇷 remain frozen.\r\n' +
  'Analysts call the 𝑥 factor in Pyongyang’s planning the hardest variable.';

/** Text of the second sample document. */
export const TALKS_TEXT = 'The envoys met at 판문점 🕊️ on 12 May; the 𝑥-axis of the chart was trade.\n';

/** Text of a document with no annotations. */
export const EMPTY_TEXT = 'No spans were marked in this note about the 2024 summit.';

function at(text: string, quote: string, occurrence = 0): number {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) i = text.indexOf(quote, i + 1);
  if (i < 0) throw new Error(`sample quote ${quote} not found`);
  return i;
}

function span(doc: CorpusDocument, quote: string, labelId: string, extra: { note?: string; occurrence?: number; through?: string } = {}): Annotation {
  const text = doc.document.text;
  const start = at(text, quote, extra.occurrence);
  const end = extra.through ? at(text, extra.through, 0) + extra.through.length : start + quote.length;
  const made = createAnnotation(text, { documentId: doc.document.id, start, end, labelId, author: 'minji', now: SAMPLE_NOW, ...(extra.note ? { note: extra.note } : {}) });
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/** Builds the sample corpus afresh (new ids each call). */
export function sampleCorpus(): Corpus {
  const briefing: CorpusDocument = { document: createDocument({ title: 'Alliance briefing', source: 'sample', text: BRIEFING_TEXT, now: SAMPLE_NOW }), layers: [], decisions: [] };
  const talks: CorpusDocument = { document: createDocument({ title: 'Panmunjom talks', source: 'sample', text: TALKS_TEXT, now: SAMPLE_NOW }), layers: [], decisions: [] };
  const empty: CorpusDocument = { document: createDocument({ title: 'Summit note', source: 'sample', text: EMPTY_TEXT, now: SAMPLE_NOW }), layers: [], decisions: [] };
  briefing.layers.push({
    id: 'own',
    kind: 'own',
    author: 'minji',
    annotations: [
      span(briefing, 'Seoul', 'actor'),
      span(briefing, 'Washington', 'actor'),
      span(briefing, 'Tuesday', 'date'),
      span(briefing, 'agreed', 'position', { through: 'expand' }),
      span(briefing, 'Nuclear Consultative Group', 'policy-body', { note: 'Created by the Washington Declaration.' }),
      span(briefing, 'Consultative Group', 'policy-body'),
      span(briefing, '통일부', 'policy-body', { note: 'Ministry of Unification, 통일부.' }),
      span(briefing, '🇰🇷', 'actor', { note: 'A flag stands for the government here.' }),
      span(briefing, 'frozen', 'position', { through: 'Analysts' }),
      span(briefing, '𝑥', 'position'),
      span(briefing, 'Pyongyang', 'actor', { occurrence: 1 }),
    ],
  });
  talks.layers.push({
    id: 'own',
    kind: 'own',
    author: 'minji',
    annotations: [span(talks, '판문점', 'policy-body'), span(talks, '🕊️', 'position'), span(talks, '12 May', 'date'), span(talks, '𝑥-axis', 'position', { note: '=SUM(A1) looks like a formula' })],
  });
  empty.layers.push({ id: 'own', kind: 'own', author: 'minji', annotations: [] });
  for (const d of [briefing, talks]) sortAnnotations(d.layers[0]!.annotations);
  return { labels: defaultLabelSchema(), documents: [briefing, talks, empty] };
}

/** A comparable view of one annotation: quote, offsets, label name, note. */
export interface SpanView {
  exact: string;
  start: number;
  end: number;
  label: string;
  note?: string;
}

/** The annotations of a document's layers as sorted views, label ids turned into names. */
export function spanViews(corpus: Corpus, title: string | ((t: string) => boolean), fields: { note: boolean } = { note: true }): SpanView[] {
  const match = typeof title === 'string' ? (t: string) => t === title : title;
  const doc = corpus.documents.find((d) => match(d.document.title));
  if (!doc) throw new Error(`no document titled ${String(title)}`);
  const names = new Map(corpus.labels.labels.map((l) => [l.id, l.name]));
  return doc.layers
    .flatMap((l) => l.annotations)
    .map((a) => {
      const v: SpanView = { exact: a.quote.exact, start: a.start, end: a.end, label: names.get(a.labelId) ?? `?${a.labelId}` };
      if (fields.note && a.note) v.note = a.note;
      return v;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
