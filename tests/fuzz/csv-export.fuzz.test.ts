/**
 * Fuzzes both CSV writers — the annotations export and the agreement report —
 * with corpora whose every text field is hostile: formulas (`=`, `+`, `-`,
 * `@`, a leading tab or carriage return), markup, quotes, commas and line
 * breaks. No cell of the written CSV may start as a formula, and importing the
 * annotations CSV again must give back every value exactly.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createAnnotation } from '../../annotations/annotation';
import type { AnnotatorDocuments } from '../../annotations/agreement/agreement-input';
import { buildAgreementReport } from '../../annotations/agreement/report';
import { reportToCsv } from '../../annotations/agreement/report-csv';
import { createDocument } from '../../annotations/document';
import { exportCsv, importCsv } from '../../annotations/formats/csv';
import { parseCsv } from '../../annotations/formats/csv-text';
import type { Annotation, Corpus, CorpusDocument, Label } from '../../annotations/model';
import { caseRng, CSV_INJECTIONS, fuzzCases, MARKUP_PAYLOADS, pollution, prototypeSnapshot, type Rng } from './generators';

const CASES = fuzzCases('csv');
const NOW = '2025-06-01T00:00:00.000Z';

/** A cell a spreadsheet would evaluate: it starts with one of OWASP's trigger characters. */
const LIVE_FORMULA = /^[=+\-@\t\r]/;

const tally = { cases: 0, failures: 0, cells: 0, hostileCells: 0, annotations: 0 };
afterAll(() => {
  console.log(
    `fuzz csv export: ${tally.cases} cases, ${tally.failures} failures (${tally.cells} cells written, ${tally.hostileCells} of them began as a formula, ${tally.annotations} annotations round-tripped)`,
  );
});

/** A short field value: most often one that starts like a formula. */
function hostile(rng: Rng): string {
  const start = rng.pick(['=', '+', '-', '@', '\t', '\r', "'", '"', ',', ' =', '\n=', '']);
  const body = rng.pick([...CSV_INJECTIONS, ...MARKUP_PAYLOADS, 'SUM(A1:A9)', '1+1', 'cmd|\' /C calc\'!A0', '통일부', '🇰🇷 flag', 'a,"b"\r\nc', 'plain']);
  return rng.chance(0.85) ? `${start}${body}` : body;
}

/** A text with hostile lines, and the spans to tag in it (whole lines, or parts). */
function hostileText(rng: Rng): string {
  const lines = Array.from({ length: rng.range(2, 8) }, () => hostile(rng).replace(/[\r\n]/g, ' ') || 'x');
  return lines.join(rng.pick(['\n', '\r\n']));
}

function hostileCorpus(rng: Rng): Corpus {
  const labels: Label[] = Array.from({ length: rng.range(1, 4) }, (_, i) => ({
    id: `label-${i}`,
    name: `${hostile(rng).replace(/[\r\n]/g, '').trim() || '='}${i}`,
    color: '#123456',
    shortcut: '',
    description: hostile(rng),
  }));
  const documents: CorpusDocument[] = [];
  for (let d = rng.range(1, 3); d > 0; d--) {
    const text = hostileText(rng);
    const document = createDocument({ title: hostile(rng).replace(/[\r\n]/g, '').trim() || '=title', source: hostile(rng), text, now: NOW });
    const annotations: Annotation[] = [];
    for (let n = rng.range(0, 6); n > 0; n--) {
      const start = rng.int(text.length);
      const end = Math.min(text.length, start + rng.range(1, 30));
      const made = createAnnotation(text, { documentId: document.id, start, end, labelId: rng.pick(labels).id, author: hostile(rng).trim() || '@author', now: NOW, note: hostile(rng) });
      // A span that would split an emoji is refused by design; skip it.
      if (made.ok) annotations.push(made.value);
    }
    documents.push({ document, layers: [{ id: 'own', kind: 'own', author: 'fuzz', annotations }], decisions: [] });
  }
  return { labels: { labels }, documents };
}

/** Every problem with one case, as messages. */
function checkCase(rng: Rng): string[] {
  const problems: string[] = [];
  const corpus = hostileCorpus(rng);
  const exported = exportCsv(corpus, {});
  if (!exported.ok) return [`export failed: ${exported.error.message}`];
  const table = exported.value.files[0]!;
  const parsed = parseCsv(table.data as string);
  if (!parsed.ok) return [`the written CSV does not parse: ${parsed.message} (line ${parsed.line})`];
  for (const row of parsed.rows)
    for (const cell of row.cells) {
      tally.cells++;
      if (cell.startsWith("'") && LIVE_FORMULA.test(cell.slice(1))) tally.hostileCells++;
      if (LIVE_FORMULA.test(cell)) problems.push(`line ${row.line}: cell ${JSON.stringify(cell.slice(0, 30))} starts as a formula`);
    }

  // The neutralising quote is undone on import: every value comes back exactly.
  const names = new Map(corpus.labels.labels.map((l) => [l.id, l.name]));
  const imported = importCsv(exported.value.files, { labels: { labels: [] }, now: NOW, author: 'fuzz' });
  if (!imported.ok) return [...problems, `the export does not import again: ${imported.error.message}`];
  const want = corpus.documents.flatMap((cd) => cd.layers[0]!.annotations.map((a) => [cd.document.text, a.quote.exact, names.get(a.labelId), a.note ?? '', a.author].join('\u0000')));
  const importedNames = new Map(imported.value.corpus.labels.labels.map((l) => [l.id, l.name]));
  const got = imported.value.corpus.documents.flatMap((cd) =>
    cd.layers.flatMap((l) => l.annotations.map((a) => [cd.document.text, a.quote.exact, importedNames.get(a.labelId), a.note ?? '', a.author].join('\u0000'))),
  );
  tally.annotations += got.length;
  if (JSON.stringify([...want].sort()) !== JSON.stringify([...got].sort())) problems.push(`round trip changed values: wrote ${want.length} annotations, read back ${got.length} that differ`);

  // The agreement report: annotator names, labels and titles are all text cells.
  const annotators: AnnotatorDocuments[] = ['=a', '+b'].map((name, i) => ({
    annotator: i === 0 ? hostile(rng) || '=x' : `${hostile(rng)}-2`,
    documents: new Map(corpus.documents.map((cd) => [cd.document.id, { text: cd.document.text, title: cd.document.title, annotations: cd.layers[0]!.annotations.map((a) => ({ ...a, labelId: names.get(a.labelId)! })) }])),
  }));
  if (annotators[0]!.annotator !== annotators[1]!.annotator) {
    const report = buildAgreementReport(annotators);
    if (report.ok) {
      const csv = parseCsv(reportToCsv(report.value));
      if (!csv.ok) problems.push(`the agreement CSV does not parse: ${csv.message}`);
      else
        for (const row of csv.rows)
          for (const cell of row.cells) {
            tally.cells++;
            // Negative numbers are numbers, not formulas: a spreadsheet reads them as values.
            if (LIVE_FORMULA.test(cell) && !/^-\d+(\.\d+)?(e-?\d+)?$/.test(cell)) problems.push(`agreement CSV line ${row.line}: cell ${JSON.stringify(cell.slice(0, 30))} starts as a formula`);
          }
    }
  }
  return problems;
}

describe('CSV exports under hostile text', () => {
  it(`${CASES} corpora with formulas in every field export with no live formula, and import back exactly`, () => {
    const snapshot = prototypeSnapshot();
    const failures: string[] = [];
    for (let index = 0; index < CASES; index++) {
      let problems: string[];
      try {
        problems = checkCase(caseRng('csv', index));
      } catch (error) {
        problems = [`threw ${error instanceof Error ? error.message : String(error)}`];
      }
      const polluted = pollution(snapshot);
      if (polluted) problems.push(`prototype pollution: ${polluted}`);
      tally.cases++;
      if (problems.length > 0) {
        tally.failures++;
        failures.push(`csv #${index}: ${problems.slice(0, 3).join('; ')}`);
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    // The run is only worth something if it wrote cells that needed neutralising.
    expect(tally.hostileCells).toBeGreaterThan(CASES);
  }, 120_000);
});
