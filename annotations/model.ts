/**
 * Parley's data model: plain, serialisable data that every layer shares. The
 * types are derived from the zod schemas in `model-schema.ts`, the single
 * source of truth (store files, IPC and the Parley JSON Schema use them too).
 *
 * Offsets are UTF-16 code units, end exclusive — the same positions CodeMirror
 * and JavaScript strings use. Formats that count code points (W3C, brat,
 * doccano, spaCy) convert at their edge with `unicode.ts`.
 */
import type { z } from 'zod';
import type {
  annotationChangeSchema,
  annotationSchema,
  attributeDefinitionSchema,
  attributeOptionSchema,
  corpusDocumentSchema,
  corpusSchema,
  decisionActionSchema,
  decisionSchema,
  differenceKindSchema,
  documentMetadataSchema,
  documentOriginSchema,
  documentSchema,
  documentStatusSchema,
  entitySchema,
  labelSchema,
  labelSchemaSchema,
  layerKindSchema,
  layerSchema,
  relationSchema,
  relationTypeSchema,
  textQuoteSchema,
} from './model-schema';

/**
 * Version of every persisted or exported Parley structure. Bump with a
 * migration. Version 2 added relations, attributes, entities and document
 * metadata, all optional, so version-1 data is valid version-2 data.
 */
export const SCHEMA_VERSION = 2;

/** Where an analyst is with a document. */
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** The statuses in the order the UI cycles through them. */
export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['todo', 'in-progress', 'done'];

/** An imported article. `text` is kept exactly as imported (CRLF, tabs, any Unicode). See `documentSchema`. */
export type ParleyDocument = z.infer<typeof documentSchema>;

/**
 * A document's identity in the annotation tool it was imported from: a Label
 * Studio task's id, the data key that held its text and the names of the
 * controls that labelled it. Exports to that format write them back.
 */
export type DocumentOrigin = z.infer<typeof documentOriginSchema>;

/** Publication date (ISO 8601), outlet, author and address of a document (version 2). */
export type DocumentMetadata = z.infer<typeof documentMetadataSchema>;

/** The quoted text of a span with a little context either side, for re-anchoring. */
export type TextQuote = z.infer<typeof textQuoteSchema>;

/** A typed value on a span: a choice's option id, free text, or a normalised date (see `dates/`). */
export type AttributeValue = string;

/** One tagged span, with (version 2) its attributes, entity and suggestion source. */
export type Annotation = z.infer<typeof annotationSchema>;

/** A directed (or undirected) link between two spans of the same layer (version 2). */
export type Relation = z.infer<typeof relationSchema>;

/** An option of a choice attribute. */
export type AttributeOption = z.infer<typeof attributeOptionSchema>;

/** A typed attribute a label's spans can carry: `choice`, `text` or `date` (version 2). */
export type AttributeDefinition = z.infer<typeof attributeDefinitionSchema>;

/** A tag an analyst can apply. */
export type Label = z.infer<typeof labelSchema>;

/** A kind of link between spans, with the labels allowed at each end (version 2). */
export type RelationType = z.infer<typeof relationTypeSchema>;

/** The set of labels a project uses, in display order, and its relation types. */
export type LabelSchema = z.infer<typeof labelSchemaSchema>;

/** A canonical entity of the library: a name, aliases in any script, a kind (a label id). */
export type Entity = z.infer<typeof entitySchema>;

/** Kinds of annotation layer kept for a document. */
export type LayerKind = z.infer<typeof layerKindSchema>;

/** A named set of annotations (and relations) on one document: the analyst's own, a colleague's, or the reconciled result. */
export type AnnotationLayer = z.infer<typeof layerSchema>;

/** Id of the analyst's own layer. */
export const OWN_LAYER_ID = 'own';
/** Id of the reconciled (adjudicated) layer. */
export const RECONCILED_LAYER_ID = 'reconciled';
/** Id of a colleague's layer. */
export function colleagueLayerId(author: string): string {
  return `colleague:${author}`;
}

/** How two layers relate at one place in a document (see `review/`). */
export type DifferenceKind = z.infer<typeof differenceKindSchema>;

/**
 * What the reviewer did with one difference: one of the four group actions,
 * or `choose-spans` when the reviewer picked the spans to keep one by one.
 */
export type DecisionAction = z.infer<typeof decisionActionSchema>;

/**
 * One adjudication, recorded with the reconciled layer. `layers` lists the
 * layer ids compared, in comparison order ([mine, theirs], or every layer
 * reviewed at once, the first playing "mine"); `sourceIds`/`sourceLayers`
 * say where each result came from; `preAccepted` marks the "k of n agree" rule.
 */
export type ReviewDecision = z.infer<typeof decisionSchema>;

/** A document with all its layers and review decisions: the unit of storage and interchange. */
export type CorpusDocument = z.infer<typeof corpusDocumentSchema>;

/** A set of documents with the label schema they use and the library's entities. */
export type Corpus = z.infer<typeof corpusSchema>;

/**
 * A change to one layer: remove these annotations (by id), then add these
 * (an edit removes the old version and adds the new one, same id); likewise
 * `removedRelations`/`addedRelations`. Its inverse swaps removed and added in
 * both, which is how undo works.
 */
export type AnnotationChange = z.infer<typeof annotationChangeSchema>;
