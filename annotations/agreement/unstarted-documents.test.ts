import { describe, expect, it } from 'vitest';
import type { AnnotatorDocuments } from './agreement-input';
import { buildAgreementReport } from './report';
import { reportToMarkdown } from './report-markdown';
import { reportToText } from './report-text';
import { annotationsFrom } from './test-support/load-fixture';
import { findUnstarted, unstartedLine } from './unstarted-documents';

type Rows = Array<[number, number, string]>;

const TEXTS = {
  talks: 'Seoul and Washington resumed talks in Geneva.',
  pledge: 'The three leaders pledged to consult at Camp David.',
  envoy: '통일부 장관 met the envoy 🤝 in Panmunjom.\r\nNo statement followed.',
};

function annotator(name: string, docs: Record<string, { rows: Rows; done?: boolean }>): AnnotatorDocuments {
  return {
    annotator: name,
    documents: new Map(
      Object.entries(docs).map(([id, d]) => [id, { text: TEXTS[id as keyof typeof TEXTS], title: `About ${id}`, annotations: annotationsFrom(id, name, d.rows), done: d.done }]),
    ),
  };
}

const anaTalks: Rows = [
  [0, 5, 'actor'],
  [10, 20, 'actor'],
  [38, 44, 'date'],
];
const anaPledge: Rows = [[4, 22, 'actor']];

describe('unstarted documents', () => {
  it('leaves out a document one compared layer has not started, and says which and why', () => {
    const input = [
      annotator('ana', { talks: { rows: anaTalks }, pledge: { rows: anaPledge } }),
      annotator('ben', { talks: { rows: anaTalks }, pledge: { rows: [] } }),
    ];
    const report = buildAgreementReport(input);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.instance.total.mean).toBe(1);
    expect(report.value.documents.map((d) => d.id)).toEqual(['talks']);
    expect(report.value.unstarted).toEqual({ included: false, documents: [{ id: 'pledge', title: 'About pledge', notStartedBy: ['ben'] }] });
    expect(unstartedLine(report.value.unstarted)).toBe(
      'Left out 1 document not started (no annotations, not marked done), which would count as total disagreement: “About pledge” (not started by ben).',
    );
    expect(reportToText(report.value)).toContain('Left out 1 document not started');
    expect(reportToMarkdown(report.value)).toContain('Left out 1 document not started');
  });

  it('includes them on request, where they count as disagreement', () => {
    const input = [
      annotator('ana', { talks: { rows: anaTalks }, pledge: { rows: anaPledge } }),
      annotator('ben', { talks: { rows: anaTalks }, pledge: { rows: [] } }),
    ];
    const report = buildAgreementReport(input, { includeUnstarted: true });
    if (!report.ok) throw new Error(report.error.message);
    // 3 matches, 4 of ana's spans, 3 of ben's: F1 = 2·3 / (4 + 3).
    expect(report.value.instance.total.mean).toBeCloseTo(6 / 7, 10);
    expect(report.value.documents.map((d) => d.id)).toEqual(['talks', 'pledge']);
    expect(report.value.unstarted.included).toBe(true);
    expect(unstartedLine(report.value.unstarted)).toMatch(/^Included 1 document not started/);
  });

  it('keeps an empty layer on a document marked done: finding nothing is an answer', () => {
    const input = [
      annotator('ana', { talks: { rows: anaTalks }, pledge: { rows: anaPledge } }),
      annotator('ben', { talks: { rows: anaTalks }, pledge: { rows: [], done: true } }),
    ];
    const report = buildAgreementReport(input);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.unstarted.documents).toEqual([]);
    expect(report.value.instance.total.mean).toBeCloseTo(6 / 7, 10);
    expect(unstartedLine(report.value.unstarted)).toBe('');
  });

  it('names every annotator who has not started a document, across three layers and Unicode text', () => {
    const input = [
      annotator('ana', { talks: { rows: anaTalks }, envoy: { rows: [[0, 3, 'policy-body']] } }),
      annotator('ben', { talks: { rows: [] }, envoy: { rows: [] } }),
      annotator('cho', { talks: { rows: [] }, envoy: { rows: [[0, 3, 'policy-body']] } }),
    ];
    expect(findUnstarted(input)).toEqual([
      { id: 'talks', title: 'About talks', notStartedBy: ['ben', 'cho'] },
      { id: 'envoy', title: 'About envoy', notStartedBy: ['ben'] },
    ]);
    const report = buildAgreementReport(input);
    if (!report.ok) throw new Error(report.error.message);
    expect(report.value.documents).toEqual([]);
    expect(unstartedLine(report.value.unstarted)).toContain('“About talks” (not started by ben and cho); “About envoy” (not started by ben)');
  });

  it('does not list a document only one annotator holds, or one everybody left empty but marked done', () => {
    const input = [
      annotator('ana', { talks: { rows: [] }, pledge: { rows: [], done: true } }),
      annotator('ben', { pledge: { rows: [], done: true } }),
    ];
    expect(findUnstarted(input)).toEqual([]);
  });
});
