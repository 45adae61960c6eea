/**
 * What the main process tells the renderer about the library and its
 * documents. Plain data, safe to send over IPC.
 */
import type { Annotation, AnnotationLayer, DocumentStatus, ParleyDocument, Relation, ReviewDecision } from '../annotations/model';

/** One row of the library list. */
export interface DocumentSummary {
  id: string;
  title: string;
  source: string;
  sha256: string;
  importedAt: string;
  /** ISO time of the last change to the document or any of its layers. */
  updatedAt: string;
  status: DocumentStatus;
  /** Annotations in the analyst's own layer. */
  annotationCount: number;
  /** Own-layer annotations per label id. */
  countsByLabel: Record<string, number>;
  /** Every layer the document has, with its size. */
  layers: Array<{ id: string; kind: AnnotationLayer['kind']; author: string; count: number }>;
  /** Length of the text in UTF-16 code units. */
  length: number;
}

/** A document opened in the reader: its text, every layer, review decisions and undo state. */
export interface DocumentView {
  document: ParleyDocument;
  layers: AnnotationLayer[];
  decisions: ReviewDecision[];
  updatedAt: string;
  /** Description of the change Ctrl+Z would undo, or null. */
  undoLabel: string | null;
  /** Description of the change Ctrl+Shift+Z would redo, or null. */
  redoLabel: string | null;
  /** In Review: the decision Ctrl+Z would undo, or null (Read mode's steps are not undone there). Absent from views built before review history. */
  reviewUndoLabel?: string | null;
  /** In Review: the decision Ctrl+Shift+Z would redo, or null. */
  reviewRedoLabel?: string | null;
  /** For a document extracted from a source file: whether the store still holds that original (false once it was removed). Absent when not known. */
  originalKept?: boolean;
}

/**
 * What one change to a document's annotations did, once it is on disk: the
 * annotations removed from and added to one layer (an edit removes the old
 * version and adds the new one), and the undo state after it. The reader
 * patches its open `DocumentView` with it, so a tag on a long document sends
 * a few hundred bytes back rather than the whole text and every annotation.
 */
export interface DocumentChange {
  documentId: string;
  layerId: string;
  /** As they were stored before the change. */
  removed: Annotation[];
  added: Annotation[];
  /** Relations removed from the layer (version 2): those deleted, and those of deleted spans. Absent when none. */
  removedRelations?: Relation[];
  /** Relations added to the layer (version 2). Absent when none. */
  addedRelations?: Relation[];
  updatedAt: string;
  undoLabel: string | null;
  redoLabel: string | null;
  reviewUndoLabel?: string | null;
  reviewRedoLabel?: string | null;
  /**
   * The document's row in the library list after the change (counts, layers,
   * updatedAt), so the window updates its list without asking for it again.
   * The store always sends it; absent only in changes made up by tests.
   */
  summary?: DocumentSummary;
}

/**
 * What one review step did (a decision, "accept all agreed", or the undo or
 * redo of one), once it is on disk: the reconciled layer's change, every
 * decision of the document after it (a list the size of the differences, not
 * of the text), the undo state and the library row. The review panel patches
 * its open view with it instead of receiving the whole document.
 */
export interface ReviewChange extends DocumentChange {
  /** The document's review decisions after the step, in the store's order. */
  decisions: ReviewDecision[];
  /**
   * This document's row in the review's progress (as `reviewQueue` lists it)
   * after a decision; absent after an undo or a redo, which do not know the
   * layers being compared.
   */
  progress?: { documentId: string; title: string; decided: number; total: number };
}

/** A store file that failed to read and what was done about it. */
export interface StoreIncident {
  /** The file that was damaged. */
  file: string;
  /** Where the damaged file was moved (never deleted). */
  movedTo: string;
  /** What was wrong with it. */
  problem: string;
  /** The backup it was restored from, or null if none existed. */
  restoredFrom: string | null;
  /** What else the repair did, one sentence each (labels recovered, annotations re-anchored or set aside). */
  details?: string[];
}

/** One part of a store folder on disk: how many files and how many bytes. */
export interface StorePart {
  count: number;
  bytes: number;
}

/**
 * How much room the library's store takes on disk, by part: `documents`
 * (document files; bytes include the library index and journals), the
 * kept `originals` of imported PDF, Word and saved pages, `backups`, and
 * `other` files (settings, the workspace's outgoing queue).
 */
export interface StoreSize {
  documents: StorePart;
  originals: StorePart;
  backups: StorePart;
  other: StorePart;
  totalBytes: number;
}
