/**
 * The agreement report as one long CSV table (RFC 4180, CRLF line ends), one
 * figure per row:
 *   measure, scope (total | label | document | confusion), key, title,
 *   annotator_a, annotator_b, statistic (mean | sd | value | count), value.
 * Undefined figures are empty cells. Text cells that a spreadsheet would run
 * as a formula (starting with = + - @, tab or CR) are prefixed with `'`;
 * numbers are written as numbers, full precision.
 */
import { AGREEMENT_MEASURES, type AgreementReport, type PairFigures } from './report';
import type { AgreementSummary } from './summary';

const HEADER = ['measure', 'scope', 'key', 'title', 'annotator_a', 'annotator_b', 'statistic', 'value'];

type Cell = string | number | null;

/** CSV for the whole report. */
export function reportToCsv(report: AgreementReport): string {
  const rows: Cell[][] = [HEADER];
  const titles = new Map(report.documents.map((d) => [d.id, d.title]));
  for (const m of AGREEMENT_MEASURES) {
    const measure = report[m];
    const summary = (scope: string, key: string, s: AgreementSummary) => {
      const title = scope === 'document' ? (titles.get(key) ?? '') : '';
      rows.push([m, scope, key, title, '', '', 'mean', s.mean]);
      if (s.sd !== null || m !== 'alpha') rows.push([m, scope, key, title, '', '', 'sd', s.sd]);
    };
    summary('total', '', measure.total);
    for (const [label, s] of Object.entries(measure.perLabel)) summary('label', label, s);
    for (const [id, s] of Object.entries(measure.perDocument)) summary('document', id, s);
    const pair = (p: PairFigures) => {
      rows.push([m, 'total', '', '', p.a, p.b, 'value', p.total]);
      for (const [label, v] of Object.entries(p.perLabel)) rows.push([m, 'label', label, '', p.a, p.b, 'value', v]);
      for (const [id, v] of Object.entries(p.perDocument)) rows.push([m, 'document', id, titles.get(id) ?? '', p.a, p.b, 'value', v]);
    };
    measure.pairs.forEach(pair);
  }
  const { labels, counts } = report.confusion;
  labels.forEach((row, i) => labels.forEach((column, j) => rows.push(['confusion', 'confusion', `${row} / ${column}`, '', '', '', 'count', counts[i]![j]!])));
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One CSV cell: numbers as they are, `null` empty, text made formula-safe and quoted when needed. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
