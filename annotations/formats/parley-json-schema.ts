/**
 * The shape of a Parley JSON file (`"format": "parley"`), declared with zod
 * from the model's schemas (`model-schema.ts`): what `toParleyJson` writes
 * and `importParleyJson` reads. `docs/formats/parley-json.schema.json` is
 * generated from it (`npm run schema`); a test fails when that file is stale.
 *
 * It differs from the model where the file format does: annotations and
 * relations sit inside their document and layer, so their `documentId` is
 * optional; annotations carry code point offsets beside UTF-16 ones; times
 * are ISO 8601 date-times; labels are a list at the top, beside the relation
 * types and the entities.
 */
import { z } from 'zod';
import {
  attributeDefinitionSchema,
  decisionSchema,
  documentMetadataSchema,
  documentOriginSchema,
  entitySchema,
  labelSchema,
  layerKindSchema,
  relationSchema,
  relationTypeSchema,
} from '../model-schema';

/** ISO 8601 date-time with a time zone, as Parley writes them. */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/);
const offset = z.number().int().min(0);
const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

/** One annotation as written in a layer of a Parley JSON document. */
export const parleyJsonAnnotationSchema = z
  .object({
    id: z.string().min(1),
    documentId: z.string().optional().describe("Optional; when present it must equal the enclosing document's id."),
    start: offset.describe('UTF-16 code unit offset of the first character.'),
    end: offset.describe('UTF-16 code unit offset just past the last character.'),
    startCodePoint: offset.describe('The same start in Unicode code points.'),
    endCodePoint: offset.describe('The same end in Unicode code points.'),
    quote: z.object({ exact: z.string().min(1), prefix: z.string(), suffix: z.string() }),
    labelId: z.string().min(1),
    note: z.string().optional(),
    author: z.string(),
    createdAt: dateTime,
    updatedAt: dateTime,
    attributes: z.record(z.string().min(1), z.string()).optional().describe('Attribute values by attribute id: an option id, free text, or a normalised ISO 8601 date (version 2).'),
    entityId: z.string().min(1).optional().describe('The id of the entity (in entities) the span names (version 2).'),
    suggestedBy: z.string().min(1).optional().describe('Which suggestion source proposed the span (version 2).'),
  })
  .describe('A tagged span.');

/** One relation as written in a layer of a Parley JSON document (version 2). */
export const parleyJsonRelationSchema = z
  .object({
    ...relationSchema.shape,
    documentId: z.string().optional().describe("Optional; when present it must equal the enclosing document's id."),
    createdAt: dateTime,
    updatedAt: dateTime,
  })
  .describe('A link between two annotations of the same layer, by their ids (version 2).');

/** One layer as written in a Parley JSON document. */
export const parleyJsonLayerSchema = z.object({
  id: z.string().min(1).describe('own, reconciled, or colleague:<author>.'),
  kind: layerKindSchema,
  author: z.string(),
  annotations: z.array(parleyJsonAnnotationSchema),
  relations: z.array(parleyJsonRelationSchema).optional(),
});

/** One page of a document extracted from a paged source (a PDF), in both offset units. */
export const parleyJsonPageSchema = z
  .object({
    start: offset.describe('UTF-16 code unit offset where the page starts in text.'),
    end: offset.describe('UTF-16 code unit offset just past the page (the separator between pages belongs to neither).'),
    startCodePoint: offset.describe('The same start in Unicode code points.'),
    endCodePoint: offset.describe('The same end in Unicode code points.'),
  })
  .describe('A page of the source, in page order; pages do not overlap.');

/** The source file a document's text was extracted from (the file itself is not in the export). */
export const parleyJsonOriginalSchema = z
  .object({
    name: z.string().min(1).max(1000).describe('The file name as imported (report.pdf).'),
    mediaType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/).describe('Its media type, from its name (application/pdf).'),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/)
      .optional()
      .describe("SHA-256 of the file's bytes, lower-case hex; absent when the exporting library never held the file. On import, a library holding the same file links the document to it."),
  })
  .describe('The source file (PDF, Word, saved page) the text was extracted from; the file itself is not embedded.');

/** One document as written in a Parley JSON file. */
export const parleyJsonDocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  source: z.string(),
  originalPath: z.string().optional().describe('The file the text was imported from, relative to the folder or archive given, with / between folders.'),
  origin: documentOriginSchema.optional().describe('The document’s identity in the annotation tool it was imported from.'),
  metadata: documentMetadataSchema.optional().describe('Publication date (ISO 8601), outlet, author and address (version 2).'),
  pages: z.array(parleyJsonPageSchema).optional().describe('Page boundaries of a text extracted from a paged source (version 2).'),
  original: parleyJsonOriginalSchema.optional().describe('The source file the text was extracted from (version 2).'),
  text: z.string().describe('The text exactly as imported, line ends included.'),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/).describe('SHA-256 of the UTF-8 bytes of text, lower-case hex.'),
  importedAt: dateTime,
  status: z.enum(['todo', 'in-progress', 'done']),
  layers: z.array(parleyJsonLayerSchema),
  decisions: z.array(z.object({ ...decisionSchema.shape, decidedAt: dateTime })),
});

/** A label as written at the top of a Parley JSON file. */
export const parleyJsonLabelSchema = z.object({
  ...labelSchema.shape,
  id: z.string().min(1),
  name: z.string().min(1),
  color: hexColour,
  attributes: z.array(attributeDefinitionSchema).optional().describe('Typed attributes its spans can carry (version 2).'),
});

/** A whole Parley JSON file. `schemaVersion` 1 files are read too; Parley writes 2. */
export const parleyJsonFileSchema = z
  .object({
    format: z.literal('parley'),
    schemaVersion: z.union([z.literal(1), z.literal(2)]),
    exportedAt: dateTime.optional(),
    labels: z.array(parleyJsonLabelSchema),
    relationTypes: z.array(z.object({ ...relationTypeSchema.shape, color: hexColour })).optional().describe('Kinds of link between spans (version 2).'),
    entities: z.array(entitySchema).optional().describe('Canonical entities of the corpus that spans name (version 2).'),
    documents: z.array(parleyJsonDocumentSchema),
  })
  .describe(
    'A corpus exported by Parley: labels, relation types and entities, documents with their text, checksum, metadata, pages and original file, annotation layers with their relations, and review decisions. Offsets are given in UTF-16 code units (start, end) and in Unicode code points (startCodePoint, endCodePoint), end exclusive.',
  );

/** The JSON Schema (draft-07) of a Parley JSON file, as committed in `docs/formats/parley-json.schema.json`. */
export function parleyJsonSchemaDocument(): Record<string, unknown> {
  const generated = z.toJSONSchema(parleyJsonFileSchema, { target: 'draft-7' }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return { $schema, $id: 'https://parley.invalid/schemas/parley-json/2.json', title: 'Parley tagged JSON, schema version 2', ...rest };
}
