/**
 * A PDF's text layer read with pdf.js (Mozilla's PDF reader, its build for
 * Node), page by page, with progress and a cancel check between pages. It
 * runs where it is called (the import worker in the app): pdf.js's own worker
 * is replaced by its in-thread handler, nothing is fetched and no code is
 * compiled from strings. The layout rules are in `pdf-layout.ts`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fail, ok, type Result } from '../../../annotations/result';
import { installPdfGlobals } from './dom-matrix-polyfill';
import { layOutPdfText, type PdfPageText, type PdfLayoutResult } from './pdf-layout';
import { MAX_PDF_PAGES, type SourceControl, type SourceMetadata } from './source-text';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loaded: Promise<PdfJs> | undefined;

/** pdf.js with its worker's handler installed in this thread, loaded once. */
function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    installPdfGlobals();
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

/** Where pdf.js's character maps are, when the package is on disk (they decode PDFs whose fonts use Adobe's predefined CJK encodings). */
function cMapDir(): string | undefined {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps') + path.sep;
  } catch {
    return undefined;
  }
}

/** What a PDF gives: its laid-out text and page ranges, its own title and metadata. */
export interface PdfText extends PdfLayoutResult {
  title: string;
  metadata: SourceMetadata;
  pageCount: number;
}

/** `D:20240115103000+09'00'` (a PDF date) as ISO 8601 (`2024-01-15`), or undefined. */
export function pdfDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/u.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (!mo) return y;
  if (Number(mo) < 1 || Number(mo) > 12) return y;
  if (!d) return `${y}-${mo}`;
  return Number(d) >= 1 && Number(d) <= 31 ? `${y}-${mo}-${d}` : `${y}-${mo}`;
}

/** A metadata title worth showing: not empty, not a file name, not a word processor's placeholder. */
function usableTitle(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const title = value.replace(/\s+/gu, ' ').trim();
  if (!title || /^(untitled|microsoft word\b.*|document\d*|title)$/iu.test(title) || /\.(docx?|pdf|indd|txt|rtf|odt)$/iu.test(title)) return undefined;
  return title;
}

/**
 * Reads the text layer of `bytes`. Fails with `invalid-format` for a file
 * that is not a PDF or is damaged, `forbidden` for a PDF locked with a
 * password, `invalid-format` for one with no text layer (a scan), and
 * `cancelled` when `control` says so between pages.
 */
export async function readPdf(name: string, bytes: Uint8Array, control: SourceControl): Promise<Result<PdfText>> {
  if (!startsWithPdfHeader(bytes)) return fail('invalid-format', `${name} is not a PDF (it does not start with %PDF-)`);
  const lib = await pdfjs();
  const map = cMapDir();
  // pdf.js takes ownership of the buffer it is given; it gets a copy.
  const task = lib.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
    ...(map ? { cMapUrl: map, cMapPacked: true } : {}),
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    const e = error as { name?: string; message?: string };
    if (e.name === 'PasswordException') return fail('forbidden', `${name} is protected by a password; open it in a PDF reader, save a copy without the password, and import that`);
    return fail('invalid-format', `${name} could not be read as a PDF (${e.message ?? String(error)}); it may be damaged or cut short`);
  }
  try {
    const pages: PdfPageText[] = [];
    const total = document.numPages;
    if (total > MAX_PDF_PAGES) return fail('too-large', `${name} has ${total.toLocaleString('en-US')} pages; the limit is ${MAX_PDF_PAGES.toLocaleString('en-US')}`);
    for (let n = 1; n <= total; n++) {
      if (control.isCancelled()) return fail('cancelled', 'cancelled');
      control.onProgress(n - 1, total);
      const page = await document.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: false });
      const pieces: PdfPageText['pieces'] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [, , c, d, e, f] = item.transform as number[];
        pieces.push({ text: item.str, x: e ?? 0, y: f ?? 0, width: item.width, fontSize: Math.hypot(c ?? 0, d ?? 0) || item.height });
      }
      pages.push({ pieces });
      page.cleanup();
    }
    control.onProgress(total, total);
    const laid = layOutPdfText(pages);
    if (!/[\p{L}\p{N}]/u.test(laid.text)) {
      return fail('invalid-format', `${name} has no text layer (a scan?): its ${total === 1 ? 'page is' : `${total} pages are`} images only. Run it through a text recogniser (OCR) first, then import the result`);
    }
    const meta = await document.getMetadata().catch(() => undefined);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const title = usableTitle(meta?.metadata?.get('dc:title')) ?? usableTitle(info.Title) ?? laid.largestFirstPageLine;
    const author = typeof info.Author === 'string' && info.Author.trim() ? info.Author.trim() : undefined;
    const publishedAt = pdfDate(info.CreationDate);
    const metadata: SourceMetadata = {};
    if (author) metadata.author = author;
    if (publishedAt) metadata.publishedAt = publishedAt;
    return ok({ ...laid, title, metadata, pageCount: total });
  } catch (error) {
    return fail('invalid-format', `${name} could not be read as a PDF (${error instanceof Error ? error.message : String(error)}); it may be damaged`);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}

/** Whether the first kilobyte holds `%PDF-` (readers allow junk before it). */
function startsWithPdfHeader(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}
