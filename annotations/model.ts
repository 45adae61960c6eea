/**
 * Parley's data model: plain, serialisable data that every layer shares.
 *
 * Offsets are UTF-16 code units, end exclusive — the same positions CodeMirror
 * and JavaScript strings use. Formats that count code points (W3C, brat,
 * doccano, spaCy) convert at their edge with `unicode.ts`.
 */

/** Version of every persisted or exported Parley structure. Bump with a migration. */
export const SCHEMA_VERSION = 1;

/** Where an analyst is with a document. */
export type DocumentStatus = 'todo' | 'in-progress' | 'done';

/** The statuses in the order the UI cycles through them. */
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['todo', 'in-progress', 'done'];

/** An imported article. `text` is kept exactly as imported (CRLF, tabs, any Unicode). */
export interface ParleyDocument {
  id: string;
  title: string;
  /** Where the text came from: a file name, "pasted", "sample", or a colleague's export. */
  source: string;
  /**
   * The file the text was imported from, relative to the folder or archive
   * given (`news/2024/talks.txt`, `/` between folders), so exports to formats
   * with one file per document (brat, W3C, CSV) can give it back its name and
   * sub-folders. Absent when the text came from no file, or the name is unknown.
   */
  originalPath?: string;
  /** Where the document came from in another annotation tool, kept so an export to that tool loads back into the same project. */
  origin?: DocumentOrigin;
  text: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: string;
  /** ISO 8601 time of import. */
  importedAt: string;
  status: DocumentStatus;
}

/**
 * A document's identity in the annotation tool it was imported from: a Label
 * Studio task's id, the data key that held its text and the names of the
 * controls that labelled it. Exports to that format write them back.
 */
export interface DocumentOrigin {
  /** The format it was read from (`label-studio`). */
  format: string;
  /** Its id in that tool, as text (a task id such as `"41"`). */
  id?: string;
  /** The tool's own names, by role (Label Studio: `dataKey`, `fromName`, `toName`, `noteFromName`). */
  names?: Record<string, string>;
}

/** The quoted text of a span with a little context either side, for re-anchoring. */
export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

/** One tagged span. */
export interface Annotation {
  id: string;
  documentId: string;
  /** UTF-16 code unit offset of the first character. */
  start: number;
  /** UTF-16 code unit offset just past the last character. */
  end: number;
  quote: TextQuote;
  labelId: string;
  note?: string;
  author: string;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** A tag an analyst can apply. */
export interface Label {
  /** Stable id, kebab-case (`policy-body`). */
  id: string;
  name: string;
  /** CSS hex colour `#rrggbb`. */
  color: string;
  /** A single key (`1`, `a`) or empty for none. */
  shortcut: string;
  description: string;
}

/** The set of labels a project uses, in display order. */
export interface LabelSchema {
  labels: Label[];
}

/** Kinds of annotation layer kept for a document. */
export type LayerKind = 'own' | 'colleague' | 'reconciled';

/** A named set of annotations on one document: the analyst's own, a colleague's, or the reconciled result. */
export interface AnnotationLayer {
  /** `own`, `reconciled`, or `colleague:<author>`. */
  id: string;
  kind: LayerKind;
  author: string;
  annotations: Annotation[];
}

/** Id of the analyst's own layer. */
export const OWN_LAYER_ID = 'own';
/** Id of the reconciled (adjudicated) layer. */
export const RECONCILED_LAYER_ID = 'reconciled';
/** Id of a colleague's layer. */
export function colleagueLayerId(author: string): string {
  return `colleague:${author}`;
}

/** How two layers relate at one place in a document (see `review/`). */
export type DifferenceKind = 'agreed' | 'label-conflict' | 'boundary-conflict' | 'only-mine' | 'only-theirs';

/**
 * What the reviewer did with one difference: one of the four group actions,
 * or `choose-spans` when the reviewer picked the spans to keep one by one.
 */
export type DecisionAction = 'accept-theirs' | 'keep-mine' | 'keep-both' | 'reject-both' | 'choose-spans';

/** One adjudication, recorded with the reconciled layer. */
export interface ReviewDecision {
  id: string;
  documentId: string;
  /** Stable key of the difference decided (see `review/`), so review can resume. */
  differenceKey: string;
  kind: DifferenceKind;
  action: DecisionAction;
  /**
   * Layer ids compared, in comparison order: [mine, theirs] for a review of
   * two layers; two or more when several layers are reviewed at once (the
   * first plays "mine", `theirsIds` then holds the spans of all the others).
   */
  layers: string[];
  mineIds: string[];
  theirsIds: string[];
  /** Ids of the annotations this decision put in the reconciled layer. */
  resultIds: string[];
  /**
   * For each of `resultIds`, the id of the mine or theirs annotation it copies
   * (same order). Absent on decisions recorded before it existed.
   */
  sourceIds?: string[];
  /**
   * For each of `resultIds`, the layer its source came from (same order).
   * Recorded when several layers are reviewed at once; absent on pair reviews
   * and older decisions, where `sourceIds` against `mineIds` says it.
   */
  sourceLayers?: string[];
  /**
   * Set when the decision was made by the "k of n agree" rule rather than by
   * hand: at least `k` of the `n` compared layers held each kept span exactly.
   */
  preAccepted?: { k: number; n: number };
  decidedBy: string;
  decidedAt: string;
}

/** A document with all its layers and review decisions: the unit of storage and interchange. */
export interface CorpusDocument {
  document: ParleyDocument;
  layers: AnnotationLayer[];
  decisions: ReviewDecision[];
}

/** A set of documents with the label schema they use. */
export interface Corpus {
  labels: LabelSchema;
  documents: CorpusDocument[];
}

/**
 * A change to one layer's annotations: remove these ids, then add these
 * annotations (an edit removes the old version and adds the new one, same id).
 * Its inverse swaps the two, which is how undo works.
 */
export interface AnnotationChange {
  removed: Annotation[];
  added: Annotation[];
}
