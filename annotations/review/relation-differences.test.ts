import { describe, expect, it } from 'vitest';
import { buildAgreementReport } from '../agreement/report';
import { reportToMarkdown } from '../agreement/report-markdown';
import { defaultLabelSchema } from '../labels';
import type { AnnotationLayer, LabelSchema } from '../model';
import { linkedLayer } from './test-support/linked-layer';
import { relationDifferences } from './relation-differences';

const TEXT = 'Noh Kyu-duk 🙂 proposed ending the working group with Washington on 22 June 2021.\r\n정동영 opposed it.';

const layer = (author: string, spans: ReadonlyArray<readonly [string, string]>, links: ReadonlyArray<readonly [string, string, string]>): AnnotationLayer => linkedLayer(TEXT, author, spans, links);

const SPANS: Array<[string, string]> = [
  ['Noh Kyu-duk', 'actor'],
  ['proposed ending', 'position'],
  ['the working group', 'policy-body'],
  ['Washington', 'actor'],
  ['22 June 2021', 'date'],
  ['정동영', 'actor'],
  ['opposed it', 'position'],
];

describe('relationDifferences', () => {
  it('matches ends by bounds and label, not id: agreed, different type, only mine, only theirs', () => {
    const mine = layer('ana', SPANS, [
      ['holds', 'Noh Kyu-duk', 'proposed ending'],
      ['toward', 'proposed ending', 'the working group'],
      ['when', 'proposed ending', '22 June 2021'],
      ['holds', '정동영', 'opposed it'],
    ]);
    const theirs = layer('jun', SPANS, [
      ['holds', 'Noh Kyu-duk', 'proposed ending'],
      ['member-of', 'proposed ending', 'the working group'],
      ['toward', 'proposed ending', 'Washington'],
    ]);
    const diffs = relationDifferences(mine, theirs);
    expect(diffs.map((d) => [d.kind, d.mine?.typeId ?? '', d.theirs?.typeId ?? ''])).toEqual([
      ['agreed', 'holds', 'holds'],
      ['different-type', 'toward', 'member-of'],
      ['only-mine', 'when', ''],
      ['only-mine', 'holds', ''],
      ['only-theirs', '', 'toward'],
    ]);
    // Keys are stable and distinct.
    expect(new Set(diffs.map((d) => d.key)).size).toBe(diffs.length);
    expect(relationDifferences(mine, theirs).map((d) => d.key)).toEqual(diffs.map((d) => d.key));
  });

  it('does not match spans that differ in bounds or label, even over the same words', () => {
    const mine = layer('ana', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending']]);
    const wider = layer('jun', [['Noh Kyu-duk', 'actor'], ['proposed ending the working group', 'position'], ['proposed ending', 'position']], [['holds', 'Noh Kyu-duk', 'proposed ending the working group']]);
    expect(relationDifferences(mine, wider).map((d) => d.kind)).toEqual(['only-mine', 'only-theirs']);
    const relabelled = layer('jun', [['Noh Kyu-duk', 'policy-body'], ['proposed ending', 'position']], [['holds', 'Noh Kyu-duk', 'proposed ending']]);
    expect(relationDifferences(mine, relabelled).map((d) => d.kind)).toEqual(['only-mine', 'only-theirs']);
  });

  it('pairs a second link between the same spans with its own type first', () => {
    const schema: LabelSchema = { ...defaultLabelSchema(), relationTypes: [...defaultLabelSchema().relationTypes!, { id: 'quotes', name: 'quotes', color: '#000000', shortcut: '', directed: true, from: [], to: [] }] };
    const mine = layer('ana', SPANS, [['quotes', 'Noh Kyu-duk', 'proposed ending'], ['holds', 'Noh Kyu-duk', 'proposed ending']]);
    const theirs = layer('jun', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending'], ['quotes', 'Noh Kyu-duk', 'proposed ending']]);
    expect(relationDifferences(mine, theirs, schema).map((d) => d.kind)).toEqual(['agreed', 'agreed']);
  });

  it('matches an undirected type either way round, and a directed one only one way', () => {
    const ally = { id: 'ally', name: 'allied with', color: '#111111', shortcut: '', directed: false, from: ['actor'], to: ['actor'] };
    const schema: LabelSchema = { ...defaultLabelSchema(), relationTypes: [ally] };
    const mine = layer('ana', SPANS, [['ally', 'Noh Kyu-duk', 'Washington']]);
    const theirs = layer('jun', SPANS, [['ally', 'Washington', 'Noh Kyu-duk']]);
    expect(relationDifferences(mine, theirs, schema).map((d) => d.kind)).toEqual(['agreed']);
    expect(relationDifferences(mine, theirs, { ...schema, relationTypes: [{ ...ally, directed: true }] }).map((d) => d.kind)).toEqual(['only-mine', 'only-theirs']);
  });

  it('gives nothing for layers without relations, and skips a relation whose end is missing', () => {
    expect(relationDifferences(layer('ana', SPANS, []), { annotations: [] })).toEqual([]);
    const broken = layer('ana', SPANS, [['holds', 'Noh Kyu-duk', 'proposed ending']]);
    broken.relations!.push({ ...broken.relations![0]!, id: 'rel_dangling', sourceId: 'ann_gone' });
    expect(relationDifferences(broken, layer('jun', SPANS, [])).map((d) => d.mine?.id)).toEqual(['rel_ana_0']);
  });
});

describe('relation agreement in the agreement report', () => {
  const docOf = (l: AnnotationLayer) => new Map([['doc', { text: TEXT, annotations: l.annotations, relations: l.relations ?? [], done: true }]]);

  it('is instance F1 over source, target and type, per relation type', () => {
    const mine = layer('ana', SPANS, [
      ['holds', 'Noh Kyu-duk', 'proposed ending'],
      ['toward', 'proposed ending', 'the working group'],
      ['when', 'proposed ending', '22 June 2021'],
      ['holds', '정동영', 'opposed it'],
    ]);
    const theirs = layer('jun', SPANS, [
      ['holds', 'Noh Kyu-duk', 'proposed ending'],
      ['member-of', 'proposed ending', 'the working group'],
      ['toward', 'proposed ending', 'Washington'],
      ['holds', '정동영', 'opposed it'],
    ]);
    const report = buildAgreementReport(
      [
        { annotator: 'ana', documents: docOf(mine) },
        { annotator: 'jun', documents: docOf(theirs) },
      ],
      { relationTypeOrder: ['holds', 'toward', 'when', 'member-of'] },
    );
    if (!report.ok) throw new Error(report.error.message);
    const relations = report.value.relations!;
    expect(relations.types).toEqual(['holds', 'toward', 'when', 'member-of']);
    // 2 of 4 and 2 of 4 agree: F1 = 2·2 / (4 + 4).
    expect(relations.instance.pairs[0]!.counts).toEqual({ a: 4, b: 4, matches: 2 });
    expect(relations.instance.total.mean).toBeCloseTo(0.5);
    expect(relations.instance.perLabel['holds']!.mean).toBeCloseTo(1);
    expect(relations.instance.perLabel['toward']!.mean).toBeCloseTo(0);
    expect(relations.instance.perLabel['when']!.mean).toBeCloseTo(0);
    expect(relations.instance.perDocument['doc']!.mean).toBeCloseTo(0.5);
    // The span figures are as without relations.
    expect(report.value.instance.total.mean).toBeCloseTo(1);
    const markdown = reportToMarkdown(report.value);
    expect(markdown).toContain('## Relations');
    expect(markdown).toMatch(/\| holds \| 1\.000 /);
  });

  it('is left out of a report where nobody linked anything', () => {
    const report = buildAgreementReport([
      { annotator: 'ana', documents: docOf(layer('ana', SPANS, [])) },
      { annotator: 'jun', documents: docOf(layer('jun', SPANS, [])) },
    ]);
    expect(report.ok && 'relations' in report.value).toBe(false);
    expect(report.ok && reportToMarkdown(report.value)).not.toContain('## Relations');
  });
});
