/**
 * The dense form of a `DocumentView` for the trip from the main process to
 * the window. A view of a million characters with 20,000 annotations is
 * about 8 MB as plain JSON, most of it the annotations' quotes (text the
 * window already has) and the same label ids, authors and times written
 * out again and again. Packed, each layer's annotations travel as columns,
 * a quote is left out when it is the text's own (as `describeSpan` cuts
 * it, which is how the engine makes every quote), and repeated strings are
 * indexes into one table. `unpackDocumentView(packDocumentView(v))` deep
 * equals `v`: a quote that differs from the text's (an annotation that
 * could not be re-anchored, or imported with other context) travels whole,
 * and so does every optional field (note, attributes, entity, source).
 */
import { CONTEXT_LENGTH } from '../annotations/anchoring';
import type { Annotation, AnnotationLayer, TextQuote } from '../annotations/model';
import type { DocumentView } from './library';

/** Version tag of the packed form; `unpackDocumentView` refuses any other. */
export const PACKED_VIEW_FORMAT = 'parley-packed-view/1';

/** One layer with its annotations as columns (index i of each column is annotation i). */
export interface PackedLayer extends Omit<AnnotationLayer, 'annotations'> {
  ids: string[];
  /** Each start minus the previous one (the first minus 0): small numbers for a layer in reading order. */
  startSteps: number[];
  /** `end - start`. */
  lengths: number[];
  /** Indexes into `PackedDocumentView.strings`. */
  documentIds: number[];
  labelIds: number[];
  authors: number[];
  createdAts: number[];
  updatedAts: number[];
  /** The quotes that are not the text's own context of the span, by annotation index. */
  quotes: Array<[number, TextQuote]>;
  /** Every other field an annotation has (note, attributes, entityId, suggestedBy), by annotation index. */
  extras: Array<[number, Record<string, unknown>]>;
}

/** A `DocumentView` as it crosses the process boundary. */
export interface PackedDocumentView extends Omit<DocumentView, 'layers'> {
  format: typeof PACKED_VIEW_FORMAT;
  /** The repeated strings (document ids, label ids, authors, times) the layers' columns index. */
  strings: string[];
  layers: PackedLayer[];
}

/** The fields every annotation has, sent as columns; the rest go in `extras`. */
const COLUMN_FIELDS = new Set(['id', 'documentId', 'start', 'end', 'quote', 'labelId', 'author', 'createdAt', 'updatedAt']);

/**
 * Whether `quote` is exactly what the engine cuts from `text` for `[start, end)`.
 * Compared as slices: V8's `startsWith` at an offset into a long two-byte text
 * (Hangul, emoji) cost about four times as much, 12 of a pack's 27 ms at 20,000 annotations.
 */
function isTextsOwnQuote(text: string, start: number, end: number, quote: TextQuote): boolean {
  if (start < 0 || end < start || end > text.length) return false;
  const from = Math.max(0, start - CONTEXT_LENGTH);
  const to = Math.min(text.length, end + CONTEXT_LENGTH);
  return (
    quote.exact.length === end - start &&
    quote.prefix.length === start - from &&
    quote.suffix.length === to - end &&
    text.slice(start, end) === quote.exact &&
    text.slice(from, start) === quote.prefix &&
    text.slice(end, to) === quote.suffix
  );
}

/** Packs a view for the wire. Pure; the view is not changed. */
export function packDocumentView(view: DocumentView): PackedDocumentView {
  const text = view.document.text;
  const strings: string[] = [];
  const indexOf = new Map<string, number>();
  const intern = (value: string): number => {
    let index = indexOf.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexOf.set(value, index);
    }
    return index;
  };
  const layers = view.layers.map((layer): PackedLayer => {
    const { annotations, ...rest } = layer;
    const packed: PackedLayer = { ...rest, ids: [], startSteps: [], lengths: [], documentIds: [], labelIds: [], authors: [], createdAts: [], updatedAts: [], quotes: [], extras: [] };
    let previousStart = 0;
    annotations.forEach((a, i) => {
      packed.ids.push(a.id);
      packed.startSteps.push(a.start - previousStart);
      previousStart = a.start;
      packed.lengths.push(a.end - a.start);
      packed.documentIds.push(intern(a.documentId));
      packed.labelIds.push(intern(a.labelId));
      packed.authors.push(intern(a.author));
      packed.createdAts.push(intern(a.createdAt));
      packed.updatedAts.push(intern(a.updatedAt));
      if (!isTextsOwnQuote(text, a.start, a.end, a.quote)) packed.quotes.push([i, a.quote]);
      let extra: Record<string, unknown> | null = null;
      for (const key of Object.keys(a)) {
        if (COLUMN_FIELDS.has(key)) continue;
        extra ??= {};
        extra[key] = (a as Record<string, unknown>)[key];
      }
      if (extra) packed.extras.push([i, extra]);
    });
    return packed;
  });
  const { layers: _layers, ...rest } = view;
  return { ...rest, format: PACKED_VIEW_FORMAT, strings, layers };
}

/** Why a packed view could not be read: the main process and the window disagree about the format. */
export class PackedViewError extends Error {}

/**
 * The `DocumentView` a packed view stands for. Throws `PackedViewError` when
 * the value is not a packed view of this format or its columns disagree in
 * length (a window and a main process from different builds).
 */
export function unpackDocumentView(packed: PackedDocumentView): DocumentView {
  if (packed === null || typeof packed !== 'object' || packed.format !== PACKED_VIEW_FORMAT || !Array.isArray(packed.layers) || !Array.isArray(packed.strings)) {
    throw new PackedViewError(`the document came in a form this window does not read (expected ${PACKED_VIEW_FORMAT})`);
  }
  const text = packed.document.text;
  const { strings } = packed;
  const layers = packed.layers.map((layer): AnnotationLayer => {
    const { ids, startSteps, lengths, documentIds, labelIds, authors, createdAts, updatedAts, quotes, extras, ...rest } = layer;
    const n = ids.length;
    if ([startSteps, lengths, documentIds, labelIds, authors, createdAts, updatedAts].some((column) => column.length !== n)) {
      throw new PackedViewError(`layer ${layer.id} came with columns of different lengths`);
    }
    const quoteAt = new Map(quotes);
    const extraAt = new Map(extras);
    const stringAt = (index: number | undefined): string => {
      const value = index === undefined ? undefined : strings[index];
      if (value === undefined) throw new PackedViewError(`layer ${layer.id} points past its table of strings`);
      return value;
    };
    const annotations: Annotation[] = new Array<Annotation>(n);
    let start = 0;
    for (let i = 0; i < n; i++) {
      // Every column has n entries (checked above).
      start += startSteps[i]!;
      const end = start + lengths[i]!;
      const quote = quoteAt.get(i) ?? {
        exact: text.slice(start, end),
        prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
        suffix: text.slice(end, end + CONTEXT_LENGTH),
      };
      const annotation: Annotation = {
        id: ids[i]!,
        documentId: stringAt(documentIds[i]),
        start,
        end,
        quote,
        labelId: stringAt(labelIds[i]),
        author: stringAt(authors[i]),
        createdAt: stringAt(createdAts[i]),
        updatedAt: stringAt(updatedAts[i]),
      };
      const extra = extraAt.get(i);
      annotations[i] = extra ? { ...annotation, ...extra } : annotation;
    }
    return { ...rest, annotations } as AnnotationLayer;
  });
  const { format: _format, strings: _strings, layers: _layers, ...rest } = packed;
  return { ...rest, layers };
}
