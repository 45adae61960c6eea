/**
 * A format conversion as a message a worker thread can run: the job, the
 * messages the worker sends back, and the function that does the work. The
 * codecs are synchronous; running them off the main thread keeps the window
 * responsive and lets a cancel request arrive while they work.
 */
import { writeFileSync } from 'node:fs';
import { codecs } from '../../../annotations/formats/index';
import { htmlToText } from '../../../annotations/import/html-text';
import type { ExportOptions, FormatFile, FormatName, ImportOptions, ImportOutcome } from '../../../annotations/formats/format';
import type { Corpus, CorpusDocument } from '../../../annotations/model';
import { fail, ok, type Problem, type Result } from '../../../annotations/result';
import type { SourceText } from '../sources/source-text';
import { exportFileData } from './export-file-data';

/** Work for a format worker. An export writes its file (or the zip of its files) to `path` itself: its data never crosses back. */
export type FormatJob =
  | { kind: 'export'; format: FormatName; corpus: Corpus; options: Omit<ExportOptions, 'onProgress' | 'isCancelled'>; path: string }
  | { kind: 'import'; format: FormatName; files: FormatFile[]; options: Omit<ImportOptions, 'onProgress' | 'isCancelled'> }
  | { kind: 'html-text'; pages: string[] }
  | { kind: 'sources'; files: Array<{ name: string; bytes: Uint8Array }> };

/** What reading each file of a `sources` job gave, in order: its text, or why it could not be read. */
export type SourceTexts = Array<Result<SourceText>>;

/** The readable text of each page of an `html-text` job, in order. */
export type PageTexts = Array<{ title: string; text: string }>;

/** What an export job did: the file it wrote holds this many of the format's files (several are zipped), and what the format could not hold. */
export interface ExportWritten {
  files: number;
  warnings: Problem[];
}

/** What a job produces. */
export type FormatJobResult<J extends FormatJob> = J extends { kind: 'export' }
  ? Result<ExportWritten>
  : J extends { kind: 'html-text' }
    ? Result<PageTexts>
    : J extends { kind: 'sources' }
      ? Result<SourceTexts>
      : Result<ImportOutcome>;

/**
 * A job as it crosses to the worker. An export's corpus goes as JSON, which
 * `JSON.stringify` and `JSON.parse` move in a fraction of the time structured
 * cloning takes over hundreds of thousands of small objects. The request
 * carries the corpus without its documents and their count; the documents
 * follow in `FormatJobDocuments` messages, a slice at a time, so the main
 * thread never spends long on one (see `run-format-job.ts`).
 * An import's files (text or zip bytes) are cloned as they are.
 */
export type PackedFormatJob = (Omit<FormatJob & { kind: 'export' }, 'corpus'> & { corpusJson: string; documentCount: number }) | (FormatJob & { kind: 'import' | 'html-text' | 'sources' });

/** The message that starts a worker: the packed job and a one-slot flag the main thread sets to 1 to cancel. */
export interface FormatJobRequest {
  job: PackedFormatJob;
  cancelFlag: SharedArrayBuffer;
}

/** Documents of an export's corpus, each as its JSON, in corpus order after those sent before. */
export interface FormatJobDocuments {
  documentsJson: string[];
}

/** Packs a job for `postMessage`; an export's documents follow on their own (`FormatJobDocuments`). */
export function packFormatJob(job: FormatJob): PackedFormatJob {
  if (job.kind !== 'export') return job;
  const { corpus, ...rest } = job;
  const { documents, ...shell } = corpus;
  return { ...rest, corpusJson: JSON.stringify(shell), documentCount: documents.length };
}

/** Unpacks a job in the worker, once all of an export's documents (unpacked with `unpackDocuments`) have come. */
export function unpackFormatJob(packed: PackedFormatJob, documents: CorpusDocument[]): FormatJob {
  if (packed.kind !== 'export') return packed;
  const { corpusJson, documentCount: _count, ...rest } = packed;
  const shell = JSON.parse(corpusJson) as Omit<Corpus, 'documents'>;
  return { ...rest, corpus: { ...shell, documents } };
}

/** Unpacks documents in the worker. */
export function unpackDocuments(message: FormatJobDocuments): CorpusDocument[] {
  return message.documentsJson.map((d) => JSON.parse(d) as CorpusDocument);
}

/** Messages from the worker. */
export type FormatJobMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: AnyJobResult };

/** The result of any job. */
export type AnyJobResult = Result<ExportWritten> | Result<ImportOutcome> | Result<PageTexts> | Result<SourceTexts>;

/** Runs `job` with progress reports and a cancel check; the same code runs in a worker or inline. Reading sources (PDF) is asynchronous; the rest is not. */
export function runFormatJob(job: FormatJob & { kind: 'sources' }, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Promise<Result<SourceTexts>>;
export function runFormatJob(job: Exclude<FormatJob, { kind: 'sources' }>, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Result<ExportWritten> | Result<ImportOutcome> | Result<PageTexts>;
export function runFormatJob(job: FormatJob, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): AnyJobResult | Promise<AnyJobResult>;
export function runFormatJob(job: FormatJob, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): AnyJobResult | Promise<AnyJobResult> {
  if (job.kind === 'sources') return sourceTexts(job.files, onProgress, isCancelled);
  if (job.kind === 'html-text') return pageTexts(job.pages, onProgress, isCancelled);
  if (job.kind === 'export') return exportTo(job, onProgress, isCancelled);
  return codecs[job.format].import(job.files, { ...job.options, onProgress, isCancelled });
}

/** Runs an export and writes what it made to the job's path. Failing to write is an `io-error`. */
function exportTo(job: FormatJob & { kind: 'export' }, onProgress: (done: number, total: number) => void, isCancelled: () => boolean): Result<ExportWritten> {
  const exported = codecs[job.format].export(job.corpus, { ...job.options, onProgress, isCancelled });
  if (!exported.ok) return exported;
  try {
    writeFileSync(job.path, exportFileData(job.format, exported.value.files), { flag: 'wx' });
  } catch (error) {
    return fail('io-error', (error as Error).message);
  }
  return ok({ files: exported.value.files.length, warnings: exported.value.warnings });
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
