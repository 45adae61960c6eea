/**
 * Parley's data model declared once, as zod schemas: the source of truth for
 * the types in `model.ts`, the store's file shapes, the IPC contract and the
 * Parley JSON Schema (`npm run schema`). Parsing with these never throws
 * when used through `safeParse`; a value that does not match is refused with
 * zod's issues, naming the path that failed.
 *
 * Offsets are UTF-16 code units, end exclusive. Every version-2 addition is an
 * optional field, so version-1 data is valid version-2 data.
 */
import { z } from 'zod';
import { labelPatternSchema } from './suggest/suggestion-schemas';

const isoTime = z.string().min(1).max(64);
const id = z.string().min(1).max(1000);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colours are #rrggbb');

/** Where an analyst is with a document. */
export const documentStatusSchema = z.enum(['todo', 'in-progress', 'done']);

/** A document's identity in the annotation tool it was imported from (a Label Studio task's id, its data key and control names). */
export const documentOriginSchema = z.object({
  /** The format it was read from (`label-studio`). */
  format: z.string().min(1).max(100),
  /** Its id in that tool, as text (a task id such as `"41"`). */
  id: z.string().max(1000).optional(),
  /** The tool's own names, by role (Label Studio: `dataKey`, `fromName`, `toName`, `noteFromName`). */
  names: z.record(z.string().max(100), z.string().max(1000)).optional(),
});

/** Where and when an article appeared (version 2). Every field is optional. */
export const documentMetadataSchema = z.object({
  /** ISO 8601 date or date-time of publication (`2021-06-22`, `2021-06-22T09:30:00+09:00`). */
  publishedAt: z.string().min(1).max(64).optional(),
  /** The newspaper, agency or site that published it. */
  outlet: z.string().max(500).optional(),
  /** Who wrote it. */
  author: z.string().max(500).optional(),
  /** Its address. */
  url: z.string().max(4000).optional(),
});

/** A page's range in a document's text (a PDF's page): UTF-16 offsets, end exclusive. */
export const documentPageSchema = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) });

/** An imported article. `text` is kept exactly as imported (CRLF, tabs, any Unicode). */
export const documentSchema = z.object({
  id,
  title: z.string(),
  /** Where the text came from: a file name, "pasted", "sample", or a colleague's export. */
  source: z.string(),
  /** The file the text was imported from, relative to the folder or archive given (`/` between folders). */
  originalPath: z.string().optional(),
  /** Where the document came from in another annotation tool, kept so an export to that tool loads back into the same project. */
  origin: documentOriginSchema.optional(),
  text: z.string(),
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** ISO 8601 time of import. */
  importedAt: isoTime,
  status: documentStatusSchema,
  /** Publication date, outlet, author and address (version 2). */
  metadata: documentMetadataSchema.optional(),
  /** For a text extracted from a paged source (a PDF): each page's range in `text`, UTF-16 offsets, end exclusive, in page order. */
  pages: z.array(documentPageSchema).max(100_000).optional(),
  /** Lower-case hex SHA-256 of the source file the text was extracted from (PDF, Word, saved page), kept in the store as `originals/<sha256>.<ext>`. */
  originalSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** That source file's name as imported (`report.pdf`). */
  originalName: z.string().max(1000).optional(),
});

/** The quoted text of a span with a little context either side, for re-anchoring. */
export const textQuoteSchema = z.object({ exact: z.string(), prefix: z.string(), suffix: z.string() });

/** One tagged span. */
export const annotationSchema = z.object({
  id,
  documentId: id,
  /** UTF-16 code unit offset of the first character. */
  start: z.number().int().min(0),
  /** UTF-16 code unit offset just past the last character. */
  end: z.number().int().min(0),
  quote: textQuoteSchema,
  labelId: id,
  note: z.string().optional(),
  author: z.string(),
  /** ISO 8601. */
  createdAt: isoTime,
  /** ISO 8601. */
  updatedAt: isoTime,
  /** Typed values on the span, by attribute id: a choice's option id, free text, or a normalised date (version 2). */
  attributes: z.record(z.string().min(1).max(200), z.string().max(10_000)).optional(),
  /** The canonical entity of the library this span names (version 2). */
  entityId: id.optional(),
  /** Which suggestion source proposed it, when accepted from a suggestion: `own-tags`, `gazetteer`, `pattern`, `dates` (version 2). */
  suggestedBy: z.string().min(1).max(100).optional(),
});

/** A directed (or undirected) link between two spans of the same layer (version 2). */
export const relationSchema = z.object({
  id,
  documentId: id,
  /** The `RelationType.id`. */
  typeId: id,
  /** `Annotation.id` of the source end, in the same layer. */
  sourceId: id,
  /** `Annotation.id` of the target end, in the same layer. */
  targetId: id,
  note: z.string().optional(),
  author: z.string(),
  /** ISO 8601. */
  createdAt: isoTime,
  /** ISO 8601. */
  updatedAt: isoTime,
});

/** Kinds of annotation layer kept for a document. */
export const layerKindSchema = z.enum(['own', 'colleague', 'reconciled']);

/** A named set of annotations on one document: the analyst's own, a colleague's, or the reconciled result. */
export const layerSchema = z.object({
  /** `own`, `reconciled`, or `colleague:<author>`. */
  id,
  kind: layerKindSchema,
  author: z.string(),
  annotations: z.array(annotationSchema),
  /** Links between this layer's spans (version 2); absent = none. */
  relations: z.array(relationSchema).optional(),
});

/** How two layers relate at one place in a document (see `review/`). */
export const differenceKindSchema = z.enum(['agreed', 'label-conflict', 'boundary-conflict', 'only-mine', 'only-theirs']);

/** What the reviewer did with one difference. */
export const decisionActionSchema = z.enum(['accept-theirs', 'keep-mine', 'keep-both', 'reject-both', 'choose-spans']);

/** One adjudication, recorded with the reconciled layer. */
export const decisionSchema = z.object({
  id,
  documentId: id,
  /** Stable key of the difference decided (see `review/`), so review can resume. */
  differenceKey: z.string(),
  kind: differenceKindSchema,
  action: decisionActionSchema,
  /** Layer ids compared, in comparison order: [mine, theirs], or every layer reviewed at once. */
  layers: z.array(z.string()).min(2),
  mineIds: z.array(z.string()),
  theirsIds: z.array(z.string()),
  /** Ids of the annotations this decision put in the reconciled layer. */
  resultIds: z.array(z.string()),
  /** For each of `resultIds`, the id of the annotation it copies (same order). Absent on older decisions. */
  sourceIds: z.array(z.string()).optional(),
  /** For each of `resultIds`, the layer its source came from (same order), when several layers were reviewed at once. */
  sourceLayers: z.array(z.string()).optional(),
  /** Set when the decision was made by the "k of n agree" rule rather than by hand. */
  preAccepted: z.strictObject({ k: z.number().int().min(2), n: z.number().int().min(2) }).optional(),
  decidedBy: z.string(),
  decidedAt: isoTime,
});

/** An option of a choice attribute (`supports`, `opposes`). */
export const attributeOptionSchema = z.object({ id: z.string().min(1).max(200), name: z.string(), color: hexColour.optional() });

/** A typed attribute a label's spans can carry (version 2): a choice, free text, or a normalised date. */
export const attributeDefinitionSchema = z.object({
  /** Kebab-case, unique within its label (`stance`, `value`). */
  id: z.string().min(1).max(200),
  name: z.string(),
  type: z.enum(['choice', 'text', 'date']),
  /** The options of a `choice` attribute. */
  options: z.array(attributeOptionSchema).optional(),
  /** A key that starts editing it on the selected span. */
  shortcut: z.string().optional(),
});

/** A tag an analyst can apply. */
export const labelSchema = z.object({
  /** Stable id, kebab-case (`policy-body`). */
  id: z.string().min(1).max(200),
  name: z.string(),
  /** CSS hex colour `#rrggbb`. */
  color: z.string(),
  /** A single key (`1`, `a`) or empty for none. */
  shortcut: z.string(),
  description: z.string(),
  /** Typed attributes its spans can carry (version 2). */
  attributes: z.array(attributeDefinitionSchema).optional(),
  /** Rules that suggest spans of this label (issue 15): regular expressions or token patterns (see `suggest/pattern-rules.ts`). */
  patterns: z.array(labelPatternSchema).max(200).optional(),
});

/** A kind of link between spans (version 2): `holds`, `toward`, `when`, `member-of`. */
export const relationTypeSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string(),
  /** CSS hex colour `#rrggbb`. */
  color: z.string(),
  /** A single key or empty for none. */
  shortcut: z.string(),
  directed: z.boolean(),
  /** Label ids allowed at the source end; empty = any. */
  from: z.array(z.string()),
  /** Label ids allowed at the target end; empty = any. */
  to: z.array(z.string()),
});

/** The labels a project uses, in display order, and (version 2) its relation types. */
export const labelSchemaSchema = z.object({
  labels: z.array(labelSchema),
  relationTypes: z.array(relationTypeSchema).optional(),
});

/** A canonical entity of the library (version 2): "Chung Dong-young" = "정동영". */
export const entitySchema = z.object({
  id,
  name: z.string().min(1).max(500),
  /** Other names it goes by, in any script; tagging one links the span to this entity. */
  aliases: z.array(z.string().min(1).max(500)),
  /** The label id of the spans that name it (`actor`, `policy-body`). */
  kind: z.string().min(1).max(200),
});

/** A document with all its layers and review decisions: the unit of storage and interchange. */
export const corpusDocumentSchema = z.object({
  document: documentSchema,
  layers: z.array(layerSchema),
  decisions: z.array(decisionSchema),
});

/** A set of documents with the label schema they use and (version 2) the library's entities. */
export const corpusSchema = z.object({
  labels: labelSchemaSchema,
  documents: z.array(corpusDocumentSchema),
  entities: z.array(entitySchema).optional(),
});

/**
 * A change to one layer: remove these annotations (by id), then add these; in
 * version 2 likewise for relations. An edit removes the old version and adds
 * the new one, same id. Its inverse swaps removed and added.
 */
export const annotationChangeSchema = z.object({
  removed: z.array(annotationSchema),
  added: z.array(annotationSchema),
  removedRelations: z.array(relationSchema).optional(),
  addedRelations: z.array(relationSchema).optional(),
});
