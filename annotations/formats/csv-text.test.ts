import { describe, expect, it } from 'vitest';
import { forEachCsvRow, parseCsv } from './csv-text';

const cellsOf = (text: string) => {
  const parsed = parseCsv(text);
  return parsed.ok ? parsed.rows.map((r) => [r.line, ...r.cells]) : parsed;
};

describe('parseCsv', () => {
  it('reads plain, quoted and doubled-quote cells exactly, with line numbers', () => {
    expect(cellsOf('a,b,c\n1,"two, too","say ""hi"""\r\n"""",x,\n')).toEqual([
      [1, 'a', 'b', 'c'],
      [2, '1', 'two, too', 'say "hi"'],
      [3, '"', 'x', ''],
    ]);
  });

  it('keeps line breaks, Hangul and emoji inside quoted cells and counts their lines', () => {
    expect(cellsOf('\ufeffdoc,text\n"통일부\r\nmet","🇰🇷 ""flag"""\nnext,row')).toEqual([
      [1, 'doc', 'text'],
      [2, '통일부\r\nmet', '🇰🇷 "flag"'],
      [4, 'next', 'row'],
    ]);
  });

  it('skips blank lines, keeps a last row without a line end, and treats a quote inside an unquoted cell as text', () => {
    expect(cellsOf('a,b\n\n\r\nx"y,z')).toEqual([
      [1, 'a', 'b'],
      [4, 'x"y', 'z'],
    ]);
  });

  it('reports an unclosed quote at the line it opens and a stray character after a closing quote', () => {
    expect(parseCsv('a\n"open\nstill')).toEqual({ ok: false, line: 2, message: 'a quoted cell is never closed' });
    expect(parseCsv('a\n"x"y,z')).toEqual({ ok: false, line: 2, message: 'unexpected character after a closing quote' });
  });

  it('hands rows over one at a time and counts them', () => {
    const seen: string[][] = [];
    expect(forEachCsvRow('h1,h2\n1,2\n3,4\n', (row) => seen.push(row.cells))).toEqual({ ok: true, rows: 3 });
    expect(seen).toEqual([
      ['h1', 'h2'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
