/**
 * Parley tagged JSON (`"format": "parley"`, `schemaVersion` 2; version 1 is
 * read too): the complete, lossless interchange of a corpus — labels with
 * colours, shortcuts and attributes, relation types, entities, documents with
 * their text, SHA-256 and metadata, every layer with its relations, review
 * decisions. The file's shape is declared in `parley-json-schema.ts`.
 * Each annotation carries UTF-16 and code point offsets and its quote, so any
 * tool can check the text it pairs with. See docs/formats/parley-json.md.
 */
import { strToU8 } from 'fflate';
import { anchor } from '../anchoring';
import { z } from 'zod';
import type { Annotation, Corpus, DecisionAction, DifferenceKind, DocumentMetadata, DocumentOrigin, Entity, Label, AnnotationLayer, LayerKind, ParleyDocument, ReviewDecision } from '../model';
import { attributeDefinitionSchema, documentMetadataSchema, entitySchema, relationTypeSchema } from '../model-schema';
import { parleyJsonOriginalSchema, parleyJsonPageSchema, parleyJsonRelationSchema } from './parley-json-schema';
import { mediaTypeOf } from './media-type';
import { DOCUMENT_STATUSES, SCHEMA_VERSION } from '../model';
import type { Result } from '../result';
import { ok } from '../result';
import { textSha256 } from '../text-hash';
import { OffsetMap, splitsSurrogatePair } from '../unicode';
import { CorpusBuilder, type DocumentHandle, type LayerRef, type OriginalFacts, type SpanInput } from './corpus-builder';
import { forEachExportedDocument } from './export-support';
import { fileText } from './files';
import type { ExportOptions, ExportOutcome, FormatCodec, FormatFile, ImportOptions, ImportOutcome } from './format';
import { own, parseJsonSafely } from './json-limits';
import { JsonReader } from './json-reader';
import { showText } from './offsets';
import { importInputs, readEachInput } from './import-inputs';

/** Value of the `format` field. */
export const PARLEY_FORMAT_TAG = 'parley';
/** Default file name of an export. */
export const PARLEY_EXPORT_FILE = 'corpus.parley.json';

const LAYER_KINDS: readonly LayerKind[] = ['own', 'colleague', 'reconciled'];
const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['agreed', 'label-conflict', 'boundary-conflict', 'only-mine', 'only-theirs'];
const DECISION_ACTIONS: readonly DecisionAction[] = ['accept-theirs', 'keep-mine', 'keep-both', 'reject-both', 'choose-spans'];

/** One annotation as written in Parley JSON. */
export interface AnnotationJson {
  id: string;
  start: number;
  end: number;
  startCodePoint: number;
  endCodePoint: number;
  quote: { exact: string; prefix: string; suffix: string };
  labelId: string;
  note?: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  attributes?: Record<string, string>;
  entityId?: string;
  suggestedBy?: string;
}

/** Builds the Parley JSON value of a corpus (every layer unless `options.layerIds` narrows them). */
export function toParleyJson(corpus: Corpus, options: ExportOptions = {}): Result<unknown> {
  const documents: unknown[] = [];
  const stopped = forEachExportedDocument(corpus, options, 'Parley JSON', (i) => void documents.push(documentJson(corpus.documents[i]!, options)));
  if (stopped) return stopped;
  return ok({ ...corpusShell(corpus, options), documents });
}

/** Everything in the exported value but its documents, which come last. */
function corpusShell(corpus: Corpus, options: ExportOptions): Record<string, unknown> {
  return {
    format: PARLEY_FORMAT_TAG,
    schemaVersion: SCHEMA_VERSION,
    exportedAt: options.now ?? new Date().toISOString(),
    labels: corpus.labels.labels.map((l) => ({ id: l.id, name: l.name, color: l.color, shortcut: l.shortcut, description: l.description, ...(l.attributes && l.attributes.length > 0 ? { attributes: l.attributes } : {}) })),
    ...(corpus.labels.relationTypes && corpus.labels.relationTypes.length > 0 ? { relationTypes: corpus.labels.relationTypes } : {}),
    ...(corpus.entities && corpus.entities.length > 0 ? { entities: corpus.entities } : {}),
  };
}

/** One document of the exported value. */
function documentJson({ document: doc, layers, decisions }: Corpus['documents'][number], options: ExportOptions): unknown {
  const map = new OffsetMap(doc.text);
  return {
    ...documentHeadJson(doc, map),
    layers: exportedLayers(layers, options).map((l) => ({ ...layerHeadJson(l), annotations: l.annotations.map((a) => annotationJson(a, map)), ...layerRelationsJson(l) })),
    decisions,
  };
}

/**
 * The members of an exported document before its layers, in the order they
 * are written; `map` is the document's, `hash` gives its text's SHA-256
 * (`textSha256`, or a faster one that gives the same).
 */
export function documentHeadJson(doc: ParleyDocument, map: OffsetMap, hash: (text: string) => string = textSha256): Record<string, unknown> {
  return {
    id: doc.id,
    title: doc.title,
    source: doc.source,
    ...(doc.originalPath ? { originalPath: doc.originalPath } : {}),
    ...(doc.origin ? { origin: doc.origin } : {}),
    ...(doc.metadata && Object.keys(doc.metadata).length > 0 ? { metadata: doc.metadata } : {}),
    ...(doc.pages && doc.pages.length > 0 ? { pages: doc.pages.map((p) => ({ start: p.start, end: p.end, startCodePoint: map.toCodePoint(p.start), endCodePoint: map.toCodePoint(p.end) })) } : {}),
    ...originalJson(doc),
    text: doc.text,
    sha256: hash(doc.text),
    importedAt: doc.importedAt,
    status: doc.status,
  };
}

/** The layers of a document that an export writes: those `options.layerIds` names, or all. */
export function exportedLayers(layers: readonly AnnotationLayer[], options: ExportOptions): AnnotationLayer[] {
  return layers.filter((l) => !options.layerIds || options.layerIds.includes(l.id));
}

/** The members of an exported layer before its annotations. */
export function layerHeadJson(l: AnnotationLayer): Record<string, unknown> {
  return { id: l.id, kind: l.kind, author: l.author };
}

/** The members of an exported layer after its annotations: its relations, if it has any. */
export function layerRelationsJson(l: AnnotationLayer): Record<string, unknown> {
  return l.relations && l.relations.length > 0 ? { relations: l.relations.map(({ documentId: _d, ...r }) => r) } : {};
}

/** One annotation as Parley JSON writes it; `map` is its document's. */
export function annotationJson(a: Annotation, map: OffsetMap): AnnotationJson {
  const out: AnnotationJson = {
    id: a.id,
    start: a.start,
    end: a.end,
    startCodePoint: map.toCodePoint(a.start),
    endCodePoint: map.toCodePoint(a.end),
    quote: { exact: a.quote.exact, prefix: a.quote.prefix, suffix: a.quote.suffix },
    labelId: a.labelId,
    author: a.author,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
  Object.assign(out, annotationExtrasJson(a));
  return out;
}

const NO_EXTRAS: Readonly<Record<string, unknown>> = Object.freeze({});

/** The members an exported annotation has only when they are set, in the order they follow its others. */
export function annotationExtrasJson(a: Annotation): Readonly<Partial<AnnotationJson>> {
  if ((a.note === undefined || a.note === '') && !a.attributes && a.entityId === undefined && a.suggestedBy === undefined) return NO_EXTRAS;
  const out: Partial<AnnotationJson> = {};
  if (a.note !== undefined && a.note !== '') out.note = a.note;
  if (a.attributes && Object.keys(a.attributes).length > 0) out.attributes = { ...a.attributes };
  if (a.entityId !== undefined) out.entityId = a.entityId;
  if (a.suggestedBy !== undefined) out.suggestedBy = a.suggestedBy;
  return out;
}

/** The Parley JSON text of a corpus, as the app's Export command writes it. Fails only when cancelled. */
export function exportParleyJson(corpus: Corpus, options: ExportOptions = {}): Result<string> {
  const pieces = exportParleyJsonPieces(corpus, options);
  return pieces.ok ? ok(pieces.value.join('')) : pieces;
}

/**
 * The Parley JSON text of a corpus in pieces, one per document between the
 * head and the tail; joined, they are exactly `exportParleyJson`'s text. A
 * JavaScript string holds at most about 512 MB, which a corpus of a million
 * annotations exceeds, so large exports are written from the pieces. Fails
 * only when cancelled.
 */
export function exportParleyJsonPieces(corpus: Corpus, options: ExportOptions = {}): Result<string[]> {
  const pieces: string[] = [];
  const written = writeParleyJson(corpus, options, (piece) => pieces.push(piece));
  return written ?? ok(pieces);
}

/**
 * Hands the text of the export to `write` piece by piece, each document made
 * and turned to text before the next, so the value of the whole corpus is
 * never held at once. Returns a failure when cancelled, else undefined.
 */
function writeParleyJson(corpus: Corpus, options: ExportOptions, write: (piece: string) => void): Result<never> | undefined {
  const text = parleyJsonText(corpus, options);
  write(text.head);
  const stopped = forEachExportedDocument(corpus, options, 'Parley JSON', (i) => void write(i === 0 ? text.document(i) : `${text.between}${text.document(i)}`));
  if (stopped) return stopped;
  if (text.tail !== '') write(text.tail);
  return undefined;
}

/** The Parley JSON text of a corpus in parts: the head, the documents in order with `between` between each two, then the tail. */
export interface ParleyJsonText {
  head: string;
  /** The text of the document at `index` of the corpus, as deep as it sits in the file. */
  document(index: number): string;
  between: string;
  tail: string;
}

/**
 * The Parley JSON text of a corpus as parts a caller can write one document
 * at a time, pausing between documents (the app writes a large export this
 * way without holding its text). `head`, every `document(i)` in order with
 * `between` between each two, and `tail`, joined, are exactly
 * `exportParleyJson`'s text. A document's text is a slice of the text
 * `JSON.stringify` made, never joined to other strings, so writing it copies
 * nothing first. Progress and cancellation are the caller's.
 */
export function parleyJsonText(corpus: Corpus, options: ExportOptions = {}): ParleyJsonText {
  // `documents` is the last key: the head is everything up to its opening bracket.
  const shell = JSON.stringify({ ...corpusShell(corpus, options), documents: [] }, null, 2);
  if (corpus.documents.length === 0) return { head: `${shell}\n`, document: () => '', between: '', tail: '' };
  return {
    head: `${shell.slice(0, shell.length - ']\n}'.length)}\n`,
    document(i) {
      // Inside two arrays, JSON.stringify indents the document as deep as it sits in the file; the brackets are cut off.
      const nested = JSON.stringify([[documentJson(corpus.documents[i]!, options)]], null, 2);
      return nested.slice(NESTED_OPEN.length, nested.length - NESTED_CLOSE.length);
    },
    between: ',\n',
    tail: '\n  ]\n}\n',
  };
}

const NESTED_OPEN = '[\n  [\n';
const NESTED_CLOSE = '\n  ]\n]';

/** Texts up to this many UTF-16 code units are exported as a string; longer ones as UTF-8 bytes. */
const MAX_STRING_EXPORT = 64 * 2 ** 20;

/** Collects the pieces of an export: as text while it is short, then as UTF-8 bytes (encoded piece by piece). */
class ExportSink {
  private text: string[] = [];
  private length = 0;
  private bytes: Uint8Array[] | null = null;

  add(piece: string): void {
    if (this.bytes) {
      this.bytes.push(strToU8(piece));
      return;
    }
    this.text.push(piece);
    this.length += piece.length;
    if (this.length > MAX_STRING_EXPORT) {
      this.bytes = this.text.map((t) => strToU8(t));
      this.text = [];
    }
  }

  data(): string | Uint8Array {
    if (!this.bytes) return this.text.join('');
    const out = new Uint8Array(this.bytes.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of this.bytes) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }
}

/** Reads Parley JSON files (all or nothing), re-anchoring annotations whose text or quote no longer matches. */
export function importParleyJson(files: FormatFile[], options: ImportOptions): Result<ImportOutcome> {
  const opened = importInputs(files, /\.json$/i, 'no .json file was given', [{ message: 'Parley JSON import needs at least one .json file' }]);
  if (!opened.ok) return opened;
  const builder = new CorpusBuilder(options, 'Parley JSON');
  const stopped = readEachInput(builder, opened.value.inputs, (file) => readParleyFile(file, builder));
  if (stopped) return stopped;
  const finished = builder.finish();
  const entities = entitiesOf.get(builder);
  if (finished.ok && entities && entities.length > 0) finished.value.corpus.entities = entities;
  return finished;
}

function readParleyFile(file: FormatFile, builder: CorpusBuilder): void {
  const parsed = parseJsonSafely(fileText(file), { file: file.path });
  if (!parsed.ok) {
    for (const p of parsed.error.problems ?? [{ message: parsed.error.message }]) builder.error({ file: file.path, ...p }, p.message);
    return;
  }
  const report = (record: string, message: string): void => builder.error({ file: file.path, record }, message);
  const r = new JsonReader(report);
  const root = r.object(parsed.value, '$');
  if (!root) return;
  if (root['format'] !== PARLEY_FORMAT_TAG) {
    report('$.format', `must be "${PARLEY_FORMAT_TAG}" (this is not a Parley export)`);
    return;
  }
  const version = r.integer(root, 'schemaVersion', '$');
  if (version === undefined) return;
  if (version < 1 || version > SCHEMA_VERSION) {
    report('$.schemaVersion', version > SCHEMA_VERSION ? `is ${version}, written by a newer Parley; this version reads 1 to ${SCHEMA_VERSION}` : `is ${version}; this version reads 1 to ${SCHEMA_VERSION}`);
    return;
  }
  r.onlyKeys(root, '$', ['format', 'schemaVersion', 'exportedAt', 'labels', 'relationTypes', 'entities', 'documents']);
  r.dateTime(root, 'exportedAt', '$', { optional: true });
  const labels = readLabels(r, root);
  if (labels) {
    builder.defineLabels(labels);
    for (const l of labels) for (const a of l.attributes ?? []) builder.defineAttribute(l.id, a);
  }
  if ('relationTypes' in root) {
    const types = readWith(r, RELATION_TYPES, own(root, 'relationTypes'), '$.relationTypes');
    if (types) builder.defineRelationTypes(types);
  }
  const entities = 'entities' in root ? readEntities(r, own(root, 'entities')) : [];
  if (entities) entitiesOf.set(builder, [...(entitiesOf.get(builder) ?? []), ...entities]);
  const known = new Set((entitiesOf.get(builder) ?? []).map((e) => e.id));
  const docs = r.array(root, 'documents', '$') ?? [];
  docs.forEach((value, i) => readDocument(r, builder, file, value, `$.documents[${i}]`, known));
}

/** Entities read so far by each import, added to its corpus when it finishes. */
const entitiesOf = new WeakMap<CorpusBuilder, Entity[]>();

const RELATION_TYPES = zArray(relationTypeSchema);
const ATTRIBUTES = zArray(attributeDefinitionSchema);
const ENTITIES = zArray(entitySchema);

/** A zod array of strict objects (unknown keys refused) of an object schema's shape. */
function zArray<T extends z.ZodObject>(schema: T): z.ZodType<Array<z.output<T>>> {
  return schema.strict().array() as unknown as z.ZodType<Array<z.output<T>>>;
}

/** Parses `value` with a zod schema, reporting each issue at its JSON path. */
function readWith<T>(r: JsonReader, schema: z.ZodType<T>, value: unknown, path: string): T | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues.slice(0, 20)) {
    const at = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
    r.problem(`${path}${at}`, issue.message);
  }
  return undefined;
}

/** The file's entities: ids unique. */
function readEntities(r: JsonReader, value: unknown): Entity[] | undefined {
  const entities = readWith(r, ENTITIES, value, '$.entities');
  if (!entities) return undefined;
  const seen = new Set<string>();
  for (const [i, e] of entities.entries()) {
    if (seen.has(e.id)) r.problem(`$.entities[${i}].id`, `entity id ${e.id} appears twice`);
    seen.add(e.id);
  }
  return entities;
}

function readLabels(r: JsonReader, root: Record<string, unknown>): Label[] | undefined {
  const list = r.array(root, 'labels', '$');
  if (!list) return undefined;
  const out: Label[] = [];
  list.forEach((value, i) => {
    const path = `$.labels[${i}]`;
    const o = r.object(value, path);
    if (!o) return;
    r.onlyKeys(o, path, ['id', 'name', 'color', 'shortcut', 'description', 'attributes']);
    const attributes = 'attributes' in o ? readWith(r, ATTRIBUTES, own(o, 'attributes'), `${path}.attributes`) : undefined;
    const id = r.string(o, 'id', path, { nonEmpty: true });
    const name = r.string(o, 'name', path, { nonEmpty: true });
    const color = r.string(o, 'color', path);
    if (color !== undefined && !/^#[0-9a-fA-F]{6}$/.test(color)) r.problem(`${path}.color`, `must be a hex colour #rrggbb (got ${JSON.stringify(color)})`);
    const shortcut = r.string(o, 'shortcut', path);
    const description = r.string(o, 'description', path);
    if (id !== undefined && name !== undefined && color !== undefined && /^#[0-9a-fA-F]{6}$/.test(color) && shortcut !== undefined && description !== undefined) {
      out.push({ id, name, color: color.toLowerCase(), shortcut, description, ...(attributes && attributes.length > 0 ? { attributes } : {}) });
    }
  });
  return out;
}

/** A document's `origin`: `{format, id?, names?}` with string values only. */
function readOrigin(r: JsonReader, value: unknown, path: string): DocumentOrigin | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  r.onlyKeys(o, path, ['format', 'id', 'names']);
  const format = r.string(o, 'format', path, { nonEmpty: true });
  const id = r.string(o, 'id', path, { optional: true });
  let names: Record<string, string> | undefined;
  if ('names' in o) {
    const n = r.object(own(o, 'names'), `${path}.names`);
    if (n) {
      names = {};
      for (const [k, v] of Object.entries(n)) {
        if (typeof v === 'string') names[k] = v;
        else r.problem(`${path}.names.${k}`, 'must be a string');
      }
    }
  }
  if (format === undefined) return undefined;
  return { format, ...(id !== undefined ? { id } : {}), ...(names ? { names } : {}) };
}

const PAGES = z.array(parleyJsonPageSchema.strict()).max(100_000);

/**
 * A document's pages as the model keeps them (UTF-16 offsets), or undefined
 * with a problem for each page that lies outside the text, overlaps the one
 * before, or whose code point offsets disagree with its UTF-16 ones.
 */
function checkedPages(r: JsonReader, pages: ReadonlyArray<z.infer<typeof parleyJsonPageSchema>>, text: string, map: OffsetMap, path: string): Array<{ start: number; end: number }> | undefined {
  let wrong = false;
  let previousEnd = 0;
  pages.forEach((p, i) => {
    const at = `${path}[${i}]`;
    if (p.start > p.end || p.end > text.length) r.problem(at, `the page runs from ${p.start} to ${p.end}, outside the text of ${text.length} characters`);
    else if (p.start < previousEnd) r.problem(at, `the page starts at ${p.start}, inside the page before it (which ends at ${previousEnd})`);
    else if (map.toCodePoint(p.start) !== p.startCodePoint || map.toCodePoint(p.end) !== p.endCodePoint) r.problem(at, 'its code point offsets do not match its UTF-16 offsets');
    else {
      previousEnd = p.end;
      return;
    }
    wrong = true;
  });
  return wrong ? undefined : pages.map((p) => ({ start: p.start, end: p.end }));
}

/** The `original` of a document's JSON: the source file's name, media type and SHA-256, when it was extracted from one. */
function originalJson(doc: ParleyDocument): { original?: { name: string; mediaType: string; sha256?: string } } {
  if (!doc.originalName && !doc.originalSha256) return {};
  const name = doc.originalName || doc.source;
  return { original: { name, mediaType: mediaTypeOf(name), ...(doc.originalSha256 ? { sha256: doc.originalSha256 } : {}) } };
}

function readDocument(r: JsonReader, builder: CorpusBuilder, file: FormatFile, value: unknown, path: string, entities: ReadonlySet<string>): void {
  const o = r.object(value, path);
  if (!o) return;
  r.onlyKeys(o, path, ['id', 'title', 'source', 'originalPath', 'origin', 'metadata', 'pages', 'original', 'text', 'sha256', 'importedAt', 'status', 'layers', 'decisions']);
  const metadata: DocumentMetadata | undefined = 'metadata' in o ? readWith(r, documentMetadataSchema.strict(), own(o, 'metadata'), `${path}.metadata`) : undefined;
  const id = r.string(o, 'id', path, { nonEmpty: true });
  const title = r.string(o, 'title', path);
  const source = r.string(o, 'source', path);
  const originalPath = 'originalPath' in o ? r.string(o, 'originalPath', path) : undefined;
  const origin = 'origin' in o ? readOrigin(r, own(o, 'origin'), `${path}.origin`) : undefined;
  const text = r.string(o, 'text', path);
  const sha256 = r.string(o, 'sha256', path);
  const importedAt = r.dateTime(o, 'importedAt', path);
  const status = r.oneOf(o, 'status', path, DOCUMENT_STATUSES);
  const layers = r.array(o, 'layers', path);
  const decisions = readDecisions(r, o, path, id);
  const original = 'original' in o ? readWith(r, parleyJsonOriginalSchema.strict(), own(o, 'original'), `${path}.original`) : undefined;
  const pageList = 'pages' in o ? readWith(r, PAGES, own(o, 'pages'), `${path}.pages`) : undefined;
  if (id === undefined || title === undefined || source === undefined || text === undefined || sha256 === undefined || importedAt === undefined || status === undefined || !layers || !decisions) return;
  const textChanged = sha256.toLowerCase() !== textSha256(text);
  const map = new OffsetMap(text);
  // Pages name places in the text they were written with: a changed text keeps none of them.
  const pages = pageList && !textChanged ? checkedPages(r, pageList, text, map, `${path}.pages`) : undefined;
  if (pageList && pageList.length > 0 && textChanged) builder.warn({ file: file.path, record: `${path}.pages` }, 'the text does not match its SHA-256, so its page boundaries were left out');
  const facts: OriginalFacts = {
    ...(pages && pages.length > 0 ? { pages } : {}),
    ...(original ? { originalName: original.name, ...(original.sha256 ? { originalSha256: original.sha256.toLowerCase() } : {}) } : {}),
  };
  const doc = builder.addDocument({ file: file.path, record: path }, { id, title, source, ...(originalPath ? { originalPath } : {}), ...(origin ? { origin } : {}), ...(metadata ? { metadata } : {}), original: facts, text, importedAt, status });
  if (!doc) return;
  builder.addDecisions(doc, decisions);
  if (textChanged) builder.warn({ file: file.path, record: `${path}.sha256` }, 'the text does not match its SHA-256; every annotation was re-anchored by its quote');
  const layerIds = new Set<string>();
  layers.forEach((lv, li) => {
    const lpath = `${path}.layers[${li}]`;
    const l = r.object(lv, lpath);
    if (!l) return;
    r.onlyKeys(l, lpath, ['id', 'kind', 'author', 'annotations', 'relations']);
    const lid = r.string(l, 'id', lpath, { nonEmpty: true });
    const kind = r.oneOf(l, 'kind', lpath, LAYER_KINDS);
    const author = r.string(l, 'author', lpath);
    const anns = r.array(l, 'annotations', lpath);
    if (lid === undefined || kind === undefined || author === undefined || !anns) return;
    if (layerIds.has(lid)) {
      builder.error({ file: file.path, record: `${lpath}.id` }, `layer id ${lid} appears twice in this document`);
      return;
    }
    layerIds.add(lid);
    const layer: LayerRef = { id: lid, kind, author };
    builder.addLayer(doc, layer);
    const annIds = new Set<string>();
    anns.forEach((av, ai) => {
      const apath = `${lpath}.annotations[${ai}]`;
      const a = readAnnotation(r, av, apath, id);
      if (!a) return;
      if (a.entityId !== undefined && !entities.has(a.entityId)) {
        r.problem(`${apath}.entityId`, `names entity ${a.entityId}, which is not in the file's entities`);
        return;
      }
      if (annIds.has(a.id)) {
        builder.error({ file: file.path, record: `${apath}.id` }, `annotation id ${a.id} appears twice in this layer`);
        return;
      }
      annIds.add(a.id);
      placeAnnotation(builder, doc, map, layer, a, { file: file.path, record: apath }, textChanged);
    });
    if ('relations' in l) readRelations(r, builder, doc, layer, own(l, 'relations'), `${lpath}.relations`, file.path, id);
  });
}

/** The key by which relations of a layer find its spans in the builder. */
function spanKey(layerId: string, annotationId: string): string {
  return `${layerId}\u0000${annotationId}`;
}

/**
 * A layer's relations. Ends must be annotations of the same layer (the import
 * fails otherwise, naming the relation); a relation whose end was set aside
 * as an orphan is left out with a warning, as the orphan itself is listed.
 */
function readRelations(r: JsonReader, builder: CorpusBuilder, doc: DocumentHandle, layer: LayerRef, value: unknown, path: string, file: string, documentId: string | undefined): void {
  const relations = readWith(r, zArray(parleyJsonRelationSchema), value, path);
  if (!relations) return;
  const ids = new Set<string>();
  relations.forEach((rel, i) => {
    const at = { file, record: `${path}[${i}]` };
    if (rel.documentId !== undefined && documentId !== undefined && rel.documentId !== documentId) {
      builder.error(at, `documentId is ${rel.documentId} but the relation is in document ${documentId}`);
      return;
    }
    if (ids.has(rel.id)) {
      builder.error(at, `relation id ${rel.id} appears twice in this layer`);
      return;
    }
    ids.add(rel.id);
    const sourceKey = spanKey(layer.id, rel.sourceId);
    const targetKey = spanKey(layer.id, rel.targetId);
    const unplaced = [sourceKey, targetKey].some((k) => !builder.hasKey(doc, k));
    if (unplaced && placedNowhere(builder, doc, layer, rel, sourceKey, targetKey, at)) return;
    builder.addRelation(doc, at, {
      sourceKey,
      targetKey,
      type: rel.typeId,
      id: rel.id,
      author: rel.author,
      createdAt: rel.createdAt,
      updatedAt: rel.updatedAt,
      ...(rel.note !== undefined ? { note: rel.note } : {}),
    });
  });
}

/** True (with a warning) when an end of the relation is an orphan of this import; the builder fails the import for an end that is no annotation at all. */
function placedNowhere(builder: CorpusBuilder, doc: DocumentHandle, layer: LayerRef, rel: { id: string; sourceId: string; targetId: string }, sourceKey: string, targetKey: string, at: { file: string; record: string }): boolean {
  const orphaned = orphanIds.get(builder)?.get(doc.index);
  const end = [rel.sourceId, rel.targetId].find((id, i) => !builder.hasKey(doc, i === 0 ? sourceKey : targetKey) && orphaned?.has(spanKey(layer.id, id)));
  if (end === undefined) return false;
  builder.warn(at, `relation ${rel.id} left out: its span ${end} could not be placed (listed with the orphans)`);
  return true;
}

/** Annotations set aside as orphans, by builder and document index, so their relations are left out with a warning rather than failing the import. */
const orphanIds = new WeakMap<CorpusBuilder, Map<number, Set<string>>>();

function readAnnotation(r: JsonReader, value: unknown, path: string, documentId: string | undefined): AnnotationJson | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  r.onlyKeys(o, path, ['id', 'documentId', 'start', 'end', 'startCodePoint', 'endCodePoint', 'quote', 'labelId', 'note', 'author', 'createdAt', 'updatedAt', 'attributes', 'entityId', 'suggestedBy']);
  const attributes = 'attributes' in o ? readAttributeValues(r, own(o, 'attributes'), `${path}.attributes`) : undefined;
  const entityId = r.string(o, 'entityId', path, { optional: true, nonEmpty: true });
  const suggestedBy = r.string(o, 'suggestedBy', path, { optional: true, nonEmpty: true });
  const id = r.string(o, 'id', path, { nonEmpty: true });
  const docId = r.string(o, 'documentId', path, { optional: true });
  if (docId !== undefined && documentId !== undefined && docId !== documentId) r.problem(`${path}.documentId`, `is ${docId} but the annotation is in document ${documentId}`);
  const start = r.integer(o, 'start', path);
  const end = r.integer(o, 'end', path);
  const startCodePoint = r.integer(o, 'startCodePoint', path);
  const endCodePoint = r.integer(o, 'endCodePoint', path);
  const q = r.object(own(o, 'quote'), `${path}.quote`);
  let quote: AnnotationJson['quote'] | undefined;
  if (q) {
    r.onlyKeys(q, `${path}.quote`, ['exact', 'prefix', 'suffix']);
    const exact = r.string(q, 'exact', `${path}.quote`);
    const prefix = r.string(q, 'prefix', `${path}.quote`);
    const suffix = r.string(q, 'suffix', `${path}.quote`);
    if (exact !== undefined && prefix !== undefined && suffix !== undefined) quote = { exact, prefix, suffix };
  }
  const labelId = r.string(o, 'labelId', path, { nonEmpty: true });
  const note = r.string(o, 'note', path, { optional: true });
  const author = r.string(o, 'author', path);
  const createdAt = r.dateTime(o, 'createdAt', path);
  const updatedAt = r.dateTime(o, 'updatedAt', path);
  if (id === undefined || start === undefined || end === undefined || startCodePoint === undefined || endCodePoint === undefined || !quote || labelId === undefined || author === undefined || createdAt === undefined || updatedAt === undefined) return undefined;
  const out: AnnotationJson = { id, start, end, startCodePoint, endCodePoint, quote, labelId, author, createdAt, updatedAt };
  if (note !== undefined) out.note = note;
  if (attributes && Object.keys(attributes).length > 0) out.attributes = attributes;
  if (entityId !== undefined) out.entityId = entityId;
  if (suggestedBy !== undefined) out.suggestedBy = suggestedBy;
  return out;
}

/** An annotation's attribute values: an object of strings. */
function readAttributeValues(r: JsonReader, value: unknown, path: string): Record<string, string> | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'string') out[k] = v;
    else r.problem(`${path}.${k}`, 'must be a string');
  }
  return out;
}

/**
 * Puts one annotation in place. When the text is the one the offsets were made
 * for, offsets must be valid and agree with each other; a quote that differs
 * from the text at the offsets, or a changed text, triggers re-anchoring, and
 * an annotation that cannot be placed becomes an orphan.
 */
function placeAnnotation(builder: CorpusBuilder, doc: DocumentHandle, map: OffsetMap, layer: LayerRef, a: AnnotationJson, at: { file: string; record: string }, textChanged: boolean): void {
  const text = doc.text;
  if (a.start < 0 || a.end < a.start || a.startCodePoint < 0 || a.endCodePoint < a.startCodePoint) {
    builder.error(at, `offsets [${a.start}, ${a.end}) / code points [${a.startCodePoint}, ${a.endCodePoint}) are negative or reversed`);
    return;
  }
  if (a.end === a.start || a.quote.exact === '') {
    builder.error(at, 'the annotation is empty');
    return;
  }
  let start = a.start;
  let end = a.end;
  if (!textChanged) {
    if (a.end > text.length) {
      builder.error(at, `end ${a.end} is past the end of the text (${text.length} UTF-16 code units)`);
      return;
    }
    if (splitsSurrogatePair(text, a.start) || splitsSurrogatePair(text, a.end)) {
      builder.error(at, `span [${a.start}, ${a.end}) splits a character outside the BMP in two`);
      return;
    }
    if (map.toCodePoint(a.start) !== a.startCodePoint || map.toCodePoint(a.end) !== a.endCodePoint) {
      builder.error(at, `UTF-16 offsets [${a.start}, ${a.end}) and code point offsets [${a.startCodePoint}, ${a.endCodePoint}) disagree`);
      return;
    }
  }
  if (textChanged || text.slice(a.start, a.end) !== a.quote.exact) {
    const found = anchor(text, { start: a.start, end: a.end, quote: a.quote });
    const annotation: Annotation = { ...a, documentId: doc.id, quote: { ...a.quote } };
    delete (annotation as Partial<AnnotationJson>).startCodePoint;
    delete (annotation as Partial<AnnotationJson>).endCodePoint;
    if (found.status === 'orphan') {
      builder.addOrphan({ documentId: doc.id, layerId: layer.id, annotation, reason: found.reason }, at);
      const byDoc = orphanIds.get(builder) ?? new Map<number, Set<string>>();
      orphanIds.set(builder, byDoc);
      if (!byDoc.has(doc.index)) byDoc.set(doc.index, new Set());
      byDoc.get(doc.index)!.add(spanKey(layer.id, a.id));
      return;
    }
    if (found.status !== 'exact' || textChanged) {
      builder.warn(at, `quote ${showText(a.quote.exact)} re-anchored (${found.status}) from [${a.start}, ${a.end}) to [${found.start}, ${found.end})`);
    }
    start = found.start;
    end = found.end;
  }
  const span: SpanInput = { start, end, label: a.labelId, author: a.author, createdAt: a.createdAt, updatedAt: a.updatedAt, id: a.id, layer, key: spanKey(layer.id, a.id) };
  if (a.note !== undefined) span.note = a.note;
  if (a.attributes) span.attributes = a.attributes;
  if (a.entityId !== undefined) span.entityId = a.entityId;
  if (a.suggestedBy !== undefined) span.suggestedBy = a.suggestedBy;
  builder.addSpan(doc, at, span);
}

/** A decision's k-of-n mark: whole numbers with 2 ≤ k ≤ n, n the number of layers it names. */
function readPreAccepted(r: JsonReader, value: unknown, path: string, layerCount: number | undefined): { k: number; n: number } | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  r.onlyKeys(o, path, ['k', 'n']);
  const k = r.integer(o, 'k', path);
  const n = r.integer(o, 'n', path);
  if (k === undefined || n === undefined) return undefined;
  if (k < 2 || k > n || (layerCount !== undefined && n !== layerCount)) {
    r.problem(path, `must be k of n agree with 2 ≤ k ≤ n and n the number of layers compared (got ${k} of ${n}${layerCount !== undefined ? `, ${layerCount} layers` : ''})`);
    return undefined;
  }
  return { k, n };
}

function readDecisions(r: JsonReader, o: Record<string, unknown>, path: string, documentId: string | undefined): ReviewDecision[] | undefined {
  const list = r.array(o, 'decisions', path);
  if (!list) return undefined;
  const out: ReviewDecision[] = [];
  let bad = false;
  list.forEach((value, i) => {
    const p = `${path}.decisions[${i}]`;
    const d = r.object(value, p);
    if (!d) {
      bad = true;
      return;
    }
    r.onlyKeys(d, p, ['id', 'documentId', 'differenceKey', 'kind', 'action', 'layers', 'mineIds', 'theirsIds', 'resultIds', 'sourceIds', 'sourceLayers', 'preAccepted', 'decidedBy', 'decidedAt']);
    const id = r.string(d, 'id', p, { nonEmpty: true });
    const docId = r.string(d, 'documentId', p);
    if (docId !== undefined && documentId !== undefined && docId !== documentId) r.problem(`${p}.documentId`, `is ${docId} but the decision is in document ${documentId}`);
    const differenceKey = r.string(d, 'differenceKey', p);
    const kind = r.oneOf(d, 'kind', p, DIFFERENCE_KINDS);
    const action = r.oneOf(d, 'action', p, DECISION_ACTIONS);
    const layers = r.strings(d, 'layers', p);
    if (layers && layers.length < 2) r.problem(`${p}.layers`, `must name at least two layers, [mine, theirs] or every layer reviewed at once (got ${layers.length})`);
    const mineIds = r.strings(d, 'mineIds', p);
    const theirsIds = r.strings(d, 'theirsIds', p);
    const resultIds = r.strings(d, 'resultIds', p);
    // Which annotation each result copies: optional, absent from files written before it existed.
    const sourceIds = 'sourceIds' in d ? r.strings(d, 'sourceIds', p) : undefined;
    if (sourceIds && resultIds && sourceIds.length !== resultIds.length) r.problem(`${p}.sourceIds`, `must have one entry per result (${resultIds.length}), got ${sourceIds.length}`);
    // The layer of each source and the k-of-n rule: optional, written by reviews of several layers at once.
    const sourceLayers = 'sourceLayers' in d ? r.strings(d, 'sourceLayers', p) : undefined;
    if (sourceLayers && resultIds && sourceLayers.length !== resultIds.length) r.problem(`${p}.sourceLayers`, `must have one entry per result (${resultIds.length}), got ${sourceLayers.length}`);
    const preAccepted = 'preAccepted' in d ? readPreAccepted(r, d.preAccepted, `${p}.preAccepted`, layers?.length) : undefined;
    const decidedBy = r.string(d, 'decidedBy', p);
    const decidedAt = r.dateTime(d, 'decidedAt', p);
    if (id === undefined || docId === undefined || differenceKey === undefined || !kind || !action || !layers || layers.length < 2 || !mineIds || !theirsIds || !resultIds || decidedBy === undefined || decidedAt === undefined) {
      bad = true;
      return;
    }
    if (('sourceIds' in d && (!sourceIds || sourceIds.length !== resultIds.length)) || ('sourceLayers' in d && (!sourceLayers || sourceLayers.length !== resultIds.length)) || ('preAccepted' in d && !preAccepted)) {
      bad = true;
      return;
    }
    out.push({
      id,
      documentId: docId,
      differenceKey,
      kind,
      action,
      layers,
      mineIds,
      theirsIds,
      resultIds,
      ...(sourceIds ? { sourceIds } : {}),
      ...(sourceLayers ? { sourceLayers } : {}),
      ...(preAccepted ? { preAccepted } : {}),
      decidedBy,
      decidedAt,
    });
  });
  return bad ? undefined : out;
}

/** The Parley JSON codec. */
export const parleyJsonCodec: FormatCodec = {
  name: 'parley',
  import: importParleyJson,
  export(corpus: Corpus, options: ExportOptions): Result<ExportOutcome> {
    const sink = new ExportSink();
    const stopped = writeParleyJson(corpus, options, (piece) => sink.add(piece));
    return stopped ?? ok({ files: [{ path: PARLEY_EXPORT_FILE, data: sink.data() }], warnings: [] });
  },
};
