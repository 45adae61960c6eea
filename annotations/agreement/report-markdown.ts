/** The agreement report as a Markdown document (GitHub-flavoured tables). */
import type { AgreementReport } from './report';
import { reportTables } from './report-tables';

/** Markdown for the whole report. Cell text is escaped so labels and titles cannot break the tables. */
export function reportToMarkdown(report: AgreementReport): string {
  const out: string[] = ['# Agreement report', ''];
  for (const table of reportTables(report)) {
    out.push(`## ${escapeInline(table.title)}`, '');
    if (table.note) out.push(escapeInline(table.note), '');
    out.push(row(table.header), row(table.header.map(() => '---')));
    for (const cells of table.rows) out.push(row(cells));
    out.push('');
  }
  return out.join('\n');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function escapeCell(text: string): string {
  return escapeInline(text).replace(/\|/g, '\\|');
}

function escapeInline(text: string): string {
  return text.replace(/\r\n|[\r\n]/g, ' ').replace(/[\\`*_[\]<>#]/g, (c) => `\\${c}`);
}
