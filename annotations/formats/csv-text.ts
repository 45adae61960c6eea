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

/** Parses CSV text (comma-separated, `"` quoting, CRLF or LF). Fails on an unclosed quote or a stray character after one. */
export function parseCsv(text: string): { ok: true; rows: CsvRow[] } | { ok: false; line: number; message: string } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let atCellStart = true;
  const endRow = (): void => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
    atCellStart = true;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (atCellStart && c === '"') {
      const openedAt = line;
      i++;
      for (;;) {
        if (i >= text.length) return { ok: false, line: openedAt, message: 'a quoted cell is never closed' };
        const d = text[i]!;
        if (d === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (d === '\n') line++;
        cell += d;
        i++;
      }
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') return { ok: false, line, message: 'unexpected character after a closing quote' };
      atCellStart = false;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += c;
      atCellStart = false;
      i++;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return { ok: true, rows };
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
