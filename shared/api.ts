/**
 * The API between renderer and main, declared once. Inputs are zod schemas
 * (every payload is parsed in the main process before a handler sees it);
 * outputs are types. `ParleyApi` (the renderer's view) and `ApiHandlers` (what
 * the main process must implement) are both derived from these, so a method
 * missing on either side fails to compile.
 */
import { z } from 'zod';
import type { AgreementReport } from '../annotations/agreement/report';
import type { ReviewQueue } from '../annotations/review/review-queue';
import type { FormatName } from '../annotations/formats/format';
import { FORMAT_NAMES } from '../annotations/formats/format-table';
import type { Entity, Label, LabelSchema } from '../annotations/model';
import type { Statement } from '../annotations/statements/build-statements';
import type { EntityMention, EntityRowSummary } from '../annotations/corpus/library-entities';
import type { LibrarySearchResult } from '../annotations/corpus/library-search';
import type { CorpusHistoryState, CorpusStepMoved, TaggedHits } from './corpus';
import type { Problem, Result } from '../annotations/result';
import type { ApiMethod, PageMethod } from './api-methods';
import type { KeyOverrides } from './key-bindings';
import { keyOverridesSchema } from './key-overrides-schema';
import type { DocumentChange, DocumentSummary, DocumentView, ReviewChange, StoreIncident, StoreSize } from './library';
import type { AcceptedSuggestions, ImportedGazetteer, SuggestionList } from './suggestions';
import type { WorkspaceStatus } from './workspace';
import { labelPatternSchema, suggestionSourceSchema } from '../annotations/suggest/suggestion-schemas';

const MAX_ID = 200;
/** Largest text accepted over IPC, in UTF-16 code units. */
export const MAX_IMPORT_TEXT = 10_000_000;

const id = z.string().min(1).max(MAX_ID);
const offset = z.number().int().min(0).max(MAX_IMPORT_TEXT);
const layerId = z.string().min(1).max(MAX_ID);
const colleagueLayer = z.string().regex(/^colleague:.{1,100}$/su, 'a colleague layer id is colleague:<name>');
/** The layers of a review of several at once, in comparison order (the first plays "mine"): two to eight, never the reconciled one. */
const reviewLayers = z.array(z.string().regex(/^(own|colleague:.{1,100})$/su, 'a reviewed layer is own or colleague:<name>')).min(2).max(8);
const formatName = z.enum(FORMAT_NAMES);

const kebabId = z.string().regex(/^[\p{L}\p{N}][\p{L}\p{N}-]{0,63}$/u, 'ids are letters, digits and hyphens');
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');

/** A label's typed attribute (version 2): a choice with its options, free text, or a normalised date. */
const attributeDefinition = z.strictObject({
  id: kebabId,
  name: z.string().trim().min(1).max(80),
  type: z.enum(['choice', 'text', 'date']),
  options: z.array(z.strictObject({ id: kebabId, name: z.string().trim().min(1).max(80), color: hexColour.optional() })).max(50).optional(),
  shortcut: z.string().max(2).optional(),
});

const label = z.strictObject({
  id: kebabId,
  name: z.string().trim().min(1).max(80),
  color: hexColour,
  shortcut: z.string().max(1),
  description: z.string().max(300),
  attributes: z.array(attributeDefinition).max(20).optional(),
  /** Rules that suggest spans of this label (issue 15). */
  patterns: z.array(labelPatternSchema).max(200).optional(),
});

/** A relation type (version 2): its ends name label ids ([] = any label). */
const relationType = z.strictObject({
  id: kebabId,
  name: z.string().trim().min(1).max(80),
  color: hexColour,
  shortcut: z.string().max(2),
  directed: z.boolean(),
  from: z.array(id).max(100),
  to: z.array(id).max(100),
});

/** An attribute value (a choice's option id, text, or a normalised date), or null to clear it. */
const attributeValue = z.string().max(10_000).nullable();
const entityName = z.string().trim().min(1).max(500);
/** Which mentions the entities table counts (see `EntityFilter`). */
const entityFilter = z.strictObject({
  labelId: id.optional(),
  stance: id.optional(),
  layerId: layerId.optional(),
  status: z.enum(['todo', 'in-progress', 'done']).optional(),
  text: z.string().max(500).optional(),
});
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

/** Schemas of every method's input. */
export const apiInputSchemas = {
  getAppInfo: z.strictObject({}),
  /** Team workspace (docs/workspace.md): its state, a sync now, the password kept in the system keychain. */
  workspaceStatus: z.strictObject({}),
  syncWorkspace: z.strictObject({}),
  setWorkspacePassword: z.strictObject({ password: z.string().min(1).max(1000) }),
  setAuthor: z.strictObject({ author: z.string().trim().min(1).max(100) }),
  /** Replaces the analyst's reader keys (command id → key; `{}` resets all); refused, naming the other command, when a key is bound twice. */
  setKeyBindings: z.strictObject({ bindings: keyOverridesSchema }),
  listDocuments: z.strictObject({}),
  getDocument: z.strictObject({ documentId: id }),
  importTexts: z.strictObject({
    files: z
      .array(z.strictObject({ name: z.string().min(1).max(255), content: z.string().max(MAX_IMPORT_TEXT) }))
      .min(1)
      .max(500),
  }),
  importFromDialog: z.strictObject({}),
  /** Files dropped on the window, by the paths the preload read from them (never from the page): imported as the dialog imports chosen files. */
  importDroppedFiles: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500) }),
  deleteDocument: z.strictObject({ documentId: id }),
  setStatus: z.strictObject({ documentId: id, status: z.enum(['todo', 'in-progress', 'done']) }),
  renameDocument: z.strictObject({ documentId: id, title: z.string().max(2000) }),
  openOriginal: z.strictObject({ documentId: id }),
  removeOriginal: z.strictObject({ documentId: id }),
  storeSize: z.strictObject({}),
  addAnnotations: z.strictObject({
    documentId: id,
    layerId: layerId.optional(),
    spans: z
      .array(z.strictObject({ start: offset, end: offset, labelId: id, note: z.string().max(10_000).optional() }))
      .min(1)
      .max(100_000),
    historyLabel: z.string().max(200).optional(),
  }),
  updateAnnotation: z.strictObject({
    documentId: id,
    layerId: layerId.optional(),
    annotationId: id,
    labelId: id.optional(),
    note: z.string().max(10_000).nullable().optional(),
    /** Attribute values to set (null clears one); others are kept. */
    attributes: z.record(z.string().min(1).max(200), attributeValue).optional(),
    /** The entity the span names, or null to unlink it. */
    entityId: id.nullable().optional(),
  }),
  deleteAnnotations: z.strictObject({ documentId: id, layerId: layerId.optional(), annotationIds: z.array(id).min(1).max(100_000) }),
  undo: z.strictObject({ documentId: id }),
  redo: z.strictObject({ documentId: id }),
  getLabels: z.strictObject({}),
  saveLabels: z.strictObject({
    labels: z.array(label).min(1).max(100),
    migrate: z.array(z.strictObject({ from: id, to: id.nullable() })).max(100),
    /** The relation types; absent keeps those stored. */
    relationTypes: z.array(relationType).max(50).optional(),
  }),
  /** Exports the analyst's own layer, the layers named, or every layer (`allLayers`, as `parley export` writes Parley JSON); not both of the last two. */
  exportToDialog: z
    .strictObject({
      documentIds: z.array(id).max(100_000).optional(),
      format: formatName,
      layerIds: z.array(layerId).max(100).optional(),
      allLayers: z.boolean().optional(),
    })
    .refine((input) => !(input.allLayers && input.layerIds), { message: 'give layerIds or allLayers, not both' }),
  listBackups: z.strictObject({ documentId: id.optional() }),
  restoreBackup: z.strictObject({ backupId: z.string().min(1).max(500) }),
  importLayerFromDialog: z.strictObject({ format: formatName, author: z.string().trim().min(1).max(100).optional() }),
  importAnnotatedFromDialog: z.strictObject({ format: formatName }),
  /** Without `format`, the format is detected from the chosen files (`detectFormat`) and the plan says which. */
  planAnnotatedImportFromDialog: z.strictObject({ format: formatName.optional() }),
  applyAnnotatedImport: z.strictObject({
    planId: z.string().regex(/^plan-\d{1,12}$/),
    merges: z.array(z.strictObject({ incoming: z.number().int().min(0).max(MAX_IMPORT_TEXT), documentId: id })).max(100_000),
  }),
  removeLayer: z.strictObject({ layerId: colleagueLayer, documentId: id.optional() }),
  decide: z.strictObject({
    documentId: id,
    theirsLayerId: colleagueLayer,
    differenceKey: z.string().min(1).max(2_000),
    action: z.enum(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both', 'choose-spans']),
    /** With `choose-spans`: the ids of the difference's spans to keep. */
    keepIds: z.array(id).max(10_000).optional(),
  }),
  acceptAllAgreed: z.strictObject({ documentId: id, theirsLayerId: colleagueLayer }),
  undoReview: z.strictObject({ documentId: id }),
  redoReview: z.strictObject({ documentId: id }),
  reviewQueue: z.strictObject({ theirsLayerId: colleagueLayer.optional(), layerIds: reviewLayers.optional() }),
  decideAcross: z.strictObject({
    documentId: id,
    layerIds: reviewLayers,
    differenceKey: z.string().min(1).max(2_000),
    action: z.enum(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both', 'choose-spans']),
    /** With `choose-spans`: the ids of the difference's spans to keep. */
    keepIds: z.array(id).max(10_000).optional(),
  }),
  preAcceptAgreed: z.strictObject({ layerIds: reviewLayers, k: z.number().int().min(2).max(8), documentIds: z.array(id).max(100_000).optional() }),
  agreement: z.strictObject({ documentIds: z.array(id).max(100_000).optional(), layerIds: z.array(layerId).min(2).max(50), includeUnstarted: z.boolean().optional() }),
  exportAgreementToDialog: z.strictObject({
    documentIds: z.array(id).max(100_000).optional(),
    layerIds: z.array(layerId).min(2).max(50),
    includeUnstarted: z.boolean().optional(),
    format: z.enum(['markdown', 'csv', 'json']),
  }),
  cancelTask: z.strictObject({ taskId: z.string().regex(/^task-\d{1,12}$/) }),
  addRelation: z.strictObject({ documentId: id, layerId: layerId.optional(), typeId: id, sourceId: id, targetId: id, note: z.string().max(10_000).optional() }),
  deleteRelations: z.strictObject({ documentId: id, layerId: layerId.optional(), relationIds: z.array(id).min(1).max(100_000) }),
  listEntities: z.strictObject({}),
  createEntity: z.strictObject({ name: entityName, kind: id, aliases: z.array(entityName).max(100) }),
  addEntityAlias: z.strictObject({ entityId: id, alias: entityName }),
  /** Renames an entity; its old name stays an alias. */
  renameEntity: z.strictObject({ entityId: id, name: entityName }),
  /** Merges `fromId` into `intoId`: one entity with every name, its spans relinked. */
  mergeEntities: z.strictObject({ intoId: id, fromId: id }),
  /** Moves `aliases` of an entity to a new entity called `name`, with the spans that read as them. */
  splitEntity: z.strictObject({ entityId: id, name: entityName, aliases: z.array(entityName).max(100) }),
  /** Deletes an entity; the spans linked to it stay tagged, unlinked. Undoable with `undoEntityChange`. */
  deleteEntity: z.strictObject({ entityId: id }),
  /** Replaces an entity's aliases (any script; repeats and its own name left out); undoable with `undoEntityChange`. */
  setEntityAliases: z.strictObject({ entityId: id, aliases: z.array(entityName).max(500) }),
  /** What `undoEntityChange` and `redoEntityChange` would take, by name. */
  entityHistory: z.strictObject({}),
  /** Undoes the newest entity change (alias, rename, merge, split): the entities as they were, moved spans moved back. */
  undoEntityChange: z.strictObject({}),
  /** Redoes the newest undone entity change. */
  redoEntityChange: z.strictObject({}),
  /** Gives a relation another type (checked against its ends' labels); undoable. */
  changeRelationType: z.strictObject({ documentId: id, layerId: layerId.optional(), relationId: id, typeId: id }),
  /** Writes the statement table (who took which position toward whom, and when) of the documents (all when absent), from one layer (own when absent). */
  exportStatementsToDialog: z.strictObject({
    documentIds: z.array(id).max(100_000).optional(),
    layerId: layerId.optional(),
    format: z.enum(['csv', 'json']),
    /** Only these rows (the corpus view's filtered table), each named by its document, position, actor and target spans. */
    rows: z.array(z.strictObject({ documentId: id, positionId: id, actorId: id.optional(), targetId: id.optional() })).max(1_000_000).optional(),
  }),
  /** The statements of one layer (own when absent) of the documents (all when absent), in library order, with their entities named. */
  listStatements: z.strictObject({ layerId: layerId.optional(), documentIds: z.array(id).max(100_000).optional() }),
  /**
   * Saves a corpus chart's export to a file the analyst chooses: an SVG,
   * CSV or GraphML text, or a PNG as base64. The handler refuses a format the
   * chart does not export and content that is not of its format.
   */
  saveChart: z.strictObject({
    chart: z.enum(['timeline', 'matrix', 'network']),
    format: z.enum(['svg', 'png', 'csv', 'graphml']),
    content: z.string().min(1).max(64 * 1024 * 1024),
  }),
  /** The entities table: one row per entity and per unlinked text of a label, over the mentions that pass the filter. */
  entityRows: z.strictObject({ filter: entityFilter, limit: z.number().int().min(1).max(100_000).optional() }),
  /** The mentions of one row of the entities table (its `key`) that pass the filter, document by document in reading order. */
  entityMentions: z.strictObject({ key: z.string().min(1).max(2_000), filter: entityFilter }),
  /** Finds words across the library's texts and notes (see `LibrarySearchQuery`). */
  searchLibrary: z.strictObject({
    text: z.string().max(1_000),
    labelId: id.optional(),
    entityId: id.optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    outlet: z.string().max(500).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
  }),
  /** Tags search hits of several documents with one label, as one step the corpus view undoes at once. */
  tagSearchHits: z.strictObject({ labelId: id, hits: z.array(z.strictObject({ documentId: id, start: offset, end: offset })).min(1).max(100_000) }),
  corpusHistory: z.strictObject({}),
  undoCorpusStep: z.strictObject({}),
  redoCorpusStep: z.strictObject({}),
  setDocumentMetadata: z.strictObject({
    documentId: id,
    metadata: z.strictObject({ publishedAt: z.string().min(1).max(64).optional(), outlet: z.string().max(500).optional(), author: z.string().max(500).optional(), url: z.string().max(4000).optional() }),
  }),
  /** A document's suggestions from the sources named (all when absent); nothing is stored. */
  getSuggestions: z.strictObject({ documentId: id, sources: z.array(suggestionSourceSchema).max(4).optional() }),
  /** Accepts suggestions (their ids from `getSuggestions`) into the analyst's layer as one undoable step. */
  acceptSuggestions: z.strictObject({ documentId: id, ids: z.array(z.string().min(1).max(1_000)).min(1).max(100_000) }),
  /** Rejects suggestions for good: the same source does not propose the same span and label again. */
  rejectSuggestions: z.strictObject({ documentId: id, ids: z.array(z.string().min(1).max(1_000)).min(1).max(100_000) }),
  importGazetteerFromDialog: z.strictObject({}),
} satisfies Record<ApiMethod, z.ZodType>;

/** The input type of a method. */
export type ApiInput<M extends ApiMethod> = z.infer<(typeof apiInputSchemas)[M]>;

/** What an import added and what it refused or set aside. */
export interface ImportReport {
  added: DocumentSummary[];
  /** Documents whose text was already in the library (matched by SHA-256), not added twice. */
  duplicates: Array<{ name: string; existingId: string }>;
  problems: Problem[];
}

/**
 * What importing annotated files (any interchange format) into one's own
 * library did: documents added, annotations merged into documents already
 * there, and everything set aside, never silently.
 */
export interface AnnotatedImportReport {
  added: DocumentSummary[];
  /**
   * Annotations merged into a layer of a document already in the library, and
   * how the document was recognised: the same text, the same id with a small
   * edit, or a pairing the analyst confirmed; `similarity` (0 to 1) of the
   * whole texts when they differ.
   */
  merged: Array<{ documentId: string; title: string; layerId: string; count: number; matchedBy: 'checksum' | 'id' | 'confirmed'; similarity?: number }>;
  /** Documents added although they look like an edited version of a stored one (the pairing was not confirmed). */
  importedAsNew: Array<{ documentId: string; title: string; similarTo: { documentId: string; title: string }; similarity: number }>;
  /** Texts the file holds more than once: each imported as one document with the annotations of every copy, repeats kept once. */
  repeatedTexts: Array<{ title: string; copies: number; annotationsKeptOnce: number }>;
  /** Annotations whose quote could not be placed in the library's text of their document. */
  orphans: Array<{ documentId: string; title: string; quote: string; labelId: string; author: string; reason: string }>;
  /** Annotations already there (same span and label), not added twice. */
  duplicatesSkipped: number;
  /** Labels the file used that the project did not have; added to the schema. */
  labelsAdded: string[];
  /** What the format reader noted (ignored line types, fragments, re-anchored spans). */
  warnings: Problem[];
}

/** An incoming document that looks like an edited version of a stored one: the analyst chooses to merge it or import it as new. */
export interface ImportPairing {
  /** The incoming document's index among the file's documents; names it in `applyAnnotatedImport`. */
  incoming: number;
  incomingTitle: string;
  /** The stored document it resembles. */
  documentId: string;
  title: string;
  /** Whole-text similarity, from 0 to 1. */
  similarity: number;
}

/** An annotated import read and checked but not yet applied: nothing is written until `applyAnnotatedImport`. */
export interface AnnotatedImportPlan {
  planId: string;
  /** The file name, or how many files. */
  source: string;
  /** Distinct texts in the file. */
  documents: number;
  pairings: ImportPairing[];
  /** The format the file was read as. */
  format: FormatName;
  /** When no format was chosen: what detection found, for the analyst to confirm ("Label Studio JSON: an array of tasks with \"data\" and \"annotations\""). */
  detected?: string;
}

/** A backup snapshot of one document. */
export interface BackupEntry {
  id: string;
  documentId: string;
  title: string;
  takenAt: string;
  annotationCount: number;
}

/** Facts about the running app and its store. */
export interface AppInfo {
  version: string;
  storeDir: string;
  author: string;
  /** The reader keys the analyst rebound (command id → key); the rest keep their defaults (`key-bindings.ts`). */
  keyBindings: KeyOverrides;
  /** Damaged files found when the store was opened, and what was done. */
  incidents: StoreIncident[];
}

/** The output type of every method. */
export interface ApiOutputs {
  getAppInfo: AppInfo;
  /** The team workspace's state, or null when the store is not linked to one. */
  workspaceStatus: WorkspaceStatus | null;
  /** Syncs now (push, then pull); the state after. Fails with `not-found` when the store is not linked, `io-error` when the server cannot be reached. */
  syncWorkspace: WorkspaceStatus;
  /** Keeps the password in the system keychain (never in the store) and syncs with it; the state after. */
  setWorkspacePassword: WorkspaceStatus;
  setAuthor: { author: string };
  setKeyBindings: { keyBindings: KeyOverrides };
  listDocuments: DocumentSummary[];
  getDocument: DocumentView;
  importTexts: ImportReport;
  importFromDialog: ImportReport | null;
  /** What importing the dropped files did; a path that is not absolute, or not a kind Parley imports, is a problem of the report. */
  importDroppedFiles: ImportReport;
  deleteDocument: { deleted: string };
  setStatus: DocumentSummary;
  /** Gives the document a new title (trimmed; not empty, at most 500 characters). */
  renameDocument: DocumentSummary;
  /** Opens the file the document was extracted from (PDF, Word, saved page) in the system's viewer, from a copy; `not-found` when it has none or it was removed. */
  openOriginal: { opened: string };
  /** Removes the kept original of the document from the store (the text, its pages and annotations stay); `removed` is false when there was none. Other documents from the same file lose it too. */
  removeOriginal: { removed: boolean };
  /** How much room the store takes on disk: documents, kept originals, backups and the rest. */
  storeSize: StoreSize;
  addAnnotations: DocumentChange;
  updateAnnotation: DocumentChange;
  deleteAnnotations: DocumentChange;
  undo: DocumentChange;
  redo: DocumentChange;
  getLabels: LabelSchema;
  saveLabels: LabelSchema;
  exportToDialog: { path: string; warnings: Problem[] } | null;
  listBackups: BackupEntry[];
  restoreBackup: DocumentSummary;
  importLayerFromDialog: LayerImportReport | null;
  importAnnotatedFromDialog: AnnotatedImportReport | null;
  planAnnotatedImportFromDialog: AnnotatedImportPlan | null;
  applyAnnotatedImport: AnnotatedImportReport;
  removeLayer: { removedFrom: number };
  decide: ReviewChange;
  acceptAllAgreed: ReviewChange;
  /** Undoes the newest review decision (not Read-mode edits); what changed, as a `ReviewChange`. */
  undoReview: ReviewChange;
  /** Redoes the newest undone review decision. */
  redoReview: ReviewChange;
  /**
   * Progress of the review against one colleague (`theirsLayerId`), or of
   * several layers at once (`layerIds`), over every document that has those
   * layers, in library order.
   */
  reviewQueue: ReviewQueue;
  /** Decides a difference among several layers reviewed at once; what changed, as a `ReviewChange`. */
  decideAcross: ReviewChange;
  /**
   * "k of n agree": accepts, as ordinary undoable decisions, every undecided
   * difference the rule settles on each document holding the layers (one undo
   * step per document); how many differences on how many documents.
   */
  preAcceptAgreed: { decided: number; documents: number };
  agreement: AgreementReport;
  exportAgreementToDialog: { path: string } | null;
  /** Whether a running task was asked to stop (false: it had already finished). */
  cancelTask: { cancelled: boolean };
  /** Links two spans of a layer; the change, undoable like a tag. */
  addRelation: DocumentChange;
  /** Deletes relations of a layer (the spans stay); undoable. */
  deleteRelations: DocumentChange;
  /** The library's canonical entities. */
  listEntities: Entity[];
  /** Adds an entity to the library (its name and aliases, of a label's kind). */
  createEntity: Entity;
  /** Adds a name (in any script) to an entity's aliases; the entity as it is after. */
  addEntityAlias: Entity;
  /** The entity renamed. */
  renameEntity: Entity;
  /** The merged entity and how many spans were relinked to it (one undoable step per document). */
  mergeEntities: { entity: Entity; relinked: number };
  /** The entity left, the new one, and how many spans moved to it (one undoable step per document). */
  splitEntity: { kept: Entity; split: Entity; relinked: number };
  deleteEntity: { unlinked: number };
  /** The entity with its new aliases. */
  setEntityAliases: Entity;
  entityHistory: { undoLabel: string | null; redoLabel: string | null };
  /** What was undone (its name), the entities after, and what Undo and Redo would take next. */
  undoEntityChange: { did: string; entities: Entity[]; undoLabel: string | null; redoLabel: string | null };
  redoEntityChange: { did: string; entities: Entity[]; undoLabel: string | null; redoLabel: string | null };
  /** The relation under its new type, as a change; undoable. */
  changeRelationType: DocumentChange;
  /** Where the statement table was written and how many rows it has, or null when the save dialog was cancelled. */
  exportStatementsToDialog: { path: string; statements: number } | null;
  /** Every statement of the layer across the documents asked for (see `libraryStatements`). */
  listStatements: Statement[];
  /** Where the chart was written and how many bytes, or null when the save dialog was cancelled. */
  saveChart: { path: string; bytes: number } | null;
  /** The rows, most mentioned first, up to the limit (300 when absent), and how many there are in all. */
  entityRows: { rows: EntityRowSummary[]; total: number };
  entityMentions: EntityMention[];
  /** The hits, in library order, up to the limit asked. */
  searchLibrary: LibrarySearchResult;
  tagSearchHits: TaggedHits;
  /** What the corpus view's undo and redo would do. */
  corpusHistory: CorpusHistoryState;
  /** Undoes the newest cross-document step in every document it touched; `conflict`, with nothing changed, when one has changed since. */
  undoCorpusStep: CorpusStepMoved;
  redoCorpusStep: CorpusStepMoved;
  /** Replaces a document's metadata (publication date, outlet, author, address); its library row after. */
  setDocumentMetadata: DocumentSummary;
  /** A document's suggestions (none in any layer) and the library's gazetteers. */
  getSuggestions: SuggestionList;
  /** The change to the analyst's layer (annotations with `suggestedBy`) and the suggestions left. */
  acceptSuggestions: AcceptedSuggestions;
  /** The suggestions left after the rejection. */
  rejectSuggestions: SuggestionList;
  /** The gazetteer imported (CSV or JSON, from a file dialog), or null when cancelled. */
  importGazetteerFromDialog: ImportedGazetteer | null;
}

/** What loading a colleague's export did: which documents got their layer, and what could not be placed. */
export interface LayerImportReport {
  /**
   * Colleague layers added or replaced, per document, and how the document was
   * recognised: the same text, the same id with a small edit, or a whole text
   * nearly the same (`similarity`, 0 to 1, when the texts differ).
   */
  layers: Array<{ documentId: string; title: string; layerId: string; author: string; count: number; matchedBy: 'checksum' | 'id' | 'similar-text'; similarity?: number }>;
  /** Documents in the file that match nothing in the library; `similarTo` names a stored text that looks like an edited version of it, not similar enough to place the layer on. */
  unmatched: Array<{ title: string; annotations: number; similarTo?: { title: string; similarity: number } }>;
  /** Annotations that could not be placed in the matching document's text, never dropped silently. */
  orphans: Array<{ documentId: string; title: string; quote: string; labelId: string; author: string; reason: string }>;
  /** Labels the file used that the project did not have; added to the schema. */
  labelsAdded: string[];
  warnings: Problem[];
}

/** The renderer's view of the API: each method returns a `Result`, never throws. */
export type ParleyApi = { [M in PageMethod]: (input: ApiInput<M>) => Promise<Result<ApiOutputs[M]>> };

/** A file dropped on the window, as the page holds it (a DOM `File`; `shared/` has no DOM types). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Events pushed from main to renderer; `parseParleyEvent` (parley-event.ts) checks each before the page sees it. */
export type ParleyEvent = { type: 'library-changed' } | TaskProgressEvent | LayersPulledEvent;

/**
 * A sync with the team workspace put colleagues' or the reconciled layer on
 * documents of the library: an open one among them is fetched again, keeping
 * what the analyst has selected.
 */
export interface LayersPulledEvent {
  type: 'layers-pulled';
  /** Each layer put: its document, its local id (`colleague:<name>` or `reconciled`) and its author. */
  layers: Array<{ documentId: string; layerId: string; author: string }>;
}

/**
 * Progress of a long task (an import or export of many documents): sent when
 * it starts, at most every 100 ms while it runs, and once with `finished`
 * when it ends, however it ends. `cancelTask` with its `taskId` stops it.
 */
export interface TaskProgressEvent {
  type: 'progress';
  taskId: string;
  /** What is being done, for example "Exporting 1,200 documents as CSV". */
  task: string;
  done: number;
  total: number;
  finished: boolean;
}

/** What the preload exposes on `window.parley`. */
export interface ParleyBridge {
  api: ParleyApi;
  /**
   * Imports files dropped on the window as the Import dialog imports chosen
   * ones. The preload finds each file's path itself; a file that is not on
   * disk (made by the page) is reported as a problem, never read.
   */
  importDroppedFiles(files: readonly DroppedFile[]): Promise<Result<ImportReport>>;
  /** Subscribes to events from the main process; returns an unsubscribe function. */
  onEvent(listener: (event: ParleyEvent) => void): () => void;
}

export type { Label };
