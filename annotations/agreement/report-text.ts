/** The agreement report as plain-text tables with aligned columns, for a terminal. */
import type { AgreementReport } from './report';
import { reportTables } from './report-tables';

/** The report as text: each table under its title, columns padded to line up (by code point). */
export function reportToText(report: AgreementReport): string {
  const out: string[] = [];
  for (const table of reportTables(report)) {
    out.push(table.title, '='.repeat(table.title.length));
    if (table.note) out.push(table.note);
    const all = [table.header, ...table.rows].map((r) => r.map((c) => c.replace(/[\r\n\t]+/g, ' ')));
    const widths = table.header.map((_, i) => Math.max(...all.map((r) => width(r[i] ?? ''))));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? pad(c, widths[i]!, 'end') : pad(c, widths[i]!, 'start')))
        .join('  ')
        .trimEnd();
    out.push(line(all[0]!), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of all.slice(1)) out.push(line(r));
    out.push('');
  }
  return out.join('\n');
}

function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return side === 'start' ? fill + text : text + fill;
}
