/**
 * The agreement report laid out as titled tables of text cells: the common
 * ground of the Markdown export and the CLI's plain-text table, so both show
 * the same figures in the same order.
 */
import { AGREEMENT_MEASURES, type AgreementMeasure, type AgreementReport } from './report';
import type { AgreementSummary } from './summary';
import { readMeasure } from './plain-words';
import { unstartedLine } from './unstarted-documents';

/** One titled table; every row has as many cells as `header`. */
export interface ReportTable {
  title: string;
  /** A sentence under the title, or ''. */
  note: string;
  header: string[];
  rows: string[][];
}

/** Display names of the measures. */
export const MEASURE_NAMES: Readonly<Record<AgreementMeasure, string>> = {
  instance: 'Instance F1',
  token: 'Token F1',
  lenient: 'Lenient F1',
  kappa: "Cohen's kappa",
  alpha: "Krippendorff's alpha",
};

/** A figure for display: three decimals, or `n/a` where undefined. */
export function formatFigure(value: number | null): string {
  return value === null ? 'n/a' : value.toFixed(3);
}

/** A summary for display: `0.612 ± 0.034`, the mean alone where there is no sd. */
export function formatSummary(summary: AgreementSummary): string {
  if (summary.mean === null) return 'n/a';
  return summary.sd === null ? formatFigure(summary.mean) : `${formatFigure(summary.mean)} ± ${formatFigure(summary.sd)}`;
}

/** The report as tables: overall, one pairwise matrix per measure, per label, per document, label confusion. */
export function reportTables(report: AgreementReport): ReportTable[] {
  const compared = report.documents.filter((d) => d.annotators.length >= 2);
  const tables: ReportTable[] = [];
  tables.push({
    title: 'Overall',
    note: [
      `${report.annotators.length} annotators (${report.annotators.join(', ')}), ${compared.length} of ${report.documents.length} documents compared. Mean ± population SD over annotator pairs; alpha is one figure across all annotators.`,
      unstartedLine(report.unstarted),
    ]
      .filter((s) => s !== '')
      .join(' '),
    header: ['Measure', 'Mean', 'SD', 'In words'],
    rows: AGREEMENT_MEASURES.map((m) => [
      MEASURE_NAMES[m],
      formatFigure(report[m].total.mean),
      report[m].total.sd === null ? '' : formatFigure(report[m].total.sd),
      readMeasure(m, report[m].pairs, report[m].total.mean),
    ]),
  });
  for (const m of AGREEMENT_MEASURES) {
    const value = (a: string, b: string): string => {
      if (a === b) return '—';
      const pair = report[m].pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
      return pair ? formatFigure(pair.total) : 'n/a';
    };
    tables.push({
      title: `${MEASURE_NAMES[m]} by pair`,
      note: '',
      header: ['', ...report.annotators],
      rows: report.annotators.map((a) => [a, ...report.annotators.map((b) => value(a, b))]),
    });
  }
  tables.push({
    title: 'Per label',
    note: 'Kappa and alpha per label compare, token by token, whether the label is present.',
    header: ['Label', ...AGREEMENT_MEASURES.map((m) => MEASURE_NAMES[m])],
    rows: report.labels.map((l) => [l, ...AGREEMENT_MEASURES.map((m) => formatSummary(report[m].perLabel[l] ?? { mean: null, sd: null }))]),
  });
  tables.push({
    title: 'Per document',
    note: '',
    header: ['Document', 'Tokens', 'Annotators', ...AGREEMENT_MEASURES.map((m) => MEASURE_NAMES[m])],
    rows: compared.map((d) => [
      d.title,
      String(d.tokens),
      String(d.annotators.length),
      ...AGREEMENT_MEASURES.map((m) => formatSummary(report[m].perDocument[d.id] ?? { mean: null, sd: null })),
    ]),
  });
  const { labels, counts } = report.confusion;
  tables.push({
    title: 'Label confusion',
    note: 'Overlapping spans of two annotators: rows are the earlier annotator’s label, columns the later’s. Off the diagonal, the label conflicts.',
    header: ['', ...labels],
    rows: labels.map((l, i) => [l, ...counts[i]!.map(String)]),
  });
  if (report.relations) {
    const { types, instance } = report.relations;
    tables.push({
      title: 'Relations',
      note: 'Instance F1 over links: two relations agree when source span, target span (same bounds and label) and type are all equal.',
      header: ['Relation type', 'Instance F1'],
      rows: [['All types', formatSummary(instance.total)], ...types.map((t) => [t, formatSummary(instance.perLabel[t] ?? { mean: null, sd: null })])],
    });
  }
  const single = report.documents.filter((d) => d.annotators.length < 2);
  if (single.length > 0) {
    tables.push({
      title: 'Not compared',
      note: 'Documents held by one annotator only.',
      header: ['Document', 'Annotator'],
      rows: single.map((d) => [d.title, d.annotators.join(', ')]),
    });
  }
  return tables;
}
