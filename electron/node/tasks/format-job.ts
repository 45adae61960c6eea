/**
 * A format conversion as a message a worker thread can run: the job, the
 * messages the worker sends back, and the function that does the work. The
 * codecs are synchronous; running them off the main thread keeps the window
 * responsive and lets a cancel request arrive while they work.
 */
import { codecs } from '../../../annotations/formats/index';
import { htmlToText } from '../../../annotations/import/html-text';
import type { ExportOptions, ExportOutcome, FormatFile, FormatName, ImportOptions, ImportOutcome } from '../../../annotations/formats/format';
import type { Corpus } from '../../../annotations/model';
import { fail, ok, type Result } from '../../../annotations/result';
import type { SourceText } from '../sources/source-text';

/** Work for a format worker. */
export type FormatJob =
  | { kind: 'export'; format: FormatName; corpus: Corpus; options: Omit<ExportOptions, 'onProgress' | 'isCancelled'> }
  | { kind: 'import'; format: FormatName; files: FormatFile[]; options: Omit<ImportOptions, 'onProgress' | 'isCancelled'> }
  | { kind: 'html-text'; pages: string[] }
  | { kind: 'sources'; files: Array<{ name: string; bytes: Uint8Array }> };

/** What reading each file of a `sources` job gave, in order: its text, or why it could not be read. */
export type SourceTexts = Array<Result<SourceText>>;

/** The readable text of each page of an `html-text` job, in order. */
export type PageTexts = Array<{ title: string; text: string }>;

/** What a job produces. */
export type FormatJobResult<J extends FormatJob> = J extends { kind: 'export' }
  ? Result<ExportOutcome>
  : J extends { kind: 'html-text' }
    ? Result<PageTexts>
    : J extends { kind: 'sources' }
      ? Result<SourceTexts>
      : Result<ImportOutcome>;

/**
 * A job as it crosses to the worker. An export's corpus goes as JSON: it is
 * hundreds of thousands of small objects, which structured cloning copies in
 * seconds where `JSON.stringify` and `JSON.parse` take a fraction of that.
 * Each document is its own string (a string holds at most about 512 MB,
 * which a million annotations exceed), after the corpus without them.
 * An import's files (text or zip bytes) are cloned as they are.
 */
export type PackedFormatJob = (Omit<FormatJob & { kind: 'export' }, 'corpus'> & { corpusJson: string; documentsJson: string[] }) | (FormatJob & { kind: 'import' | 'html-text' | 'sources' });

/** The message that starts a worker: the packed job and a one-slot flag the main thread sets to 1 to cancel. */
export interface FormatJobRequest {
  job: PackedFormatJob;
  cancelFlag: SharedArrayBuffer;
}

/** Packs a job for `postMessage`. */
export function packFormatJob(job: FormatJob): PackedFormatJob {
  if (job.kind !== 'export') return job;
  const { corpus, ...rest } = job;
  const { documents, ...shell } = corpus;
  return { ...rest, corpusJson: JSON.stringify(shell), documentsJson: documents.map((d) => JSON.stringify(d)) };
}

/** Unpacks a job in the worker. */
export function unpackFormatJob(packed: PackedFormatJob): FormatJob {
  if (packed.kind !== 'export') return packed;
  const { corpusJson, documentsJson, ...rest } = packed;
  const shell = JSON.parse(corpusJson) as Omit<Corpus, 'documents'>;
  return { ...rest, corpus: { ...shell, documents: documentsJson.map((d) => JSON.parse(d) as Corpus['documents'][number]) } };
}

/** Messages from the worker. */
export type FormatJobMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: AnyJobResult };

/** The result of any job. */
export type AnyJobResult = Result<ExportOutcome> | Result<ImportOutcome> | Result<PageTexts> | Result<SourceTexts>;

/** Runs `job` with progress reports and a cancel check; the same code runs in a worker or inline. Reading sources (PDF) is asynchronous; the rest is not. */
export function runFormatJob(job: FormatJob & { kind: 'sources' }, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Promise<Result<SourceTexts>>;
export function runFormatJob(job: Exclude<FormatJob, { kind: 'sources' }>, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Result<ExportOutcome> | Result<ImportOutcome> | Result<PageTexts>;
export function runFormatJob(job: FormatJob, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): AnyJobResult | Promise<AnyJobResult>;
export function runFormatJob(job: FormatJob, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): AnyJobResult | Promise<AnyJobResult> {
  if (job.kind === 'sources') return sourceTexts(job.files, onProgress, isCancelled);
  if (job.kind === 'html-text') return pageTexts(job.pages, onProgress, isCancelled);
  const codec = codecs[job.format];
  return job.kind === 'export'
    ? codec.export(job.corpus, { ...job.options, onProgress, isCancelled })
    : codec.import(job.files, { ...job.options, onProgress, isCancelled });
}

/** The readable text of HTML pages, one after another, stopping at a cancel. */
function pageTexts(pages: readonly string[], onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Result<PageTexts> {
  const out: PageTexts = [];
  for (const [i, page] of pages.entries()) {
    if (isCancelled()) return fail('cancelled', 'cancelled');
    onProgress(i, pages.length);
    out.push(htmlToText(page));
  }
  onProgress(pages.length, pages.length);
  return ok(out);
}

/**
 * Reads source files one after another. Progress counts in thousandths of a
 * file so a long PDF moves the bar page by page; a cancel is seen between
 * pages. A file that cannot be read gives its failure and the others go on.
 */
async function sourceTexts(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Promise<Result<SourceTexts>> {
  // Loaded on first use: the readers (pdf.js, mammoth, linkedom) are large, and the other jobs never need them.
  const { readSource } = await import('../sources/read-source');
  const out: SourceTexts = [];
  const total = files.length * 1000;
  for (const [i, file] of files.entries()) {
    if (isCancelled()) return fail('cancelled', 'cancelled');
    const read = await readSource(file.name, file.bytes, { onProgress: (done, of) => onProgress(i * 1000 + Math.floor((done / Math.max(of, 1)) * 1000), total), isCancelled });
    if (!read.ok && read.error.code === 'cancelled') return read;
    out.push(read);
  }
  onProgress(total, total);
  return ok(out);
}
