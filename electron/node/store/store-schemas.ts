/**
 * The shapes of the files the store writes, as zod schemas built from the
 * engine's model (`annotations/model-schema.ts`). Every file is parsed with
 * these right after it is read: lowdb accepts whatever a file holds, and a
 * file that does not match is treated as damaged.
 *
 * Files written by store version 1 parse too and come out upgraded to version
 * 2 (`wasUpgraded` tells which); `load-store.ts` backs the old file up and
 * writes the upgraded one.
 */
import { z } from 'zod';
import type { AnnotationChange, AnnotationLayer, LabelSchema, ParleyDocument, ReviewDecision } from '../../../annotations/model';
import { annotationChangeSchema, decisionSchema, documentSchema, entitySchema, labelSchemaSchema, layerSchema } from '../../../annotations/model-schema';
import { upgradeLabelSchema } from '../../../annotations/upgrade-label-schema';
import type { Same } from '../../../annotations/same-type';

/** Version of the store's file formats. Bump it with a migration here and in `load-store.ts`. */
export const STORE_SCHEMA_VERSION = 2 as const;

const isoTime = z.string().min(1).max(64);
const id = z.string().min(1).max(1000);
/** The versions this store reads; older ones are upgraded as they are parsed. */
const storedVersion = z.union([z.literal(1), z.literal(STORE_SCHEMA_VERSION)]);

/** The data upgraded from an older version as it was parsed (see `wasUpgraded`). */
const upgraded = new WeakSet<object>();

/** True if `data` was parsed from a file of an older store version, so the file on disk still has the old shape. */
export function wasUpgraded(data: object): boolean {
  return upgraded.has(data);
}

/**
 * One undoable step: a change applied to one layer (annotations and relations).
 * Undo applies its inverse. A review decision is a step on the reconciled layer
 * that also carries the decisions it removed and added, so undoing it takes
 * both back.
 */
export const historyEntrySchema = z.object({
  label: z.string(),
  layerId: id,
  change: annotationChangeSchema,
  decisions: z.object({ removed: z.array(decisionSchema), added: z.array(decisionSchema) }).optional(),
  at: isoTime,
});

const documentFileShape = z.object({
  schemaVersion: storedVersion,
  document: documentSchema,
  layers: z.array(layerSchema),
  decisions: z.array(decisionSchema),
  history: z.object({ undo: z.array(historyEntrySchema), redo: z.array(historyEntrySchema) }),
  /** Revision of the label schema this file was last migrated to (see `LibraryFile.pendingMigration`). */
  labelsRevision: z.number().int().min(0),
  updatedAt: isoTime,
  /** Sequence number of the last journal record this file already holds (see `document-journal.ts`); absent means 0. */
  journalSeq: z.number().int().min(0).optional(),
});

/**
 * `documents/<file>.json`: one document with its layers (and their relations),
 * review decisions and undo history. Version 1 files hold the same data with
 * no version-2 field, so upgrading only changes the version.
 */
export const documentFileSchema = documentFileShape.transform((file) => {
  if (file.schemaVersion === STORE_SCHEMA_VERSION) return { ...file, schemaVersion: STORE_SCHEMA_VERSION };
  const next = { ...file, schemaVersion: STORE_SCHEMA_VERSION };
  upgraded.add(next);
  return next;
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

const libraryFileShape = z.object({
  schemaVersion: storedVersion,
  labels: labelSchemaSchema,
  labelsRevision: z.number().int().min(0),
  pendingMigration: labelMigrationSchema.optional(),
  documents: z.array(indexEntrySchema),
  /** The library's canonical entities (version 2). */
  entities: z.array(entitySchema).optional(),
});

/**
 * `library.json`: the label schema (with relation types), the list of
 * documents in library order, and the library's entities. A version-1 index
 * is upgraded by giving its labels the default relation types and attributes
 * that fit them (`upgradeLabelSchema`) and an empty list of entities.
 */
export const libraryFileSchema = libraryFileShape.transform((library) => {
  if (library.schemaVersion === STORE_SCHEMA_VERSION) return { ...library, schemaVersion: STORE_SCHEMA_VERSION };
  const next = { ...library, schemaVersion: STORE_SCHEMA_VERSION, labels: upgradeLabelSchema(library.labels), entities: library.entities ?? [] };
  upgraded.add(next);
  return next;
});

/** One undoable step, as stored. */
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
/** The content of a document file. */
export type DocumentFile = z.output<typeof documentFileSchema>;
/** The content of `library.json`. */
export type LibraryFile = z.output<typeof libraryFileSchema>;
/** One row of the index. */
export type IndexEntry = z.infer<typeof indexEntrySchema>;
/** A pending label migration. */
export type LabelMigration = z.infer<typeof labelMigrationSchema>;

// The stored shapes must stay assignable to the engine's model both ways; a drift fails to compile here.
const modelChecks: [
  Same<DocumentFile['document'], ParleyDocument>,
  Same<DocumentFile['layers'][number], AnnotationLayer>,
  Same<DocumentFile['decisions'][number], ReviewDecision>,
  Same<HistoryEntry['change'], AnnotationChange>,
  Same<LibraryFile['labels'], LabelSchema>,
  Same<DocumentFile['schemaVersion'], typeof STORE_SCHEMA_VERSION>,
] = [true, true, true, true, true, true];
void modelChecks;
