import { describe, expect, it } from 'vitest';
import { defaultLabelSchema } from '../labels';
import { exportCsv, importCsv } from './csv';
import { neutraliseFormula, parseCsv, restoreFormula } from './csv-text';
import { sampleCorpus } from './test-fixtures/sample-corpus';

const options = { labels: defaultLabelSchema(), now: '2025-04-01T00:00:00.000Z' };

describe('CSV', () => {
  it.each(['=SUM(A1)', '+82 2 1234', '-1', '@cmd', '\tindent', "'quoted"])('neutralises %j and restores it exactly', (cell) => {
    expect(neutraliseFormula(cell).startsWith("'")).toBe(true);
    expect(restoreFormula(neutraliseFormula(cell))).toBe(cell);
  });

  it('leaves ordinary cells alone', () => {
    expect(neutraliseFormula('통일부')).toBe('통일부');
  });

  it('writes one row per annotation with the documented columns and no live formulas', () => {
    const out = exportCsv(sampleCorpus(), {});
    if (!out.ok) throw new Error(out.error.message);
    const csv = out.value.files[0]!.data as string;
    expect(csv.startsWith('\uFEFFdocument,start,end,text,label,note,author,created\r\n')).toBe(true);
    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toHaveLength(16);
    for (const row of parsed.rows) for (const cell of row.cells) expect(cell).not.toMatch(/^[=+\-@]/);
    expect(parsed.rows.some((r) => r.cells[5] === "'=SUM(A1) looks like a formula")).toBe(true);
    expect(out.value.files.map((f) => f.path)).toEqual(['annotations.csv', 'alliance-briefing.txt', 'panmunjom-talks.txt', 'summit-note.txt']);
  });

  it('parses quoted cells holding commas, quotes and CRLF line breaks', () => {
    const parsed = parseCsv('a,b\r\n"x, ""y""","line1\r\nline2"\r\n');
    expect(parsed.ok && parsed.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line1\r\nline2'],
    ]);
  });

  it('reports each bad row by line and imports nothing', () => {
    const csv = ['document,start,end,text,label', 'memo.txt,0,5,Seoul,Actor', 'memo.txt,6,3,x,Actor', 'memo.txt,10,15,Tokyo,Actor', 'other.txt,0,1,x,Actor'].join('\n');
    const result = importCsv([{ path: 'a.csv', data: csv }, { path: 'memo.txt', data: 'Seoul and Washington met.' }], options);
    expect(result.ok ? [] : result.error.problems!.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: span [6, 3) is reversed',
      '4: text "Tokyo" does not match the text at the offsets, "Washi"',
      '5: no text file "other.txt" was given with the CSV',
    ]);
  });

  it('reports an unclosed quote with its line', () => {
    const result = importCsv([{ path: 'a.csv', data: 'document,start,end,label\n"memo.txt,0,1,Actor\n' }], options);
    expect(result.ok ? undefined : result.error.problems![0]).toEqual({ file: 'a.csv', line: 2, message: 'a quoted cell is never closed' });
  });
});
