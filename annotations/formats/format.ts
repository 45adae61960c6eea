/**
 * The common shape of every interchange format: a codec turns files into a
 * `Corpus` and back. Codecs are pure: they get file contents, not paths, and
 * return `Result`s instead of throwing.
 */
import type { Annotation, Corpus, LabelSchema } from '../model';
import type { Problem, Result } from '../result';
import type { FormatName } from './format-table';

export type { FormatName } from './format-table';

/** One input or output file. `path` is relative (e.g. `news/001.ann`); `data` is text or raw bytes. */
export interface FormatFile {
  path: string;
  data: string | Uint8Array;
}

/** Reports progress and lets the caller stop a long import or export between documents. */
export interface ProgressControl {
  onProgress?: (done: number, total: number) => void;
  /** Checked between documents; when it returns true the codec fails with code `cancelled`. */
  isCancelled?: () => boolean;
}

/** Options for reading a format. */
export interface ImportOptions extends ProgressControl {
  /** The project's labels: imported names are matched against them, unknown ones added. */
  labels: LabelSchema;
  /** Author for annotations when the file names none. */
  author?: string;
  /** ISO time stamped on created documents and annotations. */
  now: string;
}

/** What an import produced, and what it set aside (never silently). */
export interface ImportOutcome {
  corpus: Corpus;
  /** Things kept but worth telling (e.g. discontinuous spans stored as linked fragments). */
  warnings: Problem[];
  /** Line or record types that the format has but Parley does not hold, with counts (e.g. brat relations). */
  ignored: IgnoredKind[];
  /**
   * Annotations that could not be placed in their text (a changed text whose
   * quote no longer occurs). They are kept out of every layer but listed here,
   * never dropped silently. Absent when there are none.
   */
  orphans?: ImportOrphan[];
}

/** One kind of thing an import set aside, how many, and (where it helps) why Parley cannot hold it. */
export interface IgnoredKind {
  /** What was set aside, in the source tool's words (e.g. "doccano relations"). */
  kind: string;
  count: number;
  /** Why it was not imported (e.g. "Parley holds spans only"). */
  why?: string;
}

/** An annotation an import could not place, with where it belonged and why. */
export interface ImportOrphan {
  documentId: string;
  layerId: string;
  /** The annotation as the file stated it (offsets as given, UTF-16). */
  annotation: Annotation;
  reason: string;
}

/** Options for writing a format. */
export interface ExportOptions extends ProgressControl {
  /** Which layers to write (default: the analyst's own; Parley JSON writes every layer). */
  layerIds?: string[];
  /** ISO time stamped on the export where the format has a place for it (default: now). */
  now?: string;
}

/** What an export produced, and everything the format could not hold. */
export interface ExportOutcome {
  files: FormatFile[];
  warnings: Problem[];
}

/** A format, both directions. */
export interface FormatCodec {
  /** Its row in `FORMATS` (format-table.ts) says how it is named and described. */
  name: FormatName;
  import(files: FormatFile[], options: ImportOptions): Result<ImportOutcome>;
  export(corpus: Corpus, options: ExportOptions): Result<ExportOutcome>;
}
