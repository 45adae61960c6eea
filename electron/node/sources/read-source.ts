/**
 * Reads any source file (PDF, Word, saved web page) by its name's extension,
 * and makes the article a document is created from. The checks that hold for
 * every kind are here: the size before reading (by the caller, with
 * `MAX_SOURCE_BYTES`), the text's length after, a title when the source has
 * none of its own.
 */
import { MAX_TEXT_LENGTH } from '../../../annotations/document';
import { fail, ok, type Result } from '../../../annotations/result';
import { htmlOfMhtml, decodeHtmlBytes } from './mhtml';
import { readDocx } from './read-docx';
import { readPdf } from './read-pdf';
import { readWebPage } from './read-web-page';
import { NO_CONTROL, sourceKindOf, SOURCE_EXTENSIONS, type SourceControl, type SourceText } from './source-text';

/** "Annual report 2024" from "annual_report-2024.pdf": the title of last resort. */
export function titleFromFileName(name: string): string {
  const file = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = file.lastIndexOf('.');
  return (dot > 0 ? file.slice(0, dot) : file).replace(/[_-]+/gu, ' ').trim();
}

/**
 * Reads `bytes`, named `name`, as the kind of source its extension says.
 * Fails with `invalid-format` for an unknown extension, a damaged file or one
 * with no text, `forbidden` for a password-protected PDF, `too-large` for a
 * text over `MAX_TEXT_LENGTH`, `cancelled` when `control` says so. The
 * title is the source's own, else its file name.
 */
export async function readSource(name: string, bytes: Uint8Array, control: SourceControl = NO_CONTROL): Promise<Result<SourceText>> {
  const kind = sourceKindOf(name);
  let read: Result<SourceText>;
  switch (kind) {
    case 'pdf': {
      const pdf = await readPdf(name, bytes, control);
      read = pdf.ok ? ok({ kind: 'pdf', title: pdf.value.title, text: pdf.value.text, metadata: pdf.value.metadata, pages: pdf.value.pages }) : pdf;
      break;
    }
    case 'docx':
      read = await readDocx(name, bytes);
      break;
    case 'html': {
      const html = decodeHtmlBytes(name, bytes);
      read = html.ok ? readWebPage(name, html.value, 'html') : html;
      break;
    }
    case 'mhtml': {
      const page = htmlOfMhtml(name, bytes);
      read = page.ok ? readWebPage(name, page.value.html, 'mhtml', page.value.location) : page;
      break;
    }
    default:
      return fail('invalid-format', `${name}: only ${Object.keys(SOURCE_EXTENSIONS).join(', ')} files are read as sources`);
  }
  if (!read.ok) return read;
  const source = read.value;
  if (source.text.length > MAX_TEXT_LENGTH) {
    return fail('too-large', `${name}: the text is ${source.text.length.toLocaleString('en-US')} characters long; the limit is ${MAX_TEXT_LENGTH.toLocaleString('en-US')}`);
  }
  return ok({ ...source, title: source.title.trim() || titleFromFileName(name) });
}
