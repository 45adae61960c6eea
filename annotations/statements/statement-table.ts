/**
 * The statement table as CSV or JSON: one row per statement (see
 * `build-statements.ts`), every end with its text, entity and offsets in
 * UTF-16 code units and in code points.
 */
import { neutraliseFormula, toCsv } from '../formats/csv-text';
import type { Statement, StatementSpan } from './build-statements';

/** Columns of one end in the CSV table, after its prefix (`actor_text`, `actor_start`...). */
const END_COLUMNS = ['text', 'label', 'entity_id', 'entity', 'start', 'end', 'start_cp', 'end_cp'] as const;

/** The header of the CSV statement table. */
export const STATEMENT_COLUMNS: readonly string[] = [
  'document_id',
  'document_title',
  'layer',
  ...['date_value', 'date_precision'],
  ...END_COLUMNS.map((c) => `date_${c}`),
  ...END_COLUMNS.map((c) => `actor_${c}`),
  'stance',
  ...END_COLUMNS.map((c) => `position_${c}`),
  ...END_COLUMNS.map((c) => `target_${c}`),
];

function endCells(span: StatementSpan | undefined): string[] {
  if (!span) return END_COLUMNS.map(() => '');
  return [span.text, span.labelId, span.entityId ?? '', span.entityName ?? '', String(span.start), String(span.end), String(span.startCodePoint), String(span.endCodePoint)];
}

/** Several dates in one cell, joined by `; ` in the order of the dates. */
function joined(values: readonly string[]): string {
  return values.join('; ');
}

/**
 * The statements as CSV (RFC 4180, CRLF, header first). A statement with
 * several dates lists them in the date cells joined by `; `, in text order.
 * Cells that a spreadsheet would read as a formula get a leading `'`.
 */
export function statementsCsv(statements: readonly Statement[]): string {
  const rows = [STATEMENT_COLUMNS as string[]];
  for (const s of statements) {
    const dateCells = END_COLUMNS.map((_, i) => joined(s.dates.map((d) => endCells(d)[i]!)));
    rows.push(
      [
        s.documentId,
        s.documentTitle,
        s.layerId,
        joined(s.dates.map((d) => d.value ?? '')),
        joined(s.dates.map((d) => d.precision ?? '')),
        ...dateCells,
        ...endCells(s.actor),
        s.stance ?? '',
        ...endCells(s.position),
        ...endCells(s.target),
      ].map(neutraliseFormula),
    );
  }
  return toCsv(rows);
}

/** The statements as a JSON document: `{ "format": "parley-statements", "version": 1, "statements": [...] }`. */
export function statementsJson(statements: readonly Statement[]): string {
  return `${JSON.stringify({ format: 'parley-statements', version: 1, statements }, null, 2)}\n`;
}
