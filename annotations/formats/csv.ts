/**
 * CSV for spreadsheets: one row per annotation with the columns
 * `document, start, end, text, label, note, author, created`. Offsets are code
 * points; `document` names the `.txt` file written beside the CSV, which import
 * needs to place the spans. Every text cell is neutralised against formulas.
 */
import type { Corpus } from '../model';
import type { Result } from '../result';
import { fail, ok } from '../result';
import { OffsetMap } from '../unicode';
import { CorpusBuilder, type DocumentHandle } from './corpus-builder';
import { exportedAnnotations, forEachExportedDocument, LabelNames, relationsAndAttributesNotWritten } from './export-support';
import { baseName, FileNamer, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { ISO_DATE_TIME } from './json-reader';
import { forEachCsvRow, neutraliseFormula, restoreFormula, toCsv, type CsvRow } from './csv-text';
import { showText, spanFromCodePoints, toCodePointSpan } from './offsets';
import { expandZips } from './zip';

/** The columns, in order. */
export const CSV_COLUMNS = ['document', 'start', 'end', 'text', 'label', 'note', 'author', 'created'] as const;
/** Default file name of the annotations table. */
export const CSV_EXPORT_FILE = 'annotations.csv';
/** Largest CSV accepted, in characters: its import peaks under 1 GB even when every row is a short annotation. */
export const MAX_CSV_LENGTH = 32 * 1024 * 1024;

/** Writes `annotations.csv` plus one UTF-8 `.txt` per document (the CSV starts with a BOM so spreadsheets read Hangul right). */
export function exportCsv(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const namer = new FileNamer();
  const rows: string[][] = [[...CSV_COLUMNS]];
  const files: FormatFile[] = [];
  const stopped = forEachExportedDocument(corpus, options, 'CSV', (i) => {
    const cd = corpus.documents[i]!;
    const file = `${namer.stemFor(cd.document)}.txt`;
    files.push({ path: file, data: cd.document.text });
    const map = new OffsetMap(cd.document.text);
    for (const a of exportedAnnotations(cd, options)) {
      const cp = toCodePointSpan(map, a);
      rows.push([file, String(cp.start), String(cp.end), a.quote.exact, names.name(a.labelId), a.note ?? '', a.author, a.createdAt].map(neutraliseFormula));
    }
    });
  if (stopped) return stopped;
  return ok({ files: [{ path: CSV_EXPORT_FILE, data: `\uFEFF${toCsv(rows)}` }, ...files], warnings: relationsAndAttributesNotWritten(corpus, options, 'CSV') });
}

/** Reads CSV tables and the `.txt` files they name; the `text` column must match the text at the offsets. */
export function importCsv(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const expanded = expandZips(files);
  if (!expanded.ok) return expanded;
  const tables = expanded.value.filter((f) => /\.csv$/i.test(f.path));
  if (tables.length === 0) return fail('invalid-input', 'no .csv file was given');
  const texts = new Map<string, FormatFile>();
  for (const f of expanded.value) {
    if (!/\.txt$/i.test(f.path)) continue;
    texts.set(f.path, f);
    if (!texts.has(baseName(f.path))) texts.set(baseName(f.path), f);
    if (!texts.has(withoutExtension(baseName(f.path)))) texts.set(withoutExtension(baseName(f.path)), f);
  }
  const builder = new CorpusBuilder(options, 'CSV');
  const docs = new Map<FormatFile, { doc: DocumentHandle; map: OffsetMap } | undefined>();

  /** Adds one data row of a table to the corpus, or records why it cannot be. */
  function readRow(row: CsvRow, header: CsvRow, col: Map<string, number>, file: string): void {
    const at = { file, line: row.line };
    if (row.cells.length !== header.cells.length) {
      builder.error(at, `row has ${row.cells.length} cells; the header has ${header.cells.length}`);
      return;
    }
    const get = (name: string): string | undefined => (col.has(name) ? restoreFormula(row.cells[col.get(name)!]!) : undefined);
    const docName = get('document')!;
    const textFile = texts.get(docName) ?? texts.get(withoutExtension(docName));
    if (!textFile) {
      builder.error(at, `no text file ${JSON.stringify(docName)} was given with the CSV`);
      return;
    }
    if (!docs.has(textFile)) {
      const text = fileText(textFile);
      const doc = builder.addDocument({ file: textFile.path }, { title: withoutExtension(baseName(textFile.path)), source: baseName(textFile.path), originalPath: textFile.path, text });
      docs.set(textFile, doc ? { doc, map: new OffsetMap(text) } : undefined);
    }
    const entry = docs.get(textFile);
    if (!entry) return;
    const start = parseInteger(get('start')!);
    const end = parseInteger(get('end')!);
    const span = spanFromCodePoints(entry.map, start, end);
    if (!span.ok) {
      builder.error(at, span.error.message);
      return;
    }
    const actual = entry.doc.text.slice(span.value.start, span.value.end);
    const quoted = get('text');
    if (quoted !== undefined && quoted !== actual) {
      builder.error(at, `text ${showText(quoted)} does not match the text at the offsets, ${showText(actual)}`);
      return;
    }
    const created = get('created');
    if (created !== undefined && created !== '' && !ISO_DATE_TIME.test(created)) {
      builder.error(at, `created ${JSON.stringify(created)} is not an ISO 8601 date-time`);
      return;
    }
    const note = get('note');
    const author = get('author');
    builder.addSpan(entry.doc, at, {
      ...span.value,
      label: get('label')!,
      ...(note ? { note } : {}),
      ...(author ? { author } : {}),
      ...(created ? { createdAt: created } : {}),
    });
  }

  for (let t = 0; t < tables.length; t++) {
    const stop = builder.step(t, tables.length);
    if (stop) return stop;
    const table = tables[t]!;
    const source = fileText(table);
    if (source.length > MAX_CSV_LENGTH) {
      builder.error({ file: table.path }, `file is ${source.length} characters; the limit is ${MAX_CSV_LENGTH}`);
      continue;
    }
    // Checked whole first, so that a syntax error anywhere leaves the table out entirely; then read a row at a time.
    const checked = forEachCsvRow(source, () => undefined);
    if (!checked.ok) {
      builder.error({ file: table.path, line: checked.line }, checked.message);
      continue;
    }
    if (checked.rows === 0) {
      builder.error({ file: table.path }, 'the file is empty');
      continue;
    }
    let header: CsvRow | undefined;
    let col = new Map<string, number>();
    let usable = false;
    forEachCsvRow(source, (row) => {
      if (!header) {
        header = row;
        col = new Map(row.cells.map((h, k) => [h.trim().toLowerCase(), k]));
        const missing = ['document', 'start', 'end', 'label'].filter((c) => !col.has(c));
        if (missing.length > 0) builder.error({ file: table.path, line: row.line }, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
        usable = missing.length === 0;
        return;
      }
      if (usable) readRow(row, header, col, table.path);
    });
  }
  // A text without rows is a document without annotations: keep it.
  for (const f of new Set(texts.values())) {
    if (!docs.has(f)) builder.addDocument({ file: f.path }, { title: withoutExtension(baseName(f.path)), source: baseName(f.path), originalPath: f.path, text: fileText(f) });
  }
  builder.step(tables.length, tables.length);
  return builder.finish();
}

function parseInteger(cell: string): number | string {
  return /^\s*-?\d+\s*$/.test(cell) ? Number(cell) : cell;
}

/** The CSV codec. */
export const csvCodec: FormatCodec = {
  name: 'csv',
  import: importCsv,
  export: exportCsv,
};
