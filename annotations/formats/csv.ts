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
import { exportedAnnotations, exportStep, LabelNames } from './export-support';
import { baseName, FileNamer, fileText, withoutExtension } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { ISO_DATE_TIME } from './json-reader';
import { neutraliseFormula, parseCsv, restoreFormula, toCsv } from './csv-text';
import { showText, spanFromCodePoints, toCodePointSpan } from './offsets';
import { expandZips } from './zip';

/** The columns, in order. */
export const CSV_COLUMNS = ['document', 'start', 'end', 'text', 'label', 'note', 'author', 'created'] as const;
/** Default file name of the annotations table. */
export const CSV_EXPORT_FILE = 'annotations.csv';
/** Largest CSV accepted, in characters. */
export const MAX_CSV_LENGTH = 64 * 1024 * 1024;

/** Writes `annotations.csv` plus one UTF-8 `.txt` per document (the CSV starts with a BOM so spreadsheets read Hangul right). */
export function exportCsv(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
  const names = new LabelNames(corpus);
  const namer = new FileNamer();
  const rows: string[][] = [[...CSV_COLUMNS]];
  const files: FormatFile[] = [];
  const total = corpus.documents.length;
  for (let i = 0; i < total; i++) {
    const stop = exportStep(options, 'CSV', i, total);
    if (stop) return stop;
    const cd = corpus.documents[i]!;
    const file = `${namer.stem(cd.document.title)}.txt`;
    files.push({ path: file, data: cd.document.text });
    const map = new OffsetMap(cd.document.text);
    for (const a of exportedAnnotations(cd, options)) {
      const cp = toCodePointSpan(map, a);
      rows.push([file, String(cp.start), String(cp.end), a.quote.exact, names.name(a.labelId), a.note ?? '', a.author, a.createdAt].map(neutraliseFormula));
    }
  }
  exportStep(options, 'CSV', total, total);
  return ok({ files: [{ path: CSV_EXPORT_FILE, data: `\uFEFF${toCsv(rows)}` }, ...files], warnings: [] });
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
  for (let t = 0; t < tables.length; t++) {
    const stop = builder.step(t, tables.length);
    if (stop) return stop;
    const table = tables[t]!;
    const source = fileText(table);
    if (source.length > MAX_CSV_LENGTH) {
      builder.error({ file: table.path }, `file is ${source.length} characters; the limit is ${MAX_CSV_LENGTH}`);
      continue;
    }
    const parsed = parseCsv(source);
    if (!parsed.ok) {
      builder.error({ file: table.path, line: parsed.line }, parsed.message);
      continue;
    }
    const [header, ...rows] = parsed.rows;
    if (!header) {
      builder.error({ file: table.path }, 'the file is empty');
      continue;
    }
    const col = new Map(header.cells.map((h, k) => [h.trim().toLowerCase(), k]));
    const missing = ['document', 'start', 'end', 'label'].filter((c) => !col.has(c));
    if (missing.length > 0) {
      builder.error({ file: table.path, line: header.line }, `missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      continue;
    }
    for (const row of rows) {
      const at = { file: table.path, line: row.line };
      if (row.cells.length !== header.cells.length) {
        builder.error(at, `row has ${row.cells.length} cells; the header has ${header.cells.length}`);
        continue;
      }
      const get = (name: string): string | undefined => (col.has(name) ? restoreFormula(row.cells[col.get(name)!]!) : undefined);
      const docName = get('document')!;
      const textFile = texts.get(docName) ?? texts.get(withoutExtension(docName));
      if (!textFile) {
        builder.error(at, `no text file ${JSON.stringify(docName)} was given with the CSV`);
        continue;
      }
      if (!docs.has(textFile)) {
        const text = fileText(textFile);
        const doc = builder.addDocument({ file: textFile.path }, { title: withoutExtension(baseName(textFile.path)), source: baseName(textFile.path), text });
        docs.set(textFile, doc ? { doc, map: new OffsetMap(text) } : undefined);
      }
      const entry = docs.get(textFile);
      if (!entry) continue;
      const start = parseInteger(get('start')!);
      const end = parseInteger(get('end')!);
      const span = spanFromCodePoints(entry.map, start, end);
      if (!span.ok) {
        builder.error(at, span.error.message);
        continue;
      }
      const actual = entry.doc.text.slice(span.value.start, span.value.end);
      const quoted = get('text');
      if (quoted !== undefined && quoted !== actual) {
        builder.error(at, `text ${showText(quoted)} does not match the text at the offsets, ${showText(actual)}`);
        continue;
      }
      const created = get('created');
      if (created !== undefined && created !== '' && !ISO_DATE_TIME.test(created)) {
        builder.error(at, `created ${JSON.stringify(created)} is not an ISO 8601 date-time`);
        continue;
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
  }
  // A text without rows is a document without annotations: keep it.
  for (const f of new Set(texts.values())) {
    if (!docs.has(f)) builder.addDocument({ file: f.path }, { title: withoutExtension(baseName(f.path)), source: baseName(f.path), text: fileText(f) });
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
  description: 'CSV, one row per annotation (document, start, end, text, label, note, author, created), with the texts beside it',
  import: importCsv,
  export: exportCsv,
};
