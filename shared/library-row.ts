/**
 * The library list's row for a document, worked out from the document's
 * state. One function for both ends: the store answers with it, and the
 * window can patch its list from a view it already holds, so neither ever
 * fetches the whole list again after a tag.
 */
import { OWN_LAYER_ID, type AnnotationLayer, type ParleyDocument } from '../annotations/model';
import type { DocumentSummary } from './library';

/** What a library row is made from: a stored document file or a `DocumentView` alike. */
export interface LibraryRowSource {
  document: ParleyDocument;
  layers: readonly AnnotationLayer[];
  /** ISO time of the last change to the document or any of its layers. */
  updatedAt: string;
}

/**
 * The row of `state` in the library list: title, status, own-layer counts (in
 * total and per label), every layer's size, and the text's length in UTF-16
 * code units. Pure; never fails.
 */
export function libraryRowOf(state: LibraryRowSource): DocumentSummary {
  const { document } = state;
  const own = state.layers.find((l) => l.id === OWN_LAYER_ID)?.annotations ?? [];
  const countsByLabel: Record<string, number> = {};
  for (const a of own) countsByLabel[a.labelId] = (countsByLabel[a.labelId] ?? 0) + 1;
  return {
    id: document.id,
    title: document.title,
    source: document.source,
    sha256: document.sha256,
    importedAt: document.importedAt,
    updatedAt: state.updatedAt,
    status: document.status,
    annotationCount: own.length,
    countsByLabel,
    layers: state.layers.map((l) => ({ id: l.id, kind: l.kind, author: l.author, count: l.annotations.length })),
    length: document.text.length,
  };
}

/**
 * `rows` with `row` put in place of the row of the same document (same
 * position), or `rows` itself when no row has that id (a document deleted
 * meanwhile stays deleted) or when the row is older than the one shown.
 */
export function withLibraryRow(rows: readonly DocumentSummary[], row: DocumentSummary): DocumentSummary[] {
  const at = rows.findIndex((r) => r.id === row.id);
  if (at < 0 || rows[at]!.updatedAt > row.updatedAt) return rows as DocumentSummary[];
  const next = [...rows];
  next[at] = row;
  return next;
}

/**
 * Whether two values of plain data (JSON's kinds: strings, numbers, booleans,
 * null, arrays and objects of them) say the same, every field of every level
 * compared, so a field added to the library row later is compared too.
 */
function samePlainData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && samePlainData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/**
 * The list `next` (a fresh answer from the store) with each row that says
 * the same as the one shown in `shown` replaced by that shown row, so a list
 * drawn row by row (memoized) draws again only the rows that changed; `shown`
 * itself when nothing did.
 */
export function keepUnchangedRows(shown: readonly DocumentSummary[], next: readonly DocumentSummary[]): DocumentSummary[] {
  const before = new Map(shown.map((r) => [r.id, r]));
  let changed = shown.length !== next.length;
  const kept = next.map((row, i) => {
    const old = before.get(row.id);
    if (old && samePlainData(old, row)) {
      if (shown[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? kept : (shown as DocumentSummary[]);
}
