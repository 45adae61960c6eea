import { describe, expect, it } from 'vitest';
import type { AnnotatorDocuments } from './agreement-input';
import { buildAgreementReport, type AgreementReport } from './report';
import { csvCell, reportToCsv } from './report-csv';
import { reportToMarkdown } from './report-markdown';
import { reportToText } from './report-text';
import { annotationsFrom, loadFixture } from './test-support/load-fixture';

function build(input: AnnotatorDocuments[]): AgreementReport {
  const result = buildAgreementReport(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const threeAnnotators = build(loadFixture('three-annotators.json'));

/** Splits RFC 4180 CSV into rows of cells (enough for these tests). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes one figure per row with full precision and empty cells for undefined figures', () => {
    const rows = parseCsv(reportToCsv(threeAnnotators));
    expect(rows[0]).toEqual(['measure', 'scope', 'key', 'title', 'annotator_a', 'annotator_b', 'statistic', 'value']);
    expect(rows.every((r) => r.length === 8)).toBe(true);
    const kappaMean = rows.find((r) => r[0] === 'kappa' && r[1] === 'total' && r[6] === 'mean')!;
    expect(Number(kappaMean[7])).toBe(threeAnnotators.kappa.total.mean);
    const pair = rows.find((r) => r[0] === 'instance' && r[1] === 'total' && r[4] === 'ana' && r[5] === 'cho')!;
    expect(Number(pair[7])).toBe(threeAnnotators.instance.pairs[1]!.total);
  });

  it('neutralises text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
  });

  it('keeps a hostile document title inside its cell', () => {
    const text = 'aa bb';
    const doc = (name: string) => ({
      annotator: name,
      documents: new Map([['d', { text, title: '-1+1, "quoted"\nline', annotations: annotationsFrom('d', name, [[0, 2, 'x']]) }]]),
    });
    const rows = parseCsv(reportToCsv(build([doc('a'), doc('b')])));
    const titled = rows.find((r) => r[1] === 'document')!;
    expect(titled[3]).toBe(`'-1+1, "quoted"\nline`);
  });
});

describe('Markdown export', () => {
  it('has the overall table with each measure and the pairwise matrices', () => {
    const md = reportToMarkdown(threeAnnotators);
    expect(md).toContain(`| Cohen's kappa | ${threeAnnotators.kappa.total.mean!.toFixed(3)} | ${threeAnnotators.kappa.total.sd!.toFixed(3)} |`);
    expect(md).toContain('## Token F1 by pair');
    expect(md).toContain(`| ana | — | ${threeAnnotators.token.pairs[0]!.total!.toFixed(3)} | ${threeAnnotators.token.pairs[1]!.total!.toFixed(3)} |`);
    expect(md).toContain('## Not compared');
  });

  it('escapes a pipe in a label so the table keeps its columns', () => {
    const doc = (name: string) => ({ annotator: name, documents: new Map([['d', { text: 'aa', annotations: annotationsFrom('d', name, [[0, 2, 'a|b']]) }]]) });
    const md = reportToMarkdown(build([doc('x'), doc('y')]));
    expect(md).toContain('| a\\|b |');
  });
});

describe('text table', () => {
  it('aligns the columns of each table', () => {
    const text = reportToText(threeAnnotators);
    const lines = text.split('\n');
    const start = lines.indexOf('Overall');
    const header = lines[start + 3]!;
    const rule = lines[start + 4]!;
    expect(header.startsWith('Measure')).toBe(true);
    expect(rule).toMatch(/^-+ +-+ +-+ +-+$/); // Measure, Mean, SD, In words
    const kappaLine = lines.find((l) => l.startsWith("Cohen's kappa"))!;
    expect(kappaLine.length).toBe(rule.length);
    expect(kappaLine).toContain(threeAnnotators.kappa.total.mean!.toFixed(3));
  });
});
