/**
 * The shapes of the files the store writes, as zod schemas. Every file is
 * parsed with these right after it is read: lowdb accepts whatever a file
 * holds, and a file that does not match is treated as damaged.
 */
import { z } from 'zod';
import type { AnnotationChange, AnnotationLayer, LabelSchema, ParleyDocument, ReviewDecision } from '../../../annotations/model';

/** Version of the store's file formats. Bump it with a migration in `parley-store.ts`. */
export const STORE_SCHEMA_VERSION = 1;

const isoTime = z.string().min(1).max(64);
const id = z.string().min(1).max(1000);

const textQuote = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

/** An annotation as stored. */
export const annotationSchema = z.object({
  id,
  documentId: id,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  quote: textQuote,
  labelId: id,
  note: z.string().optional(),
  author: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

const layerSchema = z.object({
  id,
  kind: z.enum(['own', 'colleague', 'reconciled']),
  author: z.string(),
  annotations: z.array(annotationSchema),
});

const decisionSchema = z.object({
  id,
  documentId: id,
  differenceKey: z.string(),
  kind: z.enum(['agreed', 'label-conflict', 'boundary-conflict', 'only-mine', 'only-theirs']),
  action: z.enum(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both', 'choose-spans']),
  layers: z.array(z.string()).min(2),
  mineIds: z.array(z.string()),
  theirsIds: z.array(z.string()),
  resultIds: z.array(z.string()),
  sourceIds: z.array(z.string()).optional(),
  sourceLayers: z.array(z.string()).optional(),
  preAccepted: z.strictObject({ k: z.number().int().min(2), n: z.number().int().min(2) }).optional(),
  decidedBy: z.string(),
  decidedAt: isoTime,
});

const documentSchema = z.object({
  id,
  title: z.string(),
  source: z.string(),
  originalPath: z.string().optional(),
  origin: z.object({ format: z.string().min(1).max(100), id: z.string().max(1000).optional(), names: z.record(z.string().max(100), z.string().max(1000)).optional() }).optional(),
  text: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  importedAt: isoTime,
  status: z.enum(['todo', 'in-progress', 'done']),
});

const changeSchema = z.object({ removed: z.array(annotationSchema), added: z.array(annotationSchema) });

/**
 * One undoable step: a change applied to one layer. Undo applies its inverse.
 * A review decision is a step on the reconciled layer that also carries the
 * decisions it removed and added, so undoing it takes both back.
 */
export const historyEntrySchema = z.object({
  label: z.string(),
  layerId: id,
  change: changeSchema,
  decisions: z.object({ removed: z.array(decisionSchema), added: z.array(decisionSchema) }).optional(),
  at: isoTime,
});

/** `documents/<file>.json`: one document with its layers, review decisions and undo history. */
export const documentFileSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  document: documentSchema,
  layers: z.array(layerSchema),
  decisions: z.array(decisionSchema),
  history: z.object({ undo: z.array(historyEntrySchema), redo: z.array(historyEntrySchema) }),
  /** Revision of the label schema this file was last migrated to (see `LibraryFile.pendingMigration`). */
  labelsRevision: z.number().int().min(0),
  updatedAt: isoTime,
});

const labelSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string(),
  color: z.string(),
  shortcut: z.string(),
  description: z.string(),
});

/** A label change that was committed to the index but may not yet be applied to every document file. */
export const labelMigrationSchema = z.object({
  revision: z.number().int().min(1),
  migrate: z.array(z.object({ from: z.string(), to: z.string().nullable() })),
});

/** One row of the index: which file holds a document. Counts are computed from the file itself. */
export const indexEntrySchema = z.object({
  id,
  /** File name under `documents/`, without `.json`. */
  file: z.string().regex(/^[a-z0-9_-]{1,100}$/),
  title: z.string(),
  addedAt: isoTime,
});

/** `library.json`: the label schema and the list of documents, in library order. */
export const libraryFileSchema = z.object({
  schemaVersion: z.literal(STORE_SCHEMA_VERSION),
  labels: z.object({ labels: z.array(labelSchema) }),
  labelsRevision: z.number().int().min(0),
  pendingMigration: labelMigrationSchema.optional(),
  documents: z.array(indexEntrySchema),
});

/** One undoable step, as stored. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
/** The content of a document file. */
export type DocumentFile = z.infer<typeof documentFileSchema>;
/** The content of `library.json`. */
export type LibraryFile = z.infer<typeof libraryFileSchema>;
/** One row of the index. */
export type IndexEntry = z.infer<typeof indexEntrySchema>;
/** A pending label migration. */
export type LabelMigration = z.infer<typeof labelMigrationSchema>;

// The stored shapes must stay assignable to the engine's model both ways; a drift fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const modelChecks: [
  Same<DocumentFile['document'], ParleyDocument>,
  Same<DocumentFile['layers'][number], AnnotationLayer>,
  Same<DocumentFile['decisions'][number], ReviewDecision>,
  Same<HistoryEntry['change'], AnnotationChange>,
  Same<LibraryFile['labels'], LabelSchema>,
] = [true, true, true, true, true];
void modelChecks;
