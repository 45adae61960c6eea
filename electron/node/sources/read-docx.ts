/**
 * A Word document's text read with mammoth: headings and paragraphs, each a
 * paragraph of the text, lists and tables line by line, footnotes and
 * endnotes at the end under "Notes" (their markers stay in the text as
 * "[1]"). Images are left out and no file outside the document is opened.
 * The title is the document's first top-level heading, else the title in
 * its properties; the author and creation date come from its properties.
 */
import mammoth from 'mammoth';
import { strFromU8, unzipSync } from 'fflate';
import { htmlToText } from '../../../annotations/import/html-text';
import { fail, ok, type Result } from '../../../annotations/result';
import { MAX_DOCX_UNPACKED_BYTES, type SourceMetadata, type SourceText } from './source-text';
import { megabytes } from '../import/input-files';

/** The parts of a .docx that are read: the body, its notes and its properties. */
const READ_PARTS = /^(?:word\/|docProps\/core\.xml$|\[Content_Types\]\.xml$|_rels\/)/u;

/** The sizes and properties of a .docx, read from its zip directory without unpacking the body. */
function inspectZip(name: string, bytes: Uint8Array): Result<{ core: string | undefined }> {
  let unpacked = 0;
  let hasBody = false;
  let core: string | undefined;
  try {
    const files = unzipSync(bytes, {
      filter: (file) => {
        if (READ_PARTS.test(file.name)) unpacked += file.originalSize;
        if (file.name === 'word/document.xml') hasBody = true;
        return file.name === 'docProps/core.xml' && file.originalSize < 1024 * 1024;
      },
    });
    const coreBytes = files['docProps/core.xml'];
    if (coreBytes) core = strFromU8(coreBytes);
  } catch {
    return fail('invalid-format', `${name} is not a Word document (.docx): it is not a zip archive, or it is damaged`);
  }
  if (!hasBody) return fail('invalid-format', `${name} is not a Word document (.docx): it has no word/document.xml (an older .doc, or another kind of file renamed?)`);
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) return fail('too-large', `${name} unpacks to ${megabytes(unpacked)}; the limit is ${megabytes(MAX_DOCX_UNPACKED_BYTES)}`);
  return ok({ core });
}

function xmlText(value: string): string {
  return value
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&apos;/gu, "'")
    .replace(/&#x([0-9a-f]+);/giu, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/gu, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/gu, '&')
    .trim();
}

/** One element of docProps/core.xml (`dc:title`), or undefined. */
function coreProperty(core: string | undefined, tag: string): string | undefined {
  if (!core) return undefined;
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'u').exec(core);
  const value = m ? xmlText(m[1]!) : '';
  return value || undefined;
}

/**
 * Reads a .docx. Fails with `invalid-format` for a file that is not one (or
 * is damaged, or holds no text) and `too-large` for one that unpacks to more
 * than `MAX_DOCX_UNPACKED_BYTES`.
 */
export async function readDocx(name: string, bytes: Uint8Array): Promise<Result<SourceText>> {
  const zip = inspectZip(name, bytes);
  if (!zip.ok) return zip;
  let html: string;
  try {
    const converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = converted.value;
  } catch (error) {
    return fail('invalid-format', `${name} could not be read as a Word document (${error instanceof Error ? error.message : String(error)})`);
  }
  // Notes: mammoth writes them as a list after the body, each with a link back to its marker ("↑"), which is dropped.
  const notesAt = html.search(/<ol>\s*<li id="(?:footnote|endnote)-/u);
  const body = notesAt === -1 ? html : html.slice(0, notesAt);
  const notes = notesAt === -1 ? '' : html.slice(notesAt).replace(/\s*<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/gu, '');
  const bodyText = htmlToText(`<html><body>${body}</body></html>`).text;
  const noteItems = [...notes.matchAll(/<li id="(?:footnote|endnote)-([^"]+)">([\s\S]*?)<\/li>/gu)].map(
    (m, i) => `[${i + 1}] ${htmlToText(`<html><body>${m[2]!}</body></html>`).text.replace(/\n+/gu, ' ')}`,
  );
  const text = noteItems.length > 0 ? `${bodyText}\n\nNotes\n\n${noteItems.join('\n')}` : bodyText;
  if (!/[\p{L}\p{N}]/u.test(text)) return fail('invalid-format', `${name}: the document has no text`);
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/u.exec(body);
  const headingText = heading ? htmlToText(`<html><body><p>${heading[1]!}</p></body></html>`).text : '';
  const title = headingText || coreProperty(zip.value.core, 'dc:title') || '';
  const metadata: SourceMetadata = {};
  const author = coreProperty(zip.value.core, 'dc:creator');
  if (author) metadata.author = author;
  const created = coreProperty(zip.value.core, 'dcterms:created');
  if (created && /^\d{4}-\d{2}-\d{2}/u.test(created)) metadata.publishedAt = created.slice(0, 10);
  return ok({ kind: 'docx', title, text, metadata });
}
