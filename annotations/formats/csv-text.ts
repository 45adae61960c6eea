/**
 * RFC 4180 CSV text: parsing with located errors, writing with quoting, and
 * formula neutralisation for spreadsheets (a cell starting with `=`, `+`, `-`,
 * `@`, tab or carriage return, or with the escape `'` itself, gets a leading `'`).
 */

/** One parsed row and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * Parses CSV text (comma-separated, `"` quoting, CRLF or LF). Fails on an unclosed quote or a stray character after one.
 *
 * Each cell is one slice of `text` (joined from pieces only around doubled
 * quotes), never built a character at a time: appending characters makes a
 * chain of string fragments that costs dozens of bytes per character until
 * flattened, which made a 60 MB table take gigabytes.
 */
export function parseCsv(text: string): { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string } {
  const rows: CsvRow[] = [];
  const read = forEachCsvRow(text, (row) => void rows.push(row));
  return read.ok ? { ok: true, rows } : read;
}

/**
 * Parses CSV text like `parseCsv`, handing each row to `onRow` as soon as it
 * is read instead of keeping them all: a large table then costs its text and
 * one row at a time. Rows before a syntax error have been handed over when it
 * is reported; callers that must not act on them check the text first.
 */
export function forEachCsvRow(text: string, onRow: (row: CsvRow) => void): { ok: true; rows: number } | { ok: false; line: number; message: string } {
  let count = 0;
  const QUOTE = 0x22;
  const COMMA = 0x2c;
  const CR = 0x0d;
  const LF = 0x0a;
  const n = text.length;
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atCellStart = true;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) {
      count++;
      onRow({ line: rowLine, cells });
    }
    cells = [];
    cell = '';
    atCellStart = true;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (atCellStart && c === QUOTE) {
      const openedAt = line;
      i++;
      let pieces: string[] | null = null;
      let from = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return { ok: false, line: openedAt, message: 'a quoted cell is never closed' };
        for (let k = i; k < q; k++) if (text.charCodeAt(k) === LF) line++;
        if (text.charCodeAt(q + 1) === QUOTE) {
          (pieces ??= []).push(text.slice(from, q + 1));
          i = q + 2;
          from = i;
          continue;
        }
        cell = pieces ? pieces.join('') + text.slice(from, q) : text.slice(from, q);
        i = q + 1;
        break;
      }
      if (i < n) {
        const next = text.charCodeAt(i);
        if (next !== COMMA && next !== LF && next !== CR) return { ok: false, line, message: 'unexpected character after a closing quote' };
      }
      atCellStart = false;
      continue;
    }
    if (c === COMMA) {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (c === CR || c === LF) {
      endRow();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === COMMA || d === CR || d === LF) break;
        j++;
      }
      cell = atCellStart ? text.slice(i, j) : cell + text.slice(i, j);
      atCellStart = false;
      i = j;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return { ok: true, rows: count };
}

/** A cell made safe for spreadsheets: a leading `'` before `=`, `+`, `-`, `@`, tab, CR, or `'`. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula`: drops one leading `'`. */
export function restoreFormula(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

/** One CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text for rows (CRLF line ends, as RFC 4180 and Excel expect). */
export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
