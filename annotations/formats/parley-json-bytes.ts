/**
 * Parley JSON written as UTF-8 bytes, document by document: the same bytes as
 * `parleyJsonText`'s text encoded as UTF-8, made without the text. A
 * million annotations make 600 MB of JSON, almost all of it annotation
 * records of one shape; `JSON.stringify` builds each record as an object and
 * then as text, which the writer must then encode. Here each record is
 * written straight into a reused buffer (`JsonBytes`), with its indentation
 * and keys encoded once; any record of another shape (a member that is not
 * a string or number where one is expected) is written from its object by
 * `JSON.stringify`, so the bytes never depend on which way was taken.
 */
import type { Annotation, AnnotationLayer, Corpus } from '../model';
import { textSha256 } from '../text-hash';
import { OffsetMap } from '../unicode';
import type { ExportOptions } from './format';
import { EncodedText, JsonBytes, LastString, lineStart, utf8Bytes } from './json-bytes';
import { annotationExtrasJson, annotationJson, documentHeadJson, exportedLayers, layerHeadJson, layerRelationsJson, parleyJsonText } from './parley-json';

/** How deep a document sits in the file: in the root object's `documents` array. */
const DOCUMENT_DEPTH = 2;

/** The Parley JSON of a corpus in parts, as bytes: the head, the documents in order with `between` between each two, then the tail. */
export interface ParleyJsonBytes {
  head: Uint8Array;
  /**
   * Appends the bytes of the document at `index` of the corpus to `out`, as
   * deep as it sits in the file, a step at a time (some dozens of annotations):
   * between steps the caller may take what `out` holds (`exchange`) and let
   * other work run. The steps must be run to the end before the next document.
   */
  document(index: number, out: JsonBytes): Iterable<void>;
  between: Uint8Array;
  tail: Uint8Array;
}

/** Annotations written in one step of a document: a few milliseconds even before the code is optimised. */
const STEP = 64;

/**
 * The parts of `parleyJsonText(corpus, options)` as UTF-8 bytes. `hash`
 * gives a text's SHA-256 as `textSha256` does (the app passes Node's, which is
 * many times faster). Progress and cancellation are the caller's.
 */
export function parleyJsonBytes(corpus: Corpus, options: ExportOptions = {}, hash: (text: string) => string = textSha256): ParleyJsonBytes {
  const text = parleyJsonText(corpus, options);
  const indent = utf8Bytes('  '.repeat(DOCUMENT_DEPTH));
  const repeated: RepeatedMembers = { labelId: new LastString(), author: new LastString(), createdAt: new LastString(), updatedAt: new LastString() };
  // One document at a time: the buffers of its encoded text serve the next.
  const encoded = new EncodedText();
  return {
    head: utf8Bytes(text.head),
    *document(index, out) {
      const { document: doc, layers, decisions } = corpus.documents[index]!;
      const source: DocumentText = { map: new OffsetMap(doc.text), text: encoded.encode(doc.text) };
      out.bytes(indent);
      const members = writeDocumentHead(out, documentHeadJson(doc, source.map, hash), source.text);
      yield;
      out.member('layers', DOCUMENT_DEPTH, members);
      yield* writeLayers(out, exportedLayers(layers, options), source, DOCUMENT_DEPTH + 1, repeated);
      out.entry('decisions', decisions, DOCUMENT_DEPTH, true);
      out.closeObject(DOCUMENT_DEPTH, true);
    },
    between: utf8Bytes(text.between),
    tail: utf8Bytes(text.tail),
  };
}

/** Opens a document's object with the members before its layers, its text copied from its encoded bytes; returns whether it wrote any. */
function writeDocumentHead(out: JsonBytes, head: Record<string, unknown>, text: EncodedText): boolean {
  out.bytes(OPEN_BRACE);
  let members = false;
  for (const key of Object.keys(head)) {
    const value = head[key];
    if (key === 'text' && value === text.text) {
      out.member(key, DOCUMENT_DEPTH, members);
      out.stringFrom(text.text, text, 0);
      members = true;
    } else if (out.entry(key, value, DOCUMENT_DEPTH, members)) {
      members = true;
    }
  }
  return members;
}

/** Writes a document's layers, an array `depth` levels deep. */
function* writeLayers(out: JsonBytes, layers: readonly AnnotationLayer[], source: DocumentText, depth: number, repeated: RepeatedMembers): Generator<void> {
  out.bytes(OPEN_BRACKET);
  for (const [i, layer] of layers.entries()) {
    if (i > 0) out.bytes(COMMA);
    out.bytes(lineStart(depth + 1));
    const members = out.openObject(layerHeadJson(layer), depth + 1);
    out.member('annotations', depth + 1, members);
    yield* writeAnnotations(out, layer.annotations, source, depth + 2, repeated);
    const relations = layerRelationsJson(layer);
    for (const key of Object.keys(relations)) out.entry(key, relations[key], depth + 1, true);
    out.closeObject(depth + 1, true);
  }
  out.bytes(layers.length > 0 ? lineStart(depth) : NOTHING);
  out.bytes(CLOSE_BRACKET);
}

/** Writes a layer's annotations, an array `depth` levels deep, a step at a time. */
function* writeAnnotations(out: JsonBytes, annotations: readonly Annotation[], source: DocumentText, depth: number, repeated: RepeatedMembers): Generator<void> {
  if (annotations.length === 0) {
    out.bytes(EMPTY_ARRAY);
    return;
  }
  const keys = annotationKeys(depth + 1);
  out.bytes(OPEN_BRACKET);
  for (let from = 0; from < annotations.length; from += STEP) {
    if (from > 0) yield;
    const to = Math.min(annotations.length, from + STEP);
    for (let i = from; i < to; i++) writeAnnotation(out, annotations[i]!, i === 0, source, depth + 1, keys, repeated);
  }
  out.bytes(lineStart(depth));
  out.bytes(CLOSE_BRACKET);
}

/** Writes one annotation (the `first` of its array, or after a comma), an object `depth` levels deep, as `JSON.stringify` writes `annotationJson(a, map)`. */
function writeAnnotation(out: JsonBytes, a: Annotation, first: boolean, { map, text }: DocumentText, depth: number, keys: AnnotationKeys, repeated: RepeatedMembers): void {
  const q = a.quote as Annotation['quote'] | null | undefined;
  const usual =
    typeof a.id === 'string' &&
    typeof a.start === 'number' &&
    typeof a.end === 'number' &&
    typeof q === 'object' &&
    q !== null &&
    typeof q.exact === 'string' &&
    typeof q.prefix === 'string' &&
    typeof q.suffix === 'string' &&
    typeof a.labelId === 'string' &&
    typeof a.author === 'string' &&
    typeof a.createdAt === 'string' &&
    typeof a.updatedAt === 'string';
  if (!usual) {
    if (!first) out.bytes(COMMA);
    out.bytes(lineStart(depth));
    out.value(annotationJson(a, map), depth);
    return;
  }
  out.bytes(first ? keys.firstId : keys.nextId);
  out.string(a.id);
  out.bytes(keys.start);
  out.number(a.start);
  out.bytes(keys.end);
  out.number(a.end);
  out.bytes(keys.startCodePoint);
  out.number(map.toCodePoint(a.start));
  out.bytes(keys.endCodePoint);
  out.number(map.toCodePoint(a.end));
  out.bytes(keys.exact);
  // A quote is almost always cut from the text at its offsets: its bytes are copied from the text's.
  out.stringFrom(q.exact, text, a.start);
  out.bytes(keys.prefix);
  out.stringFrom(q.prefix, text, a.start - q.prefix.length);
  out.bytes(keys.suffix);
  out.stringFrom(q.suffix, text, a.end);
  out.repeatedString(keys.labelId, a.labelId, repeated.labelId);
  out.repeatedString(keys.author, a.author, repeated.author);
  out.repeatedString(keys.createdAt, a.createdAt, repeated.createdAt);
  out.repeatedString(keys.updatedAt, a.updatedAt, repeated.updatedAt);
  // Most annotations have none of the optional members; checked here, that costs no object per annotation.
  if (a.note !== undefined || a.attributes !== undefined || a.entityId !== undefined || a.suggestedBy !== undefined) {
    const extras = annotationExtrasJson(a) as Record<string, unknown>;
    for (const key of Object.keys(extras)) out.entry(key, extras[key], depth, true);
  }
  out.closeObject(depth, true);
}

/** A document's text as its annotations need it: code point offsets, and its bytes for their quotes. */
interface DocumentText {
  map: OffsetMap;
  text: EncodedText;
}

/** The members of an annotation that most often repeat the one before's, each with the last value written. */
interface RepeatedMembers {
  labelId: LastString;
  author: LastString;
  createdAt: LastString;
  updatedAt: LastString;
}

/** The encoded text before each value of an annotation object `depth` levels deep: punctuation, indent and key. */
interface AnnotationKeys {
  /** The annotation's line and its object's first key, for the first of an array and for the others. */
  firstId: Uint8Array;
  nextId: Uint8Array;
  start: Uint8Array;
  end: Uint8Array;
  startCodePoint: Uint8Array;
  endCodePoint: Uint8Array;
  exact: Uint8Array;
  prefix: Uint8Array;
  suffix: Uint8Array;
  labelId: Uint8Array;
  author: Uint8Array;
  createdAt: Uint8Array;
  updatedAt: Uint8Array;
}

const keysAtDepth = new Map<number, AnnotationKeys>();

function annotationKeys(depth: number): AnnotationKeys {
  let keys = keysAtDepth.get(depth);
  if (keys) return keys;
  const line = (d: number) => `\n${'  '.repeat(d)}`;
  const member = (key: string, d = depth + 1) => utf8Bytes(`,${line(d)}"${key}": `);
  keys = {
    firstId: utf8Bytes(`${line(depth)}{${line(depth + 1)}"id": `),
    nextId: utf8Bytes(`,${line(depth)}{${line(depth + 1)}"id": `),
    start: member('start'),
    end: member('end'),
    startCodePoint: member('startCodePoint'),
    endCodePoint: member('endCodePoint'),
    exact: utf8Bytes(`,${line(depth + 1)}"quote": {${line(depth + 2)}"exact": `),
    prefix: member('prefix', depth + 2),
    suffix: member('suffix', depth + 2),
    labelId: utf8Bytes(`${line(depth + 1)}},${line(depth + 1)}"labelId": `),
    author: member('author'),
    createdAt: member('createdAt'),
    updatedAt: member('updatedAt'),
  };
  keysAtDepth.set(depth, keys);
  return keys;
}

const OPEN_BRACE = utf8Bytes('{');
const OPEN_BRACKET = utf8Bytes('[');
const CLOSE_BRACKET = utf8Bytes(']');
const EMPTY_ARRAY = utf8Bytes('[]');
const COMMA = utf8Bytes(',');
const NOTHING = new Uint8Array(0);
