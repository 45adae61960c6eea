/**
 * What reading a source file (PDF, Word, saved web page) gives, and the limits
 * checked before one is read. The readers are in this folder, one per format;
 * `read-source.ts` picks one by the file's name.
 */

/** A source's own account of itself, mapped onto the document's `metadata`. */
export interface SourceMetadata {
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  outlet?: string;
  author?: string;
  url?: string;
}

/** A page's range in the extracted text: UTF-16 offsets, end exclusive. */
export interface SourcePage {
  start: number;
  end: number;
}

/** The kinds of source file read here. */
export type SourceKind = 'pdf' | 'docx' | 'html' | 'mhtml';

/** The text read from a source file, ready to become a document. */
export interface SourceText {
  kind: SourceKind;
  /** The source's own headline (PDF title, first heading, the page's headline); '' when it has none. */
  title: string;
  text: string;
  metadata: SourceMetadata;
  /** Each page's range in `text`, for PDFs. */
  pages?: SourcePage[];
}

/** Progress and cancellation while a source is read. */
export interface SourceControl {
  onProgress: (done: number, total: number) => void;
  isCancelled: () => boolean;
}

/** A control that reports nothing and never cancels. */
export const NO_CONTROL: SourceControl = { onProgress: () => undefined, isCancelled: () => false };

/** Largest source file read, in bytes, per kind. Checked on the open file before it is read. */
export const MAX_SOURCE_BYTES: Record<SourceKind, number> = {
  pdf: 200 * 1024 * 1024,
  docx: 100 * 1024 * 1024,
  html: 30 * 1024 * 1024,
  mhtml: 100 * 1024 * 1024,
};

/** Most bytes a Word file may unpack to (its parts summed), checked before it is unpacked: a zip bomb is refused. */
export const MAX_DOCX_UNPACKED_BYTES = 400 * 1024 * 1024;

/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 5000;

/** File name extensions read as sources, and their kinds. */
export const SOURCE_EXTENSIONS: Record<string, SourceKind> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.mhtml': 'mhtml',
  '.mht': 'mhtml',
};

/** The kind of source a file name names, or undefined. */
export function sourceKindOf(name: string): SourceKind | undefined {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? undefined : SOURCE_EXTENSIONS[name.slice(dot).toLowerCase()];
}
